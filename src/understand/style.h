#pragma once
// The four styles as regions of the anxiety x avoidance plane (Bartholomew & Horowitz 1991).
// The scores are the data; a style is only a label for where they fall.
#include <optional>
#include <string_view>

#include "understand/scoring.h"

namespace securebase::understand {

enum class Style { kSecure, kPreoccupied, kDismissing, kFearful };

// "secure", "preoccupied", "dismissing", "fearful" (the batch scorer's output words).
std::string_view StyleId(Style s);
// "Secure", "Anxious-preoccupied", "Dismissive-avoidant", "Fearful-avoidant".
std::string_view StyleName(Style s);

struct Placement {
  Style style;
  // Signed distance of each score from the cut point: positive = above (higher), in scale
  // points. For the RQ, model of self / other stand in (higher = more secure).
  double anxiety_from_cut = 0;
  double avoidance_from_cut = 0;
};

// Where the scores fall. "High" means strictly above `cut` (a score on the cut point counts
// as low). For the RQ the cut is 0 on both models, and a model below 0 counts as insecure
// on that side. Empty when a needed score is missing.
std::optional<Placement> Place(const Scores& scores, ScoringRule rule, double cut);

}  // namespace securebase::understand
