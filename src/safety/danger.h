#pragma once
// Noticing when free text suggests danger to self or others, so crisis resources can be
// shown at once. Conservative: a phrase list shipped as data (content/safety/), with
// negation ("I'm not going to hurt myself") and quotation handling. It never blocks,
// deletes or judges; callers save what the person wrote and show help beside it.
#include <string>
#include <string_view>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::safety {

enum class DangerKind { kSelf, kOthers, kAbuse };

struct DangerMatch {
  DangerKind kind;
  std::string phrase;  // the list entry that matched (for tests and logs; never shown)
};

struct DangerCheck {
  std::vector<DangerMatch> matches;
  bool danger() const { return !matches.empty(); }
};

class DangerDetector {
 public:
  // Loads the phrase lists from content/safety/*.json; errors name the file and field.
  static Result<DangerDetector> Load(const ContentLibrary& content);
  // Checks `text` (any length, any UTF-8). Thread-safe.
  DangerCheck Check(std::string_view text) const;

  struct Phrase {
    DangerKind kind;
    std::vector<std::string> words;  // lower-case tokens, matched in order
  };
  explicit DangerDetector(std::vector<Phrase> phrases) : phrases_(std::move(phrases)) {}

 private:
  std::vector<Phrase> phrases_;
};

}  // namespace securebase::safety
