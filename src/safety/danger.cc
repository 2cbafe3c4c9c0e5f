#include "safety/danger.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <set>

#include "safety/danger_text.h"

namespace securebase::safety {
namespace {

// Words that negate what follows: "not", "never", "no (longer)", "without".
const std::set<std::string> kNegators = {"not",     "never",   "no",     "nor",
                                         "neither", "without", "stopped"};
// Words a negation may reach across: "not [going to] hurt myself", "never [really] wanted".
const std::set<std::string> kFillers = {
    "i",      "am",       "is",     "are",      "was",     "were",    "be",   "been",
    "being",  "going",    "to",     "want",     "wanted",  "wanting", "ever", "would",
    "will",   "could",    "should", "might",    "may",     "do",      "did",  "does",
    "really", "actually", "even",   "try",      "trying",  "tried",   "plan", "planning",
    "again",  "longer",   "more",   "feel",     "feeling", "felt",    "have", "has",
    "had",    "any",      "think",  "thinking", "about",   "ok",      "okay", "able"};
// Extra words for "when negated" phrases: "not [sure I] want to live".
const std::set<std::string> kWhenNegatedFillers = {
    "sure",  "know", "if",   "whether", "a",      "the", "see",  "much", "anything",
    "still", "that", "like", "find",    "single", "one", "real", "good", "reason"};

bool Negated(const std::vector<Word>& w, size_t start, bool when_negated) {
  const int clause = w[start].clause;
  size_t j = start;
  for (int steps = 0; j > 0 && steps < 6; ++steps) {
    --j;
    if (w[j].clause != clause) return false;
    const std::string& t = w[j].text;
    if (kNegators.count(t)) {
      // A second negator a few words further back cancels the first:
      // "can't promise I won't hurt myself", "not sure I won't".
      for (size_t k = j, back = 0; k > 0 && back < 4; ++back) {
        --k;
        if (w[k].clause != clause) break;
        if (kNegators.count(w[k].text)) return false;
      }
      return true;
    }
    if (kFillers.count(t) || (when_negated && kWhenNegatedFillers.count(t))) continue;
    return false;
  }
  return false;
}

// Where `words` occurs in `w` (start indices).
std::vector<size_t> Find(const std::vector<Word>& w, const std::vector<std::string>& words) {
  std::vector<size_t> at;
  if (words.empty() || words.size() > w.size()) return at;
  for (size_t i = 0; i + words.size() <= w.size(); ++i) {
    size_t k = 0;
    while (k < words.size() && w[i + k].text == words[k]) ++k;
    if (k == words.size()) at.push_back(i);
  }
  return at;
}

std::vector<std::string> Texts(const std::vector<Word>& w) {
  std::vector<std::string> out;
  for (const auto& x : w) out.push_back(x.text);
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& x : words) s += (s.empty() ? "" : " ") + x;
  return s;
}

}  // namespace

std::vector<std::string> NormalizedWords(std::string_view text) { return Texts(SplitWords(text)); }

DangerDetector::DangerDetector(std::vector<Phrase> phrases,
                               std::vector<std::vector<std::string>> false_friends,
                               std::vector<std::string> story_words)
    : phrases_(std::move(phrases)),
      false_friends_(std::move(false_friends)),
      story_words_(std::move(story_words)) {}

Result<DangerDetector> DangerDetector::Load(const ContentLibrary& content) {
  const ContentFile* f = content.Find(kPhrasesPath);
  if (!f) return Status::NotFound(std::string(kPhrasesPath) + " is missing");
  return Parse(f->text, f->origin == "built-in" ? f->path : f->origin);
}

Result<DangerDetector> DangerDetector::Parse(std::string_view json_text,
                                             const std::string& origin) {
  namespace json = boost::json;
  boost::system::error_code ec;
  json::value doc = json::parse(json_text, ec);
  if (ec) return Status::Invalid(fmt::format("{}: not valid JSON: {}", origin, ec.message()));
  if (!doc.is_object()) return Status::Invalid(fmt::format("{}: must be a JSON object", origin));
  struct Section {
    const char* key;
    DangerKind kind;
    bool when_negated, about_someone_else, required;
  };
  const Section kSections[] = {
      {"self", DangerKind::kSelf, false, false, true},
      {"others", DangerKind::kOthers, false, false, true},
      {"abuse", DangerKind::kAbuse, false, false, true},
      {"self_when_negated", DangerKind::kSelf, true, false, false},
      {"someone_else_at_risk", DangerKind::kOthers, false, true, false},
  };
  std::vector<FieldError> errors;
  // Reads a list of phrases into word lists.
  auto read = [&](const char* key, bool required) {
    std::vector<std::vector<std::string>> out;
    const json::value* v = doc.as_object().if_contains(key);
    if (!v) {
      if (required) errors.push_back({key, "is required"});
      return out;
    }
    if (!v->is_array()) {
      errors.push_back({key, "must be a list of phrases"});
      return out;
    }
    for (size_t i = 0; i < v->as_array().size(); ++i) {
      const json::value& p = v->as_array()[i];
      std::vector<std::string> words;
      if (p.is_string()) words = NormalizedWords(p.as_string());
      if (words.empty()) {
        errors.push_back({fmt::format("{}[{}]", key, i), "must be text with at least one word"});
      } else {
        out.push_back(std::move(words));
      }
    }
    return out;
  };
  std::set<std::string> known = {"false_friends", "story_words"};
  std::vector<Phrase> phrases;
  for (const Section& s : kSections) {
    known.insert(s.key);
    for (auto& words : read(s.key, s.required)) {
      phrases.push_back({s.kind, std::move(words), s.when_negated, s.about_someone_else});
    }
  }
  auto false_friends = read("false_friends", false);
  std::vector<std::string> story_words;
  for (auto& words : read("story_words", false)) {
    if (words.size() != 1)
      errors.push_back({"story_words", "'" + Join(words) + "' must be one word"});
    else
      story_words.push_back(words[0]);
  }
  for (const auto& [k, v] : doc.as_object()) {
    if (!known.count(std::string(k)) && !k.starts_with("_")) {
      errors.push_back({std::string(k), "is not a known list"});
    }
  }
  if (!errors.empty()) {
    std::string msg = fmt::format("{}: {}: {}", origin, errors[0].field, errors[0].message);
    if (errors.size() > 1) msg += fmt::format(" (and {} more problems)", errors.size() - 1);
    return Status::Invalid(msg, errors);
  }
  return DangerDetector(std::move(phrases), std::move(false_friends), std::move(story_words));
}

DangerCheck DangerDetector::Check(std::string_view text) const {
  DangerCheck check;
  const std::vector<Word> w = SplitWords(text);
  if (w.empty()) return check;
  // Sentences that tell of a film, book, song...: story word outside quotation marks.
  std::set<int> story_sentences;
  for (const auto& x : w) {
    if (x.quoted) continue;
    for (const auto& s : story_words_) {
      if (x.text == s) story_sentences.insert(x.sentence);
    }
  }
  // Word positions covered by a false friend.
  std::vector<bool> friendly(w.size(), false);
  for (const auto& ff : false_friends_) {
    for (size_t at : Find(w, ff)) {
      for (size_t k = 0; k < ff.size(); ++k) friendly[at + k] = true;
    }
  }
  for (const auto& p : phrases_) {
    for (size_t at : Find(w, p.words)) {
      const size_t end = at + p.words.size();
      bool cancelled = false;
      for (size_t k = at; k < end && !cancelled; ++k) cancelled = friendly[k];
      if (cancelled) continue;
      if (Negated(w, at, p.when_negated) != p.when_negated) continue;
      if (story_sentences.count(w[at].sentence)) {
        // A title: in quotation marks, or written like a name ("the band Suicidal Tendencies").
        bool quoted = true, title = at > 0 && w[at - 1].sentence == w[at].sentence;
        for (size_t k = at; k < end; ++k) {
          quoted = quoted && w[k].quoted;
          title = title && w[k].title;
        }
        if (quoted || title || p.about_someone_else) continue;
      }
      check.matches.push_back({p.kind, Join(p.words)});
      break;
    }
  }
  return check;
}

}  // namespace securebase::safety
