#pragma once
// Routes requests by method and path pattern to handlers.
//
//   Router api(BodyRule::kJsonOnly);
//   api.Get("/api/v1/people/{id}", [&](const Request& req) {
//     return Json(200, ...req.PathParam("id")...);
//   });
//
// A pattern is a path whose segments are literal ("people") or a parameter ("{id}", one
// non-empty segment). When several patterns match, the one with a literal where the others
// have a parameter wins ("/people/search" beats "/people/{id}"). Matching is exact: a
// trailing slash is a different path. HEAD is answered by the GET route (the server drops
// the body).
//
// Answers 404 (problem "not-found") when no pattern matches and there is no fallback, and
// 405 (problem "method-not-allowed", with an Allow header) when a pattern matches but not
// the method. Thread-safe for Handle() once routes are added; Add() is not thread-safe.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "platform/http/handler.h"

namespace securebase::http {

// Which request bodies the routes accept.
enum class BodyRule {
  kAny,
  // POST, PUT and PATCH with a non-empty body must have Content-Type application/json (or
  // application/<something>+json); otherwise 415 (problem "unsupported-media-type").
  kJsonOnly,
};

struct RouteInfo {
  std::string method;
  std::string pattern;
};

class Router {
 public:
  explicit Router(BodyRule body_rule = BodyRule::kAny);
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Adds a route. A malformed pattern or a duplicate (method, pattern) is a programming
  // error: it aborts with a message.
  void Add(std::string_view method, std::string_view pattern, Handler handler);
  void Get(std::string_view pattern, Handler h) { Add("GET", pattern, std::move(h)); }
  void Post(std::string_view pattern, Handler h) { Add("POST", pattern, std::move(h)); }
  void Put(std::string_view pattern, Handler h) { Add("PUT", pattern, std::move(h)); }
  void Patch(std::string_view pattern, Handler h) { Add("PATCH", pattern, std::move(h)); }
  void Delete(std::string_view pattern, Handler h) { Add("DELETE", pattern, std::move(h)); }

  // Called for requests whose path matches no pattern (instead of the 404 problem), for
  // example StaticFiles for everything outside /api.
  void SetFallback(Handler fallback);

  // Routes `request` and runs the handler (on the caller's thread).
  Response Handle(const Request& request) const;
  // A Handler that calls Handle(). The router must outlive it and not change meanwhile.
  Handler AsHandler() const;

  // Every route, in the order added.
  std::vector<RouteInfo> Routes() const;

 private:
  struct Route;
  BodyRule body_rule_;
  std::vector<std::unique_ptr<Route>> routes_;
  Handler fallback_;
};

// True when `content_type` (a Content-Type header value) names JSON: "application/json"
// or "application/<x>+json", any parameters ("; charset=utf-8") ignored.
bool IsJsonContentType(std::string_view content_type);

}  // namespace securebase::http
