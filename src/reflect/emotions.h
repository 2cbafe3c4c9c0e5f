#pragma once
// The emotion vocabulary shipped as data (content/emotions/emotions.json): words with a
// short definition, each placed by pleasantness and energy (-1..1) after the circumplex
// model, so a picker can show them on a four-quadrant grid.
#include <string>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::reflect {

struct Emotion {
  std::string word;
  std::string definition;
  double pleasantness = 0;  // -1 unpleasant .. 1 pleasant
  double energy = 0;        // -1 low .. 1 high
};

class EmotionVocabulary {
 public:
  // Loads content/emotions/emotions.json; errors name the file and the entry.
  static Result<EmotionVocabulary> Load(const ContentLibrary& content);
  explicit EmotionVocabulary(std::vector<Emotion> emotions);

  // Every word, sorted by word.
  const std::vector<Emotion>& all() const { return emotions_; }
  // The word (lower case), or nullptr for a person's own word.
  const Emotion* Find(const std::string& word) const;

 private:
  std::vector<Emotion> emotions_;
};

}  // namespace securebase::reflect
