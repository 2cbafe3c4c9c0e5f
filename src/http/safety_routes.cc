// /api/v1/crisis-resources and /api/v1/settings/region.
#include <fmt/format.h>

#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"
#include "safety/crisis_text.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::object RegionJson(const safety::CrisisResources& resources, const std::string& region) {
  json::array choices;
  for (const auto& r : resources.regions) {
    choices.push_back(json::object({{"code", r.code}, {"name", r.name}}));
  }
  return json::object({{"region", region.empty() ? json::value(nullptr) : json::value(region)},
                       {"choices", std::move(choices)}});
}

}  // namespace

void AddSafetyRoutes(Router& router, ApiContext& ctx) {
  std::shared_ptr<const CrisisSupport> crisis = CrisisSupport::Load(ctx.services.content);

  // Never fails: an unknown ?region= shows every region.
  router.Get("/api/v1/crisis-resources", [&ctx, crisis](const Request& req) {
    std::string region = crisis->SavedRegion(ctx);
    if (auto q = req.QueryValue("region")) region = crisis->resources().Resolve(*q).value_or("");
    std::string last_checked;
    for (const auto& r : crisis->resources().regions)
      last_checked = std::max(last_checked, r.last_checked);
    return Json(
        200, json::object({{"region", region.empty() ? json::value(nullptr) : json::value(region)},
                           {"last_checked", last_checked},
                           {"message", safety::kCrisisMessage},
                           {"items", CrisisRegionsJson(crisis->resources(), region)}}));
  });

  router.Get("/api/v1/settings/region", [&ctx, crisis](const Request&) {
    return Json(200, RegionJson(crisis->resources(), crisis->SavedRegion(ctx)));
  });

  // {"region": "GB"} saves (aliases such as "uk" are accepted); {"region": null} clears.
  router.Put("/api/v1/settings/region", [&ctx, crisis](const Request& req) {
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    const json::object& body = std::get<json::object>(parsed);
    FieldReader r(body);
    std::optional<std::string> code;
    const json::value* v = body.if_contains("region");
    if (!v) {
      r.Error("region", "is required (a region code, or null to clear it)");
    } else if (v->is_string()) {
      code = crisis->resources().Resolve(std::string(v->as_string()));
      if (!code) {
        std::string known;
        for (const auto& x : crisis->resources().regions)
          known += (known.empty() ? "" : ", ") + x.code;
        r.Error("region", "must be one of " + known);
      }
    } else if (!v->is_null()) {
      r.Error("region", "must be a region code or null");
    }
    Status s = r.Finish({"region"});
    if (!s.ok()) return ProblemFromStatus(s);
    Status saved = code ? ctx.services.settings->Set(ctx.user_id, safety::kRegionSettingKey, *code)
                        : ctx.services.settings->Unset(ctx.user_id, safety::kRegionSettingKey);
    if (!saved.ok()) return ProblemFromStatus(saved);
    return Json(200, RegionJson(crisis->resources(), code.value_or("")));
  });
}

}  // namespace securebase::http
