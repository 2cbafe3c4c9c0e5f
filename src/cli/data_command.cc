// securebase export | import: taking everything out, and bringing history in.
#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "cli/passphrase.h"
#include "portability/export.h"
#include "portability/import_file.h"
#include "portability/importer.h"
#include "portability/sealed.h"

namespace securebase::cli {
namespace fs = std::filesystem;
namespace pt = portability;
namespace {

constexpr char kLostWarning[] =
    "Keep the passphrase safe. If it is lost, nobody (not even SecureBase) can open this "
    "file again.\n";

struct ExportArgs {
  std::string out, passphrase_file;
  bool encrypt = false;
};

struct ImportArgs {
  std::string file, format = "auto", map, into = "reflections", passphrase_file;
  bool apply = false, skip_rejected = false, all = false;
};

Status WritePrivate(const std::string& path, const std::string& bytes) {
  if (fs::exists(path)) {
    return Status::InvalidField("--out", path + " already exists; choose another name");
  }
  {
    std::ofstream f(path, std::ios::binary);
    if (!f) return Status::InvalidField("--out", "cannot write " + path);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    f.close();
    if (!f) return Status::Io("writing " + path + " failed (is the disk full?)");
  }
  ::chmod(path.c_str(), 0600);
  return Status::Ok();
}

Status Export(Context& ctx, app::Services& s, const ExportArgs& args) {
  Instant now = ctx.clock().Now();
  std::string out = args.out;
  if (out.empty()) out = pt::DefaultExportName(now) + (args.encrypt ? ".sealed" : "");
  std::string passphrase;
  if (args.encrypt) {
    ctx.out() << kLostWarning;
    TRY_ASSIGN(passphrase, GetPassphrase(ctx, args.passphrase_file, PassphraseUse::kChoose));
  }
  TRY_ASSIGN(std::string zip, pt::ExportZip(s.db, ctx.user_id(), s.catalog, now));
  if (args.encrypt) {
    if (ctx.terminal) ctx.out() << "Encrypting (a few seconds)...\n";
    TRY_ASSIGN(zip, pt::Seal(zip, passphrase));
  }
  TRY(WritePrivate(out, zip));
  ctx.out() << fmt::format("Exported everything to {} ({} KB{}).\n", out,
                           (zip.size() + 1023) / 1024, args.encrypt ? ", encrypted" : "");
  if (args.encrypt) {
    ctx.out() << "Import it with: securebase import " << out << "\n";
  } else {
    ctx.out() << "It holds your own words: keep it somewhere private, or use --encrypt.\n";
  }
  return Status::Ok();
}

void PrintReport(Context& ctx, const pt::ImportReport& r, bool all) {
  std::ostream& o = ctx.out();
  o << fmt::format("{:<22} {:>7} {:>10} {:>9}\n", "", "create", "duplicate", "rejected");
  for (const auto& [kind, c] : r.counts) {
    o << fmt::format("{:<22} {:>7} {:>10} {:>9}\n", kind.empty() ? "(unreadable)" : kind, c.create,
                     c.duplicate, c.reject);
  }
  int shown = 0;
  for (const auto& row : r.rows) {
    bool interesting = row.outcome == pt::Outcome::kReject || !row.reason.empty();
    if (!all && !interesting) continue;
    if (!all && shown == 50) {
      o << "  ... more: see them all with --all\n";
      break;
    }
    ++shown;
    o << fmt::format("  {:<9} {}{}{}: {}\n", pt::OutcomeName(row.outcome), row.kind,
                     row.kind.empty() ? "" : " ", row.where,
                     row.reason.empty() ? row.summary : row.reason);
  }
}

// The free text of the rows, for the danger check (bounded: a few MB is plenty).
std::string IncomingText(const pt::Incoming& in) {
  std::string text;
  for (const auto& row : in.rows) {
    for (const char* c : {"situation", "thoughts", "urges", "note", "text"}) {
      if (auto v = row.values.if_contains(c); v && v->is_string())
        text += std::string(v->as_string()) + "\n";
    }
    if (text.size() > (4u << 20)) break;
  }
  return text;
}

Status Import(Context& ctx, app::Services& s, const ImportArgs& args) {
  std::ifstream f(args.file, std::ios::binary);
  if (!f) return Status::InvalidField("FILE", "cannot read " + args.file);
  std::stringstream ss;
  ss << f.rdbuf();
  std::string bytes = ss.str();
  pt::ImportOptions options;
  options.format = args.format;
  options.map = args.map;
  options.into = args.into;
  options.offset_minutes = ctx.clock().Now().offset_minutes;
  if ((args.format == "auto" || args.format == "ours") && pt::LooksSealed(bytes)) {
    TRY_ASSIGN(options.passphrase, GetPassphrase(ctx, args.passphrase_file, PassphraseUse::kEnter));
  }
  TRY_ASSIGN(auto incoming, pt::ParseImportFile(bytes, options));
  auto mode = !args.apply          ? pt::ImportMode::kDryRun
              : args.skip_rejected ? pt::ImportMode::kApplySkippingRejected
                                   : pt::ImportMode::kApply;
  pt::ImportProgress progress;
  bool bar = ctx.terminal && incoming.rows.size() >= 500;
  if (bar) {
    progress = [&](size_t done, size_t total) {
      int width = 30, filled = static_cast<int>(width * done / std::max<size_t>(total, 1));
      ctx.err() << fmt::format("\r{} [{}{}] {}/{}", args.apply ? "Importing" : "Checking",
                               std::string(filled, '#'), std::string(width - filled, '.'), done,
                               total)
                << std::flush;
    };
  }
  TRY_ASSIGN(auto report,
             pt::RunImport(s.db, ctx.user_id(), incoming, mode, ctx.clock().Now(), progress));
  if (bar) ctx.err() << "\n";
  ctx.out() << fmt::format("{} ({}):\n", args.file, report.format);
  PrintReport(ctx, report, args.all);
  PrintCrisisIfDanger(ctx, IncomingText(incoming));
  if (!args.apply) {
    ctx.out() << fmt::format(
        "Dry run: nothing was written. {} to create, {} already here, {} rejected.\n"
        "Run again with --apply to import{}.\n",
        report.total.create, report.total.duplicate, report.total.reject,
        report.total.reject ? " (add --skip-rejected to leave the rejected ones out)" : "");
    return Status::Ok();
  }
  if (!report.applied) return Status::Invalid(report.refused);
  ctx.out() << fmt::format(
      "Imported {} records ({} already here were skipped{}).\n", report.total.create,
      report.total.duplicate,
      report.total.reject ? fmt::format(", {} rejected were left out", report.total.reject) : "");
  return Status::Ok();
}

}  // namespace

void RegisterDataCommands(CLI::App& app, Context& ctx) {
  auto ex = std::make_shared<ExportArgs>();
  auto* e = app.add_subcommand("export", "Save everything you keep here to one .zip file");
  e->footer(
      "The archive holds one JSON file per kind of record (the complete copy), CSV files for\n"
      "spreadsheets, and your questionnaires in FHIR R4. See docs/export-format.md.\n"
      "--encrypt asks for a passphrase (or reads SECUREBASE_PASSPHRASE / --passphrase-file).");
  e->add_option("--out,-o", ex->out, "File to write (default securebase-export-DATE.zip)");
  e->add_flag("--encrypt", ex->encrypt,
              "Encrypt with a passphrase (argon2id + XChaCha20-Poly1305)");
  e->add_option("--passphrase-file", ex->passphrase_file, "Read the passphrase from this file");
  e->callback(
      [&ctx, ex] { RunWithServices(ctx, [&](app::Services& s) { return Export(ctx, s, *ex); }); });

  auto im = std::make_shared<ImportArgs>();
  auto* i =
      app.add_subcommand("import", "Bring in an export, or history from Daylio, jrnl or a CSV");
  i->footer(
      "Without --apply nothing is written: you see what would be created, skipped as a\n"
      "duplicate, or rejected (with the line and why). --apply writes it all in one go, or\n"
      "nothing when a record is rejected (unless --skip-rejected).\n"
      "Examples:\n"
      "  securebase import securebase-export-2026-01-01.zip --apply\n"
      "  securebase import daylio_export.csv\n"
      "  securebase import journal.json --format jrnl\n"
      "  securebase import diary.csv --map \"date=Date,time=Time,text=Entry\" --into reflections");
  i->add_option("FILE", im->file, "The file to import")->required();
  i->add_flag("--apply", im->apply, "Write it (default: a dry run that writes nothing)");
  i->add_flag("--skip-rejected", im->skip_rejected,
              "With --apply: import the rest when some are rejected");
  i->add_option("--format", im->format, "auto (default), ours, daylio, jrnl or csv")
      ->check(CLI::IsMember({"auto", "ours", "daylio", "jrnl", "csv"}));
  i->add_option("--map", im->map,
                "For csv: our field=their column, e.g. \"date=When,text=Entry\" "
                "(fields: date, time, text, title, tags)");
  i->add_option("--into", im->into, "For csv: reflections (default) or checkins")
      ->check(CLI::IsMember({"reflections", "checkins"}));
  i->add_option("--passphrase-file", im->passphrase_file, "For an encrypted export");
  i->add_flag("--all", im->all, "List every record, not only the rejected and noted ones");
  i->callback([&ctx, im] {
    if (!im->map.empty() && im->format == "auto") im->format = "csv";
    RunWithServices(ctx, [&](app::Services& s) { return Import(ctx, s, *im); });
  });
}

}  // namespace securebase::cli
