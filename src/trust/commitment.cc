#include "trust/commitment.h"

#include <fmt/format.h>

#include "platform/text.h"
#include "trust/civil.h"
#include "trust/zone.h"

namespace securebase::trust {

std::string_view DirectionName(Direction d) { return d == Direction::kMine ? "mine" : "to-me"; }

std::optional<Direction> ParseDirection(std::string_view text) {
  if (text == "mine") return Direction::kMine;
  if (text == "to-me") return Direction::kToMe;
  return std::nullopt;
}

std::string_view OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kOpen:
      return "open";
    case Outcome::kKept:
      return "kept";
    case Outcome::kRenegotiated:
      return "renegotiated";
    case Outcome::kBroken:
      return "broken";
  }
  return "open";
}

std::optional<Outcome> ParseOutcome(std::string_view text) {
  for (Outcome o : {Outcome::kOpen, Outcome::kKept, Outcome::kRenegotiated, Outcome::kBroken}) {
    if (text == OutcomeName(o)) return o;
  }
  return std::nullopt;
}

namespace {

void CheckText(const std::string& field, const std::string& text, size_t max,
               std::vector<FieldError>& errors) {
  if (!IsValidUtf8(text)) {
    errors.push_back({field, "is not valid text"});
  } else if (text.size() > max) {
    errors.push_back({field, fmt::format("is too long (at most {} bytes)", max)});
  }
}

}  // namespace

Result<Commitment> BuildCommitment(const CommitmentInput& in, const std::string& default_zone) {
  std::vector<FieldError> errors;
  Commitment c;
  c.what = std::string(Trim(in.what));
  if (c.what.empty()) errors.push_back({"what", "is required: what was promised"});
  CheckText("what", c.what, kMaxWhatLength, errors);
  if (HasControlCharacters(c.what)) errors.push_back({"what", "must be one line"});
  c.person_id = in.person;
  if (c.person_id && *c.person_id <= 0) errors.push_back({"person", "must be a person's id"});
  auto dir = ParseDirection(in.direction);
  if (!dir) errors.push_back({"direction", "must be 'mine' or 'to-me'"});
  c.direction = dir.value_or(Direction::kMine);
  if (!in.due.empty()) {
    c.due_day = ParseDay(in.due);
    if (!c.due_day) errors.push_back({"due", "must be a date like 2026-12-01"});
  }
  if (!in.time.empty()) {
    c.due_minutes = ParseTimeOfDay(in.time);
    if (!c.due_minutes) errors.push_back({"time", "must be a time like 08:00"});
    if (in.due.empty()) errors.push_back({"time", "needs a date (due) to go with it"});
  }
  c.zone = in.zone.empty() ? default_zone : in.zone;
  if (auto z = LoadZone(c.zone); !z.ok())
    errors.push_back({"zone", z.status().fields()[0].message});
  auto repeat = ParseRepeat(in.repeat, c.due_day.value_or(0));
  if (!repeat.ok()) {
    errors.push_back(repeat.status().fields()[0]);
  } else {
    c.repeat = *repeat;
    if (c.repeat.kind != RepeatKind::kNone && in.due.empty())
      errors.push_back({"repeat", "needs a first date (due) to start from"});
  }
  if (!in.until.empty()) {
    c.until_day = ParseDay(in.until);
    if (!c.until_day)
      errors.push_back({"until", "must be a date like 2027-06-30"});
    else if (c.due_day && *c.until_day < *c.due_day)
      errors.push_back({"until", "is before the first date"});
  }
  if (!errors.empty()) {
    std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                         : "some fields need attention";
    return Status::Invalid(msg, errors);
  }
  return c;
}

int64_t UndatedDay(const Commitment& c) {
  return LocalDay(c.created.utc_ms, c.created.offset_minutes);
}

Status ValidateOutcomeNote(Outcome o, const std::string& note) {
  std::vector<FieldError> errors;
  CheckText("note", note, kMaxNoteLength, errors);
  if (o == Outcome::kOpen) errors.push_back({"outcome", "must be kept, renegotiated or broken"});
  if (o == Outcome::kRenegotiated && Trim(note).empty())
    errors.push_back({"note", "is required: the new terms you agreed"});
  if (errors.empty()) return Status::Ok();
  return Status::Invalid(errors[0].field + ": " + errors[0].message, errors);
}

}  // namespace securebase::trust
