#pragma once
// Feedback on a message draft, from rules shipped as data
// (content/communicate/feedback_rules.json, "securebase-feedback-rules/1").
//
// A pattern is words separated by spaces: a literal word ("you"), a word class ("{label}"),
// an optional class ("{be}?"), the start or end of a sentence ("^", "$"). Contractions are
// opened before matching, so "you're" is matched by "you are". Hints never block saving.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::communicate {

struct Hint {
  std::string rule;     // "absolutes", "blame", ...
  std::string title;    // "Always or never"
  std::string message;  // one kind sentence saying why
  std::string rewrite;  // a suggested way to say it instead
  std::string quote;    // the words in the draft
  uint32_t start = 0;   // byte offsets of the quote in the draft
  uint32_t end = 0;
  std::string feeling;  // interpretations only: a feeling word and the need behind it
  std::string need;
};

class FeedbackRules {
 public:
  // Field errors name the place: "rules[2].patterns[0]", "classes.label[3]".
  static Result<FeedbackRules> Parse(std::string_view json_text);
  // content/communicate/feedback_rules.json from `content`.
  static Result<FeedbackRules> Load(const ContentLibrary& content);

  // Hints in the order they appear in the draft (one per rule and place).
  std::vector<Hint> Analyze(std::string_view draft) const;

  struct Element {
    enum Kind { kWord, kClass, kStart, kEnd } kind = kWord;
    std::string word;  // kWord
    int cls = -1;      // kClass
    bool optional = false;
  };
  struct Rule {
    std::string id, title, message, rewrite;
    std::vector<std::vector<Element>> patterns;
    int unless_before = -1;  // a class: no hint when the word before the match is in it
    int word_class = -1;     // interpretation: the class whose word is looked up
  };
  struct Interpretation {
    std::string feeling, need;
  };
  const std::vector<Rule>& rules() const { return rules_; }

 private:
  std::vector<std::string> class_names_;
  std::vector<std::unordered_set<std::string>> classes_;
  std::vector<Rule> rules_;
  std::map<std::string, Interpretation, std::less<>> interpretations_;
};

}  // namespace securebase::communicate
