#pragma once
// Bringing Incoming rows into the database: a dry run that says what would be created,
// skipped as a duplicate, or rejected (with where and why), or the same run applied.
//
// Contracts:
// - Everything happens in one write transaction. A dry run always rolls back. An applied
//   run commits only when no row is rejected (or kApplySkippingRejected says to skip them);
//   otherwise, and on any error, nothing is changed.
// - Ids are renumbered; references follow (a row that refers to a row that is not in the
//   file keeps a NULL link when the column allows it, with a note, and is rejected when not).
// - Duplicates: a record imported before from the same source (import_keys), a row with
//   the same natural key (settings key, practice id, ...), or a row whose every imported
//   field is equal to one already stored (references compared after renumbering).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "portability/incoming.h"

namespace securebase::portability {

enum class ImportMode { kDryRun, kApply, kApplySkippingRejected };
enum class Outcome { kCreate, kDuplicate, kReject };
const char* OutcomeName(Outcome o);  // "create", "duplicate", "reject"

struct RowOutcome {
  std::string kind;  // "" for a part of the file that could not be read at all
  std::string where;
  Outcome outcome = Outcome::kCreate;
  std::string summary;  // a few words of what the row holds
  std::string reason;   // why it is a duplicate or rejected (or a note on a created row)
};

struct KindCounts {
  int create = 0, duplicate = 0, reject = 0;
};

struct ImportReport {
  std::string format;
  bool applied = false;  // true once committed
  std::string refused;   // why an applied run wrote nothing (rows rejected); "" otherwise
  std::map<std::string, KindCounts> counts;  // by kind
  KindCounts total;
  std::vector<RowOutcome> rows;  // every row and unreadable part, in file order
};

using ImportProgress = std::function<void(size_t done, size_t total)>;

Result<ImportReport> RunImport(db::Database& db, int64_t user_id, const Incoming& in,
                               ImportMode mode, Instant now, const ImportProgress& progress = {});

}  // namespace securebase::portability
