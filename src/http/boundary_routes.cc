// /api/v1/boundaries, /api/v1/boundaries/{id}/practices|incidents, /api/v1/boundary-stats:
// step 7. Boundaries can be edited (PATCH), deleted (DELETE, answering with an "undo" link)
// and restored for 30 days.
#include <fmt/format.h>

#include <set>

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
          {"updated", b.updated_ms
                          ? json::value(Iso8601(Instant{*b.updated_ms, b.created.offset_minutes}))
                          : json::value(nullptr)},
          {"practices", std::move(practices)},
          {"incidents", std::move(incidents)}};
}

// Reads the fields a boundary has (POST and PATCH); absent fields stay unset.
bd::BoundaryEdit ReadBoundaryFields(FieldReader& r, bool creating) {
  bd::BoundaryEdit e;
  e.area = r.String("area", creating, 16);
  if (r.Has("person")) e.person = r.Int("person", false, /*nullable=*/true);
  e.limit = r.String("limit", creating, bd::kMaxLimitLength);
  e.why = r.String("why", false, bd::kMaxTextLength);
  e.script = r.String("script", false, bd::kMaxTextLength);
  e.when = r.String("when", false, bd::kMaxTextLength).value_or("");
  e.will = r.String("will", false, bd::kMaxTextLength).value_or("");
  e.if_crossed = r.String("if_crossed", false, bd::kMaxTextLength);
  return e;
}
const std::set<std::string> kBoundaryFields{"area",   "person", "limit", "why",
                                            "script", "when",   "will",  "if_crossed"};

// Ok when `person` is empty or one of the user's people; a field error "person" otherwise.
Status CheckPerson(ApiContext& ctx, const std::optional<int64_t>& person) {
  if (!person || *person <= 0) return Status::Ok();  // <= 0 is reported by the core
  auto p = ctx.services.people->Get(ctx.user_id, *person);
  if (p.ok()) return Status::Ok();
  if (p.status().code() == ErrorCode::kNotFound) {
    return Status::InvalidField("person", "is not one of your people");
  }
  return p.status();
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

  router.Get("/api/v1/boundaries", [&ctx, store](const Request& req) {
    auto limit = LimitParam(req, 50, 500);
    if (!limit.ok()) return ProblemFromStatus(limit.status());
    auto page =
        store->Page(ctx.user_id, *limit, std::string(req.QueryValue("cursor").value_or("")));
    if (!page.ok()) return ProblemFromStatus(page.status());
    json::array items;
    for (const auto& b : page->items) items.push_back(BoundaryJson(b));
    return Json(200, json::object({{"items", std::move(items)},
                                   {"next_cursor", page->next_cursor.empty()
                                                       ? json::value(nullptr)
                                                       : json::value(page->next_cursor)}}));
  });

  router.Post("/api/v1/boundaries",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, store, crisis](const Request& req) {
                auto parsed = ParseJsonObject(req);
                if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                FieldReader r(std::get<json::object>(parsed));
                bd::BoundaryEdit e = ReadBoundaryFields(r, /*creating=*/true);
                bd::BoundaryInput in;
                in.area = e.area;
                in.person = e.person.value_or(std::nullopt);
                in.limit = e.limit.value_or("");
                in.why = e.why.value_or("");
                in.script = e.script.value_or("");
                in.when = e.when;
                in.will = e.will;
                in.if_crossed = e.if_crossed.value_or("");
                auto b = bd::BoundaryFromInput(in, ctx.services.clock.Now());
                Status s =
                    MergeFieldErrors(r.Finish(kBoundaryFields),
                                     MergeFieldErrors(b.status(), CheckPerson(ctx, in.person)));
                if (!s.ok()) return ProblemFromStatus(s);
                auto saved = store->Add(ctx.user_id, *b);
                if (!saved.ok()) return ProblemFromStatus(saved.status());
                json::object body = BoundaryJson(*saved);
                crisis->AddIfDanger(body, saved->why + "\n" + saved->if_crossed, ctx);
                Response resp = Json(201, body);
                resp.headers.Set("Location", fmt::format("/api/v1/boundaries/{}", saved->id));
                return resp;
              }));

  router.Get("/api/v1/boundaries/{id}", [&ctx, store](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    return BoundaryResponse(ctx, *store, *id, 200);
  });

  router.Patch("/api/v1/boundaries/{id}",
               ctx.idempotency.Wrap(ctx.user_id, [&ctx, store, crisis](const Request& req) {
                 auto id = PathId(req);
                 if (!id.ok()) return ProblemFromStatus(id.status());
                 auto parsed = ParseJsonObject(req);
                 if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                 FieldReader r(std::get<json::object>(parsed));
                 bd::BoundaryEdit edit = ReadBoundaryFields(r, /*creating=*/false);
                 Status read = r.Finish(kBoundaryFields);
                 auto current = store->Get(ctx.user_id, *id);
                 if (!current.ok()) return ProblemFromStatus(current.status());
                 auto changed = bd::ApplyEdit(*current, edit);
                 Status s = MergeFieldErrors(
                     read,
                     MergeFieldErrors(changed.status(),
                                      edit.person ? CheckPerson(ctx, *edit.person) : Status::Ok()));
                 if (!s.ok()) return ProblemFromStatus(s);
                 auto saved = store->Update(ctx.user_id, *changed, ctx.services.clock.Now());
                 if (!saved.ok()) return ProblemFromStatus(saved.status());
                 json::object body = BoundaryJson(*saved);
                 crisis->AddIfDanger(body, saved->why + "\n" + saved->if_crossed, ctx);
                 return Json(200, body);
               }));

  router.Delete(
      "/api/v1/boundaries/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx, store](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto b = store->Get(ctx.user_id, *id);
        if (!b.ok()) return ProblemFromStatus(b.status());
        Instant now = ctx.services.clock.Now();
        Status s = store->Delete(ctx.user_id, *id, now);
        if (!s.ok()) return ProblemFromStatus(s);
        return Json(200, json::object{
                             {"deleted", BoundaryJson(*b)},
                             {"undo", fmt::format("/api/v1/boundaries/{}/restore", *id)},
                             {"restorable_until", Iso8601(Instant{now.utc_ms + bd::kRestoreWindowMs,
                                                                  now.offset_minutes})}});
      }));

  router.Post("/api/v1/boundaries/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, store](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto b = store->Restore(ctx.user_id, *id, ctx.services.clock.Now());
                if (!b.ok()) return ProblemFromStatus(b.status());
                return Json(200, BoundaryJson(*b));
              }));

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
