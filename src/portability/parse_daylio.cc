// Daylio's CSV export read as check-ins (ParseDaylioCsv).
#include <fmt/format.h>

#include <algorithm>

#include "portability/csv.h"
#include "portability/digest.h"
#include "portability/parsers.h"

namespace securebase::portability {
namespace {

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// Daylio writes line breaks in notes as <br>.
std::string Unbreak(std::string s) {
  for (const char* br : {"<br/>", "<br />", "<br>"}) {
    size_t at;
    while ((at = s.find(br)) != std::string::npos) s.replace(at, std::string(br).size(), "\n");
  }
  return s;
}

std::string Activities(std::string_view s) {
  // " | " between activities.
  std::string out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    std::string_view a = s.substr(start, bar == std::string_view::npos ? s.npos : bar - start);
    while (!a.empty() && a.front() == ' ') a.remove_prefix(1);
    while (!a.empty() && a.back() == ' ') a.remove_suffix(1);
    if (!a.empty()) out += (out.empty() ? "" : ", ") + std::string(a);
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return out;
}

}  // namespace

Result<Incoming> ParseDaylioCsv(std::string_view text, int offset_minutes) {
  TRY_ASSIGN(auto records, ParseCsv(text));
  if (records.empty()) return Status::Invalid("the Daylio file is empty");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) col[Lower(records[0].fields[i])] = i;
  for (const char* need : {"full_date", "time", "mood"}) {
    if (!col.contains(need)) {
      return Status::Invalid(fmt::format(
          "not a Daylio export: the header has no \"{}\" column (it starts with full_date, "
          "date, weekday, time, mood)",
          need));
    }
  }
  const Kind* checkins = FindKind("checkins");
  Incoming in;
  in.format = "daylio";
  auto get = [&](const CsvRecord& r, const char* name) -> std::string {
    auto it = col.find(name);
    return it != col.end() && it->second < r.fields.size() ? r.fields[it->second] : "";
  };
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    std::string where = fmt::format("line {}", r.line);
    if (r.fields.size() != records[0].fields.size()) {
      in.unreadable.push_back({where, fmt::format("has {} fields; the header has {}",
                                                  r.fields.size(), records[0].fields.size())});
      continue;
    }
    int64_t at_ms;
    int offset;
    if (!ParseLocalDateTime(get(r, "full_date"), get(r, "time"), offset_minutes, &at_ms, &offset)) {
      in.unreadable.push_back({where, fmt::format("full_date/time \"{} {}\" is not a date and time",
                                                  get(r, "full_date"), get(r, "time"))});
      continue;
    }
    std::string mood = get(r, "mood");
    if (mood.empty()) {
      in.unreadable.push_back({where, "mood is empty"});
      continue;
    }
    std::string note = "Mood: " + mood;
    std::string acts = Activities(get(r, "activities"));
    if (!acts.empty()) note += "\nActivities: " + acts;
    std::string title = Unbreak(get(r, "note_title"));
    std::string body = Unbreak(get(r, "note"));
    if (!title.empty()) note += "\n" + title;
    if (!body.empty()) note += "\n" + body;
    std::string raw;
    for (const auto& f : r.fields) raw += f + '\x1f';
    in.rows.push_back(
        {checkins,
         {{"person_id", nullptr}, {"note", note}, {"at_ms", at_ms}, {"at_offset", offset}},
         where,
         "daylio:" + Digest(raw)});
  }
  return in;
}

}  // namespace securebase::portability
