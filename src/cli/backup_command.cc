// securebase backup | restore | doctor: keeping the data safe.
#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

#include <filesystem>

#include "cli/commands.h"
#include "cli/prompt.h"
#include "platform/db/backup.h"
#include "platform/db/migration.h"

namespace securebase::cli {
namespace fs = std::filesystem;
namespace {

struct BackupArgs {
  std::string out, file;
  bool yes = false;
};

std::string BackupDir(const std::string& db_path) {
  return (fs::path(db_path).parent_path() / "backups").string();
}

int64_t LatestSchema() {
  auto migrations = db::MigrationsFrom(embedded::MigrationFiles(), "schema/sqlite/");
  return migrations.ok() ? static_cast<int64_t>(migrations->size()) : 0;
}

Status Backup(Context& ctx, const BackupArgs& args) {
  std::string db_path = DatabasePath(ctx.env(), ctx.db_flag());
  std::string out = args.out;
  if (out.empty()) {
    std::string dir = BackupDir(db_path);
    TRY(EnsurePrivateDir(dir));
    Instant now = ctx.clock().Now();
    out = fmt::format("{}/securebase-{}.db", dir, LocalDate(now));
    if (fs::exists(out))
      out = fmt::format("{}/securebase-{}-{}.db", dir, LocalDate(now), now.utc_ms);
  }
  TRY(db::BackupTo(db_path, out));
  ctx.out() << fmt::format("Backed up to {}\nRestore it with: securebase restore {}\n", out, out);
  return Status::Ok();
}

Status Restore(Context& ctx, const BackupArgs& args) {
  std::string db_path = DatabasePath(ctx.env(), ctx.db_flag());
  TRY_ASSIGN(auto check, db::CheckDatabaseFile(args.file));
  if (!check.integrity_ok) {
    return Status::Invalid(
        fmt::format("{} is damaged ({}); nothing was changed", args.file, check.integrity_message));
  }
  std::string question =
      fmt::format("Replace the database at {} with {}? The current one is kept aside, not deleted.",
                  db_path, args.file);
  if (!args.yes && !Confirm(ctx, question)) {
    ctx.out() << "Nothing changed.\n";
    return Status::Ok();
  }
  TRY_ASSIGN(std::string aside,
             db::RestoreFrom(args.file, db_path, LatestSchema(), ctx.clock().Now()));
  ctx.out() << "Restored.\n";
  if (!aside.empty()) ctx.out() << "The database it replaced is kept at " << aside << "\n";
  return Status::Ok();
}

// One line per check: "ok", or what is wrong and what to do.
void Report(Context& ctx, bool ok, const std::string& what, const std::string& advice = "") {
  ctx.out() << (ok ? "  ok       " : "  PROBLEM  ") << what << "\n";
  if (!ok && !advice.empty()) ctx.out() << "           " << advice << "\n";
  if (!ok) ctx.exit_code = 1;
}

void Doctor(Context& ctx) {
  std::string db_path = DatabasePath(ctx.env(), ctx.db_flag());
  std::string dir = fs::path(db_path).parent_path().string();
  ctx.out() << "Checking " << db_path << "\n";
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0) {
    bool private_dir = (st.st_mode & 077) == 0;
    Report(ctx, private_dir, fmt::format("data folder permissions {:o}", st.st_mode & 0777),
           fmt::format("others can look inside; run: chmod 700 '{}'", dir));
  } else {
    Report(ctx, false, "data folder " + dir + " does not exist",
           "it is created the first time you use SecureBase");
  }
  if (::stat(db_path.c_str(), &st) == 0) {
    Report(ctx, (st.st_mode & 077) == 0,
           fmt::format("database file permissions {:o}", st.st_mode & 0777),
           fmt::format("run: chmod 600 '{}'", db_path));
    auto check = db::CheckDatabaseFile(db_path);
    if (!check.ok()) {
      Report(ctx, false, "the database cannot be read: " + check.status().message(),
             "restore your latest backup with 'securebase restore FILE'");
    } else {
      Report(ctx, check->integrity_ok, "integrity check: " + check->integrity_message,
             "restore your latest backup with 'securebase restore FILE'");
      int64_t latest = LatestSchema();
      Report(ctx, check->schema_version <= latest,
             fmt::format("schema version {} (this program knows up to {})", check->schema_version,
                         latest),
             "install the newer SecureBase that wrote this database");
    }
  } else {
    Report(ctx, true, "no database yet (it is created the first time you use SecureBase)");
  }
  struct statvfs vfs {};
  if (::statvfs(dir.empty() ? "." : dir.c_str(), &vfs) == 0) {
    double free_mb = static_cast<double>(vfs.f_bavail) * static_cast<double>(vfs.f_frsize) / 1e6;
    Report(ctx, free_mb > 200, fmt::format("free disk space {:.0f} MB", free_mb),
           "free some space: with a full disk new entries cannot be saved");
  }
  auto backups = db::ListBackups(BackupDir(db_path));
  if (backups.empty()) {
    Report(ctx, false, "no backups yet",
           "make one with 'securebase backup' (the server also makes one a day)");
  } else {
    std::error_code ec;
    auto age = fs::file_time_type::clock::now() - fs::last_write_time(backups.front(), ec);
    double days = std::chrono::duration<double>(age).count() / 86400;
    Report(ctx, days < 8, fmt::format("last backup {} ({:.0f} days old)", backups.front(), days),
           "make a fresh one with 'securebase backup'");
  }
  ctx.out() << (ctx.exit_code == 0 ? "All good.\n" : "Some things need attention (see above).\n");
}

}  // namespace

void RegisterBackupCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<BackupArgs>();
  CLI::App* backup = app.add_subcommand(
      "backup", "Make a consistent copy of your data (safe while the server runs)");
  backup->add_option("--out", args->out,
                     "Where to write it (default: the backups folder beside the database)");
  backup->callback([&ctx, args] {
    Status s = Backup(ctx, *args);
    if (!s.ok()) ctx.Fail(s);
  });

  CLI::App* restore =
      app.add_subcommand("restore", "Put a backup back (the current data is kept aside)");
  restore->add_option("file", args->file, "The backup file")->required();
  restore->add_flag("-y,--yes", args->yes, "Do not ask for confirmation");
  restore->callback([&ctx, args] {
    Status s = Restore(ctx, *args);
    if (!s.ok()) ctx.Fail(s);
  });

  app.add_subcommand("doctor", "Check the database, permissions, disk space and backups")
      ->callback([&ctx] { Doctor(ctx); });
}

}  // namespace securebase::cli
