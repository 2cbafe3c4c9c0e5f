#include "platform/db/migration.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

namespace securebase::db {

Result<std::vector<Migration>> MigrationsFrom(std::span<const EmbeddedFile> files,
                                              std::string_view prefix) {
  std::vector<Migration> out;
  for (const auto& f : files) {
    if (!f.path.starts_with(prefix) || !f.path.ends_with(".sql")) continue;
    std::string_view name = f.path.substr(prefix.size());
    int version = 0;
    auto [p, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
    if (ec != std::errc() || version <= 0) {
      return Status::Internal(fmt::format("migration {} does not start with a number", f.path));
    }
    out.push_back({version, std::string(name), f.data});
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.version < b.version; });
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].version != static_cast<int>(i) + 1) {
      return Status::Internal(fmt::format("migrations must be numbered 1..N; found {} at place {}",
                                          out[i].name, i + 1));
    }
  }
  return out;
}

Status Migrate(Connection& conn, const std::vector<Migration>& migrations,
               const std::string& backup_path) {
  TRY_ASSIGN(int64_t current, conn.QueryInt("PRAGMA user_version"));
  const int64_t latest = static_cast<int64_t>(migrations.size());
  if (current > latest) {
    return Status::Precondition(fmt::format(
        "this database was written by a newer SecureBase (schema version {}; this program "
        "knows up to {}). Nothing was changed. Install the newer SecureBase to open it.",
        current, latest));
  }
  if (current == latest) return Status::Ok();
  if (current > 0 && !backup_path.empty()) {
    std::error_code ec;
    std::filesystem::remove(backup_path, ec);
    auto st = conn.Prepare("VACUUM INTO ?");
    if (!st.ok()) return st.status();
    (*st)->Bind(1, backup_path);
    TRY((*st)->Run().WithContext("backing up before migration to " + backup_path));
  }
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    TRY(conn.Exec("BEGIN IMMEDIATE"));
    Status s = conn.Exec(m.sql);
    if (s.ok()) s = conn.Exec(fmt::format("PRAGMA user_version={}", m.version));
    if (s.ok()) s = conn.Exec("COMMIT");
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return s.WithContext("migration " + m.name);
    }
  }
  return Status::Ok();
}

}  // namespace securebase::db
