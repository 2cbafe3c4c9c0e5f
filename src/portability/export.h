#pragma once
// Everything one user owns, as the files of an export archive (docs/export-format.md):
//   manifest.json             format, version, when, and a count per kind
//   README.txt                what the files are, in plain words
//   data/<kind>.json          one document per kind: {"format", "kind", "version", "items"}
//   csv/<kind>.csv            the same rows for spreadsheets
//   fhir/questionnaires.json           our instruments (FHIR R4 Bundle of Questionnaire)
//   fhir/questionnaire-responses.json  assessments (Bundle of QuestionnaireResponse)
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "portability/zip.h"
#include "understand/catalog.h"

namespace securebase::portability {

inline constexpr int kExportFormatVersion = 1;
inline constexpr std::string_view kExportFormat = "securebase-export";

// The archive's files for `user_id`, read from `conn` (one snapshot: call it inside one
// Database::Read). Only rows whose user_id is `user_id` are read.
Result<std::vector<ZipEntry>> BuildExport(db::Connection& conn, int64_t user_id,
                                          const understand::Catalog& catalog, Instant now);

// BuildExport in one read transaction, zipped.
Result<std::string> ExportZip(db::Database& db, int64_t user_id, const understand::Catalog& catalog,
                              Instant now);

// The CSV for one kind's items: a header of `columns`, then one line per item (JSON
// columns as compact JSON text, null as an empty field).
std::string KindCsv(const std::vector<std::string>& columns,
                    const std::vector<boost::json::object>& items);

// The name an export file gets by default: "securebase-export-YYYY-MM-DD.zip".
std::string DefaultExportName(Instant now);

}  // namespace securebase::portability
