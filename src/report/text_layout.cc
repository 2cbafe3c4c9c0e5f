#include "report/text_layout.h"

namespace securebase::report {
namespace {

size_t Utf8Length(unsigned char c) {
  if (c >= 0xF0) return 4;
  if (c >= 0xE0) return 3;
  if (c >= 0xC0) return 2;
  return 1;
}

// Breaks one over-long word into pieces that fit (at least one character each).
void BreakWord(std::string_view word, double width,
               const std::function<double(std::string_view)>& measure,
               std::vector<std::string>& out) {
  std::string piece;
  size_t i = 0;
  while (i < word.size()) {
    size_t len = std::min(Utf8Length(static_cast<unsigned char>(word[i])), word.size() - i);
    std::string next = piece + std::string(word.substr(i, len));
    if (!piece.empty() && measure(next) > width) {
      out.push_back(piece);
      piece = std::string(word.substr(i, len));
    } else {
      piece = std::move(next);
    }
    i += len;
  }
  if (!piece.empty()) out.push_back(piece);
}

void WrapParagraph(std::string_view text, double width,
                   const std::function<double(std::string_view)>& measure,
                   std::vector<std::string>& out) {
  std::string line;
  size_t pos = 0;
  bool any = false;
  while (pos < text.size()) {
    size_t space = text.find(' ', pos);
    if (space == std::string_view::npos) space = text.size();
    std::string_view word = text.substr(pos, space - pos);
    pos = space + 1;
    if (word.empty()) continue;
    any = true;
    std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
    if (measure(candidate) <= width) {
      line = std::move(candidate);
      continue;
    }
    if (!line.empty()) out.push_back(std::move(line));
    line.clear();
    if (measure(word) <= width) {
      line = std::string(word);
    } else {
      std::vector<std::string> pieces;
      BreakWord(word, width, measure, pieces);
      for (size_t i = 0; i + 1 < pieces.size(); ++i) out.push_back(pieces[i]);
      line = pieces.back();
    }
  }
  if (!line.empty() || !any) out.push_back(line);
}

}  // namespace

void UseFont(cairo_t* cr, double size, Weight weight, Slant slant) {
  cairo_select_font_face(
      cr, "DejaVu Sans",
      slant == Slant::kItalic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
      weight == Weight::kBold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
}

double TextWidth(cairo_t* cr, std::string_view text) {
  std::string s(text);
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

void DrawText(cairo_t* cr, double x, double y, std::string_view text, Align align) {
  double w = align == Align::kStart ? 0 : TextWidth(cr, text);
  if (align == Align::kMiddle) x -= w / 2;
  if (align == Align::kEnd) x -= w;
  std::string s(text);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, s.c_str());
}

std::vector<std::string> WrapText(std::string_view text, double width,
                                  const std::function<double(std::string_view)>& measure) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (;;) {
    size_t nl = text.find('\n', pos);
    std::string_view para = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    WrapParagraph(para, width, measure, out);
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return out;
}

std::vector<std::string> WrapText(cairo_t* cr, std::string_view text, double width) {
  return WrapText(text, width, [cr](std::string_view s) { return TextWidth(cr, s); });
}

}  // namespace securebase::report
