#pragma once
// Is a change between two assessments real? The Reliable Change Index of Jacobson & Truax
// (1991): SE = SD * sqrt(1 - r); S_diff = sqrt(2) * SE; RCI = (x2 - x1) / S_diff;
// |RCI| > 1.96 is reliable at the 95% level.
#include <optional>
#include <string>

#include "understand/instrument.h"
#include "understand/scoring.h"

namespace securebase::understand {

inline constexpr double kReliableZ = 1.96;

enum class Direction {
  kTowardSecurity,    // a dimension fell reliably, and none rose reliably
  kAwayFromSecurity,  // a dimension rose reliably, and none fell reliably
  kMixed,             // one fell reliably and the other rose reliably
  kNoReliableChange,  // neither moved more than measurement noise
  kCannotJudge,       // no reliability figures, or a score is missing
};

struct DimensionChange {
  std::string dimension;  // "anxiety" | "avoidance"
  double before = 0, after = 0, difference = 0;
  std::optional<double> rci;        // empty when the instrument has no figures
  std::optional<double> threshold;  // smallest |difference| that is reliable
  bool reliable = false;
};

struct Change {
  Direction direction = Direction::kCannotJudge;
  std::vector<DimensionChange> dimensions;
  bool assumed_figures = false;  // a verdict rests on assumed, not measured, reliability
  std::string summary;           // one or two plain sentences for the person
};

// RCI for one difference; empty when sd <= 0 or r outside [0, 1).
std::optional<double> ReliableChangeIndex(double before, double after, double sd, double r);

// Compares two scorings of the same instrument.
Change CompareScores(const Instrument& instrument, const Scores& before, const Scores& after);

std::string_view DirectionId(Direction d);  // "toward-security", "away-from-security", ...

}  // namespace securebase::understand
