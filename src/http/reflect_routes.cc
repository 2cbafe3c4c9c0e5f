// /api/v1/reflections: structured reflections, their search and patterns; /api/v1/emotions.
#include <fmt/format.h>

#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"
#include "http/reflect_views.h"
#include "reflect/when.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::object Full(ApiContext& ctx, const reflect::Reflection& r) {
  auto& service = *ctx.services.reflections;
  return ReflectionJson(r, service.PeopleOf(ctx.user_id, r), service.vocabulary());
}

Response SavedResponse(ApiContext& ctx, const CrisisSupport& crisis, int status,
                       const Result<reflect::Saved>& saved) {
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  json::object o = Full(ctx, saved->reflection);
  if (saved->danger) o["crisis"] = CrisisJson(crisis.resources(), crisis.SavedRegion(ctx));
  Response r = Json(status, o);
  if (status == 201) {
    r.headers.Set("Location", fmt::format("/api/v1/reflections/{}", saved->reflection.id));
  }
  return r;
}

// A local date or an ISO instant in a query parameter, as UTC ms.
std::optional<int64_t> QueryInstant(const Request& req, const char* name, Instant now,
                                    std::vector<FieldError>& errors) {
  auto text = req.QueryValue(name);
  if (!text) return std::nullopt;
  auto at = reflect::ParseWhen(std::string(*text), now);
  if (!at.ok()) {
    errors.push_back({name, "must be a date (2026-11-27) or an ISO 8601 date and time"});
    return std::nullopt;
  }
  // A bare date means the start of that day, not its noon.
  if (text->size() == 10) return at->utc_ms - 12LL * 3'600'000;
  return at->utc_ms;
}

Response SearchResponse(ApiContext& ctx, const std::string& q, int limit) {
  auto hits = ctx.services.reflections->Search(ctx.user_id, q, limit);
  if (!hits.ok()) return ProblemFromStatus(hits.status());
  json::array items;
  for (const auto& h : *hits) {
    json::object o = Full(ctx, h.reflection);
    o["snippet"] = SnippetJson(h.snippet);
    o["rank"] = h.rank;
    items.push_back(std::move(o));
  }
  return Json(200, json::object{{"items", std::move(items)}, {"next_cursor", nullptr}});
}

Response List(ApiContext& ctx, const Request& req) {
  std::vector<FieldError> errors;
  auto limit = LimitParam(req, 50, 500);
  if (!limit.ok()) errors.push_back(limit.status().fields().at(0));
  if (auto q = req.QueryValue("q")) {
    if (!errors.empty())
      return ProblemFromStatus(Status::Invalid(errors[0].field + ": " + errors[0].message, errors));
    return SearchResponse(ctx, std::string(*q), *limit);
  }
  Instant now = ctx.services.clock.Now();
  reflect::ReflectionFilter filter;
  if (auto about = req.QueryValue("about")) {
    char* end = nullptr;
    std::string text(*about);
    long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0) {
      errors.push_back({"about", "must be a person's id"});
    } else {
      filter.about = id;
    }
  }
  filter.since_ms = QueryInstant(req, "since", now, errors);
  filter.until_ms = QueryInstant(req, "until", now, errors);
  if (auto tag = req.QueryValue("tag")) filter.tag = reflect::NormalizeWord(*tag);
  if (auto emotion = req.QueryValue("emotion")) filter.emotion = reflect::NormalizeWord(*emotion);
  if (!errors.empty()) {
    std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                         : "some query parameters need attention";
    return ProblemFromStatus(Status::Invalid(msg, errors));
  }
  auto page = ctx.services.reflections->List(ctx.user_id, filter, *limit,
                                             std::string(req.QueryValue("cursor").value_or("")));
  if (!page.ok()) return ProblemFromStatus(page.status());
  json::array items;
  for (const auto& r : page->items) items.push_back(Full(ctx, r));
  return Json(200, json::object{{"items", std::move(items)},
                                {"next_cursor", page->next_cursor.empty()
                                                    ? json::value(nullptr)
                                                    : json::value(page->next_cursor)}});
}

}  // namespace

void AddReflectRoutes(Router& router, ApiContext& ctx) {
  auto& service = *ctx.services.reflections;
  std::shared_ptr<const CrisisSupport> crisis = CrisisSupport::Load(ctx.services.content);

  router.Get("/api/v1/emotions", [&service](const Request&) {
    json::array items;
    for (const auto& e : service.vocabulary().all()) items.push_back(EmotionJson(e));
    return Json(200, json::object{{"items", std::move(items)}});
  });

  router.Get("/api/v1/reflections",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return List(ctx, req); }); });

  router.Post(
      "/api/v1/reflections", ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
        auto edit = ReadReflectionEdit(req, true, ctx.services.clock.Now());
        if (auto* problem = std::get_if<Response>(&edit)) return *problem;
        return SavedResponse(
            ctx, *crisis, 201,
            ctx.services.reflections->Add(ctx.user_id, std::get<reflect::ReflectionEdit>(edit)));
      }));

  router.Get("/api/v1/reflections/search", [&ctx](const Request& req) {
    auto limit = LimitParam(req, 50, 500);
    if (!limit.ok()) return ProblemFromStatus(limit.status());
    std::string q(req.QueryValue("q").value_or(""));
    return InOneRead(ctx, [&] { return SearchResponse(ctx, q, *limit); });
  });

  router.Get("/api/v1/reflections/patterns", [&ctx, &service](const Request&) {
    return InOneRead(ctx, [&] {
      auto p = service.PatternsFor(ctx.user_id);
      if (!p.ok()) return ProblemFromStatus(p.status());
      return Json(200, PatternsJson(*p));
    });
  });

  router.Get("/api/v1/reflections/prompts", [&ctx, &service](const Request&) {
    auto fitted = service.PromptsFor(ctx.user_id);
    if (!fitted.ok()) return ProblemFromStatus(fitted.status());
    json::object fields;
    for (const auto& [name, text] : fitted->prompts.fields) fields[name] = text;
    json::array extra;
    for (const auto& e : fitted->prompts.extra) extra.push_back(json::string(e));
    return Json(200, json::object{{"lean", reflect::LeanName(fitted->lean)},
                                  {"fields", std::move(fields)},
                                  {"extra", std::move(extra)}});
  });

  router.Get("/api/v1/reflections/tags", [&ctx, &service](const Request& req) {
    auto limit = LimitParam(req, 30, 200);
    if (!limit.ok()) return ProblemFromStatus(limit.status());
    auto tags = service.TagSuggestions(ctx.user_id, *limit);
    if (!tags.ok()) return ProblemFromStatus(tags.status());
    json::array items;
    for (const auto& t : *tags) items.push_back(json::object{{"tag", t.tag}, {"entries", t.count}});
    return Json(200, json::object{{"items", std::move(items)}});
  });

  router.Get("/api/v1/reflections/{id}", [&ctx, &service](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    return InOneRead(ctx, [&] {
      auto r = service.Get(ctx.user_id, *id);
      if (!r.ok()) return ProblemFromStatus(r.status());
      return Json(200, Full(ctx, *r));
    });
  });

  router.Patch("/api/v1/reflections/{id}",
               ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
                 auto id = PathId(req);
                 if (!id.ok()) return ProblemFromStatus(id.status());
                 auto edit = ReadReflectionEdit(req, false, ctx.services.clock.Now());
                 if (auto* problem = std::get_if<Response>(&edit)) return *problem;
                 return SavedResponse(
                     ctx, *crisis, 200,
                     ctx.services.reflections->Edit(ctx.user_id, *id,
                                                    std::get<reflect::ReflectionEdit>(edit)));
               }));

  router.Delete(
      "/api/v1/reflections/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx, &service](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto r = service.Get(ctx.user_id, *id);
        if (!r.ok()) return ProblemFromStatus(r.status());
        Status s = service.Delete(ctx.user_id, *id);
        if (!s.ok()) return ProblemFromStatus(s);
        Instant now = ctx.services.clock.Now();
        return Json(200, json::object{{"deleted", Full(ctx, *r)},
                                      {"undo", fmt::format("/api/v1/reflections/{}/restore", *id)},
                                      {"restorable_until",
                                       Iso8601(Instant{now.utc_ms + reflect::kRestoreWindowMs,
                                                       now.offset_minutes})}});
      }));

  router.Post("/api/v1/reflections/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, &service](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto r = service.Restore(ctx.user_id, *id);
                if (!r.ok()) return ProblemFromStatus(r.status());
                return Json(200, Full(ctx, *r));
              }));
}

}  // namespace securebase::http
