#include "support/provider_file.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <set>

#include "support/geo.h"

namespace securebase::support {
namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string_view SkipBom(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  return text;
}

std::string JsonScalar(const boost::json::value& v, bool* ok) {
  *ok = true;
  switch (v.kind()) {
    case boost::json::kind::string:
      return std::string(v.as_string());
    case boost::json::kind::int64:
      return std::to_string(v.as_int64());
    case boost::json::kind::uint64:
      return std::to_string(v.as_uint64());
    case boost::json::kind::double_:
      return fmt::format("{}", v.as_double());
    case boost::json::kind::bool_:
      return v.as_bool() ? "yes" : "no";
    case boost::json::kind::null:
      return "";
    default:
      *ok = false;
      return "";
  }
}

Result<ParsedFile> ParseJson(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value doc = boost::json::parse(text, ec);
  if (ec) return Status::InvalidField("file", fmt::format("is not valid JSON ({})", ec.message()));
  const boost::json::array* items = doc.if_array();
  if (!items) {
    if (const auto* o = doc.if_object()) {
      if (const auto* p = o->if_contains("providers")) items = p->if_array();
    }
  }
  if (!items) {
    return Status::InvalidField("file",
                                "must be a JSON array of providers or {\"providers\": [...]}");
  }
  ParsedFile out;
  for (size_t i = 0; i < items->size(); ++i) {
    int64_t row = static_cast<int64_t>(i) + 1;
    const auto* o = (*items)[i].if_object();
    if (!o) {
      out.errors.push_back({row, "", "must be an object"});
      continue;
    }
    RawRow r;
    r.row = row;
    bool good = true;
    for (const auto& [key, value] : *o) {
      std::string name(key);
      auto& values = r.values[name];
      bool ok = true;
      if (const auto* arr = value.if_array()) {
        for (const auto& x : *arr) {
          std::string s = JsonScalar(x, &ok);
          if (!ok || x.is_array()) break;
          values.push_back(s);
        }
      } else {
        values.push_back(JsonScalar(value, &ok));
      }
      if (!ok) {
        out.errors.push_back({row, name, "must be text, a number, yes/no or a list of text"});
        good = false;
      }
    }
    if (good) out.rows.push_back(std::move(r));
  }
  return out;
}

Result<ParsedFile> ParseCsv(std::string_view text) {
  TRY_ASSIGN(auto records, SplitCsv(text));
  if (records.empty()) return Status::InvalidField("file", "is empty: it needs a header row");
  const auto& header = records[0];
  std::vector<std::string> columns;
  std::set<std::string> seen;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string c = NormalizeTag(header[i]);
    for (char& ch : c)
      if (ch == '-') ch = '_';
    if (c.empty()) {
      return Status::InvalidField("header", fmt::format("column {} has no name", i + 1));
    }
    if (!seen.insert(c).second) {
      return Status::InvalidField("header", fmt::format("column '{}' appears twice", c));
    }
    columns.push_back(c);
  }
  if (!seen.count("id") || !seen.count("name")) {
    return Status::InvalidField("header", "needs at least the columns id and name");
  }
  ParsedFile out;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& rec = records[i];
    int64_t row = static_cast<int64_t>(i);
    if (rec.size() == 1 && rec[0].empty()) continue;  // a blank line
    if (rec.size() != columns.size()) {
      out.errors.push_back(
          {row, "",
           fmt::format("has {} fields but the header has {} columns", rec.size(), columns.size())});
      continue;
    }
    RawRow r;
    r.row = row;
    for (size_t c = 0; c < columns.size(); ++c) {
      if (!rec[c].empty()) r.values[columns[c]].push_back(rec[c]);
    }
    out.rows.push_back(std::move(r));
  }
  return out;
}

}  // namespace

FileFormat GuessFormat(const std::string& path, std::string_view text) {
  if (EndsWith(path, ".json")) return FileFormat::kJson;
  if (EndsWith(path, ".csv")) return FileFormat::kCsv;
  text = SkipBom(text);
  size_t i = text.find_first_not_of(" \t\r\n");
  if (i != std::string_view::npos && (text[i] == '[' || text[i] == '{')) return FileFormat::kJson;
  return FileFormat::kCsv;
}

Result<std::vector<std::vector<std::string>>> SplitCsv(std::string_view text) {
  text = SkipBom(text);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> rec;
  std::string field;
  bool in_quotes = false, any = false;
  int64_t line = 1, quote_line = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    any = true;
    if (in_quotes) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          field += '"';
          ++i;
        } else {
          in_quotes = false;
        }
      } else {
        if (c == '\n') ++line;
        field += c;
      }
      continue;
    }
    if (c == '"' && field.empty()) {
      in_quotes = true;
      quote_line = line;
    } else if (c == ',') {
      rec.push_back(std::move(field));
      field.clear();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      ++line;
      rec.push_back(std::move(field));
      field.clear();
      records.push_back(std::move(rec));
      rec.clear();
      any = false;
    } else {
      field += c;
    }
  }
  if (in_quotes) {
    return Status::InvalidField(
        "file", fmt::format("a quote opened on line {} is never closed", quote_line));
  }
  if (any) {
    rec.push_back(std::move(field));
    records.push_back(std::move(rec));
  }
  return records;
}

Result<ParsedFile> ParseProviderFile(std::string_view text, FileFormat format) {
  return format == FileFormat::kJson ? ParseJson(SkipBom(text)) : ParseCsv(text);
}

Result<ParsedPostcodes> ParsePostcodeFile(std::string_view text) {
  TRY_ASSIGN(auto records, SplitCsv(text));
  if (records.empty()) return Status::InvalidField("file", "is empty: it needs a header row");
  int country = -1, postcode = -1, lat = -1, lon = -1, place = -1;
  for (size_t i = 0; i < records[0].size(); ++i) {
    std::string c = NormalizeTag(records[0][i]);
    int idx = static_cast<int>(i);
    if (c == "country")
      country = idx;
    else if (c == "postcode" || c == "zip" || c == "postal-code")
      postcode = idx;
    else if (c == "latitude" || c == "lat")
      lat = idx;
    else if (c == "longitude" || c == "lon")
      lon = idx;
    else if (c == "place" || c == "city")
      place = idx;
    else
      return Status::InvalidField("header", fmt::format("unknown column '{}'", records[0][i]));
  }
  if (country < 0 || postcode < 0 || lat < 0 || lon < 0) {
    return Status::InvalidField("header",
                                "needs the columns country, postcode, latitude, longitude");
  }
  ParsedPostcodes out;
  for (size_t i = 1; i < records.size(); ++i) {
    const auto& rec = records[i];
    int64_t row = static_cast<int64_t>(i);
    if (rec.size() == 1 && rec[0].empty()) continue;
    if (rec.size() != records[0].size()) {
      out.errors.push_back({row, "",
                            fmt::format("has {} fields but the header has {} columns", rec.size(),
                                        records[0].size())});
      continue;
    }
    PostcodeRow p;
    p.country = PostcodeKey(rec[country]);
    p.postcode = rec[postcode];
    if (place >= 0) p.place = rec[place];
    bool ok = true;
    if (p.country.size() != 2) {
      out.errors.push_back({row, "country", "must be a two-letter country code"});
      ok = false;
    }
    if (PostcodeKey(p.postcode).empty() || p.postcode.size() > 20) {
      out.errors.push_back({row, "postcode", "must be 1 to 20 characters"});
      ok = false;
    }
    auto number = [&](int col, const char* name, double min, double max, double* v) {
      const std::string& t = rec[col];
      auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), *v);
      if (ec != std::errc() || ptr != t.data() + t.size() || !std::isfinite(*v) || *v < min ||
          *v > max) {
        out.errors.push_back(
            {row, name, fmt::format("must be a number from {} to {} (got '{}')", min, max, t)});
        ok = false;
      }
    };
    number(lat, "latitude", -90, 90, &p.lat);
    number(lon, "longitude", -180, 180, &p.lon);
    if (ok) out.rows.push_back(std::move(p));
  }
  return out;
}

}  // namespace securebase::support
