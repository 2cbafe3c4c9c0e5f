#include "http/crisis_json.h"

#include <iostream>

#include "platform/embedded_file.h"
#include "safety/crisis_text.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

template <typename T>
T LoadOrBuiltIn(const ContentLibrary& content, Result<T> (*load)(const ContentLibrary&)) {
  Result<T> r = load(content);
  if (r.ok()) return std::move(r).value();
  std::cerr << "securebase: " << r.status().message() << " (using the built-in copy)\n";
  static const ContentLibrary built_in(embedded::ContentFiles(), "");
  return load(built_in).value();
}

}  // namespace

std::shared_ptr<const CrisisSupport> CrisisSupport::Load(const ContentLibrary& content) {
  return std::make_shared<const CrisisSupport>(
      LoadOrBuiltIn<safety::DangerDetector>(content, &safety::DangerDetector::Load),
      LoadOrBuiltIn<safety::CrisisResources>(content, &safety::CrisisResources::Load));
}

std::string CrisisSupport::SavedRegion(ApiContext& ctx) const {
  auto value = ctx.services.settings->Get(ctx.user_id, safety::kRegionSettingKey);
  if (!value.ok() || !*value) return "";
  return resources_.Resolve(**value).value_or("");
}

bool CrisisSupport::AddIfDanger(json::object& body, std::string_view text, ApiContext& ctx) const {
  if (text.empty() || !detector_.Check(text).danger()) return false;
  body["crisis"] = CrisisJson(resources_, SavedRegion(ctx));
  return true;
}

json::array CrisisRegionsJson(const safety::CrisisResources& resources, std::string_view region) {
  json::array out;
  for (const safety::CrisisRegion* r : resources.Ordered(region)) {
    json::array lines;
    for (const auto& l : r->lines) {
      lines.push_back(json::object(
          {{"name", l.name}, {"phone", l.phone}, {"text", l.text}, {"hours", l.hours}}));
    }
    out.push_back(json::object({{"code", r->code},
                                {"name", r->name},
                                {"emergency", r->emergency},
                                {"lines", std::move(lines)},
                                {"note", r->note},
                                {"last_checked", r->last_checked}}));
  }
  return out;
}

json::object CrisisJson(const safety::CrisisResources& resources, std::string_view region) {
  auto code = resources.Resolve(region);
  return json::object({{"message", safety::kCrisisMessage},
                       {"region", code ? json::value(*code) : json::value(nullptr)},
                       {"resources", CrisisRegionsJson(resources, region)}});
}

}  // namespace securebase::http
