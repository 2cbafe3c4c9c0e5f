#include "safety/crisis_resources.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <set>

namespace securebase::safety {
namespace json = boost::json;

namespace {

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool IsCode(const std::string& s) {
  return (s.size() == 2 || s.size() == 3) &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsPhone(const std::string& s) {
  return !s.empty() && s.size() <= 24 && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c == '+';
  });
}

// Collects "field: message" problems while reading one file.
class Reader {
 public:
  std::vector<FieldError> errors;

  std::string Text(const json::object& o, const std::string& path, const char* key, bool required) {
    std::string field = path + "." + key;
    const json::value* v = o.if_contains(key);
    if (!v) {
      if (required) errors.push_back({field, "is required"});
      return {};
    }
    if (!v->is_string()) {
      errors.push_back({field, "must be text"});
      return {};
    }
    return std::string(v->as_string());
  }
  const json::array* List(const json::object& o, const std::string& path, const char* key,
                          bool required) {
    const json::value* v = o.if_contains(key);
    if (!v) {
      if (required) errors.push_back({path + "." + key, "is required"});
      return nullptr;
    }
    if (!v->is_array()) errors.push_back({path + "." + key, "must be a list"});
    return v->is_array() ? &v->as_array() : nullptr;
  }
  void Unknown(const json::object& o, const std::string& path, const std::set<std::string>& known) {
    for (const auto& [k, v] : o) {
      std::string key(k);
      if (!known.count(key) && key.rfind('_', 0) != 0) {
        errors.push_back({path + "." + key, "is not a known field"});
      }
    }
  }
};

CrisisLine ReadLine(Reader& r, const json::value& v, const std::string& path) {
  CrisisLine line;
  if (!v.is_object()) {
    r.errors.push_back({path, "must be an object"});
    return line;
  }
  const auto& o = v.as_object();
  r.Unknown(o, path, {"name", "phone", "text", "hours"});
  line.name = r.Text(o, path, "name", true);
  line.phone = r.Text(o, path, "phone", false);
  line.text = r.Text(o, path, "text", false);
  line.hours = r.Text(o, path, "hours", false);
  if (o.contains("name") && line.name.empty())
    r.errors.push_back({path + ".name", "must not be empty"});
  if (line.phone.empty() && line.text.empty()) {
    r.errors.push_back({path + ".phone", "give a phone or a text number"});
  }
  if (!line.phone.empty() && !IsPhone(line.phone)) {
    r.errors.push_back({path + ".phone", "must be digits, spaces and dashes"});
  }
  if (!line.text.empty() && !IsPhone(line.text)) {
    r.errors.push_back({path + ".text", "must be digits, spaces and dashes"});
  }
  return line;
}

CrisisRegion ReadRegion(Reader& r, const json::value& v, const std::string& path) {
  CrisisRegion region;
  if (!v.is_object()) {
    r.errors.push_back({path, "must be an object"});
    return region;
  }
  const auto& o = v.as_object();
  r.Unknown(o, path,
            {"code", "aliases", "name", "emergency", "lines", "note", "last_checked", "source"});
  region.code = r.Text(o, path, "code", true);
  if (o.contains("code") && !IsCode(region.code)) {
    r.errors.push_back({path + ".code", "must be 2 or 3 capital letters"});
  }
  if (const json::array* aliases = r.List(o, path, "aliases", false)) {
    for (size_t i = 0; i < aliases->size(); ++i) {
      const json::value& a = (*aliases)[i];
      if (!a.is_string() || !IsCode(std::string(a.as_string()))) {
        r.errors.push_back(
            {fmt::format("{}.aliases[{}]", path, i), "must be 2 or 3 capital letters"});
      } else {
        region.aliases.emplace_back(a.as_string());
      }
    }
  }
  region.name = r.Text(o, path, "name", true);
  region.emergency = r.Text(o, path, "emergency", true);
  if (!region.emergency.empty() && !IsPhone(region.emergency)) {
    r.errors.push_back({path + ".emergency", "must be digits, spaces and dashes"});
  }
  region.note = r.Text(o, path, "note", false);
  region.last_checked = r.Text(o, path, "last_checked", true);
  const std::string& lc = region.last_checked;
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  bool month_ok = lc.size() == 7 && lc[4] == '-' &&
                  std::all_of(lc.begin(), lc.begin() + 4, digit) && digit(lc[5]) && digit(lc[6]) &&
                  lc.substr(5) >= "01" && lc.substr(5) <= "12";
  if (o.contains("last_checked") && !month_ok) {
    r.errors.push_back({path + ".last_checked", "must be a month such as 2026-11"});
  }
  region.source = r.Text(o, path, "source", true);
  if (const json::array* lines = r.List(o, path, "lines", true)) {
    for (size_t i = 0; i < lines->size(); ++i) {
      region.lines.push_back(ReadLine(r, (*lines)[i], fmt::format("{}.lines[{}]", path, i)));
    }
  }
  if (region.lines.empty() && region.emergency.empty() && region.note.empty()) {
    r.errors.push_back({path, "needs a line, an emergency number or a note"});
  }
  return region;
}

}  // namespace

Result<CrisisResources> CrisisResources::Parse(std::string_view json_text,
                                               const std::string& origin) {
  boost::system::error_code ec;
  json::value doc = json::parse(json_text, ec);
  if (ec) return Status::Invalid(fmt::format("{}: not valid JSON: {}", origin, ec.message()));
  if (!doc.is_object()) return Status::Invalid(fmt::format("{}: must be a JSON object", origin));
  Reader r;
  CrisisResources out;
  r.Unknown(doc.as_object(), "", {"regions"});
  const json::value* regions = doc.as_object().if_contains("regions");
  if (!regions || !regions->is_array() || regions->as_array().empty()) {
    r.errors.push_back({"regions", "must be a list of at least one region"});
  } else {
    std::set<std::string> seen;
    for (size_t i = 0; i < regions->as_array().size(); ++i) {
      std::string path = fmt::format("regions[{}]", i);
      CrisisRegion region = ReadRegion(r, regions->as_array()[i], path);
      std::vector<std::string> codes = region.aliases;
      codes.push_back(region.code);
      for (const auto& c : codes) {
        if (!c.empty() && !seen.insert(c).second) {
          r.errors.push_back({path + ".code", "'" + c + "' is used by another region"});
        }
      }
      out.regions.push_back(std::move(region));
    }
    if (!seen.count(kAnywhere)) {
      r.errors.push_back({"regions", "must include the catch-all region \"ANY\""});
    }
  }
  for (auto& e : r.errors) {
    if (e.field.rfind('.', 0) == 0) e.field.erase(0, 1);
  }
  if (!r.errors.empty()) {
    const FieldError& e = r.errors[0];
    std::string msg = fmt::format("{}: {}: {}", origin, e.field, e.message);
    if (r.errors.size() > 1) msg += fmt::format(" (and {} more problems)", r.errors.size() - 1);
    return Status::Invalid(msg, r.errors);
  }
  return out;
}

Result<CrisisResources> CrisisResources::Load(const ContentLibrary& content) {
  const ContentFile* f = content.Find(kCrisisResourcesPath);
  if (!f) return Status::NotFound(std::string(kCrisisResourcesPath) + " is missing");
  return Parse(f->text, f->origin == "built-in" ? f->path : f->origin);
}

std::optional<std::string> CrisisResources::Resolve(std::string_view code) const {
  std::string c = Upper(code);
  if (c.empty()) return std::nullopt;
  for (const auto& r : regions) {
    if (r.code == c || std::find(r.aliases.begin(), r.aliases.end(), c) != r.aliases.end()) {
      return r.code;
    }
  }
  return std::nullopt;
}

std::vector<const CrisisRegion*> CrisisResources::Ordered(std::string_view region) const {
  std::vector<const CrisisRegion*> out;
  std::optional<std::string> first = Resolve(region);
  const CrisisRegion* anywhere = nullptr;
  for (const auto& r : regions) {
    if (first && r.code == *first && r.code != kAnywhere)
      out.insert(out.begin(), &r);
    else if (r.code == kAnywhere)
      anywhere = &r;
    else
      out.push_back(&r);
  }
  if (anywhere) out.push_back(anywhere);
  return out;
}

std::string CountryFromLocale(std::string_view locale) {
  // language[_TERRITORY][.codeset][@modifier]
  size_t us = locale.find('_');
  if (us == std::string_view::npos) return "";
  std::string_view rest = locale.substr(us + 1);
  size_t end = rest.find_first_of(".@");
  std::string code = Upper(rest.substr(0, end));
  return IsCode(code) && code.size() == 2 ? code : "";
}

}  // namespace securebase::safety
