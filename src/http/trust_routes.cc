// /api/v1/commitments and /api/v1/commitments.ics: step 5.
#include <fmt/format.h>

#include <charconv>

#include "http/api_context.h"
#include "http/calendar_routes.h"
#include "http/crisis_json.h"
#include "http/json_body.h"
#include "trust/civil.h"
#include "trust/commitment_store.h"
#include "trust/ics.h"
#include "trust/reliability.h"
#include "trust/zone.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::value Opt(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }

json::object CommitmentJson(const trust::Commitment& c, int streak) {
  return {{"id", c.id},
          {"person", Opt(c.person_id)},
          {"direction", trust::DirectionName(c.direction)},
          {"what", c.what},
          {"due", c.due_day ? json::value(trust::FormatDay(*c.due_day)) : nullptr},
          {"time", c.due_minutes ? json::value(trust::FormatTimeOfDay(*c.due_minutes)) : nullptr},
          {"zone", c.zone},
          {"repeat", trust::RepeatText(c.repeat)},
          {"repeat_text", trust::DescribeRepeat(c.repeat)},
          {"until", c.until_day ? json::value(trust::FormatDay(*c.until_day)) : nullptr},
          {"renegotiated_from", Opt(c.renegotiated_from)},
          {"archived", c.archived},
          {"streak", streak},
          {"created", Iso8601(c.created)}};
}

json::object TallyJson(const trust::Tally& t) {
  auto r = t.Reliability();
  return {{"kept", t.kept},
          {"renegotiated", t.renegotiated},
          {"broken", t.broken},
          {"not_marked", t.open_past},
          {"reliability", r ? json::value(*r) : nullptr}};
}

json::object WindowsJson(const trust::Windows& w) {
  return {{"days_30", TallyJson(w.last30)},
          {"days_90", TallyJson(w.last90)},
          {"days_365", TallyJson(w.last365)},
          {"trend", w.trend ? json::value(*w.trend) : nullptr}};
}

int64_t Today(ApiContext& ctx) {
  Instant now = ctx.services.clock.Now();
  return trust::LocalDay(now.utc_ms, now.offset_minutes);
}

json::array TrendJson(const std::vector<trust::TrendPoint>& points) {
  json::array out;
  for (const auto& p : points) {
    json::object o = TallyJson(p.tally);
    o["from"] = trust::FormatDay(p.first_day);
    o["to"] = trust::FormatDay(p.last_day);
    out.push_back(std::move(o));
  }
  return out;
}

// "cursor": the id of the last commitment sent (items are oldest first).
Result<int64_t> CursorParam(const Request& req) {
  auto text = req.QueryValue("cursor");
  if (!text || text->empty()) return int64_t{0};
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v < 0)
    return Status::InvalidField("cursor", "is not a cursor this server gave out");
  return v;
}

// "person": a person's id, or "me" for promises to myself; absent: everyone.
Result<std::optional<std::optional<int64_t>>> PersonParam(const Request& req) {
  auto text = req.QueryValue("person");
  if (!text || text->empty()) return std::optional<std::optional<int64_t>>{};
  if (*text == "me") return std::optional<std::optional<int64_t>>(std::in_place, std::nullopt);
  int64_t v = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
  if (ec != std::errc() || end != text->data() + text->size() || v <= 0)
    return Status::InvalidField("person", "must be a person's id, or \"me\"");
  return std::optional<std::optional<int64_t>>(std::in_place, v);
}

json::object DueJson(const trust::DueItem& d, const std::vector<trust::OccurrenceOutcome>& outcomes,
                     int64_t today) {
  return {
      {"commitment", CommitmentJson(*d.commitment, trust::Streak(*d.commitment, outcomes, today))},
      {"day", trust::FormatDay(d.day)},
      {"overdue", d.overdue}};
}

Response List(ApiContext& ctx, const Request& req) {
  auto limit = LimitParam(req, 50, 500);
  auto cursor = CursorParam(req);
  auto person = PersonParam(req);
  Status bad = MergeFieldErrors(MergeFieldErrors(limit.status(), cursor.status()), person.status());
  if (!bad.ok()) return ProblemFromStatus(bad);
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto all = store->List(ctx.user_id, false);
  if (!all.ok()) return ProblemFromStatus(all.status());
  auto outcomes = store->Outcomes(ctx.user_id);
  if (!outcomes.ok()) return ProblemFromStatus(outcomes.status());
  int64_t today = Today(ctx);
  json::array items, due;
  json::value next = nullptr;
  for (const auto& c : *all) {
    if (c.id <= *cursor) continue;
    if (*person && **person != c.person_id) continue;
    if (items.size() == size_t(*limit)) {
      next = std::to_string(items.back().as_object().at("id").as_int64());
      break;
    }
    items.push_back(CommitmentJson(c, trust::Streak(c, *outcomes, today)));
  }
  for (const auto& d : trust::DueAndOverdue(*all, *outcomes, today)) {
    due.push_back({{"commitment", d.commitment->id},
                   {"day", trust::FormatDay(d.day)},
                   {"overdue", d.overdue}});
  }
  json::object reliability;
  for (auto dir : {trust::Direction::kMine, trust::Direction::kToMe}) {
    auto r = trust::ComputeReliability(*all, *outcomes, dir, today);
    json::array people;
    for (const auto& [who, w] : r.by_person) {
      json::object o = WindowsJson(w);
      o["person"] = Opt(who);
      people.push_back(std::move(o));
    }
    reliability[trust::DirectionName(dir)] =
        json::object{{"overall", WindowsJson(r.overall)}, {"people", std::move(people)}};
  }
  return Json(200, json::object{{"items", std::move(items)},
                                {"due", std::move(due)},
                                {"reliability", std::move(reliability)},
                                {"next_cursor", std::move(next)}});
}

// What is due today and overdue, with each commitment inline: the Today list.
Response Today(ApiContext& ctx, const Request&) {
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto all = store->List(ctx.user_id, false);
  if (!all.ok()) return ProblemFromStatus(all.status());
  auto outcomes = store->Outcomes(ctx.user_id);
  if (!outcomes.ok()) return ProblemFromStatus(outcomes.status());
  int64_t today = Today(ctx);
  json::array items, to_me;
  for (const auto& d : trust::DueAndOverdue(*all, *outcomes, today))
    items.push_back(DueJson(d, *outcomes, today));
  for (const auto& d : trust::DueAndOverdue(*all, *outcomes, today, 30, trust::Direction::kToMe))
    to_me.push_back(DueJson(d, *outcomes, today));
  return Json(200, json::object{{"today", trust::FormatDay(today)},
                                {"items", std::move(items)},
                                {"to_me", std::move(to_me)},
                                {"total_commitments", all->size()}});
}

// Reliability for one person (or everyone, or "me"), both directions, with a trend over
// the last year in 30-day steps and the streaks of their repeating commitments.
Response ReliabilityPage(ApiContext& ctx, const Request& req) {
  auto person = PersonParam(req);
  if (!person.ok()) return ProblemFromStatus(person.status());
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto all = store->List(ctx.user_id, false);
  if (!all.ok()) return ProblemFromStatus(all.status());
  auto outcomes = store->Outcomes(ctx.user_id);
  if (!outcomes.ok()) return ProblemFromStatus(outcomes.status());
  int64_t today = Today(ctx);
  json::object body{{"person", !*person ? json::value("everyone")
                                        : (**person ? json::value(***person) : json::value("me"))},
                    {"today", trust::FormatDay(today)}};
  for (auto dir : {trust::Direction::kMine, trust::Direction::kToMe}) {
    auto r = trust::ComputeReliability(*all, *outcomes, dir, today);
    trust::Windows w = r.overall;
    if (*person) {
      auto it = r.by_person.find(**person);
      w = it == r.by_person.end() ? trust::Windows{} : it->second;
    }
    json::object o = WindowsJson(w);
    o["over_time"] = TrendJson(trust::ReliabilityTrend(*all, *outcomes, dir, *person, today));
    body[trust::DirectionName(dir)] = std::move(o);
  }
  json::array streaks;
  for (const auto& c : *all) {
    if (c.repeat.kind == trust::RepeatKind::kNone) continue;
    if (*person && **person != c.person_id) continue;
    streaks.push_back({{"commitment", c.id},
                       {"what", c.what},
                       {"direction", trust::DirectionName(c.direction)},
                       {"repeat_text", trust::DescribeRepeat(c.repeat)},
                       {"streak", trust::Streak(c, *outcomes, today)}});
  }
  body["streaks"] = std::move(streaks);
  return Json(200, std::move(body));
}

Response Remove(ApiContext& ctx, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto c = store->Get(ctx.user_id, *id);
  if (!c.ok()) return ProblemFromStatus(c.status());
  Status s = store->Archive(ctx.user_id, *id, ctx.services.clock.Now());
  if (!s.ok()) return ProblemFromStatus(s);
  return Json(200, json::object{{"removed", CommitmentJson(*c, 0)},
                                {"undo", fmt::format("/api/v1/commitments/{}/restore", *id)}});
}

Response Restore(ApiContext& ctx, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  Status s = store->Restore(ctx.user_id, *id, ctx.services.clock.Now());
  if (!s.ok()) return ProblemFromStatus(s);
  auto c = store->Get(ctx.user_id, *id);
  if (!c.ok()) return ProblemFromStatus(c.status());
  return Json(200, CommitmentJson(*c, 0));
}

Response Add(ApiContext& ctx, const Request& req) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  trust::CommitmentInput in;
  in.what = r.String("what", true, trust::kMaxWhatLength).value_or("");
  in.person = r.Int("person", false, /*nullable=*/true);
  in.direction = r.String("direction", false, 16).value_or("mine");
  in.due = r.String("due", false, 10).value_or("");
  in.time = r.String("time", false, 5).value_or("");
  in.zone = r.String("zone", false, 64).value_or("");
  in.repeat = r.String("repeat", false, 64).value_or("");
  in.until = r.String("until", false, 10).value_or("");
  auto built = trust::BuildCommitment(in, trust::LocalZoneName());
  Status s = MergeFieldErrors(
      r.Finish({"what", "person", "direction", "due", "time", "zone", "repeat", "until"}),
      built.status());
  if (!s.ok()) return ProblemFromStatus(s);
  auto saved = trust::MakeSqliteCommitmentStore(ctx.services.db)
                   ->Add(ctx.user_id, *built, ctx.services.clock.Now());
  if (!saved.ok()) return ProblemFromStatus(saved.status());
  Response resp = Json(201, CommitmentJson(*saved, 0));
  resp.headers.Set("Location", fmt::format("/api/v1/commitments/{}", saved->id));
  return resp;
}

Response RecordOutcome(ApiContext& ctx, const Request& req, const CrisisSupport& crisis) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  auto outcome_text = r.String("outcome", true, 16).value_or("");
  auto note = r.String("note", false, trust::kMaxNoteLength).value_or("");
  auto day_text = r.String("day", false, 10);
  Status s = r.Finish({"outcome", "note", "day"});
  auto outcome = trust::ParseOutcome(outcome_text).value_or(trust::Outcome::kOpen);
  s = MergeFieldErrors(s, trust::ValidateOutcomeNote(outcome, note));
  std::optional<int64_t> day;
  if (day_text) {
    day = trust::ParseDay(*day_text);
    if (!day)
      s = MergeFieldErrors(s, Status::InvalidField("day", "must be a date like 2026-12-01"));
  }
  if (!s.ok()) return ProblemFromStatus(s);
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto c = store->Get(ctx.user_id, *id);
  if (!c.ok()) return ProblemFromStatus(c.status());
  auto when = trust::OccurrenceFor(*c, day, Today(ctx));
  if (!when.ok()) return ProblemFromStatus(when.status());
  Instant now = ctx.services.clock.Now();
  Status saved = store->SetOutcome(ctx.user_id, {*id, *when, outcome, note, now});
  if (!saved.ok()) return ProblemFromStatus(saved);
  json::object body{{"commitment", *id},
                    {"day", trust::FormatDay(*when)},
                    {"outcome", trust::OutcomeName(outcome)},
                    {"note", note},
                    {"at", Iso8601(now)}};
  crisis.AddIfDanger(body, note, ctx);
  return Json(200, std::move(body));
}

Response Calendar(ApiContext& ctx, const Request& req) {
  auto user = VerifyFeedKey(ctx, req);
  if (!user.ok()) return ProblemFromStatus(user.status());
  if (!*user) return FeedKeyRefused();
  int64_t user_id = **user;
  auto store = trust::MakeSqliteCommitmentStore(ctx.services.db);
  auto all = store->List(user_id, false);
  if (!all.ok()) return ProblemFromStatus(all.status());
  auto outcomes = store->Outcomes(user_id);
  if (!outcomes.ok()) return ProblemFromStatus(outcomes.status());
  auto people = ctx.services.people->List(user_id);
  if (!people.ok()) return ProblemFromStatus(people.status());
  std::vector<std::pair<int64_t, std::string>> names;
  for (const auto& p : *people) names.emplace_back(p.id, p.name);
  int64_t today = Today(ctx);
  return Text(200,
              trust::BuildCalendar(*all, *outcomes, names, today - 30, today + 90,
                                   ctx.services.clock.Now()),
              "text/calendar; charset=utf-8");
}

}  // namespace

void AddTrustRoutes(Router& router, ApiContext& ctx) {
  auto crisis = CrisisSupport::Load(ctx.services.content);
  router.Get("/api/v1/commitments",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return List(ctx, req); }); });
  router.Get("/api/v1/commitments/today", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return Today(ctx, req); });
  });
  router.Get("/api/v1/commitments/reliability", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return ReliabilityPage(ctx, req); });
  });
  router.Post("/api/v1/commitments", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
    return Add(ctx, req);
  }));
  router.Delete(
      "/api/v1/commitments/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) { return Remove(ctx, req); }));
  router.Post(
      "/api/v1/commitments/{id}/restore",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) { return Restore(ctx, req); }));
  router.Post("/api/v1/commitments/{id}/outcomes",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
                return RecordOutcome(ctx, req, *crisis);
              }));
  // The feed is outside the session check (a calendar app has no cookie); its own key,
  // given as ?key=..., is checked here.
  router.Get("/api/v1/commitments.ics", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return Calendar(ctx, req); });
  });
  AddCalendarFeedRoutes(router, ctx);
}

}  // namespace securebase::http
