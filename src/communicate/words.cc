#include "communicate/words.h"

#include <array>
#include <utility>

namespace securebase::communicate {
namespace {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

bool EndsWith(const std::string& s, std::string_view tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Adds `w` to `out`, opening up a contraction into two words with the same place.
void Push(Sentence& out, std::string w, uint32_t start, uint32_t end) {
  while (!w.empty() && w.back() == '\'') w.pop_back();
  while (!w.empty() && w.front() == '\'') w.erase(0, 1);
  if (w.empty()) return;
  auto two = [&](std::string a, std::string b) {
    out.push_back({std::move(a), start, end});
    out.push_back({std::move(b), start, end});
  };
  if (w == "can't") return two("can", "not");
  if (w == "won't") return two("will", "not");
  if (EndsWith(w, "n't")) return two(w.substr(0, w.size() - 3), "not");
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kTails{
      {{"'re", "are"}, {"'m", "am"}, {"'ve", "have"}, {"'ll", "will"}, {"'d", "would"}}};
  for (auto [tail, full] : kTails) {
    if (EndsWith(w, tail)) return two(w.substr(0, w.size() - tail.size()), std::string(full));
  }
  if (EndsWith(w, "'s")) {
    std::string stem = w.substr(0, w.size() - 2);
    if (stem == "it" || stem == "that" || stem == "he" || stem == "she" || stem == "what") {
      return two(std::move(stem), "is");
    }
    w = std::move(stem);  // possessive: "mum's" -> "mum"
  }
  out.push_back({std::move(w), start, end});
}

}  // namespace

std::vector<Sentence> SplitWords(std::string_view draft) {
  std::vector<Sentence> out(1);
  std::string word;
  uint32_t start = 0;
  auto flush = [&](size_t at) {
    if (!word.empty()) Push(out.back(), std::move(word), start, static_cast<uint32_t>(at));
    word.clear();
  };
  for (size_t i = 0; i < draft.size(); ++i) {
    auto c = static_cast<unsigned char>(draft[i]);
    // U+2019 (right single quotation mark) is typed as an apostrophe by many keyboards.
    bool curly = c == 0xE2 && draft.substr(i, 3) == "\xE2\x80\x99";
    if (c == '\'' || curly) {
      if (!word.empty()) word += '\'';
      if (curly) i += 2;
      continue;
    }
    if (IsWordByte(c)) {
      if (word.empty()) start = static_cast<uint32_t>(i);
      word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      continue;
    }
    flush(i);
    bool ends = c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
    if (ends && !out.back().empty()) out.emplace_back();
  }
  flush(draft.size());
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace securebase::communicate
