#pragma once
// A reflection: what happened, with whom, what was felt, thought and done, and what set it
// off. The model, what a person types to make or change one, and the rules for both.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::reflect {

// Whether the urge or the action moved toward the other person (reassurance seeking,
// protest, checking), away (withdrawing, shutting down, going it alone), or neither.
enum class Activation { kToward, kAway, kNeither };

std::string_view ActivationName(Activation a);  // "toward", "away", "neither"
std::optional<Activation> ParseActivation(std::string_view text);

inline constexpr size_t kMaxTextBytes = 100'000;  // each free-text field
inline constexpr size_t kMaxWordLength = 40;      // an emotion word or a tag, in characters
inline constexpr size_t kMaxEmotions = 20;
inline constexpr size_t kMaxTags = 20;
inline constexpr size_t kMaxPeople = 20;
inline constexpr int kMaxIntensity = 10;

struct EmotionRating {
  std::string word;   // lower case; a word from the vocabulary or the person's own
  int intensity = 5;  // 0..10
  bool operator==(const EmotionRating&) const = default;
};

// The free-text fields, in the order a person answers them.
enum class TextField { kSituation, kBody, kThoughts, kUrges, kActions, kNeeds, kNextTime };
inline constexpr std::array<TextField, 7> kTextFields{
    TextField::kSituation, TextField::kBody,  TextField::kThoughts, TextField::kUrges,
    TextField::kActions,   TextField::kNeeds, TextField::kNextTime};
// "situation", "body", "thoughts", "urges", "actions", "needs", "next_time".
std::string_view TextFieldName(TextField f);

struct Reflection {
  int64_t id = 0;
  Instant happened;  // when it happened
  Instant written;   // when it was first saved
  int64_t updated_ms = 0;
  std::vector<int64_t> people;  // person ids
  std::vector<EmotionRating> emotions;
  std::vector<std::string> tags;  // triggers, lower case
  std::optional<Activation> activation;
  std::array<std::string, kTextFields.size()> texts;  // indexed by TextField
  std::optional<int64_t> deleted_ms;

  std::string& text(TextField f) { return texts[static_cast<size_t>(f)]; }
  const std::string& text(TextField f) const { return texts[static_cast<size_t>(f)]; }
  // The strongest emotion's intensity, or 0 when none was named.
  int Intensity() const;
  // Every free text joined by blank lines (for the danger check).
  std::string AllText() const;
};

// What a person typed when writing or changing a reflection; unset fields stay as they were.
struct ReflectionEdit {
  std::optional<Instant> happened;
  std::optional<std::vector<int64_t>> people;
  std::optional<std::vector<EmotionRating>> emotions;
  std::optional<std::vector<std::string>> tags;
  // Set to clear (nullopt inside) or to choose an activation.
  std::optional<std::optional<Activation>> activation;
  std::array<std::optional<std::string>, kTextFields.size()> texts;

  std::optional<std::string>& text(TextField f) { return texts[static_cast<size_t>(f)]; }
  const std::optional<std::string>& text(TextField f) const {
    return texts[static_cast<size_t>(f)];
  }
};

// Checks an edit and normalises it (words and tags trimmed and lower-cased, duplicates
// dropped). Texts: valid UTF-8, at most kMaxTextBytes each, no control characters other
// than tab and line breaks. Emotions: a word of 1..40 letters and an intensity 0..10.
// Tags: 1..40 characters on one line. `happened` no later than a day after `now`.
// Creating requires something to say: a situation, an emotion or a text.
// Field errors are named "situation", "emotions[2].intensity", "tags[0]", "happened", ...
Status ValidateReflectionEdit(ReflectionEdit& edit, bool creating, Instant now);
// Applies a validated edit.
void ApplyEdit(const ReflectionEdit& edit, Reflection& r);

// Lower-cases ASCII letters and trims; other scripts are left as written.
std::string NormalizeWord(std::string_view word);

}  // namespace securebase::reflect
