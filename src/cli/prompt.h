#pragma once
// Line-based questions on the context's streams.
#include <string>

#include "cli/context.h"

namespace securebase::cli {

// Prints `question` and " [y/N] "; true only for an answer starting with y or Y.
// End of input counts as no.
bool Confirm(Context& ctx, const std::string& question);

}  // namespace securebase::cli
