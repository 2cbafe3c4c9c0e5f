#include "communicate/conflict.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "platform/text.h"

namespace securebase::communicate {
namespace {

constexpr std::array<std::string_view, 4> kHorsemen{"criticism", "contempt", "defensiveness",
                                                    "stonewalling"};
constexpr std::array<std::string_view, 3> kOutcomes{"repaired", "partly", "not-yet"};

Status Fields(std::vector<FieldError> errors) {
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some fields need attention";
  return Status::Invalid(msg, std::move(errors));
}

void CheckText(std::vector<FieldError>& errors, const char* field, const std::string& text,
               size_t max, bool required) {
  if (!IsValidUtf8(text) || HasControlCharacters(text)) {
    errors.push_back({field, "is not plain UTF-8 text"});
  } else if (required && Trim(text).empty()) {
    errors.push_back({field, "is required"});
  } else if (text.size() > max) {
    errors.push_back({field, fmt::format("is {} bytes; the limit is {}", text.size(), max)});
  }
}

std::vector<Count> Sorted(const std::map<std::string, int>& counts, int at_least) {
  std::vector<Count> out;
  for (const auto& [name, n] : counts) {
    if (n >= at_least) out.push_back({name, n});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const Count& a, const Count& b) { return a.count > b.count; });
  return out;
}

}  // namespace

std::string_view HorsemanName(Horseman h) { return kHorsemen[static_cast<size_t>(h)]; }
std::optional<Horseman> ParseHorseman(std::string_view text) {
  for (size_t i = 0; i < kHorsemen.size(); ++i) {
    if (kHorsemen[i] == text) return static_cast<Horseman>(i);
  }
  return std::nullopt;
}
std::string_view OutcomeName(Outcome o) { return kOutcomes[static_cast<size_t>(o)]; }
std::optional<Outcome> ParseOutcome(std::string_view text) {
  for (size_t i = 0; i < kOutcomes.size(); ++i) {
    if (kOutcomes[i] == text) return static_cast<Outcome>(i);
  }
  return std::nullopt;
}

Result<Conflict> ConflictFromInput(const ConflictInput& in, Instant happened) {
  std::vector<FieldError> errors;
  Conflict c;
  if (!in.person || *in.person <= 0) errors.push_back({"person", "is required: who it was with"});
  CheckText(errors, "topic", in.topic, kMaxTopicLength, true);
  CheckText(errors, "notes", in.notes, kMaxConflictNotesLength, false);
  auto horsemen = [&](const char* field, const std::vector<std::string>& names,
                      std::vector<Horseman>& out) {
    for (size_t i = 0; i < names.size(); ++i) {
      auto h = ParseHorseman(names[i]);
      if (!h) {
        errors.push_back({fmt::format("{}[{}]", field, i),
                          fmt::format("'{}' is not one of criticism, contempt, defensiveness, "
                                      "stonewalling",
                                      names[i])});
      } else if (std::find(out.begin(), out.end(), *h) == out.end()) {
        out.push_back(*h);
      }
    }
  };
  horsemen("horsemen_me", in.horsemen_me, c.horsemen_me);
  horsemen("horsemen_them", in.horsemen_them, c.horsemen_them);
  if (in.outcome) {
    if (auto o = ParseOutcome(*in.outcome)) {
      c.outcome = *o;
    } else {
      errors.push_back(
          {"outcome", fmt::format("'{}' is not repaired, partly or not-yet", *in.outcome)});
    }
  }
  TRY(Fields(std::move(errors)));
  c.person_id = *in.person;
  c.happened = happened;
  c.topic = std::string(Trim(in.topic));
  c.notes = in.notes;
  c.flooded_me = in.flooded_me;
  c.flooded_them = in.flooded_them;
  if (c.outcome == Outcome::kRepaired) c.repaired_ms = happened.utc_ms;
  return c;
}

Status ValidateRepair(const Repair& r) {
  std::vector<FieldError> errors;
  CheckText(errors, "what", r.what, 2'000, true);
  return Fields(std::move(errors));
}

Result<Conflict> ApplyEdit(const Conflict& c, const ConflictEdit& edit, Instant now) {
  auto names = [](const std::vector<Horseman>& hs) {
    std::vector<std::string> out;
    for (Horseman h : hs) out.emplace_back(HorsemanName(h));
    return out;
  };
  ConflictInput in;
  in.person = edit.person.value_or(c.person_id);
  in.topic = edit.topic.value_or(c.topic);
  in.notes = edit.notes.value_or(c.notes);
  in.horsemen_me = edit.horsemen_me.value_or(names(c.horsemen_me));
  in.horsemen_them = edit.horsemen_them.value_or(names(c.horsemen_them));
  in.flooded_me = edit.flooded_me.value_or(c.flooded_me);
  in.flooded_them = edit.flooded_them.value_or(c.flooded_them);
  in.outcome = edit.outcome.value_or(std::string(OutcomeName(c.outcome)));
  TRY_ASSIGN(Conflict out, ConflictFromInput(in, edit.happened.value_or(c.happened)));
  out.id = c.id;
  out.repairs = c.repairs;
  out.updated_ms = c.updated_ms;
  out.repaired_ms.reset();
  if (out.outcome == Outcome::kRepaired) {
    int64_t at = c.outcome == Outcome::kRepaired && c.repaired_ms ? *c.repaired_ms : now.utc_ms;
    out.repaired_ms = std::max(at, out.happened.utc_ms);
  }
  return out;
}

ConflictInsights Insights(const std::vector<Conflict>& conflicts) {
  ConflictInsights out;
  out.conflicts = static_cast<int>(conflicts.size());
  std::map<int64_t, PersonRepairs> people;
  std::map<int64_t, std::vector<int64_t>> times;
  std::map<std::string, int> topics, horsemen;
  for (const Conflict& c : conflicts) {
    PersonRepairs& p = people[c.person_id];
    p.person_id = c.person_id;
    ++p.conflicts;
    if (c.outcome == Outcome::kRepaired) {
      ++p.repaired;
      if (c.repaired_ms) times[c.person_id].push_back(*c.repaired_ms - c.happened.utc_ms);
    }
    if (c.outcome == Outcome::kPartly) ++p.partly;
    std::string topic;
    for (char ch : c.topic)
      topic += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    ++topics[topic];
    for (Horseman h : c.horsemen_me) ++horsemen[std::string(HorsemanName(h))];
    for (Horseman h : c.horsemen_them) ++horsemen[std::string(HorsemanName(h))];
    if (c.flooded_me || c.flooded_them) ++out.flooded;
  }
  for (auto& [id, p] : people) {
    p.repair_rate = static_cast<double>(p.repaired) / p.conflicts;
    auto& t = times[id];
    if (!t.empty()) {
      std::sort(t.begin(), t.end());
      size_t n = t.size();
      p.median_ms_to_repair = n % 2 ? t[n / 2] : (t[n / 2 - 1] + t[n / 2]) / 2;
    }
    out.people.push_back(p);
  }
  out.topics = Sorted(topics, 2);
  out.horsemen = Sorted(horsemen, 1);
  return out;
}

}  // namespace securebase::communicate
