#include "people/person.h"

#include <fmt/format.h>

#include <array>

#include "platform/text.h"

namespace securebase::people {
namespace {
constexpr std::array<std::pair<Relationship, std::string_view>, 8> kNames{{
    {Relationship::kPartner, "partner"},
    {Relationship::kExPartner, "ex-partner"},
    {Relationship::kParent, "parent"},
    {Relationship::kSibling, "sibling"},
    {Relationship::kChild, "child"},
    {Relationship::kFriend, "friend"},
    {Relationship::kColleague, "colleague"},
    {Relationship::kOther, "other"},
}};
}  // namespace

std::string_view RelationshipName(Relationship r) {
  for (auto& [rel, name] : kNames) {
    if (rel == r) return name;
  }
  return "other";
}

std::optional<Relationship> ParseRelationship(std::string_view text) {
  for (auto& [rel, name] : kNames) {
    if (name == text) return rel;
  }
  return std::nullopt;
}

std::string RelationshipChoices() {
  std::string out;
  for (auto& [rel, name] : kNames) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

Status ValidatePersonEdit(const PersonEdit& edit, bool creating) {
  std::vector<FieldError> errors;
  if (edit.name) {
    std::string_view name = Trim(*edit.name);
    if (!IsValidUtf8(name)) {
      errors.push_back({"name", "is not valid UTF-8 text"});
    } else if (name.empty()) {
      errors.push_back({"name", "is empty; give a name or a nickname"});
    } else if (CodePointCount(name) > kMaxNameLength) {
      errors.push_back({"name", fmt::format("is longer than {} characters", kMaxNameLength)});
    } else if (HasControlCharacters(name) || name.find('\n') != std::string_view::npos) {
      errors.push_back({"name", "contains line breaks or control characters"});
    }
  } else if (creating) {
    errors.push_back({"name", "is required"});
  }
  if (edit.relationship && !ParseRelationship(*edit.relationship)) {
    errors.push_back({"relationship", fmt::format("'{}' is not one of: {}", *edit.relationship,
                                                  RelationshipChoices())});
  }
  if (edit.notes) {
    if (!IsValidUtf8(*edit.notes)) {
      errors.push_back({"notes", "is not valid UTF-8 text"});
    } else if (edit.notes->size() > kMaxNotesLength) {
      errors.push_back({"notes", fmt::format("is {} bytes; the limit is {}", edit.notes->size(),
                                             kMaxNotesLength)});
    }
  }
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some fields need attention";
  return Status::Invalid(msg, std::move(errors));
}

void ApplyEdit(const PersonEdit& edit, Person& person) {
  if (edit.name) person.name = std::string(Trim(*edit.name));
  if (edit.relationship) person.relationship = *ParseRelationship(*edit.relationship);
  if (edit.notes) person.notes = *edit.notes;
}

int64_t References::Count(std::string_view kind) const {
  for (const auto& [k, n] : counts)
    if (k == kind) return n;
  return 0;
}

namespace {
// "regulation_sessions" -> "regulation session" (for a count of one), else spaces only.
std::string KindWords(std::string kind, int64_t n) {
  for (char& ch : kind)
    if (ch == '_') ch = ' ';
  if (n != 1) return kind;
  if (kind.ends_with("ies")) return kind.substr(0, kind.size() - 3) + "y";
  if (kind.ends_with("s")) kind.pop_back();
  return kind;
}
}  // namespace

std::string References::Describe() const {
  if (empty()) return "nothing else";
  std::string out;
  for (const auto& [kind, n] : counts) {
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", n, KindWords(kind, n));
  }
  return out;
}

}  // namespace securebase::people
