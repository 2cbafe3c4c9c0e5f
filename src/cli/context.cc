#include "cli/context.h"

#include "platform/embedded_file.h"

namespace securebase::cli {

Result<db::Database*> Context::Db() {
  if (!db_) {
    TRY_ASSIGN(db_, app::OpenDatabase(DatabasePath(env_, db_flag_)));
  }
  return db_.get();
}

Result<app::Services*> Context::Services() {
  if (!services_) {
    TRY_ASSIGN(db::Database * db, Db());
    TRY_ASSIGN(services_, app::Services::Create(*db, Content(), clock_));
  }
  return services_.get();
}

const ContentLibrary& Context::Content() {
  if (!content_) {
    content_ =
        std::make_unique<ContentLibrary>(embedded::ContentFiles(), ConfigDir(env_) + "/content");
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
