// /api/v1/people: the people in the person's life.
#include <fmt/format.h>

#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"
#include "http/views.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

// Reads a PersonEdit from the body; `creating` requires a name.
std::variant<people::PersonEdit, Response> ReadEdit(const Request& req, bool creating) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  FieldReader r(std::get<json::object>(parsed));
  people::PersonEdit edit;
  edit.name = r.String("name", creating, 4 * people::kMaxNameLength);
  edit.relationship = r.String("relationship", false, 64);
  edit.notes = r.String("notes", false, people::kMaxNotesLength);
  if (creating && !edit.relationship) edit.relationship = "other";
  Status s = MergeFieldErrors(r.Finish({"name", "relationship", "notes"}),
                              people::ValidatePersonEdit(edit, creating));
  if (!s.ok()) return ProblemFromStatus(s);
  return edit;
}

}  // namespace

void AddPeopleRoutes(Router& router, ApiContext& ctx) {
  auto& people = *ctx.services.people;
  const Clock& clock = ctx.services.clock;
  // Notes are free text: when they suggest danger, the answer carries crisis help.
  std::shared_ptr<const CrisisSupport> crisis = CrisisSupport::Load(ctx.services.content);

  router.Get("/api/v1/people", [&ctx, &people](const Request& req) {
    auto limit = LimitParam(req, 100, 500);
    if (!limit.ok()) return ProblemFromStatus(limit.status());
    auto all = people.List(ctx.user_id);
    if (!all.ok()) return ProblemFromStatus(all.status());
    // Cursor: the number of people already sent (people lists are short).
    size_t start = 0;
    if (auto c = req.QueryValue("cursor")) {
      start = static_cast<size_t>(std::strtoull(std::string(*c).c_str(), nullptr, 10));
    }
    json::array items;
    for (size_t i = start; i < all->size() && items.size() < static_cast<size_t>(*limit); ++i) {
      items.push_back(PersonJson((*all)[i]));
    }
    size_t next = start + items.size();
    return Json(200, boost::json::object(
                         {{"items", std::move(items)},
                          {"next_cursor", next < all->size() ? json::value(std::to_string(next))
                                                             : json::value(nullptr)}}));
  });

  router.Post("/api/v1/people", ctx.idempotency.Wrap(ctx.user_id, [&ctx, &people, &clock,
                                                                   crisis](const Request& req) {
    auto edit = ReadEdit(req, true);
    if (auto* problem = std::get_if<Response>(&edit)) return *problem;
    auto p = people.Add(ctx.user_id, std::get<people::PersonEdit>(edit), clock.Now());
    if (!p.ok()) return ProblemFromStatus(p.status());
    json::object body = PersonJson(*p);
    crisis->AddIfDanger(body, p->notes, ctx);
    Response r = Json(201, body);
    r.headers.Set("Location", fmt::format("/api/v1/people/{}", p->id));
    return r;
  }));

  router.Get("/api/v1/people/{id}", [&ctx, &people](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto p = people.Get(ctx.user_id, *id);
    if (!p.ok()) return ProblemFromStatus(p.status());
    return Json(200, PersonJson(*p));
  });

  router.Patch(
      "/api/v1/people/{id}",
      ctx.idempotency.Wrap(ctx.user_id, [&ctx, &people, &clock, crisis](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto edit = ReadEdit(req, false);
        if (auto* problem = std::get_if<Response>(&edit)) return *problem;
        bool notes_changed = std::get<people::PersonEdit>(edit).notes.has_value();
        auto p = people.Edit(ctx.user_id, *id, std::get<people::PersonEdit>(edit), clock.Now());
        if (!p.ok()) return ProblemFromStatus(p.status());
        json::object body = PersonJson(*p);
        if (notes_changed) crisis->AddIfDanger(body, p->notes, ctx);
        return Json(200, body);
      }));

  router.Delete("/api/v1/people/{id}",
                ctx.idempotency.Wrap(ctx.user_id, [&ctx, &people, &clock](const Request& req) {
                  auto id = PathId(req);
                  if (!id.ok()) return ProblemFromStatus(id.status());
                  auto p = people.Get(ctx.user_id, *id);
                  if (!p.ok()) return ProblemFromStatus(p.status());
                  auto refs = people.ReferencesTo(ctx.user_id, *id);
                  if (!refs.ok()) return ProblemFromStatus(refs.status());
                  Status s = people.Remove(ctx.user_id, *id, clock.Now());
                  if (!s.ok()) return ProblemFromStatus(s);
                  boost::json::object counts;
                  for (const auto& [kind, n] : refs->counts) counts[kind] = n;
                  return Json(200, boost::json::object(
                                       {{"removed", PersonJson(*p)},
                                        {"references", std::move(counts)},
                                        {"undo", fmt::format("/api/v1/people/{}/restore", *id)}}));
                }));

  router.Post("/api/v1/people/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, &people](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto p = people.Restore(ctx.user_id, *id);
                if (!p.ok()) return ProblemFromStatus(p.status());
                return Json(200, PersonJson(*p));
              }));
}

}  // namespace securebase::http
