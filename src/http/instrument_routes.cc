// /api/v1/instruments and /api/v1/learn: what the app knows, read-only.
#include <boost/json.hpp>

#include "http/api_context.h"
#include "http/views.h"
#include "platform/http/response.h"

namespace securebase::http {
namespace json = boost::json;

void AddInstrumentRoutes(Router& router, ApiContext& ctx) {
  const auto& catalog = ctx.services.catalog;
  router.Get("/api/v1/instruments", [&catalog](const Request&) {
    json::array items;
    for (const auto& ins : catalog.all()) items.push_back(InstrumentSummaryJson(ins));
    return Json(200, boost::json::object({{"items", std::move(items)}, {"next_cursor", nullptr}}));
  });
  router.Get("/api/v1/instruments/{id}", [&catalog](const Request& req) {
    auto ins = catalog.Find(std::string(req.PathParam("id")));
    if (!ins.ok()) return ProblemFromStatus(ins.status());
    return Json(200, InstrumentJson(**ins));
  });
}

void AddLearnRoutes(Router& router, ApiContext& ctx) {
  const auto& content = ctx.services.content;
  router.Get("/api/v1/learn", [&content](const Request&) {
    json::array items;
    for (const auto& page : understand::LearnPages(content))
      items.push_back(LearnSummaryJson(page));
    return Json(200, boost::json::object({{"items", std::move(items)}, {"next_cursor", nullptr}}));
  });
  router.Get("/api/v1/learn/{topic}", [&content](const Request& req) {
    auto page = understand::FindLearnPage(content, std::string(req.PathParam("topic")));
    if (!page.ok()) return ProblemFromStatus(page.status());
    return Json(
        200, boost::json::object(
                 {{"topic", page->topic}, {"title", page->title}, {"markdown", page->markdown}}));
  });
}

}  // namespace securebase::http
