#pragma once
// One Register function per feature's commands; each lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace securebase::cli {

void RegisterPeopleCommands(CLI::App& app, Context& ctx);  // people_command.cc

// Calls every Register function above.
inline void RegisterCommands(CLI::App& app, Context& ctx) {
  RegisterPeopleCommands(app, ctx);
}

}  // namespace securebase::cli
