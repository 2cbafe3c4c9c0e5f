// Placeholder until the feature's commands land.
#include "cli/commands.h"

namespace securebase::cli {

void RegisterConnectCommands(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace securebase::cli
