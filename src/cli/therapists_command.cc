// securebase therapists import|postcodes import|search|show  (step 8: the directory)
#include <fmt/format.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/support_cli.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

struct TherapistArgs {
  std::string file;
  bool sample = false;
  // search
  std::optional<double> lat, lon;
  std::string near;  // "postcode" or "postcode,country"
  std::string country, city, type, gender, age, participants, language, faith, mode = "any", text;
  std::vector<std::string> specialties, therapies, insurance;
  double radius = support::kDefaultRadiusKm;
  std::optional<int64_t> max_fee;
  bool sliding = false, accepting = false, attachment = false;
  int limit = 10;
  std::string cursor;
  int64_t id = 0;
};

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status::InvalidField("FILE", fmt::format("cannot open '{}'", path));
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// "[#####.....]  42%  210/500" on one terminal line.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err) : err_(err) {}
  void Update(int64_t done, int64_t total) {
    if (total <= 0) return;
    int percent = static_cast<int>(done * 100 / total);
    if (percent == shown_) return;
    shown_ = percent;
    constexpr int kWidth = 30;
    int filled = percent * kWidth / 100;
    err_ << "\rimporting [" << std::string(static_cast<size_t>(filled), '#')
         << std::string(static_cast<size_t>(kWidth - filled), '.') << "] "
         << fmt::format("{:3d}%  {}/{}", percent, done, total) << std::flush;
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) err_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }

 private:
  std::ostream& err_;
  int shown_ = -1;
  bool drawn_ = false;
};

void PrintRowErrors(Context& ctx, const std::vector<support::RowError>& errors) {
  for (const auto& e : errors) {
    ctx.err() << fmt::format("  row {}{}: {}\n", e.row, e.field.empty() ? "" : ", " + e.field,
                             e.message);
  }
}

Status Import(Context& ctx, app::Services& s, const TherapistArgs& a) {
  if (a.sample == !a.file.empty()) {
    return Status::InvalidField("FILE",
                                "give a file to import, or --sample for the demo directory");
  }
  TRY_ASSIGN(auto dir, OpenDirectory(s));
  int64_t now = ctx.clock().Now().utc_ms;
  support::ImportReport report;
  if (a.sample) {
    TRY_ASSIGN(report, dir.directory->ImportSample(s.content, now));
  } else {
    TRY_ASSIGN(std::string text, ReadWholeFile(a.file));
    auto parsed = support::ParseProviderFile(text, support::GuessFormat(a.file, text));
    if (!parsed.ok()) return parsed.status().WithContext(a.file);
    std::unique_ptr<ProgressBar> bar;
    if (::isatty(2)) bar = std::make_unique<ProgressBar>(ctx.err());
    support::ProgressFn progress;
    if (bar) progress = [&](int64_t done, int64_t total) { bar->Update(done, total); };
    auto r = dir.directory->Import(*parsed, now, progress);
    if (bar) bar->Clear();
    TRY_ASSIGN(report, std::move(r));
  }
  ctx.out() << fmt::format(
      "Imported {} {} ({} new, {} updated) from {}.\n", report.added + report.updated,
      report.added + report.updated == 1 ? "provider" : "providers", report.added, report.updated,
      a.sample ? "the sample directory" : a.file);
  if (a.sample) {
    ctx.out() << "The sample directory is made up (fictional names) so you can try the search:\n"
                 "  securebase therapists search --near \"SW1A 1AA\" --therapy eft\n";
  }
  if (report.without_coordinates > 0) {
    ctx.out() << fmt::format(
        "{} of them have no coordinates and a postcode not in the postcode table, so they will "
        "not show in searches by distance until you import postcodes "
        "(securebase therapists postcodes import FILE).\n",
        report.without_coordinates);
  }
  if (!report.errors.empty()) {
    std::set<int64_t> rows;
    for (const auto& e : report.errors) rows.insert(e.row);
    ctx.err() << fmt::format(
        "{} {} not imported; fix {} and import the file again (rows already "
        "imported are updated, not doubled):\n",
        rows.size(), rows.size() == 1 ? "row was" : "rows were", rows.size() == 1 ? "it" : "them");
    PrintRowErrors(ctx, report.errors);
    ctx.exit_code = 1;
  }
  return Status::Ok();
}

Status ImportPostcodes(Context& ctx, app::Services& s, const TherapistArgs& a) {
  TRY_ASSIGN(auto dir, OpenDirectory(s));
  TRY_ASSIGN(std::string text, ReadWholeFile(a.file));
  auto parsed = support::ParsePostcodeFile(text);
  if (!parsed.ok()) return parsed.status().WithContext(a.file);
  TRY_ASSIGN(auto r, dir.directory->ImportPostcodes(*parsed));
  ctx.out() << fmt::format("Imported {} postcodes from {}", r.imported, a.file);
  if (r.located > 0)
    ctx.out() << fmt::format("; {} providers now have coordinates from them", r.located);
  ctx.out() << ".\n";
  if (!r.errors.empty()) {
    ctx.err() << fmt::format("{} rows were not imported:\n", r.errors.size());
    PrintRowErrors(ctx, r.errors);
    ctx.exit_code = 1;
  }
  return Status::Ok();
}

Result<support::SearchQuery> BuildQuery(const TherapistArgs& a) {
  support::SearchQuery q;
  if (a.lat.has_value() != a.lon.has_value()) {
    return Status::InvalidField(a.lat ? "--lon" : "--lat", "is needed with the other coordinate");
  }
  if (a.lat) q.near = support::LatLon{*a.lat, *a.lon};
  if (!a.near.empty()) {
    q.postcode = a.near;
    q.postcode_country = a.country;
  }
  q.city = a.city;
  q.radius_km = a.radius;
  q.provider_type = a.type;
  q.specialties = a.specialties;
  q.therapy_types = a.therapies;
  q.insurance = a.insurance;
  q.gender = a.gender;
  q.age_group = a.age;
  q.participants = a.participants;
  q.language = a.language;
  q.faith = a.faith;
  q.max_fee = a.max_fee;
  q.sliding_scale = a.sliding;
  q.accepting_only = a.accepting;
  q.prefer_attachment = a.attachment;
  q.text = a.text;
  if (a.mode == "online")
    q.mode = support::Mode::kOnline;
  else if (a.mode == "in-person")
    q.mode = support::Mode::kInPerson;
  else if (a.mode != "any")
    return Status::InvalidField("--mode", "must be online, in-person or any");
  return q;
}

// Turns store field names into flag names in errors.
Status AsFlags(const Status& s) {
  if (s.ok() || s.fields().empty()) return s;
  std::vector<FieldError> f;
  auto flag = [](const std::string& name) -> std::string {
    if (name == "radius_km") return "--radius";
    if (name == "q") return "--text";
    if (name == "postcode") return "--near";
    if (name == "max_fee") return "--max-fee";
    return "--" + name;
  };
  for (const auto& e : s.fields()) f.push_back({flag(e.field), e.message});
  return Status(s.code(), f[0].field + ": " + f[0].message, f);
}

Status Search(Context& ctx, app::Services& s, const TherapistArgs& a) {
  if (a.limit < 1 || a.limit > 100) return Status::InvalidField("--limit", "must be 1 to 100");
  TRY_ASSIGN(auto dir, OpenDirectory(s));
  TRY_ASSIGN(int64_t count, dir.store->Count());
  if (count == 0) {
    ctx.out() << "The directory is empty. Import one with `securebase therapists import FILE`,\n"
                 "or try the made-up sample: securebase therapists import --sample\n";
    return Status::Ok();
  }
  TRY_ASSIGN(auto q, BuildQuery(a));
  auto page = dir.directory->Search(q, a.limit, a.cursor);
  if (!page.ok()) return AsFlags(page.status());
  if (page->resolved) {
    ctx.out() << fmt::format("Near {} {} ({}), within {}.\n", page->resolved->postcode,
                             page->resolved->country, page->resolved->place, FormatKm(a.radius));
  }
  if (page->items.empty()) {
    ctx.out()
        << "Nobody matches all of that. Try a wider --radius, fewer filters, or --mode online.\n";
    return Status::Ok();
  }
  ctx.out() << fmt::format(
      "{} {}, best fit first{}:\n", page->total, page->total == 1 ? "match" : "matches",
      page->capped ? " (more matched than we rank at once; narrow the search)" : "");
  for (const auto& r : page->items) {
    ctx.out() << "\n" << DescribeProvider(r.provider, dir.directory->therapies(), false);
    ctx.out() << fmt::format("    Why here (fit {:.1f}): {}.\n", r.score,
                             fmt::join(r.reasons, "; "));
  }
  if (!page->next_cursor.empty()) {
    ctx.out() << fmt::format("\nMore: add --cursor {} to the same command.\n", page->next_cursor);
  }
  ctx.out() << "\nSave one to your shortlist: securebase shortlist add ID\n";
  return Status::Ok();
}

}  // namespace

Result<DirectoryHandle> OpenDirectory(app::Services& s) {
  DirectoryHandle h;
  h.store = support::MakeSqliteDirectoryStore(s.db);
  TRY_ASSIGN(h.directory, support::Directory::Create(*h.store, s.content));
  return h;
}

std::string DescribeProvider(const support::Provider& p, const support::TherapyCatalog& therapies,
                             bool full) {
  std::string out = fmt::format("{:>4}  {}", p.id, p.name);
  if (!p.credentials.empty()) out += ", " + p.credentials;
  out += fmt::format("  [{}]\n", p.provider_type);
  std::string where = p.city.empty() ? p.postcode : p.city;
  std::vector<std::string> how;
  if (p.in_person) how.push_back("in person" + (where.empty() ? "" : " in " + where));
  if (p.telehealth) how.push_back("online");
  out += "      " + fmt::format("{}", fmt::join(how, ", "));
  if (p.fee_min) {
    out += *p.fee_min == 0 ? ", free"
           : (p.fee_max && *p.fee_max != *p.fee_min)
               ? fmt::format(", {}-{} {}", *p.fee_min, *p.fee_max, p.currency)
               : fmt::format(", {} {}", *p.fee_min, p.currency);
  }
  if (p.sliding_scale) out += ", sliding scale";
  out += p.accepting ? ", accepting new clients\n" : ", not taking new clients\n";
  std::vector<std::string> names;
  for (const auto& t : p.therapy_types) {
    const auto* th = therapies.Find(t);
    names.push_back(th ? th->name : t);
  }
  if (!names.empty()) out += fmt::format("      Approaches: {}\n", fmt::join(names, ", "));
  if (!p.specialties.empty())
    out += fmt::format("      Works with: {}\n", fmt::join(p.specialties, ", "));
  if (!full) return out;
  if (!p.practice.empty()) out += "      Practice: " + p.practice + "\n";
  if (!p.address.empty()) {
    out += fmt::format("      Address: {}, {} {} {}\n", p.address, p.city, p.postcode, p.country);
  }
  if (!p.licence.empty()) out += "      Licence: " + p.licence + "\n";
  if (!p.populations.empty())
    out += fmt::format("      Ages: {}\n", fmt::join(p.populations, ", "));
  if (!p.participants.empty())
    out += fmt::format("      Sees: {}\n", fmt::join(p.participants, ", "));
  if (!p.languages.empty())
    out += fmt::format("      Languages: {}\n", fmt::join(p.languages, ", "));
  if (!p.insurance.empty())
    out += fmt::format("      Insurance: {}\n", fmt::join(p.insurance, ", "));
  if (!p.gender.empty()) out += "      Gender: " + p.gender + "\n";
  if (!p.faith.empty()) out += "      Faith: " + p.faith + "\n";
  if (!p.phone.empty()) out += "      Phone: " + p.phone + "\n";
  if (!p.email.empty()) out += "      Email: " + p.email + "\n";
  if (!p.website.empty()) out += "      Website: " + p.website + "\n";
  if (!p.about.empty()) out += "\n" + Wrap(p.about, 78, "      ") + "\n";
  return out;
}

void RegisterTherapistCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<TherapistArgs>();
  CLI::App* t =
      app.add_subcommand("therapists", "Step 8: the therapist directory: import and search");
  t->require_subcommand(1);

  CLI::App* import = t->add_subcommand(
      "import",
      "Import providers from a CSV or JSON file (docs/directory-format.md); re-importing "
      "updates providers with the same id");
  import->add_option("FILE", a->file, "The file (.csv or .json)");
  import->add_flag("--sample", a->sample, "Import the made-up sample directory instead");
  import->callback([&ctx, a] { RunWithServices(ctx, [&](app::Services& s) { return Import(ctx, s, *a);
});
}  // namespace securebase::cli
);

CLI::App* postcodes = t->add_subcommand("postcodes", "The postcode-centroid table");
postcodes->require_subcommand(1);
CLI::App* pimport = postcodes->add_subcommand(
    "import", "Import postcode centroids (CSV: country,postcode,latitude,longitude[,place])");
pimport->add_option("FILE", a->file, "The CSV file")->required();
pimport->callback([&ctx, a] {
  RunWithServices(ctx, [&](app::Services& s) { return ImportPostcodes(ctx, s, *a); });
});

CLI::App* search = t->add_subcommand("search", "Find therapists, best fit first");
search->add_option("--near", a->near, "A postcode to search around (see --country)");
search->add_option("--country", a->country, "The postcode's country (GB, US, ...) when ambiguous");
search->add_option("--lat", a->lat, "Latitude to search around");
search->add_option("--lon", a->lon, "Longitude to search around");
search->add_option("--radius", a->radius, "Kilometres around --near or --lat/--lon (default 25)");
search->add_option("--city", a->city, "A city name");
search->add_option("--type", a->type,
                   "therapist, counsellor, psychologist, psychiatrist, "
                   "treatment-centre or support-group");
search->add_option("--specialty", a->specialties,
                   "An issue they work with (repeat for more; all must match)");
search->add_option("--therapy", a->therapies,
                   "An approach such as eft, gottman, aedp, mbt, dbt (repeat; any matches)");
search->add_option("--insurance", a->insurance,
                   "An insurance plan they take (repeat; any matches)");
search->add_option("--gender", a->gender, "The therapist's gender");
search->add_option("--age", a->age, "children, teens, adults or older-adults");
search->add_option("--participants", a->participants, "individuals, couples, families or groups");
search->add_option("--language", a->language, "A language they work in");
search->add_option("--faith", a->faith, "A faith they bring to their work");
search->add_option("--max-fee", a->max_fee, "The most you can pay per session");
search->add_flag("--sliding-scale", a->sliding, "Only those with a sliding scale");
search->add_flag("--accepting", a->accepting, "Only those accepting new clients");
search->add_option("--mode", a->mode, "online, in-person or any (default)");
search->add_flag("--attachment", a->attachment, "Rank attachment-informed approaches higher");
search->add_option("--text", a->text, "Words to find in their profiles");
search->add_option("--limit", a->limit, "Results per page (default 10)");
search->add_option("--cursor", a->cursor, "The next page (printed under the results)");
search->callback([&ctx, a] {
  RunWithServices(ctx, [&](app::Services& s) { return Search(ctx, s, *a); });
});

CLI::App* show = t->add_subcommand("show", "Everything about one provider");
show->add_option("ID", a->id, "The provider's number (from search)")->required();
show->callback([&ctx, a] {
  RunWithServices(ctx, [&](app::Services& s) -> Status {
    TRY_ASSIGN(auto dir, OpenDirectory(s));
    TRY_ASSIGN(auto p, dir.store->Get(a->id));
    ctx.out() << DescribeProvider(p, dir.directory->therapies(), true);
    return Status::Ok();
  });
});
}

}  // namespace securebase::cli
