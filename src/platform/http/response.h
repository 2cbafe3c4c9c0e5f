#pragma once
// An HTTP response as handlers build it, and helpers for JSON and for problem details
// (RFC 9457, application/problem+json).
#include <boost/json/fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/headers.h"
#include "platform/result.h"

namespace securebase::http {

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // The Content-Type to send; empty sends none. A Content-Type in `headers` wins.
  std::string content_type;
};

// Problem types are stable URIs below this base: "https://securebase.app/problems/validation".
inline constexpr std::string_view kProblemTypeBase = "https://securebase.app/problems/";

// The problem type URI for `slug` ("validation" -> kProblemTypeBase + "validation").
std::string ProblemType(std::string_view slug);

// `body` serialized, as application/json.
Response Json(int status, const boost::json::value& body);
// `body` as text/plain (or `content_type`).
Response Text(int status, std::string body, std::string content_type = "text/plain; charset=utf-8");
// A problem details document:
//   {"type": ..., "title": ..., "status": ..., "detail": ..., "errors": [{"field","message"}]}
// `type` is a slug ("validation") or a full URI; a slug is made into ProblemType(slug).
// "detail" is left out when empty, "errors" when there are none.
Response Problem(int status, std::string_view type, std::string_view title, std::string_view detail,
                 const std::vector<FieldError>& errors = {});
// The problem for a non-ok Status:
//   kInvalidArgument -> 422 "validation" (with the field errors),
//   kNotFound -> 404, kAlreadyExists and kConflict -> 409 "conflict",
//   kFailedPrecondition -> 409 "precondition",
//   kDiskFull -> 507 "disk-full" (nothing was saved; reads still work),
//   kIo and kInternal -> 500 "internal" with a fixed message (the cause is not sent).
// REQUIRES: !status.ok().
Response ProblemFromStatus(const Status& status);
// A redirect (301, 302, 303, 307 or 308) to `location`, with an empty body.
Response Redirect(int status, std::string location);
// 204 No Content.
Response NoContent();

}  // namespace securebase::http
