// Placeholder until the feature's commands land.
#include "cli/commands.h"

namespace securebase::cli {

void RegisterCommunicateCommands(CLI::App& /*app*/, Context& /*ctx*/) {}

}  // namespace securebase::cli
