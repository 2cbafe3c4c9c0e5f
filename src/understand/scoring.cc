#include "understand/scoring.h"

#include <fmt/format.h>

#include <cmath>

namespace securebase::understand {
namespace {

// Dimension order per rule: kMean -> anxiety, avoidance; kRq -> the four prototypes.
int DimensionIndex(ScoringRule rule, const std::string& dimension) {
  static const char* kMeanDims[] = {"anxiety", "avoidance"};
  static const char* kRqDims[] = {"secure", "preoccupied", "dismissing", "fearful"};
  if (rule == ScoringRule::kMean) {
    for (int i = 0; i < 2; ++i)
      if (dimension == kMeanDims[i]) return i;
  } else {
    for (int i = 0; i < 4; ++i)
      if (dimension == kRqDims[i]) return i;
  }
  return -1;
}

}  // namespace

ScoringKey::ScoringKey(const Instrument& instrument)
    : instrument_id_(instrument.id),
      rule_(instrument.rule),
      min_(instrument.scale.min),
      max_(instrument.scale.max),
      reverse_sum_(instrument.scale.min + instrument.scale.max),
      item_count_(instrument.items.size()) {
  for (size_t i = 0; i < instrument.items.size(); ++i) {
    positions_.emplace(instrument.items[i].id, static_cast<int>(i));
  }
  for (const auto& sub : instrument.subscales) {
    Part part;
    part.dimension = DimensionIndex(rule_, sub.dimension);
    for (const auto& id : sub.items) {
      part.items.emplace_back(instrument.ItemIndex(id), sub.reversed.count(id) > 0);
    }
    // Prorate when no more than the allowed share is missing: floor(n * fraction) items.
    part.max_missing = static_cast<int>(std::floor(
        static_cast<double>(part.items.size()) * instrument.max_missing_fraction + 1e-9));
    if (part.dimension >= 0) parts_.push_back(std::move(part));
  }
}

Scores ScoringKey::Score(std::span<const int> answers) const {
  std::optional<double> dims[4];
  for (const auto& part : parts_) {
    int sum = 0, answered = 0;
    for (auto [pos, reversed] : part.items) {
      int x = answers[static_cast<size_t>(pos)];
      if (x == kMissing) continue;
      sum += reversed ? reverse_sum_ - x : x;
      ++answered;
    }
    int missing = static_cast<int>(part.items.size()) - answered;
    if (answered > 0 && missing <= part.max_missing) {
      dims[part.dimension] = static_cast<double>(sum) / answered;
    }
  }
  Scores s;
  if (rule_ == ScoringRule::kMean) {
    s.anxiety = dims[0];
    s.avoidance = dims[1];
  } else if (dims[0] && dims[1] && dims[2] && dims[3]) {
    double sec = *dims[0], pre = *dims[1], dis = *dims[2], fea = *dims[3];
    s.model_of_self = (sec + dis) - (pre + fea);
    s.model_of_other = (sec + pre) - (dis + fea);
  }
  return s;
}

namespace {
Status AnswerErrors(std::vector<FieldError> errors) {
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : fmt::format("{} answers need attention", errors.size());
  return Status::Invalid(msg, std::move(errors));
}
}  // namespace

Result<Scores> ScoringKey::ScoreAnswers(const std::map<std::string, int>& answers) const {
  std::vector<int> by_position(item_count_, kMissing);
  std::vector<FieldError> errors;
  for (const auto& [id, value] : answers) {
    auto it = positions_.find(id);
    if (it == positions_.end()) {
      errors.push_back({"answers." + id, fmt::format("is not an item of {}", instrument_id_)});
    } else if (value < min_ || value > max_) {
      errors.push_back(
          {"answers." + id, fmt::format("{} is outside the scale {} to {}", value, min_, max_)});
    } else {
      by_position[static_cast<size_t>(it->second)] = value;
    }
  }
  if (!errors.empty()) return AnswerErrors(std::move(errors));
  return Score(by_position);
}

Result<std::vector<int>> AnswersByPosition(const Instrument& instrument,
                                           const std::map<std::string, int>& answers) {
  std::vector<int> out(instrument.items.size(), kMissing);
  std::vector<FieldError> errors;
  for (const auto& [id, value] : answers) {
    int pos = instrument.ItemIndex(id);
    if (pos < 0) {
      errors.push_back({"answers." + id, fmt::format("is not an item of {}", instrument.id)});
    } else if (!instrument.scale.Contains(value)) {
      errors.push_back({"answers." + id, fmt::format("{} is outside the scale {} to {}", value,
                                                     instrument.scale.min, instrument.scale.max)});
    } else {
      out[static_cast<size_t>(pos)] = value;
    }
  }
  if (!errors.empty()) return AnswerErrors(std::move(errors));
  return out;
}

}  // namespace securebase::understand
