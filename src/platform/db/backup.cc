#include "platform/db/backup.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "platform/db/sqlite.h"

namespace securebase::db {
namespace fs = std::filesystem;

Status BackupTo(const std::string& db_path, const std::string& out_path) {
  std::error_code ec;
  if (fs::exists(out_path, ec)) {
    return Status::InvalidField("--out",
                                fmt::format("{} already exists; choose a new file name", out_path));
  }
  if (!fs::exists(db_path, ec))
    return Status::NotFound(fmt::format("there is no database at {}", db_path));
  TRY_ASSIGN(auto conn, Connection::Open(db_path, OpenMode::kReadOnly));
  TRY_ASSIGN(auto* st, conn->Prepare("VACUUM INTO ?"));
  st->Bind(1, out_path);
  Status s = st->Run();
  if (!s.ok()) {
    fs::remove(out_path, ec);
    return s.WithContext("backing up to " + out_path);
  }
  ::chmod(out_path.c_str(), 0600);
  return Status::Ok();
}

Result<DatabaseCheck> CheckDatabaseFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    return Status::NotFound(fmt::format("{} is not a file", path));
  TRY_ASSIGN(auto conn, Connection::Open(path, OpenMode::kReadOnly));
  DatabaseCheck check;
  auto version = conn->QueryInt("PRAGMA user_version");
  if (!version.ok()) {
    return Status::Invalid(
        fmt::format("{} is not a SecureBase database (it cannot be read as SQLite)", path));
  }
  check.schema_version = *version;
  TRY_ASSIGN(auto* st, conn->Prepare("PRAGMA integrity_check"));
  TRY_ASSIGN(bool row, st->Step());
  check.integrity_message = row ? st->Text(0) : "no answer";
  st->Reset();
  check.integrity_ok = check.integrity_message == "ok";
  return check;
}

Result<std::string> RestoreFrom(const std::string& backup_path, const std::string& db_path,
                                int64_t latest_schema, Instant now) {
  TRY_ASSIGN(DatabaseCheck check, CheckDatabaseFile(backup_path));
  if (!check.integrity_ok) {
    return Status::Invalid(fmt::format("{} is damaged ({}); nothing was changed", backup_path,
                                       check.integrity_message));
  }
  if (check.schema_version <= 0) {
    return Status::Invalid(
        fmt::format("{} holds no SecureBase data; nothing was changed", backup_path));
  }
  if (check.schema_version > latest_schema) {
    return Status::Precondition(fmt::format(
        "{} was written by a newer SecureBase (schema {}; this program knows up to {}); nothing "
        "was changed",
        backup_path, check.schema_version, latest_schema));
  }
  std::error_code ec;
  std::string aside;
  if (fs::exists(db_path, ec)) {
    // Take the write lock so no running server is using the database, and fold the WAL in.
    TRY_ASSIGN(auto conn, Connection::Open(db_path, OpenMode::kReadWrite, /*busy_timeout_ms=*/200));
    Status locked = conn->Exec("BEGIN EXCLUSIVE");
    if (!locked.ok()) {
      return Status::Precondition(
          "the database is in use (is 'securebase serve' running?); stop it and try again");
    }
    TRY(conn->Exec("COMMIT"));
    TRY(conn->Exec("PRAGMA wal_checkpoint(TRUNCATE)"));
    conn.reset();
    aside = fmt::format("{}.replaced-{}", db_path, LocalDate(now));
    for (int n = 2; fs::exists(aside, ec); ++n)
      aside = fmt::format("{}.replaced-{}-{}", db_path, LocalDate(now), n);
    fs::rename(db_path, aside, ec);
    if (ec) return Status::Io(fmt::format("cannot move {} aside: {}", db_path, ec.message()));
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(db_path + suffix, ec);
  }
  std::string temp = db_path + ".restoring";
  fs::copy_file(backup_path, temp, fs::copy_options::overwrite_existing, ec);
  if (!ec) fs::rename(temp, db_path, ec);
  if (ec) {
    if (!aside.empty()) fs::rename(aside, db_path, ec);
    return Status::Io(
        fmt::format("cannot copy {} into place; the old database was put back", backup_path));
  }
  ::chmod(db_path.c_str(), 0600);
  return aside;
}

std::vector<std::string> ListBackups(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
       it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.starts_with("securebase-") && name.ends_with(".db"))
      out.push_back(it->path().string());
  }
  std::sort(out.rbegin(), out.rend());  // dates in the name sort by time
  return out;
}

Result<std::string> DailyBackup(const std::string& db_path, const std::string& dir, Instant now,
                                int keep) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  ::chmod(dir.c_str(), 0700);
  std::string today = fmt::format("{}/securebase-{}.db", dir, LocalDate(now));
  if (!fs::exists(today, ec)) TRY(BackupTo(db_path, today));
  auto all = ListBackups(dir);
  for (size_t i = static_cast<size_t>(std::max(keep, 1)); i < all.size(); ++i)
    fs::remove(all[i], ec);
  return today;
}

}  // namespace securebase::db
