#include "communicate/vocabulary.h"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace securebase::communicate {
namespace json = boost::json;
namespace {

Result<std::vector<VocabularyWord>> ReadList(const ContentLibrary& content, const char* name,
                                             bool family) {
  std::string path = fmt::format("content/communicate/{}.json", name);
  const ContentFile* f = content.Find(path);
  if (!f) return Status::NotFound(path + " is missing");
  boost::system::error_code ec;
  json::value doc = json::parse(f->text, ec);
  const json::value* list = doc.is_object() ? doc.as_object().if_contains(name) : nullptr;
  if (ec || !list || !list->is_array()) {
    return Status::InvalidField(name, "must be a list").WithContext(f->origin);
  }
  std::vector<FieldError> errors;
  std::vector<VocabularyWord> out;
  for (size_t i = 0; i < list->as_array().size(); ++i) {
    const json::value& v = list->as_array()[i];
    const json::object* o = v.if_object();
    auto text = [&](const char* key) -> std::string {
      const json::value* t = o ? o->if_contains(key) : nullptr;
      if (!t || !t->is_string() || t->as_string().empty()) {
        errors.push_back({fmt::format("{}[{}].{}", name, i, key), "is required text"});
        return {};
      }
      return std::string(t->as_string());
    };
    VocabularyWord w;
    w.word = text("word");
    if (family) w.family = text("family");
    w.definition = text("definition");
    out.push_back(std::move(w));
  }
  if (!errors.empty()) {
    std::string msg = errors[0].field + ": " + errors[0].message;
    return Status::Invalid(msg, std::move(errors)).WithContext(f->origin);
  }
  return out;
}

}  // namespace

Result<Vocabulary> Vocabulary::Load(const ContentLibrary& content) {
  Vocabulary v;
  TRY_ASSIGN(v.feelings, ReadList(content, "feelings", true));
  TRY_ASSIGN(v.needs, ReadList(content, "needs", false));
  return v;
}

}  // namespace securebase::communicate
