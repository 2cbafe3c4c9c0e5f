// Placeholder until the feature's routes land.
#include "http/api_context.h"

namespace securebase::http {

void AddBoundaryRoutes(Router& /*router*/, ApiContext& /*ctx*/) {}

}  // namespace securebase::http
