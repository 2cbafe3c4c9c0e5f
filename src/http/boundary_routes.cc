// /api/v1/boundaries, /api/v1/boundaries/{id}/practices|incidents, /api/v1/boundary-stats:
// step 7.
#include <fmt/format.h>

#include "boundaries/boundary_store.h"
#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"

namespace securebase::http {
namespace json = boost::json;
namespace bd = boundaries;

namespace {

json::value OrNull(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }
json::value OrNull(const std::optional<int>& v) { return v ? json::value(*v) : nullptr; }

json::object BoundaryJson(const bd::Boundary& b) {
  json::array practices, incidents;
  for (const auto& p : b.practices) {
    practices.push_back({{"id", p.id}, {"steadiness", p.steadiness}, {"at", Iso8601(p.at)}});
  }
  for (const auto& i : b.incidents) {
    incidents.push_back({{"id", i.id},
                         {"kind", bd::IncidentKindName(i.kind)},
                         {"note", i.note},
                         {"at", Iso8601(i.at)}});
  }
  return {{"id", b.id},
          {"area", bd::AreaName(b.area)},
          {"person", OrNull(b.person_id)},
          {"limit", b.limit},
          {"why", b.why},
          {"script", b.script},
          {"if_crossed", b.if_crossed},
          {"created", Iso8601(b.created)},
          {"practices", std::move(practices)},
          {"incidents", std::move(incidents)}};
}

Response BoundaryResponse(ApiContext& ctx, bd::BoundaryStore& store, int64_t id, int status) {
  auto b = store.Get(ctx.user_id, id);
  if (!b.ok()) return ProblemFromStatus(b.status());
  return Json(status, BoundaryJson(*b));
}

}  // namespace

void AddBoundaryRoutes(Router& router, ApiContext& ctx) {
  std::shared_ptr<bd::BoundaryStore> store = bd::MakeSqliteBoundaryStore(ctx.services.db);
  std::shared_ptr<const CrisisSupport> crisis = CrisisSupport::Load(ctx.services.content);

  router.Get("/api/v1/boundaries", [&ctx, store](const Request&) {
    auto all = store->List(ctx.user_id);
    if (!all.ok()) return ProblemFromStatus(all.status());
    json::array items;
    for (const auto& b : *all) items.push_back(BoundaryJson(b));
    return Json(200, json::object({{"items", std::move(items)}, {"next_cursor", nullptr}}));
  });

  router.Post("/api/v1/boundaries", ctx.idempotency.Wrap(ctx.user_id, [&ctx,
                                                                       store](const Request& req) {
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    FieldReader r(std::get<json::object>(parsed));
    bd::BoundaryInput in;
    in.area = r.String("area", true, 16);
    in.person = r.Int("person", false, /*nullable=*/true);
    in.limit = r.String("limit", true, bd::kMaxLimitLength).value_or("");
    in.why = r.String("why", false, bd::kMaxTextLength).value_or("");
    in.script = r.String("script", false, bd::kMaxTextLength).value_or("");
    in.when = r.String("when", false, bd::kMaxTextLength).value_or("");
    in.will = r.String("will", false, bd::kMaxTextLength).value_or("");
    in.if_crossed = r.String("if_crossed", false, bd::kMaxTextLength).value_or("");
    auto b = bd::BoundaryFromInput(in, ctx.services.clock.Now());
    Status person = Status::Ok();
    if (in.person && *in.person > 0 && !ctx.services.people->Get(ctx.user_id, *in.person).ok()) {
      person = Status::InvalidField("person", "is not one of your people");
    }
    Status s = MergeFieldErrors(
        r.Finish({"area", "person", "limit", "why", "script", "when", "will", "if_crossed"}),
        MergeFieldErrors(b.status(), person));
    if (!s.ok()) return ProblemFromStatus(s);
    auto saved = store->Add(ctx.user_id, *b);
    if (!saved.ok()) return ProblemFromStatus(saved.status());
    Response resp = Json(201, BoundaryJson(*saved));
    resp.headers.Set("Location", fmt::format("/api/v1/boundaries/{}", saved->id));
    return resp;
  }));

  router.Get("/api/v1/boundaries/{id}", [&ctx, store](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    return BoundaryResponse(ctx, *store, *id, 200);
  });

  router.Post("/api/v1/boundaries/{id}/practices",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, store](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto parsed = ParseJsonObject(req);
                if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                FieldReader r(std::get<json::object>(parsed));
                auto steadiness = r.Int("steadiness", true);
                Status s = r.Finish({"steadiness"});
                if (s.ok()) s = bd::ValidateSteadiness(*steadiness);
                if (!s.ok()) return ProblemFromStatus(s);
                auto p = store->AddPractice(
                    ctx.user_id, *id, {0, static_cast<int>(*steadiness), ctx.services.clock.Now()});
                if (!p.ok()) return ProblemFromStatus(p.status());
                return BoundaryResponse(ctx, *store, *id, 201);
              }));

  router.Post(
      "/api/v1/boundaries/{id}/incidents",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx, store, crisis](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto parsed = ParseJsonObject(req);
        if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
        FieldReader r(std::get<json::object>(parsed));
        auto kind_text = r.String("kind", true, 32);
        std::optional<bd::IncidentKind> kind;
        if (kind_text) {
          kind = bd::ParseIncidentKind(*kind_text);
          if (!kind) r.Error("kind", "must be held, crossed-by-them or crossed-by-me");
        }
        std::string note = r.String("note", false, bd::kMaxTextLength).value_or("");
        Status s = r.Finish({"kind", "note"});
        if (!s.ok()) return ProblemFromStatus(s);
        auto i = store->AddIncident(ctx.user_id, *id, {0, *kind, note, ctx.services.clock.Now()});
        if (!i.ok()) return ProblemFromStatus(i.status());
        auto b = store->Get(ctx.user_id, *id);
        if (!b.ok()) return ProblemFromStatus(b.status());
        json::object body = BoundaryJson(*b);
        crisis->AddIfDanger(body, note, ctx);
        return Json(201, body);
      }));

  router.Get("/api/v1/boundary-stats", [&ctx, store](const Request&) {
    auto all = store->List(ctx.user_id);
    if (!all.ok()) return ProblemFromStatus(all.status());
    bd::Stats stats = bd::ComputeStats(*all, ctx.services.clock.Now());
    json::array boundaries, people;
    for (const auto& b : stats.boundaries) {
      boundaries.push_back({{"boundary", b.boundary_id},
                            {"held", b.held},
                            {"crossed_by_them", b.crossed_by_them},
                            {"crossed_by_me", b.crossed_by_me},
                            {"crossed_lately", b.crossed_lately},
                            {"practices", b.practices},
                            {"first_steadiness", OrNull(b.first_steadiness)},
                            {"last_steadiness", OrNull(b.last_steadiness)}});
    }
    for (const auto& p : stats.people) {
      people.push_back({{"person", OrNull(p.person_id)},
                        {"held", p.held},
                        {"crossed_by_them", p.crossed_by_them},
                        {"crossed_by_me", p.crossed_by_me}});
    }
    return Json(
        200, json::object({{"boundaries", std::move(boundaries)}, {"people", std::move(people)}}));
  });
}

}  // namespace securebase::http
