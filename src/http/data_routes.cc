// Placeholder: filled in by the feature that owns these routes.
#include "http/api_context.h"

namespace securebase::http {

void AddDataRoutes(Router&, ApiContext&) {}

}  // namespace securebase::http
