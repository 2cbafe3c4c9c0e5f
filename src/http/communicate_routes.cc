// /api/v1/messages, /api/v1/messages/feedback, /api/v1/conflicts, /api/v1/conflict-insights
// and /api/v1/communicate/vocabulary: step 4. Messages and conflicts can be edited (PATCH),
// deleted (DELETE, answering with an "undo" link) and restored for 30 days.
#include <fmt/format.h>

#include <set>

#include "communicate/conflict_store.h"
#include "communicate/feedback.h"
#include "communicate/message_store.h"
#include "communicate/vocabulary.h"
#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"

namespace securebase::http {
namespace json = boost::json;
namespace cm = communicate;

namespace {

json::value OrNull(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }

json::value UpdatedJson(const std::optional<int64_t>& ms, const Instant& like) {
  return ms ? json::value(Iso8601(Instant{*ms, like.offset_minutes})) : json::value(nullptr);
}

// The answer to a DELETE: what was deleted, where to undo it, and until when.
Response DeletedResponse(ApiContext& ctx, json::object deleted, const std::string& undo) {
  Instant now = ctx.services.clock.Now();
  return Json(
      200, json::object{{"deleted", std::move(deleted)},
                        {"undo", undo},
                        {"restorable_until",
                         Iso8601(Instant{now.utc_ms + cm::kRestoreWindowMs, now.offset_minutes})}});
}

json::value CursorJson(const std::string& c) {
  return c.empty() ? json::value(nullptr) : json::value(c);
}

json::array HintsJson(const std::vector<cm::Hint>& hints) {
  json::array out;
  for (const auto& h : hints) {
    json::object o{{"rule", h.rule},       {"title", h.title}, {"message", h.message},
                   {"rewrite", h.rewrite}, {"quote", h.quote}, {"start", h.start},
                   {"end", h.end}};
    if (!h.feeling.empty()) o["feeling"] = h.feeling;
    if (!h.need.empty()) o["need"] = h.need;
    out.push_back(std::move(o));
  }
  return out;
}

json::object MessageJson(const cm::Message& m) {
  return {{"id", m.id},
          {"person", OrNull(m.person_id)},
          {"observation", m.parts.observation},
          {"feeling", m.parts.feeling},
          {"need", m.parts.need},
          {"request", m.parts.request},
          {"text", m.text},
          {"created", Iso8601(m.created)},
          {"updated", UpdatedJson(m.updated_ms, m.created)}};
}

json::object ConflictJson(const cm::Conflict& c) {
  auto names = [](const std::vector<cm::Horseman>& hs) {
    json::array a;
    for (auto h : hs) a.emplace_back(cm::HorsemanName(h));
    return a;
  };
  json::array repairs;
  for (const auto& r : c.repairs) {
    repairs.push_back(
        {{"id", r.id}, {"by", r.by_me ? "me" : "them"}, {"what", r.what}, {"at", Iso8601(r.at)}});
  }
  return {{"id", c.id},
          {"person", c.person_id},
          {"happened", Iso8601(c.happened)},
          {"topic", c.topic},
          {"notes", c.notes},
          {"horsemen_me", names(c.horsemen_me)},
          {"horsemen_them", names(c.horsemen_them)},
          {"flooded_me", c.flooded_me},
          {"flooded_them", c.flooded_them},
          {"outcome", cm::OutcomeName(c.outcome)},
          {"repaired_at", UpdatedJson(c.repaired_ms, c.happened)},
          {"updated", UpdatedJson(c.updated_ms, c.happened)},
          {"repairs", std::move(repairs)}};
}

json::array Strings(FieldReader& r, const json::object& o, const char* name) {
  const json::value* v = o.if_contains(name);
  if (!v) return {};
  bool ok = v->is_array();
  if (ok) {
    for (const auto& x : v->as_array()) ok = ok && x.is_string();
  }
  if (!ok) {
    r.Error(name, "must be a list of names");
    return {};
  }
  return v->as_array();
}

std::vector<std::string> ToStrings(const json::array& a) {
  std::vector<std::string> out;
  for (const auto& x : a) out.emplace_back(x.as_string());
  return out;
}

// Ok when `person` is empty or one of the user's people; a field error "person" otherwise.
Status CheckPerson(ApiContext& ctx, const std::optional<int64_t>& person) {
  if (!person) return Status::Ok();
  auto p = ctx.services.people->Get(ctx.user_id, *person);
  if (p.ok()) return Status::Ok();
  if (p.status().code() == ErrorCode::kNotFound) {
    return Status::InvalidField("person", "is not one of your people");
  }
  return p.status();
}

// The list filters ?person= and ?limit= (1..500, default 50); field errors name them.
struct ListQuery {
  std::optional<int64_t> person;
  int limit = 50;
  std::string cursor;
};
Result<ListQuery> ReadListQuery(const Request& req) {
  std::vector<FieldError> errors;
  ListQuery q;
  if (auto v = req.QueryValue("person")) {
    std::string text(*v);
    char* end = nullptr;
    long long id = std::strtoll(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || id <= 0) {
      errors.push_back({"person", "must be a person's id"});
    } else {
      q.person = id;
    }
  }
  auto limit = LimitParam(req, 50, 500);
  if (limit.ok()) {
    q.limit = *limit;
  } else {
    errors.push_back(limit.status().fields().at(0));
  }
  q.cursor = std::string(req.QueryValue("cursor").value_or(""));
  if (errors.empty()) return q;
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some query parameters need attention";
  return Status::Invalid(msg, std::move(errors));
}

// Reads the fields a message has (POST and PATCH); absent fields stay unset.
cm::MessageEdit ReadMessageFields(FieldReader& r) {
  cm::MessageEdit e;
  if (r.Has("person")) e.person = r.Int("person", false, /*nullable=*/true);
  e.observation = r.String("observation", false, cm::kMaxPartLength);
  e.feeling = r.String("feeling", false, cm::kMaxPartLength);
  e.need = r.String("need", false, cm::kMaxPartLength);
  e.request = r.String("request", false, cm::kMaxPartLength);
  e.text = r.String("text", false, cm::kMaxMessageLength);
  return e;
}
const std::set<std::string> kMessageFields{"person", "observation", "feeling",
                                           "need",   "request",     "text"};

// Reads the fields a conflict has (POST and PATCH); absent fields stay unset.
cm::ConflictEdit ReadConflictFields(FieldReader& r, const json::object& o, bool creating) {
  cm::ConflictEdit e;
  e.person = r.Int("person", creating);
  e.topic = r.String("topic", creating, cm::kMaxTopicLength);
  e.notes = r.String("notes", false, cm::kMaxConflictNotesLength);
  if (o.contains("horsemen_me")) e.horsemen_me = ToStrings(Strings(r, o, "horsemen_me"));
  if (o.contains("horsemen_them")) e.horsemen_them = ToStrings(Strings(r, o, "horsemen_them"));
  e.flooded_me = r.Bool("flooded_me", false);
  e.flooded_them = r.Bool("flooded_them", false);
  e.outcome = r.String("outcome", false, 16);
  if (auto h = r.String("happened", false, 40)) {
    Instant happened;
    if (ParseIso8601(*h, &happened)) {
      e.happened = happened;
    } else {
      r.Error("happened", "must be a date (YYYY-MM-DD) or ISO 8601 time");
    }
  }
  return e;
}
const std::set<std::string> kConflictFields{"person",       "topic",         "notes",
                                            "horsemen_me",  "horsemen_them", "flooded_me",
                                            "flooded_them", "outcome",       "happened"};

}  // namespace

void AddCommunicateRoutes(Router& router, ApiContext& ctx) {
  std::shared_ptr<cm::MessageStore> messages = cm::MakeSqliteMessageStore(ctx.services.db);
  std::shared_ptr<cm::ConflictStore> conflicts = cm::MakeSqliteConflictStore(ctx.services.db);
  auto rules =
      std::make_shared<Result<cm::FeedbackRules>>(cm::FeedbackRules::Load(ctx.services.content));
  auto vocabulary =
      std::make_shared<Result<cm::Vocabulary>>(cm::Vocabulary::Load(ctx.services.content));
  std::shared_ptr<const CrisisSupport> crisis = CrisisSupport::Load(ctx.services.content);

  router.Post("/api/v1/messages/feedback", [rules](const Request& req) {
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    FieldReader r(std::get<json::object>(parsed));
    std::string text = r.String("text", true, cm::kMaxMessageLength).value_or("");
    Status s = r.Finish({"text"});
    if (!s.ok()) return ProblemFromStatus(s);
    if (!rules->ok()) return ProblemFromStatus(rules->status());
    return Json(200, json::object({{"hints", HintsJson((*rules)->Analyze(text))}}));
  });

  router.Get("/api/v1/communicate/vocabulary", [vocabulary](const Request&) {
    if (!vocabulary->ok()) return ProblemFromStatus(vocabulary->status());
    auto list = [](const std::vector<cm::VocabularyWord>& words, bool family) {
      json::array a;
      for (const auto& w : words) {
        json::object o{{"word", w.word}, {"definition", w.definition}};
        if (family) o["family"] = w.family;
        a.push_back(std::move(o));
      }
      return a;
    };
    return Json(200, json::object({{"feelings", list((*vocabulary)->feelings, true)},
                                   {"needs", list((*vocabulary)->needs, false)}}));
  });

  // The listening guide is served as written (content/communicate/listening_guide.json).
  router.Get("/api/v1/communicate/listening-guide", [&ctx](const Request&) {
    const ContentFile* f = ctx.services.content.Find("content/communicate/listening_guide.json");
    boost::system::error_code ec;
    json::value v = f ? json::parse(f->text, ec) : json::value();
    if (!f || ec)
      return ProblemFromStatus(Status::Internal("the listening guide is missing or broken"));
    return Json(200, v);
  });

  router.Get("/api/v1/messages", [&ctx, messages](const Request& req) {
    auto q = ReadListQuery(req);
    if (!q.ok()) return ProblemFromStatus(q.status());
    auto page = messages->Page(ctx.user_id, q->person, q->limit, q->cursor);
    if (!page.ok()) return ProblemFromStatus(page.status());
    json::array items;
    for (const auto& m : page->items) items.push_back(MessageJson(m));
    return Json(200, json::object({{"items", std::move(items)},
                                   {"next_cursor", CursorJson(page->next_cursor)}}));
  });

  router.Get("/api/v1/messages/{id}", [&ctx, messages](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto m = messages->Get(ctx.user_id, *id);
    if (!m.ok()) return ProblemFromStatus(m.status());
    return Json(200, MessageJson(*m));
  });

  router.Patch(
      "/api/v1/messages/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx, messages, rules, crisis](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto parsed = ParseJsonObject(req);
        if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
        FieldReader r(std::get<json::object>(parsed));
        cm::MessageEdit edit = ReadMessageFields(r);
        Status read = r.Finish(kMessageFields);
        auto current = messages->Get(ctx.user_id, *id);
        if (!current.ok()) return ProblemFromStatus(current.status());
        auto changed = cm::ApplyEdit(*current, edit);
        Status s = MergeFieldErrors(
            read, MergeFieldErrors(changed.status(),
                                   edit.person ? CheckPerson(ctx, *edit.person) : Status::Ok()));
        if (!s.ok()) return ProblemFromStatus(s);
        auto saved = messages->Update(ctx.user_id, *changed, ctx.services.clock.Now());
        if (!saved.ok()) return ProblemFromStatus(saved.status());
        json::object body = MessageJson(*saved);
        if (rules->ok()) body["hints"] = HintsJson((*rules)->Analyze(saved->text));
        if (edit.text) crisis->AddIfDanger(body, saved->text, ctx);
        return Json(200, body);
      }));

  router.Delete("/api/v1/messages/{id}",
                ctx.idempotency.Wrap(ctx.user_id, [&ctx, messages](const Request& req) {
                  auto id = PathId(req);
                  if (!id.ok()) return ProblemFromStatus(id.status());
                  auto m = messages->Get(ctx.user_id, *id);
                  if (!m.ok()) return ProblemFromStatus(m.status());
                  Status s = messages->Delete(ctx.user_id, *id, ctx.services.clock.Now());
                  if (!s.ok()) return ProblemFromStatus(s);
                  return DeletedResponse(ctx, MessageJson(*m),
                                         fmt::format("/api/v1/messages/{}/restore", *id));
                }));

  router.Post("/api/v1/messages/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, messages](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto m = messages->Restore(ctx.user_id, *id, ctx.services.clock.Now());
                if (!m.ok()) return ProblemFromStatus(m.status());
                return Json(200, MessageJson(*m));
              }));

  router.Post("/api/v1/messages", ctx.idempotency.Wrap(ctx.user_id, [&ctx, messages, rules,
                                                                     crisis](const Request& req) {
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    FieldReader r(std::get<json::object>(parsed));
    cm::MessageEdit e = ReadMessageFields(r);
    cm::Message m;
    m.person_id = e.person.value_or(std::nullopt);
    m.parts = {e.observation.value_or(""), e.feeling.value_or(""), e.need.value_or(""),
               e.request.value_or("")};
    m.text = e.text ? *e.text : cm::ComposeMessage(m.parts);
    m.created = ctx.services.clock.Now();
    Status s =
        MergeFieldErrors(r.Finish(kMessageFields),
                         MergeFieldErrors(cm::ValidateMessage(m), CheckPerson(ctx, m.person_id)));
    if (!s.ok()) return ProblemFromStatus(s);
    auto saved = messages->Add(ctx.user_id, m);
    if (!saved.ok()) return ProblemFromStatus(saved.status());
    json::object body = MessageJson(*saved);
    if (rules->ok()) body["hints"] = HintsJson((*rules)->Analyze(saved->text));
    crisis->AddIfDanger(body, saved->text, ctx);
    Response resp = Json(201, body);
    resp.headers.Set("Location", fmt::format("/api/v1/messages/{}", saved->id));
    return resp;
  }));

  router.Get("/api/v1/conflicts", [&ctx, conflicts](const Request& req) {
    auto q = ReadListQuery(req);
    if (!q.ok()) return ProblemFromStatus(q.status());
    auto page = conflicts->Page(ctx.user_id, q->person, q->limit, q->cursor);
    if (!page.ok()) return ProblemFromStatus(page.status());
    json::array items;
    for (const auto& c : page->items) items.push_back(ConflictJson(c));
    return Json(200, json::object({{"items", std::move(items)},
                                   {"next_cursor", CursorJson(page->next_cursor)}}));
  });

  router.Post("/api/v1/conflicts",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts, crisis](const Request& req) {
                auto parsed = ParseJsonObject(req);
                if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                const json::object& o = std::get<json::object>(parsed);
                FieldReader r(o);
                cm::ConflictEdit e = ReadConflictFields(r, o, /*creating=*/true);
                cm::ConflictInput in;
                in.person = e.person;
                in.topic = e.topic.value_or("");
                in.notes = e.notes.value_or("");
                in.horsemen_me = e.horsemen_me.value_or(std::vector<std::string>{});
                in.horsemen_them = e.horsemen_them.value_or(std::vector<std::string>{});
                in.flooded_me = e.flooded_me.value_or(false);
                in.flooded_them = e.flooded_them.value_or(false);
                in.outcome = e.outcome;
                auto c = cm::ConflictFromInput(in, e.happened.value_or(ctx.services.clock.Now()));
                Status s =
                    MergeFieldErrors(r.Finish(kConflictFields),
                                     MergeFieldErrors(c.status(), CheckPerson(ctx, in.person)));
                if (!s.ok()) return ProblemFromStatus(s);
                auto saved = conflicts->Add(ctx.user_id, *c);
                if (!saved.ok()) return ProblemFromStatus(saved.status());
                json::object body = ConflictJson(*saved);
                crisis->AddIfDanger(body, saved->notes, ctx);
                Response resp = Json(201, body);
                resp.headers.Set("Location", fmt::format("/api/v1/conflicts/{}", saved->id));
                return resp;
              }));

  router.Get("/api/v1/conflicts/{id}", [&ctx, conflicts](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto c = conflicts->Get(ctx.user_id, *id);
    if (!c.ok()) return ProblemFromStatus(c.status());
    return Json(200, ConflictJson(*c));
  });

  router.Patch("/api/v1/conflicts/{id}",
               ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts, crisis](const Request& req) {
                 auto id = PathId(req);
                 if (!id.ok()) return ProblemFromStatus(id.status());
                 auto parsed = ParseJsonObject(req);
                 if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                 const json::object& o = std::get<json::object>(parsed);
                 FieldReader r(o);
                 cm::ConflictEdit edit = ReadConflictFields(r, o, /*creating=*/false);
                 Status read = r.Finish(kConflictFields);
                 auto current = conflicts->Get(ctx.user_id, *id);
                 if (!current.ok()) return ProblemFromStatus(current.status());
                 Instant now = ctx.services.clock.Now();
                 auto changed = cm::ApplyEdit(*current, edit, now);
                 Status s = MergeFieldErrors(
                     read,
                     MergeFieldErrors(changed.status(),
                                      edit.person ? CheckPerson(ctx, edit.person) : Status::Ok()));
                 if (!s.ok()) return ProblemFromStatus(s);
                 auto saved = conflicts->Update(ctx.user_id, *changed, now);
                 if (!saved.ok()) return ProblemFromStatus(saved.status());
                 json::object body = ConflictJson(*saved);
                 if (edit.notes) crisis->AddIfDanger(body, saved->notes, ctx);
                 return Json(200, body);
               }));

  router.Delete("/api/v1/conflicts/{id}",
                ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts](const Request& req) {
                  auto id = PathId(req);
                  if (!id.ok()) return ProblemFromStatus(id.status());
                  auto c = conflicts->Get(ctx.user_id, *id);
                  if (!c.ok()) return ProblemFromStatus(c.status());
                  Status s = conflicts->Delete(ctx.user_id, *id, ctx.services.clock.Now());
                  if (!s.ok()) return ProblemFromStatus(s);
                  return DeletedResponse(ctx, ConflictJson(*c),
                                         fmt::format("/api/v1/conflicts/{}/restore", *id));
                }));

  router.Post("/api/v1/conflicts/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto c = conflicts->Restore(ctx.user_id, *id, ctx.services.clock.Now());
                if (!c.ok()) return ProblemFromStatus(c.status());
                return Json(200, ConflictJson(*c));
              }));

  router.Post("/api/v1/conflicts/{id}/repairs", ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts,
                                                                                   crisis](
                                                                                      const Request&
                                                                                          req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    FieldReader r(std::get<json::object>(parsed));
    cm::Repair repair;
    std::string by = r.String("by", true, 8).value_or("me");
    if (by != "me" && by != "them") r.Error("by", "must be 'me' or 'them'");
    repair.by_me = by == "me";
    repair.what = r.String("what", true, 2'000).value_or("");
    repair.at = ctx.services.clock.Now();
    std::optional<cm::Outcome> outcome;
    if (auto o = r.String("outcome", false, 16)) {
      outcome = cm::ParseOutcome(*o);
      if (!outcome) r.Error("outcome", "must be repaired, partly or not-yet");
    }
    Status s = MergeFieldErrors(r.Finish({"by", "what", "outcome"}), cm::ValidateRepair(repair));
    if (!s.ok()) return ProblemFromStatus(s);
    auto c = conflicts->AddRepair(ctx.user_id, *id, repair, outcome);
    if (!c.ok()) return ProblemFromStatus(c.status());
    json::object body = ConflictJson(*c);
    crisis->AddIfDanger(body, repair.what, ctx);
    return Json(201, body);
  }));

  router.Get("/api/v1/conflict-insights", [&ctx, conflicts](const Request&) {
    auto all = conflicts->List(ctx.user_id, std::nullopt);
    if (!all.ok()) return ProblemFromStatus(all.status());
    cm::ConflictInsights in = cm::Insights(*all);
    json::array people, topics, horsemen;
    for (const auto& p : in.people) {
      people.push_back({{"person", p.person_id},
                        {"conflicts", p.conflicts},
                        {"repaired", p.repaired},
                        {"partly", p.partly},
                        {"repair_rate", p.repair_rate},
                        {"median_ms_to_repair", OrNull(p.median_ms_to_repair)}});
    }
    for (const auto& t : in.topics) topics.push_back({{"topic", t.name}, {"count", t.count}});
    for (const auto& h : in.horsemen)
      horsemen.push_back({{"horseman", h.name}, {"count", h.count}});
    return Json(200, json::object({{"conflicts", in.conflicts},
                                   {"people", std::move(people)},
                                   {"topics", std::move(topics)},
                                   {"horsemen", std::move(horsemen)},
                                   {"flooded", in.flooded}}));
  });
}

}  // namespace securebase::http
