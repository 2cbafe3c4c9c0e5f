#pragma once
// The JSON shapes of step 3's resources (see content/api/openapi.json).
#include <boost/json.hpp>

#include "regulate/practice.h"
#include "regulate/session.h"
#include "regulate/stats.h"

namespace securebase::http {

// The practice with its phases or steps, length ("total_ms") and whether it is the person's.
boost::json::object PracticeJson(const regulate::Practice& p, bool built_in);
boost::json::object SessionJson(const regulate::Session& s);
boost::json::object StatsJson(const regulate::Stats& stats);
boost::json::object RecommendationJson(const regulate::Recommendation& r, bool built_in);

}  // namespace securebase::http
