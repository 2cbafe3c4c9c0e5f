// A first, simple version: whole-word phrase matching. The safety issue (step 8) replaces
// it with negation and quotation handling and a labelled test set.
#include "safety/danger.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include <cctype>
#include <sstream>

namespace securebase::safety {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '\'' || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

Result<DangerDetector> DangerDetector::Load(const ContentLibrary& content) {
  std::vector<Phrase> phrases;
  for (const ContentFile* f : content.List("content/safety/", ".json")) {
    if (f->path.find("phrases") == std::string::npos) continue;
    boost::system::error_code ec;
    auto doc = boost::json::parse(f->text, ec);
    if (ec || !doc.is_object()) return Status::Invalid(fmt::format("{}: not a JSON object", f->path));
    for (const auto& [kind_name, list] : doc.as_object()) {
      DangerKind kind;
      if (kind_name == "self") {
        kind = DangerKind::kSelf;
      } else if (kind_name == "others") {
        kind = DangerKind::kOthers;
      } else if (kind_name == "abuse") {
        kind = DangerKind::kAbuse;
      } else {
        continue;
      }
      if (!list.is_array()) {
        return Status::Invalid(fmt::format("{}: {}: must be a list", f->path, std::string(kind_name)));
      }
      for (const auto& p : list.as_array()) {
        if (p.is_string()) phrases.push_back({kind, Tokens(p.as_string())});
      }
    }
  }
  return DangerDetector(std::move(phrases));
}

DangerCheck DangerDetector::Check(std::string_view text) const {
  DangerCheck check;
  std::vector<std::string> tokens = Tokens(text);
  for (const auto& phrase : phrases_) {
    if (phrase.words.empty() || phrase.words.size() > tokens.size()) continue;
    for (size_t i = 0; i + phrase.words.size() <= tokens.size(); ++i) {
      bool match = true;
      for (size_t k = 0; k < phrase.words.size() && match; ++k) match = tokens[i + k] == phrase.words[k];
      if (match) {
        std::string joined;
        for (const auto& w : phrase.words) joined += (joined.empty() ? "" : " ") + w;
        check.matches.push_back({phrase.kind, joined});
        break;
      }
    }
  }
  return check;
}

}  // namespace securebase::safety
