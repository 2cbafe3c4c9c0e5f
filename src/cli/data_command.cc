// Placeholder: filled in by the feature that owns these commands.
#include "cli/commands.h"

namespace securebase::cli {

void RegisterDataCommands(CLI::App&, Context&) {}

}  // namespace securebase::cli
