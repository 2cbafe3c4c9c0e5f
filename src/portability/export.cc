#include "portability/export.h"

#include <fmt/format.h>

#include "portability/csv.h"
#include "portability/fhir.h"
#include "portability/rows.h"

namespace securebase::portability {
namespace json = boost::json;
namespace {

constexpr std::string_view kReadme =
    "This is everything you kept in SecureBase, in files other programs can open.\n"
    "\n"
    "  data/   one JSON file per kind of record (people, reflections, ...): the complete\n"
    "          copy, which `securebase import` reads back without losing anything\n"
    "  csv/    the same records as spreadsheets\n"
    "  fhir/   your questionnaires and answers in FHIR R4, the format health records use\n"
    "\n"
    "manifest.json says when it was made and how many records of each kind it holds.\n"
    "The format is described in docs/export-format.md of the SecureBase source.\n"
    "Keep this file somewhere private: it holds your own words about your life.\n";

std::string Pretty(const json::value& v) {
  // One item per line keeps the files readable and diff-friendly without a big printer.
  if (!v.is_object() || !v.as_object().contains("items")) return json::serialize(v) + "\n";
  const json::object& o = v.as_object();
  std::string out = "{";
  bool first = true;
  for (const auto& [k, val] : o) {
    if (k == "items") continue;
    out += fmt::format("{}\n \"{}\": {}", first ? "" : ",", std::string(k), json::serialize(val));
    first = false;
  }
  out += ",\n \"items\": [";
  const json::array& items = o.at("items").as_array();
  for (size_t i = 0; i < items.size(); ++i)
    out += fmt::format("{}\n  {}", i ? "," : "", json::serialize(items[i]));
  out += items.empty() ? "]\n}\n" : "\n ]\n}\n";
  return out;
}

}  // namespace

std::string KindCsv(const std::vector<std::string>& columns,
                    const std::vector<json::object>& items) {
  std::string out;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (c) out.push_back(',');
    AppendCsvField(out, columns[c]);
  }
  out += "\r\n";
  for (const auto& item : items) {
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c) out.push_back(',');
      const json::value* v = item.if_contains(columns[c]);
      if (!v || v->is_null()) continue;
      if (v->is_string()) {
        AppendCsvField(out, v->as_string());
      } else if (v->is_double()) {
        out += fmt::format("{}", v->get_double());  // 4.25, not JSON's 4.25E0
      } else {
        AppendCsvField(out, json::serialize(*v), /*guard_formula=*/!v->is_number());
      }
    }
    out += "\r\n";
  }
  return out;
}

std::string DefaultExportName(Instant now) {
  return fmt::format("securebase-export-{}.zip", LocalDate(now));
}

Result<std::vector<ZipEntry>> BuildExport(db::Connection& conn, int64_t user_id,
                                          const understand::Catalog& catalog, Instant now) {
  std::vector<ZipEntry> files;
  json::object counts;
  json::array kinds;
  std::vector<json::object> responses;
  for (const Kind& kind : AllKinds()) {
    TRY_ASSIGN(auto columns, TableColumns(conn, kind.table));
    if (columns.empty()) continue;  // its migration is not in this build
    TRY_ASSIGN(auto items, ReadKind(conn, kind, user_id));
    counts[kind.name] = static_cast<int64_t>(items.size());
    kinds.push_back(json::object{{"kind", kind.name},
                                 {"version", kind.version},
                                 {"count", static_cast<int64_t>(items.size())},
                                 {"about", kind.about}});
    if (kind.name == "assessments") {
      for (const auto& a : items) {
        if (auto d = a.if_contains("deleted_ms"); d && !d->is_null()) continue;
        std::string id = a.contains("instrument") && a.at("instrument").is_string()
                             ? std::string(a.at("instrument").as_string())
                             : "";
        auto found = catalog.Find(id);
        responses.push_back(QuestionnaireResponseResource(a, found.ok() ? *found : nullptr));
      }
    }
    files.push_back({"csv/" + kind.name + ".csv", KindCsv(columns, items)});
    json::array arr;
    for (auto& item : items) arr.push_back(std::move(item));
    json::object doc{{"format", kExportFormat},
                     {"kind", kind.name},
                     {"version", kind.version},
                     {"items", std::move(arr)}};
    files.push_back({"data/" + kind.name + ".json", Pretty(doc)});
  }
  std::vector<json::object> questionnaires;
  for (const auto& ins : catalog.all()) questionnaires.push_back(QuestionnaireResource(ins));
  files.push_back(
      {"fhir/questionnaires.json", json::serialize(Bundle(std::move(questionnaires))) + "\n"});
  files.push_back(
      {"fhir/questionnaire-responses.json", json::serialize(Bundle(std::move(responses))) + "\n"});
  json::object manifest{{"format", kExportFormat},
                        {"version", kExportFormatVersion},
                        {"exported_at", Iso8601(now)},
                        {"kinds", std::move(kinds)},
                        {"counts", std::move(counts)}};
  files.insert(files.begin(), ZipEntry{"README.txt", std::string(kReadme)});
  files.insert(files.begin(), ZipEntry{"manifest.json", json::serialize(manifest) + "\n"});
  return files;
}

Result<std::string> ExportZip(db::Database& db, int64_t user_id, const understand::Catalog& catalog,
                              Instant now) {
  std::vector<ZipEntry> files;
  TRY(db.Read([&](db::Connection& conn) -> Status {
    TRY_ASSIGN(files, BuildExport(conn, user_id, catalog, now));
    return Status::Ok();
  }));
  uint16_t t, d;
  DosTimeDate(now.utc_ms, now.offset_minutes, &t, &d);
  ZipWriter zip(t, d);
  for (const auto& f : files) zip.Add(f.name, f.data);
  return zip.Finish();
}

}  // namespace securebase::portability
