#include "platform/db/sqlite.h"

#include <fmt/format.h>

namespace securebase::db {

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_extended_errcode(db);
  std::string msg = fmt::format("{}: {} (sqlite {})", what, sqlite3_errmsg(db), code);
  if ((code & 0xff) == SQLITE_CONSTRAINT) return Status::Conflict(msg);
  if ((code & 0xff) == SQLITE_FULL) {
    return Status::DiskFull(
        fmt::format("{}: the disk is full, so this was not saved. Free some space and try again; "
                    "everything saved before is safe",
                    what));
  }
  return Status::Io(msg);
}

Statement& Statement::Bind(int i, int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
Statement& Statement::Bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::Bind(int i, std::nullopt_t) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  Status s = SqliteError(db_, sqlite3_sql(stmt_) ? std::string_view("query") : "statement");
  sqlite3_reset(stmt_);
  return s;
}

Status Statement::Run() {
  for (;;) {
    TRY_ASSIGN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

std::string Statement::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(n)) : std::string();
}
std::optional<int64_t> Statement::OptionalInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}
std::optional<double> Statement::OptionalDouble(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Double(col);
}
std::optional<std::string> Statement::OptionalText(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Text(col);
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, OpenMode mode,
                                                     int busy_timeout_ms) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX |
              (mode == OpenMode::kReadOnly ? SQLITE_OPEN_READONLY
                                           : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Status::Io(fmt::format("cannot open database {}: {}", path,
                                      db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<Connection> c(new Connection(db));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  TRY(c->Exec("PRAGMA foreign_keys=ON"));
  return c;
}

Connection::~Connection() {
  cache_.clear();
  sqlite3_close(db_);
}

Status Connection::Exec(std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = SqliteError(db_, "sql");
    sqlite3_free(err);
    return st;
  }
  return Status::Ok();
}

Result<Statement*> Connection::Prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->Reset();
    return it->second.get();
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return SqliteError(db_, fmt::format("preparing [{}]", sql));
  }
  auto [pos, _] = cache_.emplace(sql, std::make_unique<Statement>(db_, stmt));
  return pos->second.get();
}

Result<int64_t> Connection::QueryInt(const std::string& sql) {
  TRY_ASSIGN(Statement * st, Prepare(sql));
  TRY_ASSIGN(bool row, st->Step());
  if (!row) return Status::NotFound("no row for " + sql);
  int64_t v = st->Int(0);
  st->Reset();
  return v;
}

}  // namespace securebase::db
