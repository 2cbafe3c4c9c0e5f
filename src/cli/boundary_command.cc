// Placeholder until the feature's commands land.
#include "cli/commands.h"

namespace securebase::cli {

void RegisterBoundaryCommands(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace securebase::cli
