#pragma once
// Consistent copies of the database, and putting one back.
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::db {

// Writes a consistent copy of the database at `db_path` to `out_path` (VACUUM INTO), while
// other connections keep reading and writing. `out_path` must not exist yet. The copy gets
// mode 0600.
Status BackupTo(const std::string& db_path, const std::string& out_path);

// What a database file holds, as far as restoring is concerned.
struct DatabaseCheck {
  bool integrity_ok = false;
  std::string integrity_message;  // "ok" or SQLite's first complaint
  int64_t schema_version = 0;
};

// Opens `path` read-only and runs PRAGMA integrity_check. An error when it is not an
// SQLite database at all.
Result<DatabaseCheck> CheckDatabaseFile(const std::string& path);

// Replaces the database at `db_path` with the file `backup_path` after checking it
// (integrity, and a schema no newer than `latest_schema`). The replaced database is moved
// aside to `<db_path>.replaced-<date>` (its path is returned) and nothing is changed when
// a check fails. REQUIRES: no process has the database open (checked: a held lock is an
// error that says to stop the server first).
Result<std::string> RestoreFrom(const std::string& backup_path, const std::string& db_path,
                                int64_t latest_schema, Instant now);

// Backups kept in `dir` as securebase-YYYY-MM-DD.db: makes today's when it does not exist
// yet, and keeps the newest `keep`. Returns the path of today's backup.
Result<std::string> DailyBackup(const std::string& db_path, const std::string& dir, Instant now,
                                int keep);

// The backup files in `dir` (securebase-*.db), newest first.
std::vector<std::string> ListBackups(const std::string& dir);

}  // namespace securebase::db
