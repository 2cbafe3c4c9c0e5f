#pragma once
// An HTTP request as handlers see it: plain types only (no Beast), so code that handles
// requests compiles fast.
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/http/headers.h"

namespace securebase::http {

// Query parameters, decoded ("a+b" and "a%20b" are both "a b"). A name may repeat.
using QueryParams = std::multimap<std::string, std::string, std::less<>>;

struct Request {
  std::string method;  // "GET", as sent (methods are case-sensitive)
  std::string path;    // percent-decoded, without the query: "/api/v1/people/7"
  QueryParams query;
  Headers headers;
  std::string body;
  std::string remote_addr;  // the peer's IP address: "127.0.0.1"
  uint16_t local_port = 0;  // the port the connection arrived on
  // Filled by the router from the matched pattern: {"id": "7"} for "/api/v1/people/{id}".
  std::map<std::string, std::string, std::less<>> path_params;

  // The first value of query parameter `name`, or nullopt.
  std::optional<std::string_view> QueryValue(std::string_view name) const;
  // The path parameter `name`, or "" when the route has none of that name.
  std::string_view PathParam(std::string_view name) const;
  // The value of cookie `name` from the Cookie header(s), or nullopt.
  std::optional<std::string_view> Cookie(std::string_view name) const;
};

// Splits an origin-form request target ("/a%20b?x=1&y=2") into its decoded path and query
// parameters. Returns false when the target is not origin-form, or when the decoded path
// holds a NUL or another control character.
bool ParseTarget(std::string_view target, std::string* path, QueryParams* query);

// Percent-encodes a decoded path for a URL or a Location header ("/a b" -> "/a%20b"). Runs
// of leading slashes become one, so the result is never a network-path reference
// ("//host").
std::string EncodePath(std::string_view path);

// Percent-encodes `params` as a query string, without the '?': "a=1&b=x%20y".
std::string EncodeQuery(const QueryParams& params);

}  // namespace securebase::http
