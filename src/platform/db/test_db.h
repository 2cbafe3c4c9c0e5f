#pragma once
// A migrated database in a fresh temporary folder, removed afterwards (for store tests).
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <string>

#include "platform/db/database.h"
#include "platform/embedded_file.h"

namespace securebase::db::testing {

class TestDb {
 public:
  TestDb() {
    static std::atomic<int> n{0};
    dir_ = (std::filesystem::temp_directory_path() /
            ("sb_test_db_" + std::to_string(::getpid()) + "_" + std::to_string(n++)))
               .string();
    std::filesystem::create_directories(dir_);
    auto migrations = db::MigrationsFrom(embedded::MigrationFiles(), "schema/sqlite/");
    db::DatabaseOptions options;
    options.path = dir_ + "/db.sqlite";
    options.durability = db::Durability::kNormal;
    auto opened = db::Database::Open(options, *migrations);
    if (opened.ok()) db_ = std::move(*opened);
    status_ = opened.status();
  }
  ~TestDb() {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  db::Database* get() { return db_.get(); }
  const Status& status() const { return status_; }

 private:
  std::string dir_;
  std::unique_ptr<db::Database> db_;
  Status status_;
};

}  // namespace securebase::db::testing
