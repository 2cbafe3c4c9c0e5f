// /api/v1/support/...: the "Is it time to talk to someone?" self-check, signals from the
// person's own data and the setting that turns them off (step 8). The directory and the
// shortlist are in directory_routes.cc.
#include <fmt/format.h>

#include <charconv>

#include "http/json_body.h"
#include "http/support_json.h"
#include "safety/crisis_text.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::object CheckupJson(const support::CheckupDefinition& d) {
  json::array scale, questions, bands;
  for (const auto& c : d.scale)
    scale.push_back(json::object{{"value", c.value}, {"label", c.label}});
  for (const auto& q : d.questions) {
    questions.push_back(json::object{{"id", q.id}, {"text", q.text}, {"safety", q.safety}});
  }
  for (const auto& b : d.bands) {
    bands.push_back(json::object{{"id", b.id}, {"title", b.title}, {"min", b.min}});
  }
  return {
      {"title", d.title},          {"intro", d.intro},          {"note", d.note},
      {"period", d.period},        {"scale", std::move(scale)}, {"questions", std::move(questions)},
      {"bands", std::move(bands)}, {"max_score", d.MaxScore()}};
}

json::object SavedJson(const support::CheckupDefinition& d, const support::SavedCheckup& c) {
  json::object answers;
  for (const auto& [k, v] : c.answers) answers[k] = v;
  const support::CheckupBand* band = d.Band(c.band);
  return {{"id", c.id},
          {"taken", Iso8601(c.taken)},
          {"score", c.score},
          {"max_score", d.MaxScore()},
          {"band", c.band},
          {"title", band ? band->title : ""},
          {"guidance", band ? band->guidance : ""},
          {"safety_concern", c.safety_concern},
          {"answers", std::move(answers)}};
}

Response Signals(ApiContext& ctx) {
  auto& s = ctx.services;
  auto view = support::GatherSignals(ctx.user_id, s.clock.Now(), *s.settings, *s.session_store,
                                     *s.reflection_store, *s.assessment_store, s.catalog);
  if (!view.ok()) return ProblemFromStatus(view.status());
  json::array items;
  for (const auto& sig : view->signals) items.push_back(SignalJson(sig));
  return Json(200, json::object{{"enabled", view->enabled},
                                {"fired", view->fired},
                                {"items", std::move(items)},
                                {"note",
                                 "These signals are a nudge from your own entries, not a "
                                 "diagnosis. You can turn them off at any time."}});
}

Response PostCheckup(ApiContext& ctx, SupportState& st, const Request& req) {
  if (!st.checkup.ok()) return ProblemFromStatus(st.checkup.status());
  const auto& def = *st.checkup;
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto answers = r.IntMap("answers", true);
  bool save = r.Bool("save", false).value_or(true);
  Status s = r.Finish({"answers", "save"});
  if (!s.ok()) return ProblemFromStatus(s);
  auto scored = support::ScoreCheckup(def, *answers);
  if (!scored.ok()) return ProblemFromStatus(scored.status());
  support::SavedCheckup c{0,
                          *answers,
                          scored->score,
                          scored->band->id,
                          scored->safety_concern,
                          ctx.services.clock.Now()};
  if (save) {
    auto saved = support::MakeSqliteCheckupStore(ctx.services.db)->Save(ctx.user_id, c);
    if (!saved.ok()) return ProblemFromStatus(saved.status());
    c = *saved;
  }
  json::object body = SavedJson(def, c);
  body["saved"] = save;
  body["note"] = def.note;
  json::array lifted;
  for (const auto& id : scored->lifted_by) lifted.emplace_back(id);
  body["lifted_by"] = std::move(lifted);
  if (scored->safety_concern) {
    json::object crisis = CrisisJson(st.crisis->resources(), st.crisis->SavedRegion(ctx));
    crisis["message"] = def.safety_message;
    body["crisis"] = std::move(crisis);
  }
  return Json(save ? 201 : 200, body);
}

Response ListCheckups(ApiContext& ctx, SupportState& st, const Request& req) {
  if (!st.checkup.ok()) return ProblemFromStatus(st.checkup.status());
  auto limit = LimitParam(req, 20, 200);
  if (!limit.ok()) return ProblemFromStatus(limit.status());
  int64_t before = 0;
  if (auto cursor = req.QueryValue("cursor")) {
    auto [p, ec] = std::from_chars(cursor->data(), cursor->data() + cursor->size(), before);
    if (ec != std::errc() || p != cursor->data() + cursor->size() || before <= 0) {
      return ProblemFromStatus(
          Status::InvalidField("cursor", "is not a value from a previous page"));
    }
  }
  auto list =
      support::MakeSqliteCheckupStore(ctx.services.db)->List(ctx.user_id, *limit + 1, before);
  if (!list.ok()) return ProblemFromStatus(list.status());
  json::array items;
  json::value next = nullptr;
  for (size_t i = 0; i < list->size(); ++i) {
    if (i == static_cast<size_t>(*limit)) {
      next = json::value(std::to_string((*list)[i - 1].id));
      break;
    }
    items.push_back(SavedJson(*st.checkup, (*list)[i]));
  }
  return Json(200, json::object{{"items", std::move(items)}, {"next_cursor", next}});
}

Response Settings(ApiContext& ctx) {
  auto on = support::SuggestionsEnabled(*ctx.services.settings, ctx.user_id);
  if (!on.ok()) return ProblemFromStatus(on.status());
  return Json(200, json::object{{"suggestions", *on}});
}

Response PutSettings(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto on = r.Bool("suggestions", true);
  Status s = r.Finish({"suggestions"});
  if (!s.ok()) return ProblemFromStatus(s);
  s = support::SetSuggestionsEnabled(*ctx.services.settings, ctx.user_id, *on);
  if (!s.ok()) return ProblemFromStatus(s);
  return Json(200, json::object{{"suggestions", *on}});
}

}  // namespace

void AddSupportRoutes(Router& router, ApiContext& ctx) {
  auto st = std::make_shared<SupportState>();
  st->crisis = CrisisSupport::Load(ctx.services.content);
  st->checkup = support::CheckupDefinition::Load(ctx.services.content);
  st->directory_store = support::MakeSqliteDirectoryStore(ctx.services.db);
  auto dir = support::Directory::Create(*st->directory_store, ctx.services.content);
  if (dir.ok()) {
    st->directory = std::move(*dir);
  } else {
    st->directory_status = dir.status();
  }

  router.Get("/api/v1/support/checkup", [st](const Request&) {
    if (!st->checkup.ok()) return ProblemFromStatus(st->checkup.status());
    return Json(200, CheckupJson(*st->checkup));
  });
  router.Get("/api/v1/support/checkups", [&ctx, st](const Request& req) {
    return InOneRead(ctx, [&] { return ListCheckups(ctx, *st, req); });
  });
  router.Post("/api/v1/support/checkups",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, st](const Request& req) {
                return PostCheckup(ctx, *st, req);
              }));
  router.Get("/api/v1/support/signals",
             [&ctx](const Request&) { return InOneRead(ctx, [&] { return Signals(ctx); }); });
  router.Get("/api/v1/support/settings", [&ctx](const Request&) { return Settings(ctx); });
  router.Put("/api/v1/support/settings",
             ctx.idempotency.Wrap(ctx.user_id,
                                  [&ctx](const Request& req) { return PutSettings(ctx, req); }));
  AddDirectoryRoutes(router, ctx, st);
}

}  // namespace securebase::http
