#include "boundaries/boundary.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "platform/text.h"

namespace securebase::boundaries {
namespace {

constexpr std::array<std::string_view, 6> kAreas{"time",    "emotional", "physical",
                                                 "digital", "material",  "other"};
constexpr std::array<std::string_view, 3> kKinds{"held", "crossed-by-them", "crossed-by-me"};
constexpr int64_t kLately = 30LL * 86'400'000;

template <size_t N>
std::optional<size_t> IndexOf(const std::array<std::string_view, N>& names, std::string_view t) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == t) return i;
  }
  return std::nullopt;
}

Status Fields(std::vector<FieldError> errors) {
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some fields need attention";
  return Status::Invalid(msg, std::move(errors));
}

void CheckText(std::vector<FieldError>& errors, const char* field, const std::string& text,
               size_t max, bool required) {
  if (!IsValidUtf8(text)) {
    errors.push_back({field, "is not valid UTF-8 text"});
  } else if (required && Trim(text).empty()) {
    errors.push_back({field, "is required"});
  } else if (text.size() > max) {
    errors.push_back({field, fmt::format("is {} bytes; the limit is {}", text.size(), max)});
  }
}

std::string_view DropOpening(std::string_view s, std::string_view opening) {
  s = Trim(s);
  if (s.size() > opening.size() && s[opening.size()] == ' ') {
    bool same = true;
    for (size_t i = 0; i < opening.size(); ++i) {
      same = same && std::tolower(static_cast<unsigned char>(s[i])) == opening[i];
    }
    if (same) s = Trim(s.substr(opening.size()));
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view AreaName(Area a) { return kAreas[static_cast<size_t>(a)]; }
std::optional<Area> ParseArea(std::string_view text) {
  if (auto i = IndexOf(kAreas, text)) return static_cast<Area>(*i);
  return std::nullopt;
}
std::string AreaChoices() { return "time, emotional, physical, digital, material, other"; }
std::string_view IncidentKindName(IncidentKind k) { return kKinds[static_cast<size_t>(k)]; }
std::optional<IncidentKind> ParseIncidentKind(std::string_view text) {
  if (auto i = IndexOf(kKinds, text)) return static_cast<IncidentKind>(*i);
  return std::nullopt;
}

std::string Script(std::string_view when, std::string_view will) {
  std::string_view w = DropOpening(when, "when");
  std::string_view i = DropOpening(DropOpening(will, "i"), "will");
  if (w.empty() || i.empty()) return "";
  return fmt::format("When {}, I will {}.", w, i);
}

Result<Boundary> BoundaryFromInput(const BoundaryInput& in, Instant now) {
  std::vector<FieldError> errors;
  Boundary b;
  if (!in.area) {
    errors.push_back({"area", "is required: one of " + AreaChoices()});
  } else if (auto a = ParseArea(*in.area)) {
    b.area = *a;
  } else {
    errors.push_back({"area", fmt::format("'{}' is not one of {}", *in.area, AreaChoices())});
  }
  if (in.person && *in.person <= 0) errors.push_back({"person", "must be an id"});
  b.script = Trim(in.script).empty() ? Script(in.when, in.will) : in.script;
  CheckText(errors, "limit", in.limit, kMaxLimitLength, true);
  CheckText(errors, "why", in.why, kMaxTextLength, false);
  CheckText(errors, "script", b.script, kMaxTextLength, false);
  CheckText(errors, "if_crossed", in.if_crossed, kMaxTextLength, false);
  TRY(Fields(std::move(errors)));
  b.person_id = in.person;
  b.limit = std::string(Trim(in.limit));
  b.why = in.why;
  b.if_crossed = in.if_crossed;
  b.created = now;
  return b;
}

Result<Boundary> ApplyEdit(const Boundary& b, const BoundaryEdit& edit) {
  BoundaryInput in;
  in.area = edit.area.value_or(std::string(AreaName(b.area)));
  in.person = edit.person.value_or(b.person_id);
  in.limit = edit.limit.value_or(b.limit);
  in.why = edit.why.value_or(b.why);
  in.script = edit.script.value_or(b.script);
  in.if_crossed = edit.if_crossed.value_or(b.if_crossed);
  in.when = edit.when;
  in.will = edit.will;
  TRY_ASSIGN(Boundary out, BoundaryFromInput(in, b.created));
  out.id = b.id;
  out.practices = b.practices;
  out.incidents = b.incidents;
  out.updated_ms = b.updated_ms;
  return out;
}

Status ValidateSteadiness(int64_t steadiness) {
  if (steadiness < 0 || steadiness > kMaxSteadiness) {
    return Status::InvalidField("steadiness",
                                fmt::format("is {}; use 0 (shaky) to 10 (steady)", steadiness));
  }
  return Status::Ok();
}

Status ValidateIncidentNote(const std::string& note) {
  std::vector<FieldError> errors;
  CheckText(errors, "note", note, kMaxTextLength, false);
  return Fields(std::move(errors));
}

Stats ComputeStats(const std::vector<Boundary>& all, Instant now) {
  Stats out;
  std::map<std::optional<int64_t>, PersonStats> people;
  for (const Boundary& b : all) {
    BoundaryStats s;
    s.boundary_id = b.id;
    PersonStats& p = people[b.person_id];
    p.person_id = b.person_id;
    for (const Incident& i : b.incidents) {
      bool crossed = i.kind != IncidentKind::kHeld;
      if (crossed && now.utc_ms - i.at.utc_ms <= kLately) ++s.crossed_lately;
      (i.kind == IncidentKind::kHeld            ? s.held
       : i.kind == IncidentKind::kCrossedByThem ? s.crossed_by_them
                                                : s.crossed_by_me)++;
    }
    p.held += s.held;
    p.crossed_by_them += s.crossed_by_them;
    p.crossed_by_me += s.crossed_by_me;
    s.practices = static_cast<int>(b.practices.size());
    if (!b.practices.empty()) {
      s.first_steadiness = b.practices.front().steadiness;
      s.last_steadiness = b.practices.back().steadiness;
    }
    out.boundaries.push_back(s);
  }
  std::stable_sort(out.boundaries.begin(), out.boundaries.end(),
                   [](const BoundaryStats& a, const BoundaryStats& b) {
                     return a.crossed_lately > b.crossed_lately;
                   });
  for (auto& [id, p] : people) out.people.push_back(p);
  return out;
}

}  // namespace securebase::boundaries
