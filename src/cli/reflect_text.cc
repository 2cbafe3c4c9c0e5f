#include "cli/reflect_text.h"

#include <fmt/format.h>

#include "platform/text.h"

namespace securebase::cli {
namespace {

std::string Who(const std::vector<people::Person>& people) {
  std::string out;
  for (const auto& p : people) out += (out.empty() ? "" : ", ") + p.name;
  return out;
}

std::string Feelings(const reflect::Reflection& r) {
  std::string out;
  for (const auto& e : r.emotions) {
    out += (out.empty() ? "" : ", ") + fmt::format("{} {}", e.word, e.intensity);
  }
  return out;
}

// The first line of `text`, at most `max` code points, with "…" when cut.
std::string FirstLine(const std::string& text, size_t max) {
  std::string line = text.substr(0, text.find('\n'));
  size_t count = 0, i = 0;
  for (; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 && count++ == max) break;
  }
  return i < line.size() || line.size() < text.size() ? line.substr(0, i) + "…" : line;
}

}  // namespace

void PrintLine(std::ostream& out, const reflect::Reflection& r,
               const std::vector<people::Person>& people) {
  std::string when = Iso8601(r.happened).substr(0, 16);
  when[10] = ' ';
  std::string line = fmt::format("{:>4}  {}", r.id, when);
  if (!people.empty()) line += "  with " + Who(people);
  if (!r.emotions.empty()) line += "  " + Feelings(r);
  std::string first = r.text(reflect::TextField::kSituation);
  if (first.empty()) first = r.AllText();
  if (!first.empty()) line += "  \u2014 " + FirstLine(first, 60);
  out << line << "\n";
}

void PrintFull(std::ostream& out, const reflect::Reflection& r,
               const std::vector<people::Person>& people) {
  static const std::map<reflect::TextField, const char*> kHeadings{
      {reflect::TextField::kSituation, "What happened"},
      {reflect::TextField::kBody, "In my body"},
      {reflect::TextField::kThoughts, "The story I told myself"},
      {reflect::TextField::kUrges, "What I felt like doing"},
      {reflect::TextField::kActions, "What I did"},
      {reflect::TextField::kNeeds, "What I needed"},
      {reflect::TextField::kNextTime, "Next time"},
  };
  out << fmt::format("Reflection {}\n", r.id);
  out << fmt::format("  When:     {}\n", Iso8601(r.happened));
  if (!people.empty()) out << fmt::format("  With:     {}\n", Who(people));
  if (!r.emotions.empty()) out << fmt::format("  Feelings: {}\n", Feelings(r));
  if (!r.tags.empty()) {
    std::string tags;
    for (const auto& t : r.tags) tags += (tags.empty() ? "" : ", ") + t;
    out << fmt::format("  Triggers: {}\n", tags);
  }
  if (r.activation) {
    const char* moved = *r.activation == reflect::Activation::kToward ? "toward them"
                        : *r.activation == reflect::Activation::kAway ? "away"
                                                                      : "neither toward nor away";
    out << fmt::format("  I moved:  {}\n", moved);
  }
  for (reflect::TextField f : reflect::kTextFields) {
    if (r.text(f).empty()) continue;
    out << "\n" << kHeadings.at(f) << "\n";
    std::string text = r.text(f);
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      std::string para = text.substr(start, end - start);
      out << (para.empty() ? std::string("\n") : Wrap(para, 76, "  "));
      start = end + 1;
    }
  }
  out << fmt::format("\nWritten {}\n", Iso8601(r.written));
}

}  // namespace securebase::cli
