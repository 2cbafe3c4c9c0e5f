#include "platform/http/security.h"

#include <sodium.h>

#include <cstdlib>
#include <string>

namespace securebase::http {

namespace {

constexpr std::string_view kTokenParam = "token";

bool HostAllowed(const SecurityOptions& options, std::string_view host, uint16_t port) {
  std::string suffix = ":" + std::to_string(port);
  for (const std::string& name : options.allowed_hosts) {
    if (host.size() == name.size() + suffix.size() && host.ends_with(suffix) &&
        EqualsIgnoreCase(host.substr(0, name.size()), name)) {
      return true;
    }
    if (port == 80 && EqualsIgnoreCase(host, name)) return true;
  }
  return false;
}

bool IsProtected(const SecurityOptions& options, std::string_view path) {
  if (options.protected_prefix.empty()) return false;
  std::string_view prefix = options.protected_prefix;
  bool under = path.starts_with(prefix);
  if (!under && prefix.ends_with('/')) under = path == prefix.substr(0, prefix.size() - 1);
  if (!under) return false;
  for (const std::string& p : options.public_paths) {
    if (path == p) return false;
  }
  return true;
}

std::optional<std::string_view> BearerToken(const Request& request) {
  std::string_view auth = request.headers.Get("Authorization");
  constexpr std::string_view kBearer = "bearer ";
  if (auth.size() <= kBearer.size() || !EqualsIgnoreCase(auth.substr(0, kBearer.size()), kBearer)) {
    return std::nullopt;
  }
  auth.remove_prefix(kBearer.size());
  while (!auth.empty() && auth.front() == ' ') auth.remove_prefix(1);
  while (!auth.empty() && auth.back() == ' ') auth.remove_suffix(1);
  return auth;
}

bool TokenMatches(const SecurityOptions& options, std::string_view candidate) {
  return !options.token.empty() && ConstantTimeEquals(candidate, options.token);
}

Response Unauthorized(std::string_view detail) {
  Response res = Problem(401, "unauthorized", "Not signed in", detail);
  res.headers.Set("WWW-Authenticate", "Bearer");
  return res;
}

}  // namespace

Security::Security(SecurityOptions options)
    : options_(std::make_shared<const SecurityOptions>(std::move(options))) {}

std::optional<Response> Security::Check(const Request& request) const {
  const SecurityOptions& options = *options_;
  if (options.check_host &&
      !HostAllowed(options, request.headers.Get("Host"), request.local_port)) {
    return Problem(421, "misdirected-request", "Unknown host",
                   "This server answers only to its own address.");
  }

  if ((request.method == "GET" || request.method == "HEAD") &&
      request.query.count(kTokenParam) > 0) {
    std::string_view given = request.query.find(kTokenParam)->second;
    if (!TokenMatches(options, given)) {
      return Unauthorized("The sign-in link is not valid. Start the app again for a new link.");
    }
    QueryParams rest = request.query;
    rest.erase(std::string(kTokenParam));
    std::string location = EncodePath(request.path);
    if (!rest.empty()) location += "?" + EncodeQuery(rest);
    Response res = Redirect(303, std::move(location));
    res.headers.Add("Set-Cookie", options.cookie_name + "=" + options.token +
                                      "; HttpOnly; SameSite=Strict; Path=/");
    res.headers.Set("Cache-Control", "no-store");
    return res;
  }

  if (options.require_token && IsProtected(options, request.path)) {
    std::optional<std::string_view> cookie = request.Cookie(options.cookie_name);
    std::optional<std::string_view> bearer = BearerToken(request);
    bool ok =
        (cookie && TokenMatches(options, *cookie)) || (bearer && TokenMatches(options, *bearer));
    if (!ok) return Unauthorized("Open the app with the link it printed when it started.");
  }
  return std::nullopt;
}

Handler Security::Wrap(Handler next) const {
  return [self = *this, next = std::move(next)](const Request& request) {
    if (std::optional<Response> refused = self.Check(request)) return std::move(*refused);
    return next(request);
  };
}

void Security::AddHeaders(const Request& request, Response& response) const {
  response.headers.Set("Content-Security-Policy", std::string(kContentSecurityPolicy));
  response.headers.Set("X-Content-Type-Options", "nosniff");
  response.headers.Set("Referrer-Policy", "no-referrer");
  if (request.path == "/api" || request.path.starts_with("/api/")) {
    response.headers.SetIfAbsent("Cache-Control", "no-store");
  }
}

std::function<void(const Request&, Response&)> Security::ResponseHook() const {
  return [self = *this](const Request& request, Response& response) {
    self.AddHeaders(request, response);
  };
}

std::string GenerateToken() {
  if (sodium_init() < 0) std::abort();  // libsodium cannot work without a random source
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char hex[sizeof bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  sodium_memzero(bytes, sizeof bytes);
  return std::string(hex, sizeof bytes * 2);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace securebase::http
