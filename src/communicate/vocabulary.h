#pragma once
// The feelings and needs vocabularies (content/communicate/feelings.json and needs.json):
// words with our own short definitions, offered while composing a message.
#include <string>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::communicate {

struct VocabularyWord {
  std::string word;
  std::string family;  // feelings only: "sad", "afraid", ...
  std::string definition;
};

struct Vocabulary {
  std::vector<VocabularyWord> feelings;
  std::vector<VocabularyWord> needs;
  // Field errors name the place: "feelings[3].definition".
  static Result<Vocabulary> Load(const ContentLibrary& content);
};

}  // namespace securebase::communicate
