#pragma once
// Text for cairo's toy API: choosing the font, measuring, drawing aligned, and wrapping
// words into lines that fit a width. WrapText is pure (it takes a measure), so it is tested
// without cairo.
#include <cairo.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace securebase::report {

enum class Weight { kNormal, kBold };
enum class Slant { kUpright, kItalic };
enum class Align { kStart, kMiddle, kEnd };

// DejaVu Sans (Debian's fonts-dejavu-core; fontconfig falls back to any sans otherwise).
void UseFont(cairo_t* cr, double size, Weight weight = Weight::kNormal,
             Slant slant = Slant::kUpright);
// The advance width of `text` in the current font.
double TextWidth(cairo_t* cr, std::string_view text);
// Draws `text` with its baseline at `y`, aligned to `x`.
void DrawText(cairo_t* cr, double x, double y, std::string_view text, Align align = Align::kStart);

// Splits `text` into lines no wider than `width` by `measure`, breaking at spaces; a word
// wider than `width` on its own is broken between UTF-8 characters. Newlines in `text`
// start a new line. Never drops a character other than the spaces it breaks at.
std::vector<std::string> WrapText(std::string_view text, double width,
                                  const std::function<double(std::string_view)>& measure);

// WrapText with the current cairo font.
std::vector<std::string> WrapText(cairo_t* cr, std::string_view text, double width);

}  // namespace securebase::report
