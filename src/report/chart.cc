#include "report/chart.h"

#include <cairo-svg.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "report/text_layout.h"
#include "trust/civil.h"

namespace securebase::report {
namespace {

constexpr const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Rgb {
  double r, g, b;
};
Rgb Hex(unsigned v) {
  return {((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0};
}
void Color(cairo_t* cr, unsigned hex, double alpha = 1) {
  Rgb c = Hex(hex);
  cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

// The web app's light palette, so the printout looks like the app.
constexpr unsigned kInk = 0x2b2622, kMuted = 0x6b625a, kGrid = 0xd8d2ca, kAccent = 0x2f6b62;
constexpr unsigned kSecure = 0xd9eadf, kPreoccupied = 0xf5e3c9, kDismissing = 0xdbe5ef,
                   kFearful = 0xf1dada, kRegionLabel = 0x4a4038;
constexpr unsigned kAnxiety = 0xa4522c, kAvoidance = 0x2f5f8f;

std::string ShortDate(Instant t) {
  auto d = trust::FromDayNumber(trust::LocalDay(t.utc_ms, t.offset_minutes));
  return fmt::format("{} {}", d.day, kShortMonths[d.month - 1]);
}

std::string ShortDateYear(Instant t) {
  auto d = trust::FromDayNumber(trust::LocalDay(t.utc_ms, t.offset_minutes));
  return fmt::format("{} {} {}", d.day, kShortMonths[d.month - 1], d.year);
}

void EmptyNote(cairo_t* cr, Box b, std::string_view text) {
  Color(cr, kMuted);
  UseFont(cr, 9, Weight::kNormal, Slant::kItalic);
  DrawText(cr, b.x + b.w / 2, b.y + b.h / 2, text, Align::kMiddle);
}

void Arrowhead(cairo_t* cr, double x1, double y1, double x2, double y2, double size) {
  double a = std::atan2(y2 - y1, x2 - x1);
  cairo_move_to(cr, x2, y2);
  cairo_line_to(cr, x2 - size * std::cos(a - 0.45), y2 - size * std::sin(a - 0.45));
  cairo_line_to(cr, x2 - size * std::cos(a + 0.45), y2 - size * std::sin(a + 0.45));
  cairo_close_path(cr);
  cairo_fill(cr);
}

}  // namespace

std::string_view ChartId(Chart c) { return c == Chart::kPlane ? "plane" : "scores"; }

std::optional<Chart> ParseChart(std::string_view id) {
  if (id == "plane") return Chart::kPlane;
  if (id == "scores") return Chart::kScores;
  return std::nullopt;
}

std::string ChartChoices() { return "plane, scores"; }

std::optional<ChartFormat> ParseChartFormat(std::string_view id) {
  if (id == "png") return ChartFormat::kPng;
  if (id == "svg") return ChartFormat::kSvg;
  return std::nullopt;
}

std::string_view ChartMediaType(ChartFormat f) {
  return f == ChartFormat::kPng ? "image/png" : "image/svg+xml";
}

Box ChartSize(Chart chart) {
  return chart == Chart::kPlane ? Box{0, 0, 340, 340} : Box{0, 0, 480, 300};
}

void DrawPlane(cairo_t* cr, const ScoreSeries& s, Box box) {
  cairo_save(cr);
  // Square plot area, leaving room for ticks and axis titles on the left and bottom.
  const double left = 34, bottom = 30, top = 6, right = 6;
  double side = std::min(box.w - left - right, box.h - top - bottom);
  double px = box.x + left, py = box.y + top;
  auto X = [&](double v) {
    return px + (std::clamp(v, s.min, s.max) - s.min) / (s.max - s.min) * side;
  };
  auto Y = [&](double v) {
    return py + (s.max - std::clamp(v, s.min, s.max)) / (s.max - s.min) * side;
  };
  double cx = X(s.cut), cy = Y(s.cut);

  // Regions: preoccupied top-left, fearful top-right, secure bottom-left, dismissing bottom-right.
  Color(cr, kPreoccupied);
  cairo_rectangle(cr, px, py, cx - px, cy - py);
  cairo_fill(cr);
  Color(cr, kFearful);
  cairo_rectangle(cr, cx, py, px + side - cx, cy - py);
  cairo_fill(cr);
  Color(cr, kSecure);
  cairo_rectangle(cr, px, cy, cx - px, py + side - cy);
  cairo_fill(cr);
  Color(cr, kDismissing);
  cairo_rectangle(cr, cx, cy, px + side - cx, py + side - cy);
  cairo_fill(cr);

  // Grid and ticks.
  cairo_set_line_width(cr, 0.4);
  UseFont(cr, 7.5);
  for (int v = static_cast<int>(std::ceil(s.min)); v <= s.max; ++v) {
    Color(cr, 0xffffff, 0.8);
    cairo_move_to(cr, X(v), py);
    cairo_line_to(cr, X(v), py + side);
    cairo_move_to(cr, px, Y(v));
    cairo_line_to(cr, px + side, Y(v));
    cairo_stroke(cr);
    Color(cr, kMuted);
    DrawText(cr, X(v), py + side + 10, std::to_string(v), Align::kMiddle);
    DrawText(cr, px - 5, Y(v) + 2.7, std::to_string(v), Align::kEnd);
  }
  Color(cr, kGrid);
  cairo_set_line_width(cr, 0.8);
  cairo_rectangle(cr, px, py, side, side);
  cairo_stroke(cr);
  // The cut lines.
  Color(cr, kMuted);
  cairo_set_line_width(cr, 0.9);
  double dash[] = {3, 2};
  cairo_set_dash(cr, dash, 2, 0);
  cairo_move_to(cr, cx, py);
  cairo_line_to(cr, cx, py + side);
  cairo_move_to(cr, px, cy);
  cairo_line_to(cr, px + side, cy);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);

  // Region names.
  Color(cr, kRegionLabel);
  UseFont(cr, 7.5, Weight::kBold);
  DrawText(cr, px + 5, py + 11, "Anxious-preoccupied");
  DrawText(cr, px + side - 5, py + 11, "Fearful-avoidant", Align::kEnd);
  DrawText(cr, px + 5, py + side - 5, "Secure");
  DrawText(cr, px + side - 5, py + side - 5, "Dismissive-avoidant", Align::kEnd);

  // Axis titles.
  Color(cr, kInk);
  UseFont(cr, 8.5, Weight::kBold);
  DrawText(cr, px + side / 2, py + side + 24, "Avoidance \u2192", Align::kMiddle);
  cairo_save(cr);
  cairo_translate(cr, box.x + 10, py + side / 2);
  cairo_rotate(cr, -M_PI / 2);
  DrawText(cr, 0, 0, "Anxiety \u2192", Align::kMiddle);
  cairo_restore(cr);

  const auto& pts = s.points;
  if (pts.empty()) {
    EmptyNote(cr, {px, py, side, side}, "No results in this period");
    cairo_restore(cr);
    return;
  }
  // The trail, oldest to newest, with arrowheads short of each dot.
  Color(cr, kAccent, 0.75);
  cairo_set_line_width(cr, 1.3);
  for (size_t i = 1; i < pts.size(); ++i) {
    double x1 = X(pts[i - 1].avoidance), y1 = Y(pts[i - 1].anxiety);
    double x2 = X(pts[i].avoidance), y2 = Y(pts[i].anxiety);
    double len = std::hypot(x2 - x1, y2 - y1);
    if (len < 2) continue;
    double ux = (x2 - x1) / len, uy = (y2 - y1) / len;
    double end = (i + 1 == pts.size()) ? 7.5 : 4.5;
    double ex = x2 - ux * end, ey = y2 - uy * end;
    cairo_move_to(cr, x1 + ux * 3.5, y1 + uy * 3.5);
    cairo_line_to(cr, ex, ey);
    cairo_stroke(cr);
    if (len > 14) Arrowhead(cr, x1, y1, ex, ey, 5);
  }
  for (size_t i = 0; i < pts.size(); ++i) {
    bool latest = i + 1 == pts.size();
    double x = X(pts[i].avoidance), y = Y(pts[i].anxiety);
    cairo_arc(cr, x, y, latest ? 6 : 3.2, 0, 2 * M_PI);
    Color(cr, latest ? kAccent : 0xffffff);
    cairo_fill_preserve(cr);
    Color(cr, kAccent);
    cairo_set_line_width(cr, 1.2);
    cairo_stroke(cr);
  }
  // Date labels for the first and the latest, placed away from the centre.
  auto label = [&](const ScorePoint& p, std::string text, Weight w) {
    double x = X(p.avoidance), y = Y(p.anxiety);
    UseFont(cr, 7.5, w);
    double tw = TextWidth(cr, text);
    double lx = x + 9, ly = y + 3;
    if (lx + tw > px + side - 2) lx = x - 9 - tw;
    if (ly > py + side - 14) ly = y - 8;
    Color(cr, 0xffffff, 0.85);
    cairo_rectangle(cr, lx - 1.5, ly - 7.5, tw + 3, 10);
    cairo_fill(cr);
    Color(cr, kInk);
    DrawText(cr, lx, ly, text);
  };
  if (pts.size() > 1) label(pts.front(), ShortDateYear(pts.front().completed), Weight::kNormal);
  label(pts.back(), "Latest, " + ShortDateYear(pts.back().completed), Weight::kBold);
  cairo_restore(cr);
}

void DrawScoresOverTime(cairo_t* cr, const ScoreSeries& s, Box box) {
  cairo_save(cr);
  const double left = 30, right = 26, top = 22, bottom = 22;
  double px = box.x + left, py = box.y + top, pw = box.w - left - right, ph = box.h - top - bottom;
  const auto& pts = s.points;
  double t0 = 0, t1 = 1;
  if (!pts.empty()) {
    t0 = double(pts.front().completed.utc_ms);
    t1 = double(pts.back().completed.utc_ms);
    if (t1 - t0 < 86'400'000.0 * 2) {  // one point, or all on one day: centre them
      t0 -= 86'400'000.0 * 7;
      t1 += 86'400'000.0 * 7;
    }
  }
  const double pad = 8;
  auto X = [&](double t) { return px + pad + (t - t0) / (t1 - t0) * (pw - 2 * pad); };
  auto Y = [&](double v) {
    return py + (s.max - std::clamp(v, s.min, s.max)) / (s.max - s.min) * ph;
  };

  // Legend.
  UseFont(cr, 8);
  double lx = px;
  for (int d = 0; d < 2; ++d) {
    Color(cr, d == 0 ? kAnxiety : kAvoidance);
    cairo_set_line_width(cr, 1.6);
    double dash[] = {4, 2.5};
    cairo_set_dash(cr, dash, d == 0 ? 0 : 2, 0);
    cairo_move_to(cr, lx, box.y + 9);
    cairo_line_to(cr, lx + 16, box.y + 9);
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    Color(cr, kInk);
    const char* name = d == 0 ? "Anxiety" : "Avoidance";
    DrawText(cr, lx + 20, box.y + 12, name);
    lx += 20 + TextWidth(cr, name) + 16;
  }
  Color(cr, kMuted);
  cairo_set_line_width(cr, 0.9);
  double key_dash[] = {3, 2};
  cairo_set_dash(cr, key_dash, 2, 0);
  cairo_move_to(cr, lx, box.y + 9);
  cairo_line_to(cr, lx + 16, box.y + 9);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  DrawText(cr, lx + 20, box.y + 12, fmt::format("cut point {:g}", s.cut));

  // Grid and y ticks.
  UseFont(cr, 7.5);
  cairo_set_line_width(cr, 0.4);
  for (int v = static_cast<int>(std::ceil(s.min)); v <= s.max; ++v) {
    Color(cr, kGrid);
    cairo_move_to(cr, px, Y(v));
    cairo_line_to(cr, px + pw, Y(v));
    cairo_stroke(cr);
    Color(cr, kMuted);
    DrawText(cr, px - 5, Y(v) + 2.7, std::to_string(v), Align::kEnd);
  }
  Color(cr, kMuted);
  cairo_set_line_width(cr, 0.9);
  double cut_dash[] = {3, 2};
  cairo_set_dash(cr, cut_dash, 2, 0);
  cairo_move_to(cr, px, Y(s.cut));
  cairo_line_to(cr, px + pw, Y(s.cut));
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0);
  Color(cr, kGrid);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, px, py + ph);
  cairo_line_to(cr, px + pw, py + ph);
  cairo_stroke(cr);

  if (pts.empty()) {
    EmptyNote(cr, {px, py, pw, ph}, "No results in this period");
    cairo_restore(cr);
    return;
  }
  // X ticks: up to five dates, evenly spaced in time, without overlapping.
  UseFont(cr, 7.5);
  Color(cr, kMuted);
  int ticks = pts.size() == 1 ? 1 : 5;
  double last_right = -1e9;
  for (int i = 0; i < ticks; ++i) {
    double t = ticks == 1
                   ? double(pts.front().completed.utc_ms)
                   : double(pts.front().completed.utc_ms) +
                         (double(pts.back().completed.utc_ms) - pts.front().completed.utc_ms) * i /
                             (ticks - 1);
    Instant at{static_cast<int64_t>(t), pts.front().completed.offset_minutes};
    std::string text = (i == 0 || i == ticks - 1) ? ShortDateYear(at) : ShortDate(at);
    double w = TextWidth(cr, text);
    double x = X(t);
    if (x - w / 2 < last_right + 6) continue;
    DrawText(cr, x, py + ph + 12, text, Align::kMiddle);
    last_right = x + w / 2;
  }
  // The two lines: anxiety solid with circles, avoidance dashed with squares (readable in grey).
  for (int d = 0; d < 2; ++d) {
    auto value = [&](const ScorePoint& p) { return d == 0 ? p.anxiety : p.avoidance; };
    Color(cr, d == 0 ? kAnxiety : kAvoidance);
    cairo_set_line_width(cr, 1.6);
    double dash[] = {4, 2.5};
    cairo_set_dash(cr, dash, d == 0 ? 0 : 2, 0);
    for (size_t i = 0; i < pts.size(); ++i) {
      double x = X(double(pts[i].completed.utc_ms)), y = Y(value(pts[i]));
      if (i == 0)
        cairo_move_to(cr, x, y);
      else
        cairo_line_to(cr, x, y);
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
    for (const auto& p : pts) {
      double x = X(double(p.completed.utc_ms)), y = Y(value(p));
      if (d == 0)
        cairo_arc(cr, x, y, 3, 0, 2 * M_PI);
      else
        cairo_rectangle(cr, x - 2.7, y - 2.7, 5.4, 5.4);
      cairo_fill(cr);
    }
  }
  // The latest values, written beside the last points.
  const auto& last = pts.back();
  UseFont(cr, 7.5, Weight::kBold);
  double xl = X(double(last.completed.utc_ms));
  double ya = Y(last.anxiety), yv = Y(last.avoidance);
  if (std::fabs(ya - yv) < 10) {
    double mid = (ya + yv) / 2;
    ya = mid + (last.anxiety >= last.avoidance ? -5 : 5);
    yv = mid + (last.anxiety >= last.avoidance ? 5 : -5);
  }
  Align side = Align::kStart;
  double dx = 6;
  Color(cr, kAnxiety);
  DrawText(cr, xl + dx, ya + 3, fmt::format("{:.1f}", last.anxiety), side);
  Color(cr, kAvoidance);
  DrawText(cr, xl + dx, yv + 3, fmt::format("{:.1f}", last.avoidance), side);
  cairo_restore(cr);
}

namespace {

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void Draw(Chart chart, cairo_t* cr, const ScoreSeries& s, Box b) {
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  Box inner{b.x + 8, b.y + 8, b.w - 16, b.h - 16};
  if (chart == Chart::kPlane)
    DrawPlane(cr, s, inner);
  else
    DrawScoresOverTime(cr, s, inner);
}

}  // namespace

Result<std::string> RenderChart(Chart chart, ChartFormat format, const ScoreSeries& s) {
  Box size = ChartSize(chart);
  std::string out;
  cairo_surface_t* surface = nullptr;
  const double scale = 2;  // PNGs at twice the size, so they stay sharp on dense screens
  if (format == ChartFormat::kSvg) {
    surface = cairo_svg_surface_create_for_stream(AppendBytes, &out, size.w, size.h);
  } else {
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(size.w * scale),
                                         static_cast<int>(size.h * scale));
  }
  cairo_t* cr = cairo_create(surface);
  if (format == ChartFormat::kPng) cairo_scale(cr, scale, scale);
  Draw(chart, cr, s, size);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (format == ChartFormat::kPng && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream(surface, AppendBytes, &out);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return Status::Internal(std::string("could not draw the chart: ") +
                            cairo_status_to_string(status));
  return out;
}

}  // namespace securebase::report
