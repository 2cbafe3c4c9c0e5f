#pragma once
// What to show beside a saved reflection whose words suggest danger to self: a kind line
// and crisis lines to call or text. Step 8 (safety) ships the fuller, region-configurable
// resources at /api/v1/crisis-resources; these are the same facts (facts.md, checked
// 2026-11) so the help appears at once even before that.
#include <string>
#include <vector>

namespace securebase::reflect {

struct CrisisLine {
  std::string region, name, how;
};

struct CrisisNote {
  std::string message;
  std::vector<CrisisLine> lines;
  std::string emergency;  // one line naming emergency numbers
};

const CrisisNote& DefaultCrisisNote();

}  // namespace securebase::reflect
