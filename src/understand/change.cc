#include "understand/change.h"

#include <fmt/format.h>

#include <cmath>

namespace securebase::understand {

std::optional<double> ReliableChangeIndex(double before, double after, double sd, double r) {
  if (!(sd > 0) || !(r >= 0) || !(r < 1)) return std::nullopt;
  double s_diff = std::sqrt(2.0) * sd * std::sqrt(1.0 - r);
  return (after - before) / s_diff;
}

std::string_view DirectionId(Direction d) {
  switch (d) {
    case Direction::kTowardSecurity:
      return "toward-security";
    case Direction::kAwayFromSecurity:
      return "away-from-security";
    case Direction::kMixed:
      return "mixed";
    case Direction::kNoReliableChange:
      return "no-reliable-change";
    case Direction::kCannotJudge:
      return "cannot-judge";
  }
  return "cannot-judge";
}

Change CompareScores(const Instrument& instrument, const Scores& before, const Scores& after) {
  Change change;
  const std::pair<const char*, std::optional<double> Scores::*> dims[] = {
      {"anxiety", &Scores::anxiety}, {"avoidance", &Scores::avoidance}};
  bool any_figures_missing = false, fell = false, rose = false;
  for (auto [name, field] : dims) {
    const auto& b = before.*field;
    const auto& a = after.*field;
    if (!b || !a) {
      any_figures_missing = true;
      continue;
    }
    DimensionChange d;
    d.dimension = name;
    d.before = *b;
    d.after = *a;
    d.difference = *a - *b;
    auto rel = instrument.reliability.find(name);
    if (rel != instrument.reliability.end()) {
      d.rci = ReliableChangeIndex(*b, *a, rel->second.sd, rel->second.retest_r);
      if (d.rci) {
        d.threshold =
            kReliableZ * std::sqrt(2.0) * rel->second.sd * std::sqrt(1 - rel->second.retest_r);
        d.reliable = std::fabs(*d.rci) > kReliableZ;
        change.assumed_figures |= rel->second.assumed;
        fell |= d.reliable && d.difference < 0;
        rose |= d.reliable && d.difference > 0;
      }
    }
    if (!d.rci) any_figures_missing = true;
    change.dimensions.push_back(d);
  }
  if (fell && rose) {
    change.direction = Direction::kMixed;
    change.summary =
        "One score moved reliably toward security and the other reliably away from it.";
  } else if (fell) {
    change.direction = Direction::kTowardSecurity;
    change.summary =
        "You moved toward security by more than measurement noise alone would explain.";
  } else if (rose) {
    change.direction = Direction::kAwayFromSecurity;
    change.summary =
        "Your scores rose by more than measurement noise alone would explain. Hard seasons "
        "show up here too; it is information, not a verdict on you.";
  } else if (any_figures_missing) {
    change.direction = Direction::kCannotJudge;
    change.summary = instrument.reliability.empty()
                         ? "This questionnaire has no published reliability figures, so the "
                           "app cannot say whether a change is more than noise."
                         : "A score is missing, so the app cannot judge this change.";
  } else {
    change.direction = Direction::kNoReliableChange;
    change.summary =
        "The change is within what measurement noise alone could produce; it may still be "
        "the start of something, so keep going.";
  }
  if (change.assumed_figures && change.direction != Direction::kCannotJudge) {
    change.summary +=
        " The noise estimate for this questionnaire is an assumption, not a measurement, so "
        "read this as a rough guide.";
  }
  return change;
}

}  // namespace securebase::understand
