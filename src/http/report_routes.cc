// /api/v1/report/...: the brief for a first session (JSON preview and PDF) and its charts
// as SVG or PNG. Every route reads ?sections=a,b (brief only), ?since=YYYY-MM-DD and
// ?names=full|initials; a bad value is a 422 naming the parameter.
#include <fmt/format.h>

#include <boost/json.hpp>

#include "http/api_context.h"
#include "report/brief_sources.h"
#include "report/chart.h"
#include "report/pdf_writer.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

report::BriefSources SourcesOf(app::Services& s) {
  return {s.db,        *s.people,      *s.assessment_store, s.catalog,
          *s.settings, *s.reflections, *s.regulation,       s.clock};
}

Result<report::BriefOptions> Options(ApiContext& ctx, const Request& req, bool with_sections) {
  report::BriefOptions o;
  std::vector<FieldError> errors;
  auto take = [&](const Status& s) {
    errors.insert(errors.end(), s.fields().begin(), s.fields().end());
  };
  if (auto text = req.QueryValue("sections"); text && with_sections) {
    auto s = report::ParseSections(*text, "sections");
    if (s.ok())
      o.sections = *s;
    else
      take(s.status());
  }
  if (auto text = req.QueryValue("since"); text && !text->empty()) {
    auto ms = report::ParseSince(*text, "since", ctx.services.clock.Now());
    if (ms.ok())
      o.since_ms = *ms;
    else
      take(ms.status());
  }
  if (auto text = req.QueryValue("names")) {
    if (*text == "initials")
      o.names = report::Names::kInitials;
    else if (*text != "full")
      errors.push_back({"names", "must be full or initials"});
  }
  if (!errors.empty()) return Status::Invalid("Some parameters are not right.", std::move(errors));
  return o;
}

json::object SectionJson(const report::BriefSection& s) {
  json::array lines;
  for (const auto& l : s.lines) lines.push_back(json::value(l));
  json::value table = nullptr;
  if (s.table) {
    json::array header, rows;
    for (const auto& h : s.table->header) header.push_back(json::value(h));
    for (const auto& r : s.table->rows) {
      json::array row;
      for (const auto& c : r) row.push_back(json::value(c));
      rows.push_back(std::move(row));
    }
    table = json::object{{"header", std::move(header)}, {"rows", std::move(rows)}};
  }
  return {{"id", report::SectionId(s.id)}, {"heading", s.heading},      {"has_data", s.has_data},
          {"lines", std::move(lines)},     {"table", std::move(table)}, {"charts", s.charts}};
}

Response Preview(ApiContext& ctx, const Request& req) {
  auto o = Options(ctx, req, true);
  if (!o.ok()) return ProblemFromStatus(o.status());
  auto sources = SourcesOf(ctx.services);
  auto in = report::LoadBriefInputs(sources, ctx.user_id, *o);
  if (!in.ok()) return ProblemFromStatus(in.status());
  report::Brief brief = report::BuildBrief(*in, *o);
  // Every section, to say which have data before the person chooses.
  report::BriefOptions all = *o;
  all.sections.assign(std::begin(report::kAllSections), std::end(report::kAllSections));
  report::Brief everything = report::BuildBrief(*in, all);
  json::array available;
  for (const auto& s : everything.sections) {
    available.push_back(json::object{{"id", report::SectionId(s.id)},
                                     {"heading", s.heading},
                                     {"description", report::SectionDescription(s.id)},
                                     {"has_data", s.has_data}});
  }
  json::array sections, about;
  for (const auto& s : brief.sections) sections.push_back(SectionJson(s));
  for (const auto& a : brief.about) about.push_back(json::value(a));
  return Json(200, json::object{{"title", brief.title},
                                {"period", brief.period},
                                {"made", brief.made},
                                {"about", std::move(about)},
                                {"sections", std::move(sections)},
                                {"left_out", brief.left_out},
                                {"available", std::move(available)},
                                {"results", brief.scores.points.size()}});
}

Response Pdf(ApiContext& ctx, const Request& req) {
  auto o = Options(ctx, req, true);
  if (!o.ok()) return ProblemFromStatus(o.status());
  auto sources = SourcesOf(ctx.services);
  auto brief = report::MakeBrief(sources, ctx.user_id, *o);
  if (!brief.ok()) return ProblemFromStatus(brief.status());
  auto pdf = report::WriteBriefPdf(*brief);
  if (!pdf.ok()) return ProblemFromStatus(pdf.status());
  Instant now = ctx.services.clock.Now();
  Response r;
  r.status = 200;
  r.body = std::move(*pdf);
  r.content_type = "application/pdf";
  r.headers.Set("Content-Disposition",
                fmt::format("attachment; filename=\"securebase-brief-{}.pdf\"", LocalDate(now)));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

Response ChartFile(ApiContext& ctx, const Request& req) {
  std::string file(req.PathParam("file"));
  auto dot = file.rfind('.');
  auto chart = report::ParseChart(file.substr(0, dot));
  auto format =
      dot == std::string::npos ? std::nullopt : report::ParseChartFormat(file.substr(dot + 1));
  if (!chart || !format) {
    return Problem(404, "not-found", "No such chart",
                   fmt::format("Charts are {} as .svg or .png, for example plane.svg.",
                               report::ChartChoices()));
  }
  auto o = Options(ctx, req, false);
  if (!o.ok()) return ProblemFromStatus(o.status());
  auto sources = SourcesOf(ctx.services);
  auto in = report::LoadBriefInputs(sources, ctx.user_id, *o);
  if (!in.ok()) return ProblemFromStatus(in.status());
  auto bytes = report::RenderChart(*chart, *format, in->scores);
  if (!bytes.ok()) return ProblemFromStatus(bytes.status());
  Response r;
  r.status = 200;
  r.body = std::move(*bytes);
  r.content_type = std::string(report::ChartMediaType(*format));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

}  // namespace

void AddReportRoutes(Router& router, ApiContext& ctx) {
  router.Get("/api/v1/report/brief", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return Preview(ctx, req); });
  });
  router.Get("/api/v1/report/brief.pdf",
             [&ctx](const Request& req) { return InOneRead(ctx, [&] { return Pdf(ctx, req); }); });
  router.Get("/api/v1/report/charts/{file}", [&ctx](const Request& req) {
    return InOneRead(ctx, [&] { return ChartFile(ctx, req); });
  });
}

}  // namespace securebase::http
