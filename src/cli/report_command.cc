// securebase report brief|chart: a PDF brief for a first session, and its charts alone.
#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "cli/commands.h"
#include "report/brief_sources.h"
#include "report/chart.h"
#include "report/pdf_writer.h"

namespace securebase::cli {
namespace {

struct ReportArgs {
  std::string since, sections, out, format, chart;
  bool no_names = false;
};

report::BriefSources SourcesOf(app::Services& s) {
  return {s.db,        *s.people,      *s.assessment_store, s.catalog,
          *s.settings, *s.reflections, *s.regulation,       s.clock};
}

Result<report::BriefOptions> Options(Context& ctx, const ReportArgs& a) {
  report::BriefOptions o;
  std::vector<FieldError> errors;
  if (!a.sections.empty()) {
    auto s = report::ParseSections(a.sections, "--sections");
    if (s.ok())
      o.sections = *s;
    else
      errors.insert(errors.end(), s.status().fields().begin(), s.status().fields().end());
  }
  if (!a.since.empty()) {
    auto ms = report::ParseSince(a.since, "--since", ctx.clock().Now());
    if (ms.ok())
      o.since_ms = *ms;
    else
      errors.insert(errors.end(), ms.status().fields().begin(), ms.status().fields().end());
  }
  if (!errors.empty()) return Status::Invalid("the options are not right", std::move(errors));
  o.names = a.no_names ? report::Names::kInitials : report::Names::kFull;
  return o;
}

// Writes next to `path` and renames, so a reader never sees half a file.
Status WriteFile(const std::string& path, const std::string& bytes) {
  std::string tmp = path + ".partial";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f)
      return Status::InvalidField("--out",
                                  fmt::format("cannot write {}: {}", path, std::strerror(errno)));
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) {
      std::filesystem::remove(tmp);
      return Status::Io(fmt::format("could not finish writing {}", path));
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp);
    return Status::Io(fmt::format("could not write {}: {}", path, ec.message()));
  }
  return Status::Ok();
}

Status Brief(Context& ctx, app::Services& s, const ReportArgs& a) {
  TRY_ASSIGN(auto options, Options(ctx, a));
  auto sources = SourcesOf(s);
  Result<report::Brief> brief = Status::Internal("not read");
  TRY(s.db.Read([&](db::Connection&) {
    brief = report::MakeBrief(sources, ctx.user_id(), options);
    return Status::Ok();
  }));
  if (!brief.ok()) return brief.status();
  TRY_ASSIGN(auto pdf, report::WriteBriefPdf(*brief));
  TRY(WriteFile(a.out, pdf));
  std::string headings;
  for (const auto& sec : brief->sections) headings += (headings.empty() ? "" : "; ") + sec.heading;
  ctx.out() << fmt::format("Saved {} ({}).\n", a.out, brief->period);
  ctx.out() << fmt::format("Sections: {}.\n", headings.empty() ? "none" : headings);
  if (!brief->left_out.empty()) ctx.out() << brief->left_out << "\n";
  ctx.out() << "It is a starting point for the conversation, not a diagnosis; share only what "
               "you want to.\n";
  return Status::Ok();
}

Status ChartFile(Context& ctx, app::Services& s, const ReportArgs& a) {
  std::vector<FieldError> errors;
  auto chart = report::ParseChart(a.chart);
  if (!chart) errors.push_back({"chart", "choose " + report::ChartChoices()});
  std::string format = a.format;
  if (format.empty()) {
    auto ext = std::filesystem::path(a.out).extension().string();
    format = ext.empty() ? "" : ext.substr(1);
  }
  auto fmt_kind = report::ParseChartFormat(format);
  if (!fmt_kind) errors.push_back({"--format", "choose png or svg (or end --out in .png or .svg)"});
  auto options = Options(ctx, a);
  if (!options.ok())
    errors.insert(errors.end(), options.status().fields().begin(), options.status().fields().end());
  if (!errors.empty()) return Status::Invalid("the options are not right", std::move(errors));
  auto sources = SourcesOf(s);
  Result<report::BriefInputs> in = Status::Internal("not read");
  TRY(s.db.Read([&](db::Connection&) {
    in = report::LoadBriefInputs(sources, ctx.user_id(), *options);
    return Status::Ok();
  }));
  if (!in.ok()) return in.status();
  TRY_ASSIGN(auto bytes, report::RenderChart(*chart, *fmt_kind, in->scores));
  TRY(WriteFile(a.out, bytes));
  ctx.out() << fmt::format("Saved {} ({} {}).\n", a.out,
                           in->scores.points.size() == 1
                               ? "1 result"
                               : fmt::format("{} results", in->scores.points.size()),
                           *chart == report::Chart::kPlane ? "on the plane" : "over time");
  return Status::Ok();
}

}  // namespace

void RegisterReportCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReportArgs>();
  CLI::App* report = app.add_subcommand("report", "A brief for a first session, and charts");
  report->require_subcommand(1);

  std::string sections_help =
      "Sections to include, comma separated (default: every one with data):";
  for (auto sec : report::kAllSections) {
    sections_help +=
        fmt::format("\n  {:<12} {}", report::SectionId(sec), report::SectionDescription(sec));
  }
  CLI::App* brief = report->add_subcommand(
      "brief",
      "A one- or two-page PDF to bring to a first session with a therapist: your attachment "
      "scores over time, triggers and feelings, what has helped, commitments and boundaries");
  brief->add_option("--since", args->since, "Only what happened from this date (YYYY-MM-DD)");
  brief->add_option("--sections", args->sections, sections_help);
  brief->add_flag("--no-names", args->no_names, "Show people by their initials only");
  brief->add_option("--out", args->out, "The PDF file to write")->required();
  brief->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) { return Brief(ctx, s, *args); });
  });

  CLI::App* chart = report->add_subcommand("chart", "One chart on its own, as PNG or SVG");
  chart
      ->add_option(
          "chart", args->chart,
          "plane (the anxiety and avoidance plane with your trail) or scores (both over time)")
      ->required();
  chart->add_option("--format", args->format, "png or svg (default: from the --out file's ending)");
  chart->add_option("--since", args->since, "Only results from this date (YYYY-MM-DD)");
  chart->add_option("--out", args->out, "The file to write")->required();
  chart->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) { return ChartFile(ctx, s, *args); });
  });
}

}  // namespace securebase::cli
