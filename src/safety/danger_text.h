#pragma once
// Normalising free text into words for the danger detector (danger.cc): lower case,
// accents removed, contractions expanded, with each word's sentence, clause and whether
// it stands inside quotation marks.
#include <string>
#include <string_view>
#include <vector>

namespace securebase::safety {

struct Word {
  std::string text;
  int sentence = 0;  // . ! ? and line breaks (outside quotation marks) end a sentence
  int clause = 0;    // , ; : ( ) and dashes end a clause
  bool quoted = false;
  bool title = false;  // written like a name: "Suicidal" (capital first, not all capitals)
};

std::vector<Word> SplitWords(std::string_view text);

}  // namespace securebase::safety
