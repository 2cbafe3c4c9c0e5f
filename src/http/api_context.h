#pragma once
// What every API route gets: the services, the idempotency memory and the user.
#include "app/services.h"
#include "http/idempotency.h"
#include "platform/http/response.h"
#include "platform/http/router.h"

namespace securebase::http {

struct ApiContext {
  app::Services& services;
  Idempotency& idempotency;
  int64_t user_id = 1;  // local mode: one user
};

// Runs `handler` (returning a Response) inside one read transaction, so every store read
// it makes shares one snapshot and one lock (nested Database::Read calls join it).
template <typename F>
Response InOneRead(ApiContext& ctx, F handler) {
  Response r;
  (void)ctx.services.db.Read([&](db::Connection&) {
    r = handler();
    return Status::Ok();
  });
  return r;
}

// Every /api/v1 route. Each Add* lives in its own file.
void AddHealthRoutes(Router& router, ApiContext& ctx);       // api_routes.cc
void AddPeopleRoutes(Router& router, ApiContext& ctx);       // people_routes.cc
void AddInstrumentRoutes(Router& router, ApiContext& ctx);   // instrument_routes.cc
void AddAssessmentRoutes(Router& router, ApiContext& ctx);   // assessment_routes.cc
void AddLearnRoutes(Router& router, ApiContext& ctx);        // instrument_routes.cc
void AddSafetyRoutes(Router& router, ApiContext& ctx);       // safety_routes.cc
void AddReflectRoutes(Router& router, ApiContext& ctx);      // reflect_routes.cc
void AddRegulateRoutes(Router& router, ApiContext& ctx);     // regulate_routes.cc
void AddCommunicateRoutes(Router& router, ApiContext& ctx);  // communicate_routes.cc
void AddBoundaryRoutes(Router& router, ApiContext& ctx);     // boundary_routes.cc
void AddTrustRoutes(Router& router, ApiContext& ctx);        // trust_routes.cc
void AddConnectRoutes(Router& router, ApiContext& ctx);      // connect_routes.cc
void AddSupportRoutes(Router& router, ApiContext& ctx);      // support_routes.cc
void AddReportRoutes(Router& router, ApiContext& ctx);       // report_routes.cc
void AddDataRoutes(Router& router, ApiContext& ctx);         // data_routes.cc

// All of the above, plus GET /api/v1/openapi.json.
void AddApiRoutes(Router& router, ApiContext& ctx);

}  // namespace securebase::http
