#pragma once
// Charts of a brief, drawn with cairo: the anxiety x avoidance plane with its dated trail,
// and a line chart of both dimensions over time. The same drawing goes into the PDF and,
// on its own, into PNG or SVG files.
#include <cairo.h>

#include <optional>
#include <string>
#include <string_view>

#include "platform/result.h"
#include "report/brief.h"

namespace securebase::report {

enum class Chart { kPlane, kScores };
enum class ChartFormat { kPng, kSvg };

std::string_view ChartId(Chart c);  // "plane", "scores"
std::optional<Chart> ParseChart(std::string_view id);
std::string ChartChoices();                                        // "plane, scores"
std::optional<ChartFormat> ParseChartFormat(std::string_view id);  // "png", "svg"
std::string_view ChartMediaType(ChartFormat f);                    // "image/png", ...

struct Box {
  double x = 0, y = 0, w = 0, h = 0;
};

// Draws into `box` on `cr` (user units: points in a PDF, pixels in a PNG). Saves and
// restores the cairo state. An empty series draws a frame with a short note.
void DrawPlane(cairo_t* cr, const ScoreSeries& s, Box box);
void DrawScoresOverTime(cairo_t* cr, const ScoreSeries& s, Box box);

// One chart as a whole file: PNG (at 2x for sharp screens) or SVG; the bytes.
Result<std::string> RenderChart(Chart chart, ChartFormat format, const ScoreSeries& s);

// The size each chart is drawn at on its own, in points.
Box ChartSize(Chart chart);

}  // namespace securebase::report
