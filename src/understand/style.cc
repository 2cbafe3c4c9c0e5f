#include "understand/style.h"

namespace securebase::understand {

std::string_view StyleId(Style s) {
  switch (s) {
    case Style::kSecure:
      return "secure";
    case Style::kPreoccupied:
      return "preoccupied";
    case Style::kDismissing:
      return "dismissing";
    case Style::kFearful:
      return "fearful";
  }
  return "secure";
}

std::string_view StyleName(Style s) {
  switch (s) {
    case Style::kSecure:
      return "Secure";
    case Style::kPreoccupied:
      return "Anxious-preoccupied";
    case Style::kDismissing:
      return "Dismissive-avoidant";
    case Style::kFearful:
      return "Fearful-avoidant";
  }
  return "Secure";
}

namespace {
Style FromHighLow(bool high_anxiety, bool high_avoidance) {
  if (high_anxiety) return high_avoidance ? Style::kFearful : Style::kPreoccupied;
  return high_avoidance ? Style::kDismissing : Style::kSecure;
}
}  // namespace

std::optional<Placement> Place(const Scores& scores, ScoringRule rule, double cut) {
  if (rule == ScoringRule::kRq) {
    if (!scores.model_of_self || !scores.model_of_other) return std::nullopt;
    // A negative model of self plays the part of high anxiety; of other, high avoidance.
    // As with the mean scores, a point exactly on the cut (0) counts on the secure side.
    double self = *scores.model_of_self, other = *scores.model_of_other;
    return Placement{FromHighLow(self < 0, other < 0), self, other};
  }
  if (!scores.anxiety || !scores.avoidance) return std::nullopt;
  double anx = *scores.anxiety - cut, avo = *scores.avoidance - cut;
  return Placement{FromHighLow(anx > 0, avo > 0), anx, avo};
}

}  // namespace securebase::understand
