// /api/v1/bids and /api/v1/bids/stats: step 6.
#include <fmt/format.h>

#include <charconv>

#include "connect/bid_store.h"
#include "connect/checkin.h"
#include "http/api_context.h"
#include "http/checkin_routes.h"
#include "http/crisis_json.h"
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

std::optional<int64_t> ParseId(std::string_view text) {
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

// "person": a person's id; absent: everyone.
Result<std::optional<int64_t>> PersonParam(const Request& req) {
  auto text = req.QueryValue("person");
  if (!text || text->empty()) return std::optional<int64_t>{};
  auto id = ParseId(*text);
  if (!id) return Status::InvalidField("person", "must be a person's id");
  return std::optional<int64_t>(*id);
}

// "cursor": "<at_ms>.<id>" of the last bid sent.
Result<std::optional<connect::BidKey>> CursorParam(const Request& req) {
  auto text = req.QueryValue("cursor");
  if (!text || text->empty()) return std::optional<connect::BidKey>{};
  auto dot = text->find('.');
  std::optional<int64_t> at, id;
  if (dot != std::string_view::npos) {
    at = ParseId(text->substr(0, dot));
    id = ParseId(text->substr(dot + 1));
  }
  if (!at || !id) return Status::InvalidField("cursor", "is not a cursor this server gave out");
  return std::optional<connect::BidKey>(connect::BidKey{*at, *id});
}

Response Add(ApiContext& ctx, const Request& req, const CrisisSupport& crisis) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  connect::BidInput in;
  in.person = r.Int("person", false, /*nullable=*/true);
  in.direction = r.String("direction", false, 16).value_or("received");
  in.kind = r.String("kind", false, 16).value_or("other");
  in.response = r.String("response", true, 16).value_or("");
  in.feeling = r.String("feeling", false, connect::kMaxFeelingLength).value_or("");
  // "at": when it happened, for a bid logged afterwards; default now; never in the future.
  Instant now = ctx.services.clock.Now(), at = now;
  auto at_text = r.String("at", false, 40);
  if (at_text && (!ParseIso8601(*at_text, &at) || at.utc_ms > now.utc_ms + 60'000)) {
    r.Error("at", "must be a past date and time like 2026-11-27T21:05:00+01:00");
    at = now;
  }
  auto built = connect::BuildBid(in, at);
  Status s = MergeFieldErrors(
      r.Finish({"person", "direction", "kind", "response", "feeling", "at"}), built.status());
  if (!s.ok()) return ProblemFromStatus(s);
  auto saved = connect::MakeSqliteBidStore(ctx.services.db)->Add(ctx.user_id, *built);
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  json::object body = BidJson(*saved);
  crisis.AddIfDanger(body, saved->feeling, ctx);
  Response resp = Json(201, body);
  resp.headers.Set("Location", fmt::format("/api/v1/bids/{}", saved->id));
  return resp;
}

Response List(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 50, 500);
  auto person = PersonParam(req);
  auto cursor = CursorParam(req);
  Status bad = MergeFieldErrors(MergeFieldErrors(limit.status(), person.status()), cursor.status());
  if (!bad.ok()) return ProblemFromStatus(bad);
  // One more than asked for tells whether there is a next page.
  auto bids =
      connect::MakeSqliteBidStore(ctx.services.db)->List(ctx.user_id, *person, *limit + 1, *cursor);
  if (!bids.ok()) return ProblemFromStatus(bids.status());
  json::array items;
  json::value next = nullptr;
  for (size_t i = 0; i < bids->size() && i < size_t(*limit); ++i)
    items.push_back(BidJson((*bids)[i]));
  if (bids->size() > size_t(*limit)) {
    const auto& last = (*bids)[*limit - 1];
    next = fmt::format("{}.{}", last.at.utc_ms, last.id);
  }
  return Json(200, json::object{{"items", std::move(items)}, {"next_cursor", std::move(next)}});
}

Response Remove(ApiContext& ctx, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  Status s = connect::MakeSqliteBidStore(ctx.services.db)
                 ->Delete(ctx.user_id, *id, ctx.services.clock.Now());
  if (!s.ok()) return ProblemFromStatus(s);
  return Json(
      200, json::object{{"removed", *id}, {"undo", fmt::format("/api/v1/bids/{}/restore", *id)}});
}

Response Restore(ApiContext& ctx, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  Status s = connect::MakeSqliteBidStore(ctx.services.db)->Restore(ctx.user_id, *id);
  if (!s.ok()) return ProblemFromStatus(s);
  return Json(200, json::object{{"restored", *id}});
}

Response Stats(ApiContext& ctx, const Request& req) {
  auto person = PersonParam(req);
  if (!person.ok()) return ProblemFromStatus(person.status());
  auto bids = connect::MakeSqliteBidStore(ctx.services.db)->All(ctx.user_id);
  if (!bids.ok()) return ProblemFromStatus(bids.status());
  if (*person) {
    std::erase_if(*bids, [&](const connect::Bid& b) { return b.person_id != **person; });
  }
  auto stats = connect::ComputeBidStats(*bids);
  return Json(200,
              json::object{{"received", DirectionJson(stats.received)},
                           {"made", DirectionJson(stats.made)},
                           {"person", *person ? json::value(**person) : nullptr},
                           {"reference", json::object{{"together", connect::kReferenceTogether},
                                                      {"divorced", connect::kReferenceDivorced},
                                                      {"note", connect::ReferenceNote()}}}});
}

}  // namespace

void AddConnectRoutes(Router& router, ApiContext& ctx) {
  auto crisis = CrisisSupport::Load(ctx.services.content);
  router.Get("/api/v1/bids",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return List(ctx, req); }); });
  router.Post("/api/v1/bids", ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
    return Add(ctx, req, *crisis);
  }));
  router.Delete("/api/v1/bids/{id}", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
    return Remove(ctx, req);
  }));
  router.Post(
      "/api/v1/bids/{id}/restore",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) { return Restore(ctx, req); }));
  router.Get("/api/v1/bids/stats", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return Stats(ctx, req); });
  });
  AddCheckinRoutes(router, ctx, crisis);
}

}  // namespace securebase::http
