#include "cli/app.h"

#include <CLI/CLI.hpp>

#include "cli/commands.h"
#include "cli/context.h"
#include "platform/terminal.h"

namespace securebase::cli {

int Run(int argc, const char* const* argv, const Environment& env, const Clock& clock,
        std::istream& in, std::ostream& out, std::ostream& err, bool terminal) {
  Context ctx(env, clock, in, out, err);
  ctx.terminal = terminal;
  CLI::App app{
      "SecureBase: a private companion for building a secure attachment style.\n"
      "Your data stays on this machine. SecureBase is not a diagnosis or a treatment.",
      "securebase"};
  app.set_version_flag("--version", "securebase 0.1.0");
  app.option_defaults()->always_capture_default();
  app.add_option("--db", ctx.db_flag(),
                 "Database file (default: $SECUREBASE_DB, or "
                 "$XDG_DATA_HOME/securebase/securebase.db)");
  app.require_subcommand(1);
  app.fallthrough();  // "securebase serve --db PATH" works as well as "securebase --db PATH serve"
  RegisterCommands(app, ctx);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e, out, err) == 0 ? 0 : 2;
  }
  return ctx.exit_code;
}

int Main(int argc, char** argv) {
  ProcessEnvironment env;
  SystemClock clock;
  bool terminal = IsTerminal(0) && IsTerminal(1);
  return Run(argc, argv, env, clock, std::cin, std::cout, std::cerr, terminal);
}

}  // namespace securebase::cli
