// /api/v1/calendar-feed: the key that lets a calendar app read /api/v1/commitments.ics.
#include "http/calendar_routes.h"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "trust/calendar_feed.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

std::string FeedPath(const std::string& key) {
  return fmt::format("/api/v1/commitments.ics?{}={}", kFeedKeyParam, key);
}

constexpr const char* kWarning =
    "Anyone who has this link can see your commitments, and the names of the people they are "
    "with. Give it only to your calendar app. If it gets out, make a new link: the old one "
    "stops working at once.";

Response Show(ApiContext& ctx) {
  auto info = trust::MakeSqliteCalendarFeedKeys(ctx.services.db)->Info(ctx.user_id);
  if (!info.ok()) return ProblemFromStatus(info.status());
  return Json(200, json::object{{"active", info->has_value()},
                                {"created", *info ? json::value(Iso8601((*info)->created))
                                                  : json::value(nullptr)},
                                {"warning", kWarning}});
}

Response Issue(ApiContext& ctx) {
  Instant now = ctx.services.clock.Now();
  auto key = trust::MakeSqliteCalendarFeedKeys(ctx.services.db)->Issue(ctx.user_id, now);
  if (!key.ok()) return ProblemFromStatus(key.status());
  // Shown once: only its hash is kept.
  Response r = Json(201, json::object{{"active", true},
                                      {"created", Iso8601(now)},
                                      {"key", *key},
                                      {"path", FeedPath(*key)},
                                      {"warning", kWarning}});
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

Response Revoke(ApiContext& ctx) {
  Status s = trust::MakeSqliteCalendarFeedKeys(ctx.services.db)->Revoke(ctx.user_id);
  if (!s.ok()) return ProblemFromStatus(s);
  return Json(200, json::object{{"active", false}, {"created", nullptr}, {"warning", kWarning}});
}

}  // namespace

Result<std::optional<int64_t>> VerifyFeedKey(ApiContext& ctx, const Request& req) {
  auto key = req.QueryValue(kFeedKeyParam);
  if (!key || key->empty()) return std::optional<int64_t>{};
  return trust::MakeSqliteCalendarFeedKeys(ctx.services.db)->Verify(std::string(*key));
}

Response FeedKeyRefused() {
  Response r = Problem(401, "unauthorized", "Calendar link not valid",
                       "This calendar link is wrong or was turned off. Make a new one in "
                       "SecureBase under Trust, Calendar, and give it to your calendar app.");
  r.headers.Set("WWW-Authenticate", "Bearer");
  return r;
}

void AddCalendarFeedRoutes(Router& router, ApiContext& ctx) {
  router.Get("/api/v1/calendar-feed", [&ctx](const Request&) { return Show(ctx); });
  // No idempotency wrapper here: the remembered answer would keep the key in plain text in
  // the database, and making a key twice is harmless (the second replaces the first).
  router.Post("/api/v1/calendar-feed", [&ctx](const Request&) { return Issue(ctx); });
  router.Delete("/api/v1/calendar-feed",
                ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request&) { return Revoke(ctx); }));
}

}  // namespace securebase::http
