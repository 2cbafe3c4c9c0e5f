#include "reflect/search_text.h"

#include <vector>

#include "reflect/reflection_store.h"

namespace securebase::reflect {
namespace {

// Decodes the code point at `s[i]` (valid UTF-8) and advances `i`.
uint32_t NextCodePoint(const std::string& s, size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (int k = 1; k < len && i + static_cast<size_t>(k) < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<size_t>(k)]) & 0x3F);
  }
  i += static_cast<size_t>(len);
  return cp;
}

// Letters and digits of any script, as the unicode61 tokenizer sees them (roughly: it
// indexes letters, numbers and private-use characters; punctuation, symbols and emoji
// separate words).
bool IsWordCodePoint(uint32_t cp) {
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;    // punctuation, arrows, symbols, dingbats
  if (cp >= 0x3000 && cp <= 0x303F) return false;    // CJK punctuation
  if (cp >= 0xFE00 && cp <= 0xFE0F) return false;    // variation selectors
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return false;  // emoji and pictographs
  if (cp == 0xA0 || cp == 0xAB || cp == 0xBB ||
      (cp >= 0xA1 && cp <= 0xBF && cp != 0xAA && cp != 0xB2 && cp != 0xB3 && cp != 0xB5 &&
       cp != 0xB9 && cp != 0xBA)) {
    return false;
  }
  return true;
}

bool HasWordCharacter(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    if (IsWordCodePoint(NextCodePoint(s, i))) return true;
  }
  return false;
}

std::string Quote(const std::string& word) {
  std::string out = "\"";
  for (char c : word) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

// Moves `i` back (or forward) to the start of a UTF-8 character.
size_t CharStart(const std::string& s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}

}  // namespace

std::string MakeFtsQuery(const std::string& text) {
  std::vector<std::string> parts;  // quoted words and phrases
  bool last_is_word = false;
  size_t i = 0;
  while (i < text.size()) {
    char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '"') {
      size_t end = text.find('"', i + 1);
      if (end == std::string::npos) end = text.size();
      std::string phrase = text.substr(i + 1, end - i - 1);
      if (HasWordCharacter(phrase)) {
        parts.push_back(Quote(phrase));
        last_is_word = false;
      }
      i = end + 1;
      continue;
    }
    size_t end = text.find_first_of(" \t\r\n\"", i);
    if (end == std::string::npos) end = text.size();
    std::string word = text.substr(i, end - i);
    if (HasWordCharacter(word)) {
      parts.push_back(Quote(word));
      last_is_word = true;
    }
    i = end;
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " ") + p;
  if (last_is_word && !out.empty()) out += "*";
  return out;
}

std::string SubstringSnippet(const Reflection& r, const std::string& needle, size_t context) {
  if (needle.empty()) return "";
  std::vector<std::string> sources(r.texts.begin(), r.texts.end());
  for (const auto& t : r.tags) sources.push_back(t);
  for (const auto& text : sources) {
    size_t at = text.find(needle);
    if (at == std::string::npos) continue;
    size_t from = at > context ? CharStart(text, at - context) : 0;
    size_t to = std::min(text.size(), at + needle.size() + context);
    to = to < text.size() ? CharStart(text, to) : to;
    std::string out;
    if (from > 0) out += "…";
    out += text.substr(from, at - from);
    out += kHitStart;
    out += needle;
    out += kHitEnd;
    out += text.substr(at + needle.size(), to - at - needle.size());
    if (to < text.size()) out += "…";
    return out;
  }
  return "";
}

}  // namespace securebase::reflect
