// Placeholder: filled in by the feature that owns these commands.
#include "cli/commands.h"

namespace securebase::cli {

void RegisterSupportCommands(CLI::App&, Context&) {}

}  // namespace securebase::cli
