#pragma once
// Numbered schema migrations, embedded in the binary as "schema/sqlite/0001_name.sql".
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "platform/db/sqlite.h"
#include "platform/embedded_file.h"
#include "platform/result.h"

namespace securebase::db {

struct Migration {
  int version = 0;  // 1, 2, 3, ... with no gaps
  std::string name;
  std::string_view sql;
};

// The migrations whose path starts with `prefix` ("schema/sqlite/"), sorted by version.
// Fails when a file name does not start with a number or versions are not 1..N.
Result<std::vector<Migration>> MigrationsFrom(std::span<const EmbeddedFile> files,
                                              std::string_view prefix);

// Brings the database on `conn` up to the last migration, tracked in PRAGMA user_version.
// REQUIRES: `conn` is the only writer. A database newer than `migrations` is refused.
// When the database already holds a schema and is older, `backup_path` (if not empty)
// receives a VACUUM INTO copy first.
Status Migrate(Connection& conn, const std::vector<Migration>& migrations,
               const std::string& backup_path);

}  // namespace securebase::db
