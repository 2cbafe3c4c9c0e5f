// Any CSV with a header, read through a column mapping (ParseCsvMapping, ParseMappedCsv).
#include <fmt/format.h>

#include "portability/csv.h"
#include "portability/digest.h"
#include "portability/parsers.h"

namespace securebase::portability {
namespace json = boost::json;

Result<CsvMapping> ParseCsvMapping(std::string_view spec, std::string_view target) {
  CsvMapping m;
  if (target == "reflections") {
    m.target = MappedTarget::kReflections;
  } else if (target == "checkins") {
    m.target = MappedTarget::kCheckins;
  } else {
    return Status::InvalidField("into", "must be reflections or checkins");
  }
  size_t start = 0;
  while (start < spec.size()) {
    size_t comma = spec.find(',', start);
    std::string_view pair = spec.substr(start, comma == spec.npos ? spec.npos : comma - start);
    start = comma == spec.npos ? spec.size() : comma + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (eq == pair.npos || eq == 0 || eq + 1 == pair.size()) {
      return Status::InvalidField(
          "map", fmt::format("\"{}\" should look like field=Column", std::string(pair)));
    }
    std::string field(pair.substr(0, eq));
    bool known = field == "date" || field == "time" || field == "text" ||
                 (m.target == MappedTarget::kReflections && (field == "title" || field == "tags"));
    if (!known) {
      return Status::InvalidField(
          "map", fmt::format("unknown field \"{}\" (use date, time, text{})", field,
                             m.target == MappedTarget::kReflections ? ", title, tags" : ""));
    }
    m.fields[field] = std::string(pair.substr(eq + 1));
  }
  for (const char* need : {"date", "text"}) {
    if (!m.fields.contains(need)) {
      return Status::InvalidField("map", fmt::format("says nothing about {} (for example "
                                                     "--map \"date=Date,text=Entry\")",
                                                     need));
    }
  }
  return m;
}

Result<Incoming> ParseMappedCsv(std::string_view text, const CsvMapping& mapping,
                                int offset_minutes) {
  TRY_ASSIGN(auto records, ParseCsv(text));
  if (records.empty()) return Status::Invalid("the CSV file is empty");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < records[0].fields.size(); ++i) col[records[0].fields[i]] = i;
  std::map<std::string, size_t> at;
  for (const auto& [field, column] : mapping.fields) {
    auto it = col.find(column);
    if (it == col.end()) {
      return Status::InvalidField(
          "map", fmt::format("the file has no column \"{}\" (for {}); its header is: {}", column,
                             field, fmt::join(records[0].fields, ", ")));
    }
    at[field] = it->second;
  }
  bool reflections = mapping.target == MappedTarget::kReflections;
  const Kind* kind = FindKind(reflections ? "reflections" : "checkins");
  Incoming in;
  in.format = "csv";
  for (size_t i = 1; i < records.size(); ++i) {
    const CsvRecord& r = records[i];
    std::string where = fmt::format("line {}", r.line);
    auto get = [&](const char* field) -> std::string {
      auto it = at.find(field);
      return it != at.end() && it->second < r.fields.size() ? r.fields[it->second] : "";
    };
    int64_t ms;
    int offset;
    if (!ParseLocalDateTime(get("date"), get("time"), offset_minutes, &ms, &offset)) {
      in.unreadable.push_back({where, fmt::format("{} \"{}\" is not a date (YYYY-MM-DD, with an "
                                                  "optional time)",
                                                  mapping.fields.at("date"), get("date"))});
      continue;
    }
    std::string body = get("text");
    std::string title = get("title");
    if (!title.empty()) body = body.empty() ? title : title + "\n\n" + body;
    if (body.empty()) {
      in.unreadable.push_back({where, fmt::format("{} is empty", mapping.fields.at("text"))});
      continue;
    }
    std::string raw;
    for (const auto& f : r.fields) raw += f + '\x1f';
    json::object values;
    if (reflections) {
      std::string tags = get("tags");
      for (char& c : tags)
        if (c == ',' || c == ';') c = '\n';
      values = {{"happened_ms", ms}, {"happened_offset", offset},
                {"written_ms", ms},  {"written_offset", offset},
                {"updated_ms", ms},  {"situation", body},
                {"tags", tags}};
    } else {
      values = {{"person_id", nullptr}, {"note", body}, {"at_ms", ms}, {"at_offset", offset}};
    }
    in.rows.push_back({kind, std::move(values), where, "csv:" + Digest(raw)});
  }
  return in;
}

}  // namespace securebase::portability
