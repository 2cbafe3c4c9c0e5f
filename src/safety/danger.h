#pragma once
// Noticing when free text suggests danger to self or others, so crisis resources can be
// shown at once. Conservative: a phrase list shipped as data (content/safety/), with
// negation ("I'm not going to hurt myself") and quotation handling. It never blocks,
// deletes or judges; callers save what the person wrote and show help beside it.
//
// The rules, in order, for each place a phrase occurs in the normalised words:
//  1. A false friend ("killed it at work") that overlaps the place cancels it.
//  2. Negation: walking back from the phrase over filler words ("going", "to", "want")
//     within one clause, a negator ("not", "never", "no longer") flips the meaning; a
//     second negator further back ("can't promise I won't") flips it back. Ordinary
//     phrases are danger unless negated; "when negated" phrases ("want to live") are
//     danger only when negated ("I don't want to live").
//  3. Stories: a phrase inside quotation marks or written like a name ("Suicidal
//     Tendencies"), in a sentence that names a film, song, book and so on, is a title or
//     a line, not the person's words. Phrases about
//     someone else ("kill himself") are also left out in such sentences. Speech reported
//     from a person ("my friend said 'I want to die'") still counts: someone may be at risk.
// When in doubt it fires: showing help costs little.
#include <string>
#include <string_view>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::safety {

// kSelf: danger to the writer. kOthers: danger to someone else (harm to others, or
// someone else at risk). kAbuse: the writer is being hurt or threatened.
enum class DangerKind { kSelf, kOthers, kAbuse };

struct DangerMatch {
  DangerKind kind;
  std::string phrase;  // the list entry that matched (for tests and logs; never shown)
};

struct DangerCheck {
  std::vector<DangerMatch> matches;
  bool danger() const { return !matches.empty(); }
};

inline constexpr const char* kPhrasesPath = "content/safety/phrases.json";

class DangerDetector {
 public:
  // Loads the phrase lists from content/safety/phrases.json; errors name the file and field.
  static Result<DangerDetector> Load(const ContentLibrary& content);
  // Parses a phrases.json text; errors name `origin` and the field ("self[3]: ...").
  static Result<DangerDetector> Parse(std::string_view json_text, const std::string& origin);
  // Checks `text` (any length, any UTF-8). Thread-safe.
  DangerCheck Check(std::string_view text) const;

  struct Phrase {
    DangerKind kind;
    std::vector<std::string> words;   // normalised tokens (see NormalizedWords), matched in order
    bool when_negated = false;        // danger only when negated ("i do not want to live")
    bool about_someone_else = false;  // left out in a sentence about a film, book, song...
  };
  explicit DangerDetector(std::vector<Phrase> phrases,
                          std::vector<std::vector<std::string>> false_friends = {},
                          std::vector<std::string> story_words = {});

 private:
  std::vector<Phrase> phrases_;
  std::vector<std::vector<std::string>> false_friends_;
  std::vector<std::string> story_words_;
};

// The words of `text` as the detector sees them: lower case, accents removed,
// contractions expanded ("I'm" and "im" -> "i am", "don't" -> "do not", "wanna" ->
// "want to"), punctuation dropped.
std::vector<std::string> NormalizedWords(std::string_view text);

}  // namespace securebase::safety
