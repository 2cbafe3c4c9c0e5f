#pragma once
// A commitment: to whom (a person, or myself), what, when it is due (a date, a date and a
// local time in a time zone, or none), how it repeats, and what happened each time it fell
// due: kept, renegotiated (new terms agreed: a healthy outcome) or broken (with the repair).
// Commitments others made to me are kept too, to see trust both ways.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"
#include "trust/recurrence.h"

namespace securebase::trust {

enum class Direction { kMine, kToMe };  // I made it / someone made it to me
enum class Outcome { kOpen, kKept, kRenegotiated, kBroken };

std::string_view DirectionName(Direction d);  // "mine", "to-me"
std::optional<Direction> ParseDirection(std::string_view text);
std::string_view OutcomeName(Outcome o);  // "open", "kept", "renegotiated", "broken"
std::optional<Outcome> ParseOutcome(std::string_view text);

inline constexpr size_t kMaxWhatLength = 500;
inline constexpr size_t kMaxNoteLength = 10'000;

struct Commitment {
  int64_t id = 0;
  std::optional<int64_t> person_id;  // empty: to myself
  Direction direction = Direction::kMine;
  std::string what;
  std::optional<int64_t> due_day;  // local day number; empty: no date
  std::optional<int> due_minutes;  // local time of day; empty: any time that day
  std::string zone;                // IANA name or "+02:00"; the zone due_minutes is in
  Repeat repeat;
  std::optional<int64_t> until_day;
  std::optional<int64_t> renegotiated_from;  // the commitment this one replaced
  bool archived = false;
  Instant created;
};

// What happened at one due day (for a commitment without a date: its creation day).
struct OccurrenceOutcome {
  int64_t commitment_id = 0;
  int64_t day = 0;
  Outcome outcome = Outcome::kOpen;
  std::string note;  // the new terms (renegotiated) or the repair (broken)
  Instant at;
};

// What a person typed to add a commitment.
struct CommitmentInput {
  std::string what;
  std::optional<int64_t> person;
  std::string direction = "mine";
  std::string due;     // "2026-12-01", or empty
  std::string time;    // "08:00", or empty
  std::string zone;    // empty: the default passed to Build
  std::string repeat;  // see ParseRepeat
  std::string until;   // "2027-06-30", or empty
};

// Checks and turns input into a commitment (id and created unset). Field errors name
// "what", "direction", "due", "time", "zone", "repeat", "until".
Result<Commitment> BuildCommitment(const CommitmentInput& in, const std::string& default_zone);

// The day the outcome of an undated commitment is filed under.
int64_t UndatedDay(const Commitment& c);

// Checks a note for "kept", "renegotiated" (terms required) or "broken" (repair optional).
Status ValidateOutcomeNote(Outcome o, const std::string& note);

}  // namespace securebase::trust
