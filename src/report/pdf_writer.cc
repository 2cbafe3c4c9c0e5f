#include "report/pdf_writer.h"

#include <cairo-pdf.h>
#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "report/chart.h"
#include "report/text_layout.h"

namespace securebase::report {
namespace {

// A4 in points, and the margins.
constexpr double kPageW = 595.28, kPageH = 841.89;
constexpr double kLeft = 52, kRight = 52, kTop = 52, kBottom = 56;
constexpr double kWidth = kPageW - kLeft - kRight;

constexpr unsigned kInk = 0x2b2622, kMuted = 0x6b625a, kRule = 0xd8d2ca, kAccent = 0x2f6b62,
                   kSoft = 0xe2efeb, kStripe = 0xf6f3ef;

void Color(cairo_t* cr, unsigned v) {
  cairo_set_source_rgb(cr, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
}

cairo_status_t AppendBytes(void* closure, const unsigned char* data, unsigned int length) {
  if (closure)
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Lays the brief out top to bottom, starting a page when the next block does not fit.
// Run once to count pages and once more to draw with "page N of M".
class Layout {
 public:
  Layout(cairo_t* cr, int total_pages) : cr_(cr), total_(total_pages) {}

  int pages() const { return page_; }

  void Run(const Brief& b) {
    y_ = kTop;
    Title(b);
    for (const auto& s : b.sections) Section(s, b.scores);
    if (!b.left_out.empty()) {
      y_ += 4;
      Paragraph(b.left_out, 8.5, Weight::kNormal, Slant::kItalic, kMuted, 12);
    }
    SessionNotes();
    Footer();
    cairo_show_page(cr_);
  }

 private:
  void NewPage() {
    Footer();
    cairo_show_page(cr_);
    ++page_;
    y_ = kTop;
  }

  void Ensure(double h) {
    if (y_ + h > kPageH - kBottom) NewPage();
  }

  void Footer() {
    cairo_save(cr_);
    Color(cr_, kRule);
    cairo_set_line_width(cr_, 0.5);
    cairo_move_to(cr_, kLeft, kPageH - 38);
    cairo_line_to(cr_, kPageW - kRight, kPageH - 38);
    cairo_stroke(cr_);
    Color(cr_, kMuted);
    UseFont(cr_, 7.5);
    DrawText(cr_, kLeft, kPageH - 26,
             "SecureBase \u00b7 my own notes, a companion for reflection, not a diagnosis");
    DrawText(
        cr_, kPageW - kRight, kPageH - 26,
        total_ > 0 ? fmt::format("Page {} of {}", page_, total_) : fmt::format("Page {}", page_),
        Align::kEnd);
    cairo_restore(cr_);
  }

  void Paragraph(std::string_view text, double size, Weight w, Slant sl, unsigned color,
                 double leading, double indent = 0) {
    UseFont(cr_, size, w, sl);
    for (const auto& line : WrapText(cr_, text, kWidth - indent)) {
      Ensure(leading);
      UseFont(cr_, size, w, sl);
      Color(cr_, color);
      DrawText(cr_, kLeft + indent, y_ + size, line);
      y_ += leading;
    }
  }

  void Title(const Brief& b) {
    Color(cr_, kAccent);
    cairo_rectangle(cr_, kLeft, y_, 36, 3);
    cairo_fill(cr_);
    y_ += 12;
    Paragraph(b.title, 21, Weight::kBold, Slant::kUpright, kInk, 27);
    Paragraph(b.period, 10.5, Weight::kNormal, Slant::kUpright, kInk, 15);
    Paragraph(b.made, 8.5, Weight::kNormal, Slant::kUpright, kMuted, 12);
    y_ += 10;
    // The note on what the numbers are, on a tinted panel.
    UseFont(cr_, 8.8);
    std::vector<std::string> lines;
    for (const auto& p : b.about) {
      auto w = WrapText(cr_, p, kWidth - 24);
      lines.insert(lines.end(), w.begin(), w.end());
      lines.emplace_back();
    }
    if (!lines.empty()) lines.pop_back();
    double h = lines.size() * 12.5 + 16;
    Ensure(h);
    Color(cr_, kSoft);
    cairo_rectangle(cr_, kLeft, y_, kWidth, h);
    cairo_fill(cr_);
    Color(cr_, kAccent);
    cairo_rectangle(cr_, kLeft, y_, 3, h);
    cairo_fill(cr_);
    double ty = y_ + 8;
    Color(cr_, kInk);
    for (const auto& l : lines) {
      if (!l.empty()) DrawText(cr_, kLeft + 14, ty + 9, l);
      ty += l.empty() ? 5 : 12.5;
    }
    y_ += h + 14;
  }

  void Heading(const std::string& text) {
    Ensure(22 + 3 * 14);  // keep a heading with the start of its section
    y_ += 6;
    UseFont(cr_, 13.5, Weight::kBold);
    Color(cr_, kAccent);
    DrawText(cr_, kLeft, y_ + 13.5, text);
    y_ += 19;
    Color(cr_, kRule);
    cairo_set_line_width(cr_, 0.7);
    cairo_move_to(cr_, kLeft, y_);
    cairo_line_to(cr_, kPageW - kRight, y_);
    cairo_stroke(cr_);
    y_ += 7;
  }

  void Section(const BriefSection& s, const ScoreSeries& scores) {
    Heading(s.heading);
    for (const auto& line : s.lines) {
      Paragraph(line, 9.5, Weight::kNormal, Slant::kUpright, kInk, 13.5);
      y_ += 3;
    }
    if (s.charts) Charts(scores);
    if (s.table) Table(*s.table);
    y_ += 8;
  }

  void Charts(const ScoreSeries& scores) {
    const double h = 214;
    Ensure(h + 6);
    y_ += 2;
    DrawPlane(cr_, scores, {kLeft - 4, y_, 214, h});
    DrawScoresOverTime(cr_, scores, {kLeft + 222, y_ + 8, kWidth - 222, h - 24});
    y_ += h + 6;
  }

  void Table(const report::Table& t) {
    const double size = 8.5, pad = 6, leading = 11;
    size_t n = t.header.size();
    // Numeric columns get their widest cell; text columns share the rest by content.
    std::vector<double> natural(n, 0);
    for (size_t c = 0; c < n; ++c) {
      UseFont(cr_, size, Weight::kBold);
      natural[c] = TextWidth(cr_, t.header[c]);
      UseFont(cr_, size);
      for (const auto& row : t.rows) natural[c] = std::max(natural[c], TextWidth(cr_, row[c]));
      natural[c] += 2 * pad;
    }
    // The narrowest a text column may get: its longest single word (headers included).
    std::vector<double> least(n, 0);
    for (size_t c = 0; c < n; ++c) {
      auto widest_word = [&](const std::string& text, Weight w) {
        UseFont(cr_, size, w);
        double best = 0;
        size_t pos = 0;
        while (pos <= text.size()) {
          size_t sp = text.find(' ', pos);
          if (sp == std::string::npos) sp = text.size();
          best = std::max(best, TextWidth(cr_, std::string_view(text).substr(pos, sp - pos)));
          pos = sp + 1;
        }
        return best;
      };
      least[c] = widest_word(t.header[c], Weight::kBold);
      for (const auto& row : t.rows)
        least[c] = std::max(least[c], widest_word(row[c], Weight::kNormal));
      least[c] = std::min(least[c] + 2 * pad, natural[c]);
    }
    std::vector<double> width(n, 0);
    double fixed = 0, flexible = 0, floor = 0;
    for (size_t c = 0; c < n; ++c) {
      if (c < t.numeric.size() && t.numeric[c]) {
        width[c] = natural[c];
        fixed += width[c];
      } else {
        flexible += natural[c];
        floor += least[c];
      }
    }
    double room = kWidth - fixed;
    for (size_t c = 0; c < n; ++c) {
      if (c < t.numeric.size() && t.numeric[c]) continue;
      if (flexible <= room) {
        width[c] = natural[c];
      } else if (flexible > floor && room > floor) {
        // Each text column keeps its longest word; the rest of the room goes by need.
        width[c] = least[c] + (natural[c] - least[c]) / (flexible - floor) * (room - floor);
      } else {
        width[c] = natural[c] / flexible * room;
      }
    }
    // Spare width goes to the first text column, so the table spans the page.
    double used = std::accumulate(width.begin(), width.end(), 0.0);
    for (size_t c = 0; c < n; ++c) {
      if (!(c < t.numeric.size() && t.numeric[c])) {
        width[c] += kWidth - used;
        break;
      }
    }
    auto row_lines = [&](const std::vector<std::string>& cells, Weight w) {
      UseFont(cr_, size, w);
      std::vector<std::vector<std::string>> out;
      for (size_t c = 0; c < n; ++c) out.push_back(WrapText(cr_, cells[c], width[c] - 2 * pad));
      return out;
    };
    auto draw_row = [&](const std::vector<std::vector<std::string>>& cells, Weight w,
                        unsigned color, bool stripe) {
      size_t lines = 1;
      for (const auto& c : cells) lines = std::max(lines, c.size());
      double h = lines * leading + 6;
      Ensure(h);
      if (stripe) {
        Color(cr_, kStripe);
        cairo_rectangle(cr_, kLeft, y_, kWidth, h);
        cairo_fill(cr_);
      }
      UseFont(cr_, size, w);
      Color(cr_, color);
      double x = kLeft;
      for (size_t c = 0; c < n; ++c) {
        bool right = c < t.numeric.size() && t.numeric[c];
        for (size_t i = 0; i < cells[c].size(); ++i) {
          double ty = y_ + 3 + size + i * leading;
          if (right)
            DrawText(cr_, x + width[c] - pad, ty, cells[c][i], Align::kEnd);
          else
            DrawText(cr_, x + pad, ty, cells[c][i]);
        }
        x += width[c];
      }
      y_ += h;
    };
    Ensure(2 * (leading + 6));
    draw_row(row_lines(t.header, Weight::kBold), Weight::kBold, kMuted, false);
    Color(cr_, kRule);
    cairo_set_line_width(cr_, 0.7);
    cairo_move_to(cr_, kLeft, y_);
    cairo_line_to(cr_, kPageW - kRight, y_);
    cairo_stroke(cr_);
    for (size_t r = 0; r < t.rows.size(); ++r)
      draw_row(row_lines(t.rows[r], Weight::kNormal), Weight::kNormal, kInk, r % 2 == 1);
    y_ += 4;
  }

  // Ruled lines for the person's own notes, when the last page has room for a few.
  void SessionNotes() {
    double room = kPageH - kBottom - y_;
    if (room < 90) return;
    y_ += 10;
    UseFont(cr_, 10, Weight::kBold);
    Color(cr_, kInk);
    DrawText(cr_, kLeft, y_ + 10, "What I would like to talk about");
    y_ += 16;
    int lines = std::min(8, static_cast<int>((kPageH - kBottom - y_) / 24));
    Color(cr_, kRule);
    cairo_set_line_width(cr_, 0.6);
    for (int i = 0; i < lines; ++i) {
      y_ += 24;
      cairo_move_to(cr_, kLeft, y_);
      cairo_line_to(cr_, kPageW - kRight, y_);
      cairo_stroke(cr_);
    }
  }

  cairo_t* cr_;
  int total_;
  int page_ = 1;
  double y_ = kTop;
};

// Lays out `b` on a new PDF surface writing to `out` (nullptr: discard); returns pages.
Result<int> Render(const Brief& b, std::string* out, int total_pages) {
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(AppendBytes, out, kPageW, kPageH);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, b.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "SecureBase");
  cairo_t* cr = cairo_create(surface);
  Layout layout(cr, total_pages);
  layout.Run(b);
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS)
    return Status::Internal(std::string("could not write the PDF: ") +
                            cairo_status_to_string(status));
  return layout.pages();
}

}  // namespace

Result<std::string> WriteBriefPdf(const Brief& brief) {
  TRY_ASSIGN(int pages, Render(brief, nullptr, 0));
  std::string out;
  TRY(Render(brief, &out, pages).status());
  return out;
}

}  // namespace securebase::report
