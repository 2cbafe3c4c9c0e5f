#include "cli/prompt.h"

namespace securebase::cli {

bool Confirm(Context& ctx, const std::string& question) {
  ctx.out() << question << " [y/N] " << std::flush;
  std::string line;
  if (!std::getline(ctx.in(), line)) return false;
  return !line.empty() && (line[0] == 'y' || line[0] == 'Y');
}

}  // namespace securebase::cli
