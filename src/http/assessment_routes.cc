// /api/v1/assessments: questionnaires taken, drafts and results.
#include <fmt/format.h>

#include "http/api_context.h"
#include "http/json_body.h"
#include "http/views.h"
#include "understand/cut_point.h"

namespace securebase::http {
namespace json = boost::json;
using understand::AssessmentFilter;
using understand::AssessmentStatus;

namespace {

Result<std::optional<double>> Cut(ApiContext& ctx) {
  return understand::LoadCutPoint(*ctx.services.settings, ctx.user_id);
}

Response ViewResponse(int status, const Result<understand::AssessmentView>& v) {
  if (!v.ok()) return ProblemFromStatus(v.status());
  Response r = Json(status, AssessmentJson(*v));
  if (status == 201)
    r.headers.Set("Location", fmt::format("/api/v1/assessments/{}", v->assessment.id));
  return r;
}

Response Create(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  understand::AssessmentInput input;
  auto instrument = r.String("instrument", true, 100);
  auto about = r.Int("about", false, /*nullable=*/true);
  auto answers = r.IntMap("answers", false);
  auto complete = r.Bool("complete", false);
  Status s = r.Finish({"instrument", "about", "answers", "complete"});
  if (!s.ok()) return ProblemFromStatus(s);
  input.instrument = *instrument;
  input.about = about;
  if (answers) input.answers = *answers;
  input.complete = complete.value_or(false);
  auto cut = Cut(ctx);
  if (!cut.ok()) return ProblemFromStatus(cut.status());
  return ViewResponse(201, ctx.services.assessments->Create(ctx.user_id, input, *cut));
}

Response Update(ApiContext& ctx, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto answers = r.IntMap("answers", false);
  auto complete = r.Bool("complete", false);
  Status s = r.Finish({"answers", "complete"});
  if (!s.ok()) return ProblemFromStatus(s);
  auto cut = Cut(ctx);
  if (!cut.ok()) return ProblemFromStatus(cut.status());
  return ViewResponse(200, ctx.services.assessments->Update(
                               ctx.user_id, *id, answers.value_or(std::map<std::string, int>{}),
                               complete.value_or(false), *cut));
}

Response List(ApiContext& ctx, const Request& req) {
  AssessmentFilter filter;
  std::vector<FieldError> errors;
  if (auto about = req.QueryValue("about")) {
    if (*about == "general") {
      filter.about = std::optional<int64_t>();
    } else {
      char* end = nullptr;
      std::string text(*about);
      long long id = std::strtoll(text.c_str(), &end, 10);
      if (text.empty() || *end != '\0' || id <= 0) {
        errors.push_back({"about", "must be 'general' or a person's id"});
      } else {
        filter.about = std::optional<int64_t>(id);
      }
    }
  }
  if (auto status = req.QueryValue("status")) {
    if (*status == "complete") {
      filter.status = AssessmentStatus::kComplete;
    } else if (*status == "draft") {
      filter.status = AssessmentStatus::kDraft;
    } else {
      errors.push_back({"status", "must be 'complete' or 'draft'"});
    }
  }
  if (auto instrument = req.QueryValue("instrument")) filter.instrument = std::string(*instrument);
  auto limit = LimitParam(req, 50, 500);
  if (!limit.ok()) errors.push_back(limit.status().fields().at(0));
  if (!errors.empty())
    return ProblemFromStatus(Status::Invalid("some query parameters need attention", errors));
  understand::Page page{*limit, std::string(req.QueryValue("cursor").value_or(""))};
  auto result = ctx.services.assessment_store->List(ctx.user_id, filter, page);
  if (!result.ok()) return ProblemFromStatus(result.status());
  auto cut = Cut(ctx);
  if (!cut.ok()) return ProblemFromStatus(cut.status());
  json::array items;
  for (const auto& a : result->items) {
    auto v = ctx.services.assessments->ViewOf(ctx.user_id, a, *cut);
    if (v.ok()) items.push_back(AssessmentJson(*v));
  }
  return Json(200, boost::json::object({{"items", std::move(items)},
                                        {"next_cursor", result->next_cursor.empty()
                                                            ? json::value(nullptr)
                                                            : json::value(result->next_cursor)}}));
}

}  // namespace

void AddAssessmentRoutes(Router& router, ApiContext& ctx) {
  router.Post("/api/v1/assessments", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
    return Create(ctx, req);
  }));
  router.Patch(
      "/api/v1/assessments/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) { return Update(ctx, req); }));
  // Reads group their queries in one read transaction (one snapshot, one lock).
  router.Get("/api/v1/assessments",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return List(ctx, req); }); });
  router.Delete(
      "/api/v1/assessments/{id}", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        Status s =
            ctx.services.assessment_store->Remove(ctx.user_id, *id, ctx.services.clock.Now());
        if (!s.ok()) return ProblemFromStatus(s);
        return Json(200, boost::json::object(
                             {{"deleted", *id},
                              {"undo", fmt::format("/api/v1/assessments/{}/restore", *id)}}));
      }));
  router.Post("/api/v1/assessments/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                Status s = ctx.services.assessment_store->Restore(ctx.user_id, *id);
                if (!s.ok()) return ProblemFromStatus(s);
                auto cut = Cut(ctx);
                if (!cut.ok()) return ProblemFromStatus(cut.status());
                return ViewResponse(200, ctx.services.assessments->View(ctx.user_id, *id, *cut));
              }));
  router.Get("/api/v1/assessments/{id}", [&ctx](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto cut = Cut(ctx);
    if (!cut.ok()) return ProblemFromStatus(cut.status());
    return ViewResponse(200, ctx.services.assessments->View(ctx.user_id, *id, *cut));
  });
}

}  // namespace securebase::http
