// /api/v1/health, /api/v1/openapi.json, and the list of every API route.
#include <boost/json.hpp>

#include "http/api_context.h"
#include "platform/http/response.h"

namespace securebase::http {

void AddHealthRoutes(Router& router, ApiContext& ctx) {
  router.Get("/api/v1/health", [](const Request&) {
    return Json(200, boost::json::object({{"status", "ok"}, {"version", "0.1.0"}}));
  });
  const ContentFile* openapi = ctx.services.content.Find("content/api/openapi.json");
  router.Get("/api/v1/openapi.json", [openapi](const Request&) {
    if (!openapi) return Problem(404, "not-found", "The API description is not installed", "");
    return Text(200, openapi->text, "application/json");
  });
}

void AddApiRoutes(Router& router, ApiContext& ctx) {
  AddHealthRoutes(router, ctx);
  AddPeopleRoutes(router, ctx);
  AddInstrumentRoutes(router, ctx);
  AddAssessmentRoutes(router, ctx);
  AddLearnRoutes(router, ctx);
  AddSafetyRoutes(router, ctx);
  AddReflectRoutes(router, ctx);
  AddRegulateRoutes(router, ctx);
  AddCommunicateRoutes(router, ctx);
  AddBoundaryRoutes(router, ctx);
  AddTrustRoutes(router, ctx);
  AddConnectRoutes(router, ctx);
  AddSupportRoutes(router, ctx);
  AddReportRoutes(router, ctx);
  AddDataRoutes(router, ctx);
}

}  // namespace securebase::http
