// /api/v1/therapists, /api/v1/postcodes and /api/v1/shortlist: the therapist directory and
// the person's shortlist (step 8).
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "http/json_body.h"
#include "http/support_json.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

std::vector<std::string> CommaList(std::string_view text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(',', start);
    if (end == std::string_view::npos) end = text.size();
    if (end > start) out.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The search filters from query parameters; errors collected by parameter name.
support::SearchQuery ReadQuery(const Request& req, std::vector<FieldError>& errors) {
  support::SearchQuery q;
  auto text = [&](const char* name) { return std::string(req.QueryValue(name).value_or("")); };
  auto number = [&](const char* name) -> std::optional<double> {
    auto v = req.QueryValue(name);
    if (!v || v->empty()) return std::nullopt;
    double d = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec != std::errc() || p != v->data() + v->size() || !std::isfinite(d)) {
      errors.push_back({name, "must be a number"});
      return std::nullopt;
    }
    return d;
  };
  auto flag = [&](const char* name) {
    auto v = req.QueryValue(name);
    if (!v || v->empty()) return false;
    if (*v == "true" || *v == "1") return true;
    if (*v != "false" && *v != "0") errors.push_back({name, "must be true or false"});
    return false;
  };
  auto lat = number("lat"), lon = number("lon");
  if (lat.has_value() != lon.has_value()) {
    errors.push_back({lat ? "lon" : "lat", "is needed with the other coordinate"});
  } else if (lat) {
    q.near = support::LatLon{*lat, *lon};
  }
  q.postcode = text("postcode");
  q.postcode_country = text("country");
  q.city = text("city");
  if (auto r = number("radius_km")) q.radius_km = *r;
  q.provider_type = text("type");
  q.specialties = CommaList(text("specialty"));
  q.therapy_types = CommaList(text("therapy"));
  q.insurance = CommaList(text("insurance"));
  q.gender = text("gender");
  q.age_group = text("age");
  q.participants = text("participants");
  q.language = text("language");
  q.faith = text("faith");
  if (auto f = number("max_fee")) q.max_fee = static_cast<int64_t>(std::floor(*f));
  q.sliding_scale = flag("sliding_scale");
  q.accepting_only = flag("accepting");
  q.prefer_attachment = flag("attachment");
  q.text = text("q");
  std::string mode = text("mode");
  if (mode == "online")
    q.mode = support::Mode::kOnline;
  else if (mode == "in-person")
    q.mode = support::Mode::kInPerson;
  else if (!mode.empty() && mode != "any")
    errors.push_back({"mode", "must be online, in-person or any"});
  return q;
}

Response Search(SupportState& st, const Request& req) {
  std::vector<FieldError> errors;
  auto limit = LimitParam(req, 20, 100);
  if (!limit.ok()) errors.push_back(limit.status().fields().at(0));
  support::SearchQuery q = ReadQuery(req, errors);
  if (!errors.empty()) {
    // Report the query's own problems (range, choices) along with the parameters'.
    support::SearchQuery copy = q;
    Status more = support::NormalizeQuery(copy, st.directory->therapies());
    for (const auto& f : more.fields()) {
      bool named = false;
      for (const auto& e : errors) named |= e.field == f.field;
      if (!named) errors.push_back(f);
    }
    return ProblemFromStatus(Status::Invalid(errors[0].field + ": " + errors[0].message, errors));
  }
  auto count = st.directory_store->Count();
  if (!count.ok()) return ProblemFromStatus(count.status());
  auto page = st.directory->Search(q, *limit, std::string(req.QueryValue("cursor").value_or("")));
  if (!page.ok()) return ProblemFromStatus(page.status());
  json::array items;
  for (const auto& r : page->items) items.push_back(RankedJson(r, st.directory->therapies()));
  json::value centre = nullptr;
  if (page->resolved) {
    centre = json::object{{"postcode", page->resolved->postcode},
                          {"country", page->resolved->country},
                          {"place", page->resolved->place},
                          {"latitude", page->resolved->lat},
                          {"longitude", page->resolved->lon}};
  }
  return Json(
      200, json::object{{"items", std::move(items)},
                        {"next_cursor", page->next_cursor.empty() ? json::value(nullptr)
                                                                  : json::value(page->next_cursor)},
                        {"total", page->total},
                        {"capped", page->capped},
                        {"directory_size", *count},
                        {"centre", std::move(centre)}});
}

Response Facets(SupportState& st) {
  auto facets = st.directory_store->Facets();
  if (!facets.ok()) return ProblemFromStatus(facets.status());
  auto count = st.directory_store->Count();
  if (!count.ok()) return ProblemFromStatus(count.status());
  auto postcodes = st.directory_store->PostcodeCount();
  if (!postcodes.ok()) return ProblemFromStatus(postcodes.status());
  json::object out;
  for (const auto& [name, values] : *facets) {
    json::array a;
    for (const auto& v : values) {
      json::object o{{"value", v.value}, {"count", v.count}};
      if (name == "therapy_types") {
        const auto* th = st.directory->therapies().Find(v.value);
        o["name"] = th ? th->name : v.value;
        o["attachment_informed"] = th && th->attachment_informed;
      }
      a.push_back(std::move(o));
    }
    out[name] = std::move(a);
  }
  auto strings = [](const std::vector<std::string>& v) {
    json::array a;
    for (const auto& s : v) a.emplace_back(s);
    return a;
  };
  return Json(200, json::object{{"providers", *count},
                                {"postcodes", *postcodes},
                                {"values", std::move(out)},
                                {"types", strings(support::ProviderTypes())},
                                {"age_groups", strings(support::AgeGroups())},
                                {"participants", strings(support::Participants())}});
}

Response GetTherapist(ApiContext& ctx, SupportState& st, const Request& req) {
  auto id = PathId(req);
  if (!id.ok()) return ProblemFromStatus(id.status());
  auto p = st.directory_store->Get(*id);
  if (!p.ok()) return ProblemFromStatus(p.status());
  json::object o = ProviderJson(*p, st.directory->therapies());
  auto entry = support::MakeSqliteShortlistStore(ctx.services.db)->ForProvider(ctx.user_id, *id);
  if (!entry.ok()) return ProblemFromStatus(entry.status());
  o["shortlist"] = *entry ? json::value(ShortlistJson(**entry)) : nullptr;
  return Json(200, o);
}

Response LoadSample(ApiContext& ctx, SupportState& st) {
  auto report = st.directory->ImportSample(ctx.services.content, ctx.services.clock.Now().utc_ms);
  if (!report.ok()) return ProblemFromStatus(report.status());
  return Json(200, json::object{{"added", report->added},
                                {"updated", report->updated},
                                {"errors", report->errors.size()}});
}

Response GetPostcode(SupportState& st, const Request& req) {
  auto pc = st.directory_store->LookupPostcode(std::string(req.PathParam("country")),
                                               std::string(req.PathParam("postcode")));
  if (!pc.ok()) return ProblemFromStatus(pc.status());
  return Json(200, json::object{{"country", pc->country},
                                {"postcode", pc->postcode},
                                {"place", pc->place},
                                {"latitude", pc->lat},
                                {"longitude", pc->lon}});
}

// Reads status, notes and next_date from a shortlist body; `creating` adds "therapist".
struct ShortlistBody {
  std::optional<int64_t> therapist;
  std::optional<support::ShortlistStatus> status;
  std::optional<std::string> notes;
  std::optional<int64_t> next_date;
  bool clear_date = false;
};

std::variant<ShortlistBody, Response> ReadShortlistBody(const Request& req, bool creating) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  const json::object& obj = std::get<json::object>(parsed);
  FieldReader r(obj);
  ShortlistBody b;
  if (creating) b.therapist = r.Int("therapist", true);
  auto status = r.String("status", false, 32);
  b.notes = r.String("notes", false, support::kMaxShortlistNotes);
  std::optional<std::string> date;
  if (const auto* v = obj.if_contains("next_date"); v && v->is_null()) {
    b.clear_date = true;
  } else {
    date = r.String("next_date", false, 10);
  }
  std::set<std::string> allowed = {"status", "notes", "next_date"};
  if (creating) allowed.insert("therapist");
  Status s = r.Finish(allowed);
  if (status) {
    b.status = support::ParseStatus(*status);
    if (!b.status) {
      s = MergeFieldErrors(s, Status::InvalidField("status",
                                                   "must be to-contact, contacted, "
                                                   "consult-booked, waitlisted, "
                                                   "not-a-fit or working-with"));
    }
  }
  if (date) {
    b.next_date = support::ParseDate(*date);
    if (!b.next_date)
      s = MergeFieldErrors(s, Status::InvalidField("next_date", "must be a date like 2026-12-01"));
  }
  if (b.notes) s = MergeFieldErrors(s, support::ValidateShortlistNotes(*b.notes));
  if (!s.ok()) return ProblemFromStatus(s);
  return b;
}

Response WithCrisis(ApiContext& ctx, SupportState& st, int status,
                    const support::ShortlistEntry& e) {
  json::object o = ShortlistJson(e);
  st.crisis->AddIfDanger(o, e.notes, ctx);
  Response r = Json(status, o);
  if (status == 201) r.headers.Set("Location", fmt::format("/api/v1/shortlist/{}", e.id));
  return r;
}

Response ListShortlist(ApiContext& ctx, const Request& req) {
  std::vector<FieldError> errors;
  auto limit = LimitParam(req, 50, 200);
  if (!limit.ok()) errors.push_back(limit.status().fields().at(0));
  std::optional<support::ShortlistStatus> only;
  if (auto s = req.QueryValue("status"); s && !s->empty()) {
    only = support::ParseStatus(*s);
    if (!only) errors.push_back({"status", "is not a shortlist status"});
  }
  if (!errors.empty()) {
    return ProblemFromStatus(Status::Invalid(errors[0].field + ": " + errors[0].message, errors));
  }
  auto page =
      support::MakeSqliteShortlistStore(ctx.services.db)
          ->List(ctx.user_id, only, *limit, std::string(req.QueryValue("cursor").value_or("")));
  if (!page.ok()) return ProblemFromStatus(page.status());
  json::array items;
  for (const auto& e : page->items) items.push_back(ShortlistJson(e));
  json::array statuses;
  for (auto s : support::AllStatuses()) {
    statuses.push_back(
        json::object{{"id", support::StatusId(s)}, {"label", support::StatusLabel(s)}});
  }
  return Json(
      200, json::object{{"items", std::move(items)},
                        {"next_cursor", page->next_cursor.empty() ? json::value(nullptr)
                                                                  : json::value(page->next_cursor)},
                        {"statuses", std::move(statuses)}});
}

}  // namespace

void AddDirectoryRoutes(Router& router, ApiContext& ctx, std::shared_ptr<SupportState> st) {
  auto ready = [st]() -> std::optional<Response> {
    if (st->directory) return std::nullopt;
    return ProblemFromStatus(st->directory_status);
  };
  router.Get("/api/v1/therapists", [&ctx, st, ready](const Request& req) {
    if (auto r = ready()) return *r;
    return InOneRead(ctx, [&] { return Search(*st, req); });
  });
  router.Get("/api/v1/therapists/facets", [&ctx, st, ready](const Request&) {
    if (auto r = ready()) return *r;
    return InOneRead(ctx, [&] { return Facets(*st); });
  });
  router.Post("/api/v1/therapists/sample",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, st, ready](const Request&) {
                if (auto r = ready()) return *r;
                return LoadSample(ctx, *st);
              }));
  router.Get("/api/v1/therapists/{id}", [&ctx, st, ready](const Request& req) {
    if (auto r = ready()) return *r;
    return InOneRead(ctx, [&] { return GetTherapist(ctx, *st, req); });
  });
  router.Get("/api/v1/postcodes/{country}/{postcode}",
             [st](const Request& req) { return GetPostcode(*st, req); });

  router.Get("/api/v1/shortlist", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return ListShortlist(ctx, req); });
  });
  router.Post("/api/v1/shortlist",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, st](const Request& req) {
                auto body = ReadShortlistBody(req, true);
                if (auto* problem = std::get_if<Response>(&body)) return std::move(*problem);
                auto& b = std::get<ShortlistBody>(body);
                auto e = support::MakeSqliteShortlistStore(ctx.services.db)
                             ->Add(ctx.user_id, *b.therapist,
                                   b.status.value_or(support::ShortlistStatus::kToContact),
                                   b.notes.value_or(""), b.next_date, ctx.services.clock.Now());
                if (!e.ok()) return ProblemFromStatus(e.status());
                return WithCrisis(ctx, *st, 201, *e);
              }));
  router.Get("/api/v1/shortlist/{id}", [&ctx](const Request& req) {
    auto id = PathId(req);
    if (!id.ok()) return ProblemFromStatus(id.status());
    auto e = support::MakeSqliteShortlistStore(ctx.services.db)->Get(ctx.user_id, *id);
    if (!e.ok()) return ProblemFromStatus(e.status());
    return Json(200, ShortlistJson(*e));
  });
  router.Patch("/api/v1/shortlist/{id}",
               ctx.idempotency.Wrap(ctx.user_id, [&ctx, st](const Request& req) {
                 auto id = PathId(req);
                 if (!id.ok()) return ProblemFromStatus(id.status());
                 auto body = ReadShortlistBody(req, false);
                 if (auto* problem = std::get_if<Response>(&body)) return std::move(*problem);
                 auto& b = std::get<ShortlistBody>(body);
                 support::ShortlistStore::Change c{b.status, b.notes, b.next_date, b.clear_date};
                 auto e = support::MakeSqliteShortlistStore(ctx.services.db)
                              ->Update(ctx.user_id, *id, c, ctx.services.clock.Now());
                 if (!e.ok()) return ProblemFromStatus(e.status());
                 return WithCrisis(ctx, *st, 200, *e);
               }));
  router.Delete(
      "/api/v1/shortlist/{id}", ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
        auto id = PathId(req);
        if (!id.ok()) return ProblemFromStatus(id.status());
        auto store = support::MakeSqliteShortlistStore(ctx.services.db);
        auto e = store->Get(ctx.user_id, *id);
        if (!e.ok()) return ProblemFromStatus(e.status());
        Instant now = ctx.services.clock.Now();
        Status s = store->Remove(ctx.user_id, *id, now);
        if (!s.ok()) return ProblemFromStatus(s);
        return Json(200, json::object{{"deleted", ShortlistJson(*e)},
                                      {"undo", fmt::format("/api/v1/shortlist/{}/restore", *id)},
                                      {"restorable_until",
                                       Iso8601(Instant{now.utc_ms + support::kShortlistRestoreMs,
                                                       now.offset_minutes})}});
      }));
  router.Post("/api/v1/shortlist/{id}/restore",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx](const Request& req) {
                auto id = PathId(req);
                if (!id.ok()) return ProblemFromStatus(id.status());
                auto e = support::MakeSqliteShortlistStore(ctx.services.db)
                             ->Restore(ctx.user_id, *id, ctx.services.clock.Now());
                if (!e.ok()) return ProblemFromStatus(e.status());
                return Json(200, ShortlistJson(*e));
              }));
}

}  // namespace securebase::http
