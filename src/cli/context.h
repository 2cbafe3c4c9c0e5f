#pragma once
// What every CLI command gets: streams, the clock, the environment, and lazily opened
// database and content. Commands never open files or the database on their own.
#include <iostream>
#include <memory>
#include <string>

#include "app/services.h"
#include "platform/clock.h"
#include "platform/content.h"
#include "platform/db/database.h"
#include "platform/paths.h"
#include "platform/result.h"

namespace securebase::cli {

class Context {
 public:
  Context(const Environment& env, const Clock& clock, std::istream& in, std::ostream& out,
          std::ostream& err)
      : env_(env), clock_(clock), in_(in), out_(out), err_(err) {}

  const Environment& env() const { return env_; }
  const Clock& clock() const { return clock_; }
  std::istream& in() { return in_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }

  // --db PATH (empty: $SECUREBASE_DB or the default under the data folder).
  std::string& db_flag() { return db_flag_; }
  // The database, opened and migrated on first use (creating its folder with mode 0700).
  Result<db::Database*> Db();
  // Built-in content overlaid with <config>/content.
  const ContentLibrary& Content();
  // Stores and services on Db() and Content(), created on first use.
  Result<app::Services*> Services();
  // The local user's id (local mode has one user).
  int64_t user_id() const { return 1; }

  // Prints "securebase: <message>" to err, plus one line per field error.
  void PrintError(const Status& status);
  // True when stdin and stdout are a real terminal (interactive screens and raw keys);
  // false for pipes, files and tests, which get line-by-line prompts instead.
  bool terminal = false;
  // The exit status a command sets for main to return.
  int exit_code = 0;
  // Records a failed Status: prints it and sets exit_code to 1.
  void Fail(const Status& status) {
    PrintError(status);
    exit_code = 1;
  }

 private:
  const Environment& env_;
  const Clock& clock_;
  std::istream& in_;
  std::ostream& out_;
  std::ostream& err_;
  std::string db_flag_;
  std::unique_ptr<db::Database> db_;
  std::unique_ptr<ContentLibrary> content_;
  std::unique_ptr<app::Services> services_;
};

// Runs `body(app::Services&) -> Status` with the services, recording any failure on ctx
// (printed, exit status 1).
template <typename F>
void RunWithServices(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  Status s = body(**services);
  if (!s.ok()) ctx.Fail(s);
}

}  // namespace securebase::cli
