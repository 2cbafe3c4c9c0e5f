// /api/v1/messages, /api/v1/messages/feedback, /api/v1/conflicts, /api/v1/conflict-insights
// and /api/v1/communicate/vocabulary: step 4.
#include <fmt/format.h>

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
          {"created", Iso8601(m.created)}};
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

std::optional<int64_t> PersonQuery(const Request& req) {
  auto v = req.QueryValue("person");
  if (!v) return std::nullopt;
  return std::strtoll(std::string(*v).c_str(), nullptr, 10);
}

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
    auto all = messages->List(ctx.user_id, PersonQuery(req));
    if (!all.ok()) return ProblemFromStatus(all.status());
    json::array items;
    for (const auto& m : *all) items.push_back(MessageJson(m));
    return Json(200, json::object({{"items", std::move(items)}, {"next_cursor", nullptr}}));
  });

  router.Post("/api/v1/messages", ctx.idempotency.Wrap(ctx.user_id, [&ctx, messages, rules,
                                                                     crisis](const Request& req) {
    auto parsed = ParseJsonObject(req);
    if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
    FieldReader r(std::get<json::object>(parsed));
    cm::Message m;
    m.person_id = r.Int("person", false, /*nullable=*/true);
    m.parts.observation = r.String("observation", false, cm::kMaxPartLength).value_or("");
    m.parts.feeling = r.String("feeling", false, cm::kMaxPartLength).value_or("");
    m.parts.need = r.String("need", false, cm::kMaxPartLength).value_or("");
    m.parts.request = r.String("request", false, cm::kMaxPartLength).value_or("");
    auto text = r.String("text", false, cm::kMaxMessageLength);
    m.text = text ? *text : cm::ComposeMessage(m.parts);
    m.created = ctx.services.clock.Now();
    Status s =
        MergeFieldErrors(r.Finish({"person", "observation", "feeling", "need", "request", "text"}),
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
    auto all = conflicts->List(ctx.user_id, PersonQuery(req));
    if (!all.ok()) return ProblemFromStatus(all.status());
    json::array items;
    for (const auto& c : *all) items.push_back(ConflictJson(c));
    return Json(200, json::object({{"items", std::move(items)}, {"next_cursor", nullptr}}));
  });

  router.Post("/api/v1/conflicts",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, conflicts, crisis](const Request& req) {
                auto parsed = ParseJsonObject(req);
                if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
                const json::object& o = std::get<json::object>(parsed);
                FieldReader r(o);
                cm::ConflictInput in;
                in.person = r.Int("person", true);
                in.topic = r.String("topic", true, cm::kMaxTopicLength).value_or("");
                in.notes = r.String("notes", false, cm::kMaxConflictNotesLength).value_or("");
                in.horsemen_me = ToStrings(Strings(r, o, "horsemen_me"));
                in.horsemen_them = ToStrings(Strings(r, o, "horsemen_them"));
                in.flooded_me = r.Bool("flooded_me", false).value_or(false);
                in.flooded_them = r.Bool("flooded_them", false).value_or(false);
                in.outcome = r.String("outcome", false, 16);
                Instant happened = ctx.services.clock.Now();
                if (auto h = r.String("happened", false, 40); h && !ParseIso8601(*h, &happened)) {
                  r.Error("happened", "must be a date (YYYY-MM-DD) or ISO 8601 time");
                }
                auto c = cm::ConflictFromInput(in, happened);
                Status s = MergeFieldErrors(
                    r.Finish({"person", "topic", "notes", "horsemen_me", "horsemen_them",
                              "flooded_me", "flooded_them", "outcome", "happened"}),
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
