#include "platform/http/router.h"

#include <cstdio>
#include <cstdlib>
#include <set>

namespace securebase::http {

namespace {

struct Segment {
  std::string text;  // the literal, or the parameter's name
  bool is_param = false;
};

// "/a/b" -> ["a", "b"]; "/" -> [""]; "/a/" -> ["a", ""].
std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  if (path.empty() || path.front() != '/') return out;
  path.remove_prefix(1);
  while (true) {
    size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

[[noreturn]] void BadRoute(std::string_view method, std::string_view pattern, const char* why) {
  std::fprintf(stderr, "Router: route %.*s %.*s: %s\n", static_cast<int>(method.size()),
               method.data(), static_cast<int>(pattern.size()), pattern.data(), why);
  std::abort();
}

bool IsBodyMethod(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

}  // namespace

struct Router::Route {
  std::string method;
  std::string pattern;
  std::vector<Segment> segments;
  Handler handler;
};

Router::Router(BodyRule body_rule) : body_rule_(body_rule) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

void Router::Add(std::string_view method, std::string_view pattern, Handler handler) {
  if (method.empty()) BadRoute(method, pattern, "empty method");
  if (pattern.empty() || pattern.front() != '/') BadRoute(method, pattern, "must start with '/'");
  if (!handler) BadRoute(method, pattern, "no handler");
  auto route = std::make_unique<Route>();
  route->method = std::string(method);
  route->pattern = std::string(pattern);
  std::set<std::string_view> names;
  for (std::string_view part : SplitPath(pattern)) {
    Segment seg;
    if (!part.empty() && part.front() == '{') {
      if (part.size() < 3 || part.back() != '}') BadRoute(method, pattern, "bad parameter");
      seg.text = std::string(part.substr(1, part.size() - 2));
      seg.is_param = true;
      if (!names.insert(part).second) BadRoute(method, pattern, "parameter named twice");
    } else {
      if (part.find_first_of("{}") != std::string_view::npos) {
        BadRoute(method, pattern, "braces inside a segment");
      }
      seg.text = std::string(part);
    }
    route->segments.push_back(std::move(seg));
  }
  for (const auto& r : routes_) {
    if (r->method == route->method && r->pattern == route->pattern) {
      BadRoute(method, pattern, "added twice");
    }
  }
  route->handler = std::move(handler);
  routes_.push_back(std::move(route));
}

void Router::SetFallback(Handler fallback) { fallback_ = std::move(fallback); }

Response Router::Handle(const Request& request) const {
  std::vector<std::string_view> parts = SplitPath(request.path);

  // Each route that matches the path, with a rank: literal segments before parameters.
  const Route* best = nullptr;
  std::vector<bool> best_rank;
  std::set<std::string> allowed;
  for (const auto& route : routes_) {
    if (route->segments.size() != parts.size()) continue;
    std::vector<bool> rank;
    rank.reserve(parts.size());
    bool match = true;
    for (size_t i = 0; i < parts.size() && match; ++i) {
      const Segment& seg = route->segments[i];
      match = seg.is_param ? !parts[i].empty() : seg.text == parts[i];
      rank.push_back(!seg.is_param);
    }
    if (!match) continue;
    allowed.insert(route->method);
    bool method_ok =
        route->method == request.method || (request.method == "HEAD" && route->method == "GET");
    if (!method_ok) continue;
    // An explicit HEAD route beats GET for HEAD requests at the same rank.
    bool better = best == nullptr || rank > best_rank ||
                  (rank == best_rank && route->method == request.method);
    if (better) {
      best = route.get();
      best_rank = std::move(rank);
    }
  }

  if (best == nullptr) {
    if (allowed.empty()) {
      if (fallback_) return fallback_(request);
      return Problem(404, "not-found", "Not found", "There is nothing at this address.");
    }
    if (allowed.count("GET")) allowed.insert("HEAD");
    std::string allow;
    for (const std::string& m : allowed) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    Response res = Problem(405, "method-not-allowed", "Method not allowed",
                           "This address does not accept " + request.method + ".");
    res.headers.Set("Allow", std::move(allow));
    return res;
  }

  if (body_rule_ == BodyRule::kJsonOnly && IsBodyMethod(request.method) && !request.body.empty() &&
      !IsJsonContentType(request.headers.Get("Content-Type"))) {
    return Problem(415, "unsupported-media-type", "Unsupported media type",
                   "Send the body as JSON with Content-Type: application/json.");
  }

  bool has_params = false;
  for (const Segment& seg : best->segments) has_params = has_params || seg.is_param;
  if (!has_params) return best->handler(request);
  Request routed = request;
  routed.path_params.clear();
  for (size_t i = 0; i < parts.size(); ++i) {
    if (best->segments[i].is_param) {
      routed.path_params.emplace(best->segments[i].text, std::string(parts[i]));
    }
  }
  return best->handler(routed);
}

Handler Router::AsHandler() const {
  return [this](const Request& request) { return Handle(request); };
}

std::vector<RouteInfo> Router::Routes() const {
  std::vector<RouteInfo> out;
  out.reserve(routes_.size());
  for (const auto& r : routes_) out.push_back({r->method, r->pattern});
  return out;
}

bool IsJsonContentType(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  std::string lower = ToLowerAscii(type);
  if (lower == "application/json") return true;
  constexpr std::string_view kApp = "application/";
  constexpr std::string_view kJsonSuffix = "+json";
  return lower.size() > kApp.size() + kJsonSuffix.size() && lower.starts_with(kApp) &&
         lower.ends_with(kJsonSuffix);
}

}  // namespace securebase::http
