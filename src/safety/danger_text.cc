#include "safety/danger_text.h"

#include <map>

namespace securebase::safety {
namespace {

// Contractions with and without the apostrophe, and a few text-speak forms.
const std::map<std::string, std::vector<std::string>>& Expansions() {
  static const std::map<std::string, std::vector<std::string>> m = {
      {"i'm", {"i", "am"}},          {"im", {"i", "am"}},           {"i've", {"i", "have"}},
      {"ive", {"i", "have"}},        {"i'll", {"i", "will"}},       {"i'd", {"i", "would"}},
      {"can't", {"can", "not"}},     {"cant", {"can", "not"}},      {"cannot", {"can", "not"}},
      {"won't", {"will", "not"}},    {"wont", {"will", "not"}},     {"ain't", {"am", "not"}},
      {"aint", {"am", "not"}},       {"shan't", {"shall", "not"}},  {"dont", {"do", "not"}},
      {"didnt", {"did", "not"}},     {"doesnt", {"does", "not"}},   {"isnt", {"is", "not"}},
      {"arent", {"are", "not"}},     {"wasnt", {"was", "not"}},     {"werent", {"were", "not"}},
      {"wouldnt", {"would", "not"}}, {"couldnt", {"could", "not"}}, {"shouldnt", {"should", "not"}},
      {"havent", {"have", "not"}},   {"hasnt", {"has", "not"}},     {"hadnt", {"had", "not"}},
      {"wanna", {"want", "to"}},     {"gonna", {"going", "to"}},    {"gotta", {"got", "to"}},
      {"hes", {"he", "is"}},         {"shes", {"she", "is"}},       {"theyre", {"they", "are"}},
      {"kms", {"kill", "myself"}},   {"kys", {"kill", "yourself"}}, {"selfharm", {"self", "harm"}},
  };
  return m;
}

// Appends `word` expanded: "didn't" -> "did not", "he's" -> "he is", "alex's" -> "alex".
void Expand(const std::string& word, const Word& proto, std::vector<Word>& out) {
  auto push = [&](std::string w) {
    Word x = proto;
    x.text = std::move(w);
    out.push_back(std::move(x));
  };
  const auto& ex = Expansions();
  if (auto it = ex.find(word); it != ex.end()) {
    for (const auto& w : it->second) push(w);
    return;
  }
  size_t ap = word.find('\'');
  if (ap == std::string::npos) return push(word);
  std::string head = word.substr(0, ap), tail = word.substr(ap + 1);
  if (tail == "t" && head.size() > 1 && head.back() == 'n') {  // didn't, wouldn't
    push(head.substr(0, head.size() - 1));
    return push("not");
  }
  static const std::map<std::string, std::string> kTails = {
      {"m", "am"}, {"re", "are"}, {"ve", "have"}, {"ll", "will"}, {"d", "would"}};
  if (auto it = kTails.find(tail); it != kTails.end()) {
    push(head);
    return push(it->second);
  }
  if (tail == "s") {
    static const char* kIs[] = {"he",   "she", "it",   "that",      "there",
                                "what", "who", "life", "everything"};
    push(head);
    for (const char* w : kIs) {
      if (head == w) return push("is");
    }
    return;
  }
  push(head + tail);
}

// Latin-1 letters (UTF-8 C3 xx) without their accents; 0 for non-letters.
const char* Unaccent(unsigned char second) {
  static const char* kMap[64] = {
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
      "a", "a", "a", "a", "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
  return second >= 0x80 && second < 0xC0 ? kMap[second - 0x80] : nullptr;
}

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> out;
  Word state;                        // sentence, clause and quoted for the next word
  bool single = false, dbl = false;  // inside '...' or "..."
  std::string cur;
  bool first_upper = false, any_lower = false;
  auto flush = [&] {
    if (cur.empty()) return;
    while (!cur.empty() && cur.back() == '\'') cur.pop_back();
    state.quoted = single || dbl;
    state.title = first_upper && any_lower;
    first_upper = any_lower = false;
    if (!cur.empty()) Expand(cur, state, out);
    cur.clear();
  };
  auto clause = [&] {
    flush();
    ++state.clause;
  };
  auto sentence = [&] {
    flush();
    ++state.sentence;
    ++state.clause;
    single = false;
  };
  auto quote = [&](bool& which, int open) {  // open: 1 opens, 0 closes, -1 toggles
    flush();
    which = open < 0 ? !which : open == 1;
  };
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char next = i + 1 < n ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned char prev = i > 0 ? static_cast<unsigned char>(text[i - 1]) : 0;
    if (IsAlnum(c)) {
      if (cur.empty()) first_upper = c >= 'A' && c <= 'Z';
      any_lower = any_lower || (c >= 'a' && c <= 'z');
      cur += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      continue;
    }
    if (c < 0x80) {
      switch (c) {
        case '\'':
          if (!cur.empty() && IsAlnum(next))
            cur += '\'';
          else
            quote(single, -1);
          break;
        case '"':
          quote(dbl, -1);
          break;
        case '.':
          if (IsAlnum(prev) && next >= '0' && next <= '9') break;  // 3.5
          if (!dbl)
            sentence();
          else
            clause();
          break;
        case '!':
        case '?':
          if (!dbl)
            sentence();
          else
            clause();
          break;
        case '\n':
          sentence();
          dbl = false;
          break;
        case ',':
        case ';':
        case ':':
        case '(':
        case ')':
          clause();
          break;
        case '-':
          if (prev == ' ' || next == ' ')
            clause();
          else
            flush();
          break;
        default:
          flush();
      }
      continue;
    }
    // Multi-byte UTF-8.
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    std::string_view seq = text.substr(i, len);
    if (c == 0xC3 && len == 2) {
      if (const char* plain = Unaccent(next)) {
        cur += plain;
        ++i;
        continue;
      }
    }
    if (seq == "\u2019" || seq == "\u2018") {  // curly single quotes, or an apostrophe
      unsigned char after = i + 3 < n ? static_cast<unsigned char>(text[i + 3]) : 0;
      if (!cur.empty() && IsAlnum(after))
        cur += '\'';
      else
        quote(single, seq == "\u2018" ? 1 : (cur.empty() ? -1 : 0));
    } else if (seq == "\u201C" || seq == "\u00AB") {
      quote(dbl, 1);
    } else if (seq == "\u201D" || seq == "\u00BB") {
      quote(dbl, 0);
    } else if (seq == "\u2013" || seq == "\u2014" || seq == "\u2026") {
      clause();
    } else if (len >= 3 || seq == "\u00A0") {
      // Punctuation, symbols and emoji separate words; other scripts' letters stay in them.
      char32_t cp = 0;
      for (size_t k = 1; k < len && i + k < n; ++k) cp = (cp << 6) | (text[i + k] & 0x3F);
      cp |= static_cast<char32_t>(c & (len == 3 ? 0x0F : 0x07)) << (6 * (len - 1));
      bool separator = seq == "\u00A0" || (cp >= 0x2000 && cp <= 0x2BFF) ||
                       (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
                       cp >= 0x1F000;
      if (separator)
        flush();
      else
        cur.append(seq);
    } else {
      cur.append(seq);
    }
    i += len - 1;
  }
  flush();
  return out;
}

}  // namespace securebase::safety
