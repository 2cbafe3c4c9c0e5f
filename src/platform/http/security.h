#pragma once
// The local-mode safety rules, as a wrapper around the app's handler and a hook that adds
// security headers to every response.
//
//   Security security(SecurityOptions{.token = GenerateToken(), ...});
//   server_options.response_hook = security.ResponseHook();
//   Server server(server_options, security.Wrap(router.AsHandler()));
//
// Wrap() applies, in order:
//   1. Host check (DNS rebinding): the Host header must be one of `allowed_hosts` followed
//      by ":<the port the connection arrived on>" (the port may be left out only on port
//      80); otherwise 421 (problem "misdirected-request").
//   2. Sign-in link: a GET or HEAD with a `token` query parameter. The right token answers
//      303 to the same path without that parameter, with
//      "Set-Cookie: securebase_session=<token>; HttpOnly; SameSite=Strict; Path=/";
//      a wrong one answers 401.
//   3. Token auth: paths under `protected_prefix`, except `public_paths`, need the cookie
//      or "Authorization: Bearer <token>"; otherwise 401 (problem "unauthorized").
//      Tokens are compared in constant time.
// The response hook sets Content-Security-Policy, X-Content-Type-Options: nosniff and
// Referrer-Policy: no-referrer on every response, and Cache-Control: no-store on responses
// under /api/ (unless the handler set a Cache-Control itself).
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/handler.h"

namespace securebase::http {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
    "form-action 'self'";

struct SecurityOptions {
  // Host names accepted in the Host header (compared ignoring case), each with the port.
  // Add the address the server is bound to when it is not one of these. An IPv6 address
  // is written in brackets.
  std::vector<std::string> allowed_hosts = {"localhost", "127.0.0.1", "[::1]"};
  bool check_host = true;
  // The secret. When `require_token` is true and this is empty, protected paths always
  // answer 401 (fail closed).
  std::string token = {};
  bool require_token = true;
  std::string protected_prefix = "/api/v1/";
  std::vector<std::string> public_paths = {"/api/v1/health"};
  std::string cookie_name = "securebase_session";
};

class Security {
 public:
  explicit Security(SecurityOptions options);

  // `next` behind the checks above. The returned handler keeps its own copy of the options.
  Handler Wrap(Handler next) const;
  // Adds the security headers to `response` (see above). Thread-safe.
  void AddHeaders(const Request& request, Response& response) const;
  // AddHeaders as a function for ServerOptions::response_hook (keeps its own copy).
  std::function<void(const Request&, Response&)> ResponseHook() const;

  // The checks alone: a response when the request is refused or redirected, nullopt when
  // it may go on to the handler.
  std::optional<Response> Check(const Request& request) const;

 private:
  std::shared_ptr<const SecurityOptions> options_;
};

// A fresh secret: 32 random bytes (libsodium randombytes_buf) as 64 lower-case hex digits.
std::string GenerateToken();

// True when a == b, in time that depends only on the lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace securebase::http
