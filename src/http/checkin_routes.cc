// GET/POST /api/v1/checkins and PUT /api/v1/checkins/plan.
#include "http/checkin_routes.h"

#include <fmt/format.h>

#include <charconv>

#include "connect/bid_store.h"
#include "connect/checkin.h"
#include "http/json_body.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

constexpr int64_t kDayMs = 24 * 60 * 60 * 1000;

Result<std::optional<int64_t>> PersonParam(const Request& req) {
  auto text = req.QueryValue("person");
  if (!text || text->empty()) return std::optional<int64_t>{};
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v <= 0)
    return Status::InvalidField("person", "must be a person's id");
  return std::optional<int64_t>(v);
}

json::object CheckinJson(const connect::Checkin& c) {
  return {{"id", c.id},
          {"person", c.person_id ? json::value(*c.person_id) : nullptr},
          {"note", c.note},
          {"at", Iso8601(c.at)}};
}

Response List(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 20, 200);
  auto person = PersonParam(req);
  Status bad = MergeFieldErrors(limit.status(), person.status());
  if (!bad.ok()) return ProblemFromStatus(bad);
  auto store = connect::MakeSqliteBidStore(ctx.services.db);
  auto every = store->CheckinEvery(ctx.user_id, *person);
  if (!every.ok()) return ProblemFromStatus(every.status());
  // Newest first; when filtering by person, read enough to fill the page.
  auto all = store->Checkins(ctx.user_id, *person ? 10000 : *limit);
  if (!all.ok()) return ProblemFromStatus(all.status());
  json::array items;
  std::optional<Instant> last;
  for (const auto& c : *all) {
    if (*person && c.person_id != *person) continue;
    if (!last) last = c.at;
    if (items.size() < size_t(*limit)) items.push_back(CheckinJson(c));
  }
  int64_t now_ms = ctx.services.clock.Now().utc_ms;
  // Due when a plan exists and the last one logged is at least that many days old (less
  // a couple of hours, so "every day" at a similar time counts).
  bool due = every->has_value() &&
             (!last || now_ms - last->utc_ms >= int64_t(**every) * kDayMs - 2 * 60 * 60 * 1000);
  json::array prompts;
  for (auto p : connect::kCheckinPrompts) prompts.push_back(json::string(p));
  return Json(200, json::object{{"prompts", std::move(prompts)},
                                {"person", *person ? json::value(**person) : nullptr},
                                {"every_days", *every ? json::value(**every) : nullptr},
                                {"due", due},
                                {"last", last ? json::value(Iso8601(*last)) : nullptr},
                                {"items", std::move(items)},
                                {"next_cursor", nullptr}});
}

Response Add(ApiContext& ctx, const Request& req, const CrisisSupport& crisis) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto person = r.Int("person", false, /*nullable=*/true);
  auto note = r.String("note", false, connect::kMaxFeelingLength).value_or("");
  Status s = r.Finish({"person", "note"});
  if (!s.ok()) return ProblemFromStatus(s);
  auto saved = connect::MakeSqliteBidStore(ctx.services.db)
                   ->AddCheckin(ctx.user_id, {0, person, note, ctx.services.clock.Now()});
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  json::object body = CheckinJson(*saved);
  crisis.AddIfDanger(body, note, ctx);
  return Json(201, body);
}

Response SetPlan(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto person = r.Int("person", false, /*nullable=*/true);
  auto every = r.Int("every_days", true);
  Status s = r.Finish({"person", "every_days"});
  if (s.ok() && (*every < connect::kMinCheckinEvery || *every > connect::kMaxCheckinEvery)) {
    s = Status::InvalidField("every_days", "must be from 1 to 30 days");
  }
  if (!s.ok()) return ProblemFromStatus(s);
  Status saved = connect::MakeSqliteBidStore(ctx.services.db)
                     ->SetCheckinEvery(ctx.user_id, person, static_cast<int>(*every));
  if (!saved.ok()) return ProblemFromStatus(saved);
  return Json(200, json::object{{"person", person ? json::value(*person) : nullptr},
                                {"every_days", *every}});
}

}  // namespace

void AddCheckinRoutes(Router& router, ApiContext& ctx,
                      std::shared_ptr<const CrisisSupport> crisis) {
  router.Get("/api/v1/checkins",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return List(ctx, req); }); });
  router.Post("/api/v1/checkins",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
                return Add(ctx, req, *crisis);
              }));
  router.Put("/api/v1/checkins/plan", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
    return SetPlan(ctx, req);
  }));
}

}  // namespace securebase::http
