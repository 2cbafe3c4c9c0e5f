// /api/v1/practices, /api/v1/regulation-sessions and /api/v1/regulation/*: step 3.
#include <fmt/format.h>

#include <charconv>

#include "http/api_context.h"
#include "http/json_body.h"
#include "http/regulate_views.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

Response PracticeResponse(ApiContext& ctx, int status, const Result<regulate::Practice>& p) {
  if (!p.ok()) return ProblemFromStatus(p.status());
  Response r = Json(status, PracticeJson(*p, ctx.services.regulation->IsBuiltIn(p->id)));
  if (status == 201) r.headers.Set("Location", fmt::format("/api/v1/practices/{}", p->id));
  return r;
}

// A practice document from the body (a JSON object in the practice file format).
std::variant<std::string, Response> PracticeBody(const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  return json::serialize(std::get<json::object>(parsed));
}

Response ListPractices(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 100, 500);
  if (!limit.ok()) return ProblemFromStatus(limit.status());
  auto all = ctx.services.regulation->Practices(ctx.user_id);
  if (!all.ok()) return ProblemFromStatus(all.status());
  size_t start = 0;  // cursor: how many were already sent (the list is short)
  if (auto c = req.QueryValue("cursor")) {
    auto [p, ec] = std::from_chars(c->data(), c->data() + c->size(), start);
    if (ec != std::errc() || p != c->data() + c->size()) {
      return ProblemFromStatus(
          Status::InvalidField("cursor", "is not a cursor this server gave out"));
    }
  }
  json::array items;
  for (size_t i = start; i < all->size() && items.size() < static_cast<size_t>(*limit); ++i) {
    const auto& p = (*all)[i];
    items.push_back(PracticeJson(p, ctx.services.regulation->IsBuiltIn(p.id)));
  }
  size_t next = start + items.size();
  return Json(200,
              json::object({{"items", std::move(items)},
                            {"next_cursor", next < all->size() ? json::value(std::to_string(next))
                                                               : json::value(nullptr)}}));
}

Response RecordSession(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  regulate::SessionInput in;
  in.practice = r.String("practice", true, 64).value_or("");
  in.distress_before = r.Int("distress_before", true);
  in.distress_after = r.Int("distress_after", false, /*nullable=*/true);
  in.energy = r.String("energy", true, 16);
  in.helped = r.String("helped", false, 16);
  in.stopped_early = r.Bool("stopped_early", false).value_or(false);
  in.practiced_ms = r.Int("practiced_ms", false).value_or(0);
  in.person = r.Int("person", false, /*nullable=*/true);
  in.reflection = r.Int("reflection", false, /*nullable=*/true);
  Status s = MergeFieldErrors(
      r.Finish({"practice", "distress_before", "distress_after", "energy", "helped",
                "stopped_early", "practiced_ms", "person", "reflection"}),
      regulate::ValidateSessionInput(in));
  if (!s.ok()) return ProblemFromStatus(s);
  auto saved = ctx.services.regulation->Record(ctx.user_id, in);
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  Response resp = Json(201, SessionJson(*saved));
  resp.headers.Set("Location", fmt::format("/api/v1/regulation-sessions/{}", saved->id));
  return resp;
}

Response ListSessions(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 50, 500);
  if (!limit.ok()) return ProblemFromStatus(limit.status());
  std::string practice(req.QueryValue("practice").value_or(""));
  auto page = ctx.services.regulation->sessions().List(
      ctx.user_id, practice, *limit, std::string(req.QueryValue("cursor").value_or("")));
  if (!page.ok()) return ProblemFromStatus(page.status());
  json::array items;
  for (const auto& s : page->items) items.push_back(SessionJson(s));
  return Json(200, json::object({{"items", std::move(items)},
                                 {"next_cursor", page->next_cursor.empty()
                                                     ? json::value(nullptr)
                                                     : json::value(page->next_cursor)}}));
}

Response Recommendation(ApiContext& ctx, const Request& req) {
  std::vector<FieldError> errors;
  int distress = -1;
  auto text = req.QueryValue("distress");
  if (!text) {
    errors.push_back({"distress", "is required: how strong the distress is, 0 to 10"});
  } else {
    auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), distress);
    if (ec != std::errc() || p != text->data() + text->size() || distress < 0 || distress > 10) {
      errors.push_back({"distress", "must be a whole number from 0 to 10"});
    }
  }
  auto energy_text = req.QueryValue("energy");
  std::optional<regulate::Energy> energy;
  if (energy_text) energy = regulate::ParseEnergy(*energy_text);
  if (!energy) errors.push_back({"energy", "must be 'high' or 'low'"});
  if (!errors.empty()) {
    return ProblemFromStatus(Status::Invalid("some query parameters need attention", errors));
  }
  auto rec = ctx.services.regulation->Recommend(ctx.user_id, distress, *energy);
  if (!rec.ok()) return ProblemFromStatus(rec.status());
  bool built_in = rec->practice && ctx.services.regulation->IsBuiltIn(rec->practice->id);
  return Json(200, RecommendationJson(*rec, built_in));
}

}  // namespace

void AddRegulateRoutes(Router& router, ApiContext& ctx) {
  auto& reg = *ctx.services.regulation;

  router.Get("/api/v1/practices", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return ListPractices(ctx, req); });
  });
  router.Get("/api/v1/practices/{id}", [&ctx, &reg](const Request& req) {
    return PracticeResponse(ctx, 200, reg.Find(ctx.user_id, std::string(req.PathParam("id"))));
  });
  router.Post("/api/v1/practices",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, &reg](const Request& req) {
                auto body = PracticeBody(req);
                if (auto* problem = std::get_if<Response>(&body)) return *problem;
                return PracticeResponse(
                    ctx, 201, reg.Add(ctx.user_id, std::get<std::string>(body), "request body"));
              }));
  router.Put(
      "/api/v1/practices/{id}", ctx.idempotency.Wrap(ctx.user_id, [&ctx, &reg](const Request& req) {
        std::string id(req.PathParam("id"));
        auto existing = reg.Find(ctx.user_id, id);
        if (!existing.ok()) return ProblemFromStatus(existing.status());
        auto body = PracticeBody(req);
        if (auto* problem = std::get_if<Response>(&body)) return *problem;
        return PracticeResponse(ctx, 200, reg.Save(ctx.user_id, id, std::get<std::string>(body)));
      }));
  router.Delete("/api/v1/practices/{id}",
                ctx.idempotency.Wrap(ctx.user_id, [&ctx, &reg](const Request& req) {
                  std::string id(req.PathParam("id"));
                  Status s = reg.Remove(ctx.user_id, id);
                  if (!s.ok()) return ProblemFromStatus(s);
                  if (reg.IsBuiltIn(id))
                    return PracticeResponse(ctx, 200, reg.Find(ctx.user_id, id));
                  return NoContent();
                }));

  router.Get("/api/v1/regulation-sessions",
             [&ctx](const Request& req) { return ListSessions(ctx, req); });
  router.Post("/api/v1/regulation-sessions",
              ctx.idempotency.Wrap(ctx.user_id,
                                   [&ctx](const Request& req) { return RecordSession(ctx, req); }));
  router.Get("/api/v1/regulation-sessions/{id}", [&ctx, &reg](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto s = reg.sessions().Get(ctx.user_id, *id);
    if (!s.ok()) return ProblemFromStatus(s.status());
    return Json(200, SessionJson(*s));
  });

  router.Get("/api/v1/regulation/stats", [&ctx, &reg](const Request&) {
    return InOneRead(ctx, [&]() -> Response {
      auto stats = reg.ComputeStats(ctx.user_id);
      if (!stats.ok()) return ProblemFromStatus(stats.status());
      return Json(200, StatsJson(*stats));
    });
  });
  router.Get("/api/v1/regulation/recommendation", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return Recommendation(ctx, req); });
  });
}

}  // namespace securebase::http
