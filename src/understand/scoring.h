#pragma once
// Scoring an instrument's answers: reverse keys, subscale means, proration of missing
// answers, and the RQ's model-of-self / model-of-other differences.
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "understand/instrument.h"

namespace securebase::understand {

inline constexpr int kMissing = std::numeric_limits<int>::min();

// The two dimensions. For kMean instruments these are the subscale means; for the RQ,
// anxiety and avoidance are absent and model_of_self / model_of_other are set.
struct Scores {
  std::optional<double> anxiety;
  std::optional<double> avoidance;
  std::optional<double> model_of_self;   // RQ: (secure + dismissing) - (preoccupied + fearful)
  std::optional<double> model_of_other;  // RQ: (secure + preoccupied) - (dismissing + fearful)
};

// An instrument compiled for fast scoring: item positions instead of ids.
// Answers are given by item position (Instrument::items order); kMissing for no answer.
class ScoringKey {
 public:
  explicit ScoringKey(const Instrument& instrument);
  // REQUIRES: answers.size() == number of items, and every present answer in the scale.
  Scores Score(std::span<const int> answers) const;
  // Answers by item id: checks them (errors name "answers.<id>") and scores them.
  Result<Scores> ScoreAnswers(const std::map<std::string, int>& answers) const;
  size_t item_count() const { return item_count_; }

 private:
  struct Part {
    int dimension;                            // index into the rule's dimension list
    std::vector<std::pair<int, bool>> items;  // (position, reversed)
    int max_missing;  // answers that may be missing before the subscale has no score
  };
  std::string instrument_id_;
  ScoringRule rule_;
  int min_, max_;
  int reverse_sum_;                                 // min + max
  std::unordered_map<std::string, int> positions_;  // item id -> position
  size_t item_count_;
  std::vector<Part> parts_;
};

// Answers by item id -> by position; unknown ids and out-of-range values are errors naming
// "answers.<id>". (ScoringKey::ScoreAnswers does the same faster, for repeated use.)
Result<std::vector<int>> AnswersByPosition(const Instrument& instrument,
                                           const std::map<std::string, int>& answers);

}  // namespace securebase::understand
