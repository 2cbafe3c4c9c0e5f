#pragma once
// A text picture of the anxiety x avoidance plane: the four regions split at the cut
// point, and a trail of results (oldest to newest) drawn as numbers, the newest as '@'.
#include <string>
#include <vector>

namespace securebase::cli {

struct PlotPoint {
  double avoidance = 0;  // x
  double anxiety = 0;    // y
};

struct PlaneSpec {
  double min = 1, max = 7;  // both axes
  double cut = 4;
  int width = 43;   // plot columns (odd works best)
  int height = 17;  // plot rows
};

// Returns the picture as lines joined by '\n' (no trailing newline), using only ASCII so
// it reads the same in every terminal and screen reader.
std::string DrawPlane(const PlaneSpec& spec, const std::vector<PlotPoint>& trail);

}  // namespace securebase::cli
