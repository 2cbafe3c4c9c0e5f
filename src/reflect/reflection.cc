#include "reflect/reflection.h"

#include <fmt/format.h>

#include <algorithm>

#include "platform/text.h"

namespace securebase::reflect {
namespace {

constexpr std::array<std::string_view, kTextFields.size()> kTextNames{
    "situation", "body", "thoughts", "urges", "actions", "needs", "next_time"};
constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;

// Problems with one short word (an emotion or a tag); empty when fine.
std::string WordProblem(std::string_view word) {
  if (!IsValidUtf8(word)) return "is not valid UTF-8 text";
  if (word.empty()) return "is empty";
  if (CodePointCount(word) > kMaxWordLength) {
    return fmt::format("is longer than {} characters", kMaxWordLength);
  }
  if (HasControlCharacters(word) || word.find_first_of("\r\n\t") != std::string_view::npos) {
    return "must be on one line";
  }
  return "";
}

}  // namespace

std::string_view ActivationName(Activation a) {
  switch (a) {
    case Activation::kToward:
      return "toward";
    case Activation::kAway:
      return "away";
    case Activation::kNeither:
      return "neither";
  }
  return "neither";
}

std::optional<Activation> ParseActivation(std::string_view text) {
  for (Activation a : {Activation::kToward, Activation::kAway, Activation::kNeither}) {
    if (ActivationName(a) == text) return a;
  }
  return std::nullopt;
}

std::string_view TextFieldName(TextField f) { return kTextNames[static_cast<size_t>(f)]; }

int Reflection::Intensity() const {
  int most = 0;
  for (const auto& e : emotions) most = std::max(most, e.intensity);
  return most;
}

std::string Reflection::AllText() const {
  std::string all;
  for (const auto& t : texts) {
    if (t.empty()) continue;
    if (!all.empty()) all += "\n\n";
    all += t;
  }
  return all;
}

std::string NormalizeWord(std::string_view word) {
  std::string out(Trim(word));
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status ValidateReflectionEdit(ReflectionEdit& edit, bool creating, Instant now) {
  std::vector<FieldError> errors;
  for (TextField f : kTextFields) {
    auto& text = edit.text(f);
    if (!text) continue;
    std::string name(TextFieldName(f));
    if (!IsValidUtf8(*text)) {
      errors.push_back({name, "is not valid UTF-8 text"});
    } else if (text->size() > kMaxTextBytes) {
      errors.push_back({name, fmt::format("is {} bytes; the limit is {} (about 100 KB)",
                                          text->size(), kMaxTextBytes)});
    } else if (HasControlCharacters(*text)) {
      errors.push_back({name, "contains control characters"});
    } else {
      // Keep what was written, without stray white space around it.
      std::string_view trimmed = Trim(*text);
      *text = std::string(trimmed);
    }
  }
  if (edit.happened && edit.happened->utc_ms > now.utc_ms + kDayMs) {
    errors.push_back({"happened", "is in the future; say when it happened"});
  }
  if (edit.happened && edit.happened->utc_ms < 0) {
    errors.push_back({"happened", "is before 1970"});
  }
  if (edit.emotions) {
    if (edit.emotions->size() > kMaxEmotions) {
      errors.push_back({"emotions", fmt::format("has more than {} emotions", kMaxEmotions)});
    }
    std::vector<EmotionRating> kept;
    for (size_t i = 0; i < edit.emotions->size(); ++i) {
      auto e = (*edit.emotions)[i];
      e.word = NormalizeWord(e.word);
      std::string problem = WordProblem(e.word);
      if (!problem.empty()) errors.push_back({fmt::format("emotions[{}].word", i), problem});
      if (e.intensity < 0 || e.intensity > kMaxIntensity) {
        errors.push_back({fmt::format("emotions[{}].intensity", i),
                          fmt::format("must be from 0 to {}", kMaxIntensity)});
      }
      bool seen = std::any_of(kept.begin(), kept.end(),
                              [&](const EmotionRating& k) { return k.word == e.word; });
      if (!seen) kept.push_back(std::move(e));
    }
    *edit.emotions = std::move(kept);
  }
  if (edit.tags) {
    if (edit.tags->size() > kMaxTags) {
      errors.push_back({"tags", fmt::format("has more than {} tags", kMaxTags)});
    }
    std::vector<std::string> kept;
    for (size_t i = 0; i < edit.tags->size(); ++i) {
      std::string tag = NormalizeWord((*edit.tags)[i]);
      std::string problem = WordProblem(tag);
      if (!problem.empty()) errors.push_back({fmt::format("tags[{}]", i), problem});
      if (std::find(kept.begin(), kept.end(), tag) == kept.end()) kept.push_back(std::move(tag));
    }
    *edit.tags = std::move(kept);
  }
  if (edit.people) {
    if (edit.people->size() > kMaxPeople) {
      errors.push_back({"people", fmt::format("has more than {} people", kMaxPeople)});
    }
    std::vector<int64_t> kept;
    for (int64_t id : *edit.people) {
      if (std::find(kept.begin(), kept.end(), id) == kept.end()) kept.push_back(id);
    }
    *edit.people = std::move(kept);
  }
  if (creating && errors.empty()) {
    bool said = edit.emotions && !edit.emotions->empty();
    for (TextField f : kTextFields) said |= edit.text(f) && !edit.text(f)->empty();
    if (!said) {
      errors.push_back(
          {"situation", "is empty; write a line about what happened or name a feeling"});
    }
  }
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : fmt::format("{} fields need attention", errors.size());
  return Status::Invalid(msg, std::move(errors));
}

void ApplyEdit(const ReflectionEdit& edit, Reflection& r) {
  if (edit.happened) r.happened = *edit.happened;
  if (edit.people) r.people = *edit.people;
  if (edit.emotions) r.emotions = *edit.emotions;
  if (edit.tags) r.tags = *edit.tags;
  if (edit.activation) r.activation = *edit.activation;
  for (TextField f : kTextFields) {
    if (edit.text(f)) r.text(f) = *edit.text(f);
  }
}

}  // namespace securebase::reflect
