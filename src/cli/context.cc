#include "cli/context.h"

#include <filesystem>

#include "platform/embedded_file.h"

namespace securebase::cli {

Result<db::Database*> Context::Db() {
  if (db_) return db_.get();
  std::string path = DatabasePath(env_, db_flag_);
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) TRY(EnsurePrivateDir(parent.string()));
  TRY_ASSIGN(auto migrations, db::MigrationsFrom(embedded::MigrationFiles(), "schema/sqlite/"));
  db::DatabaseOptions options;
  options.path = path;
  options.readers = 2;
  auto opened = db::Database::Open(options, migrations);
  if (!opened.ok()) return opened.status().WithContext("opening " + path);
  db_ = std::move(opened).value();
  return db_.get();
}

const ContentLibrary& Context::Content() {
  if (!content_) {
    content_ = std::make_unique<ContentLibrary>(embedded::ContentFiles(),
                                                ConfigDir(env_) + "/content");
  }
  return *content_;
}

void Context::PrintError(const Status& status) {
  err_ << "securebase: " << status.message() << "\n";
  for (const auto& f : status.fields()) {
    if (status.message().find(f.message) == std::string::npos) {
      err_ << "  " << f.field << ": " << f.message << "\n";
    }
  }
}

}  // namespace securebase::cli
