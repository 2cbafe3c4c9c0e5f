// /api/v1/export.zip, /api/v1/export and /api/v1/import: data portability (issue 9).
#include <fmt/format.h>
#include <sodium.h>

#include "http/api_context.h"
#include "http/crisis_json.h"
#include "http/json_body.h"
#include "portability/export.h"
#include "portability/import_file.h"
#include "portability/importer.h"
#include "portability/sealed.h"

namespace securebase::http {
namespace json = boost::json;
namespace pt = portability;
namespace {

// Rows listed in an import answer at most; counts always cover every row.
constexpr size_t kMaxListedRows = 1000;

Response FileResponse(std::string bytes, const std::string& name, const char* type) {
  Response r;
  r.status = 200;
  r.body = std::move(bytes);
  r.content_type = type;
  r.headers.Set("Content-Disposition", fmt::format("attachment; filename=\"{}\"", name));
  r.headers.Set("Cache-Control", "no-store");
  return r;
}

Response ExportFile(ApiContext& ctx, const std::string& passphrase) {
  Instant now = ctx.services.clock.Now();
  auto zip = pt::ExportZip(ctx.services.db, ctx.user_id, ctx.services.catalog, now);
  if (!zip.ok()) return ProblemFromStatus(zip.status());
  std::string name = pt::DefaultExportName(now);
  if (passphrase.empty()) return FileResponse(std::move(*zip), name, "application/zip");
  auto sealed = pt::Seal(*zip, passphrase);
  if (!sealed.ok()) return ProblemFromStatus(sealed.status());
  return FileResponse(std::move(*sealed), name + ".sealed", "application/octet-stream");
}

Response PostExport(ApiContext& ctx, const Request& req) {
  std::string passphrase;
  if (!req.body.empty()) {
    auto parsed = ParseJsonObject(req);
    if (auto* r = std::get_if<Response>(&parsed)) return *r;
    FieldReader f(std::get<json::object>(parsed));
    auto p = f.String("passphrase", false, 1024);
    if (p && !p->empty() && p->size() < 8) f.Error("passphrase", "use at least 8 characters");
    Status s = f.Finish({"passphrase"});
    if (!s.ok()) return ProblemFromStatus(s);
    passphrase = p.value_or("");
  }
  return ExportFile(ctx, passphrase);
}

json::object ReportJson(const pt::ImportReport& r) {
  auto counts = [](const pt::KindCounts& c) {
    return json::object{{"create", c.create}, {"duplicate", c.duplicate}, {"reject", c.reject}};
  };
  json::object by_kind;
  for (const auto& [kind, c] : r.counts) by_kind[kind.empty() ? "unreadable" : kind] = counts(c);
  json::array rows;
  for (size_t i = 0; i < r.rows.size() && i < kMaxListedRows; ++i) {
    const auto& row = r.rows[i];
    rows.push_back({{"kind", row.kind.empty() ? json::value(nullptr) : json::value(row.kind)},
                    {"where", row.where},
                    {"outcome", pt::OutcomeName(row.outcome)},
                    {"summary", row.summary},
                    {"reason", row.reason}});
  }
  return {{"format", r.format},
          {"applied", r.applied},
          {"refused", r.refused.empty() ? json::value(nullptr) : json::value(r.refused)},
          {"counts", std::move(by_kind)},
          {"total", counts(r.total)},
          {"rows", std::move(rows)},
          {"rows_listed", static_cast<int64_t>(std::min(r.rows.size(), kMaxListedRows))},
          {"rows_total", static_cast<int64_t>(r.rows.size())}};
}

Response PostImport(ApiContext& ctx, const CrisisSupport& crisis, const Request& req) {
  bool dry_run = true, skip = false;
  if (auto d = req.QueryValue("dry_run")) {
    if (*d != "true" && *d != "false")
      return ProblemFromStatus(Status::InvalidField("dry_run", "must be true or false"));
    dry_run = *d == "true";
  }
  if (auto d = req.QueryValue("skip_rejected")) skip = *d == "true";
  auto parsed = ParseJsonObject(req);
  if (auto* r = std::get_if<Response>(&parsed)) return *r;
  FieldReader f(std::get<json::object>(parsed));
  auto file = f.String("file_base64", true, 1 << 30);
  auto format = f.String("format", false, 16);
  auto map = f.String("map", false, 2000);
  auto into = f.String("into", false, 32);
  auto passphrase = f.String("passphrase", false, 1024);
  auto offset = f.Int("offset_minutes", false);
  (void)f.String("filename", false, 1000);
  std::string bytes;
  if (file) {
    bytes.resize(file->size());
    size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(),
                          file->data(), file->size(), " \r\n", &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0) {
      f.Error("file_base64", "is not base64");
    }
    bytes.resize(len);
  }
  if (offset && (*offset < -14 * 60 || *offset > 14 * 60))
    f.Error("offset_minutes", "must be -840 to 840");
  Status s = f.Finish(
      {"file_base64", "filename", "format", "map", "into", "passphrase", "offset_minutes"});
  if (!s.ok()) return ProblemFromStatus(s);
  pt::ImportOptions o;
  o.format = format.value_or("auto");
  o.map = map.value_or("");
  o.into = into.value_or("reflections");
  o.passphrase = passphrase.value_or("");
  o.offset_minutes = static_cast<int>(offset.value_or(ctx.services.clock.Now().offset_minutes));
  if (!o.map.empty() && o.format == "auto") o.format = "csv";
  auto incoming = pt::ParseImportFile(bytes, o);
  if (!incoming.ok()) {
    const Status& e = incoming.status();
    if (e.code() == ErrorCode::kFailedPrecondition)
      return ProblemFromStatus(Status::InvalidField("passphrase", e.message()));
    if (e.fields().empty())
      return ProblemFromStatus(Status::InvalidField("file_base64", e.message()));
    return ProblemFromStatus(e);
  }
  auto mode = dry_run ? pt::ImportMode::kDryRun
              : skip  ? pt::ImportMode::kApplySkippingRejected
                      : pt::ImportMode::kApply;
  auto report =
      pt::RunImport(ctx.services.db, ctx.user_id, *incoming, mode, ctx.services.clock.Now());
  if (!report.ok()) return ProblemFromStatus(report.status());
  json::object body = ReportJson(*report);
  std::string text;
  for (const auto& row : incoming->rows) {
    for (const char* c : {"situation", "thoughts", "urges", "note", "text"}) {
      if (auto v = row.values.if_contains(c); v && v->is_string())
        text += std::string(v->as_string()) + "\n";
    }
    if (text.size() > (4u << 20)) break;
  }
  crisis.AddIfDanger(body, text, ctx);
  if (!dry_run && !report->applied) {
    // A problem document that also carries the report, so the rejected rows can be shown.
    body["type"] = ProblemType("import-refused");
    body["title"] = "Nothing was imported";
    body["status"] = 409;
    body["detail"] = report->refused;
    Response r = Json(409, body);
    r.content_type = "application/problem+json";
    return r;
  }
  return Json(dry_run ? 200 : 201, body);
}

}  // namespace

void AddDataRoutes(Router& router, ApiContext& ctx) {
  auto crisis = CrisisSupport::Load(ctx.services.content);
  router.Get("/api/v1/export.zip", [&ctx](const Request&) { return ExportFile(ctx, ""); });
  router.Post("/api/v1/export", [&ctx](const Request& req) { return PostExport(ctx, req); });
  router.Post("/api/v1/import",
              ctx.idempotency.Wrap(ctx.user_id, [&ctx, crisis](const Request& req) {
                return PostImport(ctx, *crisis, req);
              }));
}

}  // namespace securebase::http
