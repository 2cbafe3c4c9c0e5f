#include "cli/plane_plot.h"

#include <algorithm>
#include <cmath>

namespace securebase::cli {
namespace {

int ToCell(double v, double min, double max, int cells) {
  double t = (v - min) / (max - min);
  return std::clamp(static_cast<int>(std::lround(t * (cells - 1))), 0, cells - 1);
}

void Put(std::vector<std::string>& grid, int row, int col, const std::string& text) {
  for (size_t i = 0;
       i < text.size() && col + static_cast<int>(i) < static_cast<int>(grid[0].size()); ++i) {
    grid[static_cast<size_t>(row)][static_cast<size_t>(col) + i] = text[i];
  }
}

}  // namespace

std::string DrawPlane(const PlaneSpec& spec, const std::vector<PlotPoint>& trail) {
  const int w = spec.width, h = spec.height;
  std::vector<std::string> grid(static_cast<size_t>(h), std::string(static_cast<size_t>(w), ' '));
  int cut_col = ToCell(spec.cut, spec.min, spec.max, w);
  // Row 0 is the top (high anxiety).
  int cut_row = h - 1 - ToCell(spec.cut, spec.min, spec.max, h);
  for (int r = 0; r < h; ++r) grid[static_cast<size_t>(r)][static_cast<size_t>(cut_col)] = '|';
  for (int c = 0; c < w; ++c) {
    grid[static_cast<size_t>(cut_row)][static_cast<size_t>(c)] = c == cut_col ? '+' : '-';
  }
  Put(grid, 0, 1, "Preoccupied");
  Put(grid, 0, cut_col + 2, "Fearful");
  Put(grid, h - 1, 1, "Secure");
  Put(grid, h - 1, cut_col + 2, "Dismissing");
  for (size_t i = 0; i < trail.size(); ++i) {
    int c = ToCell(trail[i].avoidance, spec.min, spec.max, w);
    int r = h - 1 - ToCell(trail[i].anxiety, spec.min, spec.max, h);
    char mark = i + 1 == trail.size() ? '@' : static_cast<char>('1' + std::min<size_t>(i, 8));
    grid[static_cast<size_t>(r)][static_cast<size_t>(c)] = mark;
  }
  std::string out = "  anxiety\n";
  for (int r = 0; r < h; ++r) {
    out += (r == 0 ? "  high " : r == h - 1 ? "  low  " : "       ");
    out += "|" + grid[static_cast<size_t>(r)] + "\n";
  }
  out += "       +" + std::string(static_cast<size_t>(w), '-') + "\n";
  out += "        low" + std::string(static_cast<size_t>(std::max(1, w - 17)), ' ') +
         "high  avoidance";
  return out;
}

}  // namespace securebase::cli
