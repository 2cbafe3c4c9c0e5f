#pragma once
// Splits a draft into lower-case words for the feedback rules, with contractions opened up
// ("you're" -> "you", "are"; "don't" -> "do", "not") and each word's place in the draft.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::communicate {

struct Word {
  std::string text;    // lower case, ASCII apostrophe
  uint32_t start = 0;  // byte offsets of the written word in the draft
  uint32_t end = 0;
};

// One sentence's words; sentences end at . ! ? ; and line breaks.
using Sentence = std::vector<Word>;

std::vector<Sentence> SplitWords(std::string_view draft);

}  // namespace securebase::communicate
