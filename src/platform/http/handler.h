#pragma once
// What answers a request. Handlers run on the server's worker pool (never on the I/O
// thread), so they may block on the database; several run at once, so they must be
// thread-safe.
#include <functional>

#include "platform/http/request.h"
#include "platform/http/response.h"

namespace securebase::http {

using Handler = std::function<Response(const Request&)>;

}  // namespace securebase::http
