// /api/v1/bids and /api/v1/bids/stats: step 6.
#include <fmt/format.h>

#include "connect/bid_store.h"
#include "http/api_context.h"
#include "http/json_body.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::object BidJson(const connect::Bid& b) {
  return {{"id", b.id},
          {"person", b.person_id ? json::value(*b.person_id) : nullptr},
          {"direction", connect::BidDirectionName(b.direction)},
          {"kind", connect::BidKindName(b.kind)},
          {"response", connect::ResponseName(b.response)},
          {"feeling", b.feeling},
          {"at", Iso8601(b.at)}};
}

json::object TallyJson(const connect::BidTally& t) {
  auto r = t.TowardRatio();
  return {{"toward", t.toward},   {"away", t.away},
          {"against", t.against}, {"missed", t.missed},
          {"total", t.total()},   {"toward_ratio", r ? json::value(*r) : nullptr}};
}

json::object DirectionJson(const connect::DirectionStats& d) {
  json::array people, months;
  for (const auto& [person, t] : d.by_person) {
    json::object o = TallyJson(t);
    o["person"] = person ? json::value(*person) : nullptr;
    people.push_back(std::move(o));
  }
  for (const auto& [month, t] : d.by_month) {
    json::object o = TallyJson(t);
    o["month"] = month;
    months.push_back(std::move(o));
  }
  return {{"all", TallyJson(d.all)}, {"people", std::move(people)}, {"months", std::move(months)}};
}

Response Add(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  connect::BidInput in;
  in.person = r.Int("person", false, /*nullable=*/true);
  in.direction = r.String("direction", false, 16).value_or("received");
  in.kind = r.String("kind", false, 16).value_or("other");
  in.response = r.String("response", true, 16).value_or("");
  in.feeling = r.String("feeling", false, connect::kMaxFeelingLength).value_or("");
  auto built = connect::BuildBid(in, ctx.services.clock.Now());
  Status s = MergeFieldErrors(r.Finish({"person", "direction", "kind", "response", "feeling"}),
                              built.status());
  if (!s.ok()) return ProblemFromStatus(s);
  auto saved = connect::MakeSqliteBidStore(ctx.services.db)->Add(ctx.user_id, *built);
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  Response resp = Json(201, BidJson(*saved));
  resp.headers.Set("Location", fmt::format("/api/v1/bids/{}", saved->id));
  return resp;
}

Response List(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 50, 500);
  if (!limit.ok()) return ProblemFromStatus(limit.status());
  auto bids = connect::MakeSqliteBidStore(ctx.services.db)->List(ctx.user_id, std::nullopt, *limit);
  if (!bids.ok()) return ProblemFromStatus(bids.status());
  json::array items;
  for (const auto& b : *bids) items.push_back(BidJson(b));
  return Json(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response Stats(ApiContext& ctx) {
  auto bids = connect::MakeSqliteBidStore(ctx.services.db)->All(ctx.user_id);
  if (!bids.ok()) return ProblemFromStatus(bids.status());
  auto stats = connect::ComputeBidStats(*bids);
  return Json(200,
              json::object{{"received", DirectionJson(stats.received)},
                           {"made", DirectionJson(stats.made)},
                           {"reference", json::object{{"together", connect::kReferenceTogether},
                                                      {"divorced", connect::kReferenceDivorced},
                                                      {"note", connect::ReferenceNote()}}}});
}

}  // namespace

void AddConnectRoutes(Router& router, ApiContext& ctx) {
  router.Get("/api/v1/bids", [&ctx](const Request& req) { return List(ctx, req); });
  router.Post("/api/v1/bids", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
    return Add(ctx, req);
  }));
  router.Get("/api/v1/bids/stats", [&ctx](const Request&) { return Stats(ctx); });
}

}  // namespace securebase::http
