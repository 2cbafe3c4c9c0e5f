#pragma once
// A conflict with someone: what it was about, which of the four horsemen showed up on
// either side, whether either was flooded, the repair attempts and the outcome. And the
// insights drawn from them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::communicate {

enum class Horseman { kCriticism, kContempt, kDefensiveness, kStonewalling };
enum class Outcome { kRepaired, kPartly, kNotYet };

std::string_view HorsemanName(Horseman h);  // "criticism", ...
std::optional<Horseman> ParseHorseman(std::string_view text);
std::string_view OutcomeName(Outcome o);  // "repaired", "partly", "not-yet"
std::optional<Outcome> ParseOutcome(std::string_view text);

inline constexpr size_t kMaxTopicLength = 200;
inline constexpr size_t kMaxConflictNotesLength = 20'000;

struct Repair {
  int64_t id = 0;
  bool by_me = true;  // false: they reached out
  std::string what;
  Instant at;
};

struct Conflict {
  int64_t id = 0;
  int64_t person_id = 0;
  Instant happened;
  std::string topic;
  std::string notes;
  std::vector<Horseman> horsemen_me, horsemen_them;
  bool flooded_me = false, flooded_them = false;
  Outcome outcome = Outcome::kNotYet;
  std::optional<int64_t> repaired_ms;  // when it was marked repaired
  std::vector<Repair> repairs;         // oldest first
  std::optional<int64_t> updated_ms;   // last edited (UTC ms); empty: never
};

// What a person sends: horsemen and outcome as names ("contempt", "partly").
struct ConflictInput {
  std::optional<int64_t> person;
  std::string topic, notes;
  std::vector<std::string> horsemen_me, horsemen_them;
  bool flooded_me = false, flooded_them = false;
  std::optional<std::string> outcome;
};

// Field errors: "person", "topic", "notes", "horsemen_me[1]", "horsemen_them[0]", "outcome".
Result<Conflict> ConflictFromInput(const ConflictInput& in, Instant happened);
// "what" 1..2,000 bytes of UTF-8.
Status ValidateRepair(const Repair& r);

// A change to a logged conflict: only the fields that are set change.
struct ConflictEdit {
  std::optional<int64_t> person;
  std::optional<Instant> happened;
  std::optional<std::string> topic, notes;
  std::optional<std::vector<std::string>> horsemen_me, horsemen_them;
  std::optional<bool> flooded_me, flooded_them;
  std::optional<std::string> outcome;
};

// `c` with `edit` applied, validated as ConflictFromInput does (same field names). Marking
// it repaired records `now` as the time (never earlier than when it happened); a conflict
// that stays repaired keeps its time; any other outcome clears it. Repairs are kept.
Result<Conflict> ApplyEdit(const Conflict& c, const ConflictEdit& edit, Instant now);

struct PersonRepairs {
  int64_t person_id = 0;
  int conflicts = 0, repaired = 0, partly = 0;
  double repair_rate = 0;                      // repaired / conflicts
  std::optional<int64_t> median_ms_to_repair;  // happened -> marked repaired
};
struct Count {
  std::string name;
  int count = 0;
};
struct ConflictInsights {
  int conflicts = 0;
  std::vector<PersonRepairs> people;  // by person id
  std::vector<Count> topics;          // topics seen at least twice, most first
  std::vector<Count> horsemen;        // both sides together, most first
  int flooded = 0;                    // conflicts where either side was flooded
};

ConflictInsights Insights(const std::vector<Conflict>& conflicts);

}  // namespace securebase::communicate
