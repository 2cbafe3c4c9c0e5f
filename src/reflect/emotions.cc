#include "reflect/emotions.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

namespace securebase::reflect {
namespace json = boost::json;

EmotionVocabulary::EmotionVocabulary(std::vector<Emotion> emotions)
    : emotions_(std::move(emotions)) {
  std::sort(emotions_.begin(), emotions_.end(),
            [](const Emotion& a, const Emotion& b) { return a.word < b.word; });
}

Result<EmotionVocabulary> EmotionVocabulary::Load(const ContentLibrary& content) {
  const char* path = "content/emotions/emotions.json";
  const ContentFile* file = content.Find(path);
  if (!file) return Status::NotFound(fmt::format("{} is missing", path));
  boost::system::error_code ec;
  json::value doc = json::parse(file->text, ec);
  if (ec || !doc.is_object() || !doc.as_object().contains("emotions") ||
      !doc.at("emotions").is_array()) {
    return Status::Invalid(fmt::format("{}: must be an object with an \"emotions\" list", path));
  }
  std::vector<Emotion> out;
  size_t i = 0;
  for (const auto& v : doc.at("emotions").as_array()) {
    auto bad = [&](const char* why) {
      return Status::Invalid(fmt::format("{}: emotions[{}]: {}", path, i, why));
    };
    if (!v.is_object()) return bad("must be an object");
    const auto& o = v.as_object();
    const auto* word = o.if_contains("word");
    const auto* def = o.if_contains("definition");
    const auto* p = o.if_contains("pleasantness");
    const auto* e = o.if_contains("energy");
    if (!word || !word->is_string() || word->as_string().empty()) return bad("needs a word");
    if (!def || !def->is_string()) return bad("needs a definition");
    if (!p || !p->is_number() || !e || !e->is_number()) {
      return bad("needs pleasantness and energy numbers");
    }
    Emotion em{std::string(word->as_string()), std::string(def->as_string()),
               p->to_number<double>(), e->to_number<double>()};
    if (std::abs(em.pleasantness) > 1 || std::abs(em.energy) > 1) {
      return bad("pleasantness and energy must be from -1 to 1");
    }
    out.push_back(std::move(em));
    ++i;
  }
  return EmotionVocabulary(std::move(out));
}

const Emotion* EmotionVocabulary::Find(const std::string& word) const {
  auto it = std::lower_bound(emotions_.begin(), emotions_.end(), word,
                             [](const Emotion& e, const std::string& w) { return e.word < w; });
  if (it == emotions_.end() || it->word != word) return nullptr;
  return &*it;
}

}  // namespace securebase::reflect
