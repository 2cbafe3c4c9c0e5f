// Placeholder until the feature's routes land.
#include "http/api_context.h"

namespace securebase::http {

void AddTrustRoutes(Router& /*router*/, ApiContext& /*ctx*/) {}

}  // namespace securebase::http
