#include "reflect/prompts.h"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace securebase::reflect {
namespace json = boost::json;

std::string_view LeanName(Lean lean) {
  switch (lean) {
    case Lean::kAnxiety:
      return "anxiety";
    case Lean::kAvoidance:
      return "avoidance";
    case Lean::kBoth:
      return "both";
    case Lean::kNeither:
      return "neither";
    case Lean::kUnknown:
      break;
  }
  return "unknown";
}

Lean LeanFromScores(std::optional<double> anxiety, std::optional<double> avoidance, double cut) {
  if (!anxiety || !avoidance) return Lean::kUnknown;
  bool high_anx = *anxiety >= cut, high_avo = *avoidance >= cut;
  if (high_anx && high_avo) {
    if (*anxiety - *avoidance >= 0.5) return Lean::kAnxiety;
    if (*avoidance - *anxiety >= 0.5) return Lean::kAvoidance;
    return Lean::kBoth;
  }
  if (high_anx) return Lean::kAnxiety;
  if (high_avo) return Lean::kAvoidance;
  return Lean::kNeither;
}

Result<Prompts> Prompts::Load(const ContentLibrary& content) {
  const char* path = "content/reflect/prompts.json";
  const ContentFile* file = content.Find(path);
  if (!file) return Status::NotFound(fmt::format("{} is missing", path));
  boost::system::error_code ec;
  json::value doc = json::parse(file->text, ec);
  if (ec || !doc.is_object()) return Status::Invalid(fmt::format("{}: not a JSON object", path));
  const auto* fields = doc.as_object().if_contains("fields");
  if (!fields || !fields->is_object()) {
    return Status::Invalid(fmt::format("{}: needs a \"fields\" object", path));
  }
  Prompts p;
  auto text_of = [](const json::object& o, const char* key) {
    const auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
  };
  for (TextField f : kTextFields) {
    std::string name(TextFieldName(f));
    const auto* v = fields->as_object().if_contains(name);
    if (!v || !v->is_object() || text_of(v->as_object(), "any").empty()) {
      return Status::Invalid(fmt::format("{}: fields.{}: needs an \"any\" question", path, name));
    }
    const auto& o = v->as_object();
    p.fields_[name] = {text_of(o, "any"), text_of(o, "anxiety"), text_of(o, "avoidance")};
  }
  if (const auto* extra = doc.as_object().if_contains("extra"); extra && extra->is_array()) {
    for (const auto& e : extra->as_array()) {
      if (!e.is_object()) continue;
      p.extra_.emplace_back(text_of(e.as_object(), "lean"), text_of(e.as_object(), "text"));
    }
  }
  return p;
}

PromptSet Prompts::For(Lean lean) const {
  PromptSet out;
  size_t i = 0;
  for (TextField f : kTextFields) {
    std::string name(TextFieldName(f));
    const Variants& v = fields_.at(name);
    const std::string* pick = &v.any;
    if (lean == Lean::kAnxiety && !v.anxiety.empty()) pick = &v.anxiety;
    if (lean == Lean::kAvoidance && !v.avoidance.empty()) pick = &v.avoidance;
    if (lean == Lean::kBoth) {
      const std::string& first = i % 2 == 0 ? v.anxiety : v.avoidance;
      const std::string& second = i % 2 == 0 ? v.avoidance : v.anxiety;
      if (!second.empty()) pick = &second;
      if (!first.empty()) pick = &first;
    }
    out.fields[name] = *pick;
    ++i;
  }
  for (const auto& [for_lean, text] : extra_) {
    bool fits = for_lean == "any" ||
                (for_lean == "anxiety" && (lean == Lean::kAnxiety || lean == Lean::kBoth)) ||
                (for_lean == "avoidance" && (lean == Lean::kAvoidance || lean == Lean::kBoth));
    if (fits && !text.empty()) out.extra.push_back(text);
  }
  return out;
}

}  // namespace securebase::reflect
