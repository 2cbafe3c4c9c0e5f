#pragma once
#include <iostream>

#include "platform/clock.h"
#include "platform/paths.h"

namespace securebase::cli {

// Parses the command line and runs the command. Returns the process exit status:
// 0 success, 1 a command failed, 2 the command line was wrong.
// `terminal`: stdin and stdout are a real terminal (see Context::terminal).
int Run(int argc, const char* const* argv, const Environment& env, const Clock& clock,
        std::istream& in, std::ostream& out, std::ostream& err, bool terminal = false);

// Run() with the real process environment, clock and standard streams.
int Main(int argc, char** argv);

}  // namespace securebase::cli
