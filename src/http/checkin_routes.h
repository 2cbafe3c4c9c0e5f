#pragma once
// /api/v1/checkins: the daily check-in (step 6): its prompts, how often the person wants to
// offer it, and the ones logged as done.
#include <memory>

#include "http/api_context.h"
#include "http/crisis_json.h"

namespace securebase::http {

void AddCheckinRoutes(Router& router, ApiContext& ctx, std::shared_ptr<const CrisisSupport> crisis);

}  // namespace securebase::http
