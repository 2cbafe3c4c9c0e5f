// jrnl's JSON export read as reflections (ParseJrnlJson).
#include <fmt/format.h>

#include "portability/digest.h"
#include "portability/parsers.h"

namespace securebase::portability {
namespace json = boost::json;

Result<Incoming> ParseJrnlJson(std::string_view text, int offset_minutes) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) return Status::Invalid("not a jrnl JSON export: " + ec.message());
  auto* entries = doc.is_object() ? doc.as_object().if_contains("entries") : nullptr;
  if (!entries || !entries->is_array()) {
    return Status::Invalid("not a jrnl JSON export: it has no \"entries\" array");
  }
  const Kind* reflections = FindKind("reflections");
  Incoming in;
  in.format = "jrnl";
  size_t n = 0;
  for (const auto& e : entries->as_array()) {
    std::string where = fmt::format("entry {}", ++n);
    if (!e.is_object()) {
      in.unreadable.push_back({where, "not a JSON object"});
      continue;
    }
    const json::object& o = e.as_object();
    auto text_of = [&](const char* k) -> std::string {
      auto v = o.if_contains(k);
      return v && v->is_string() ? std::string(v->as_string()) : "";
    };
    int64_t at_ms;
    int offset;
    if (!ParseLocalDateTime(text_of("date"), text_of("time"), offset_minutes, &at_ms, &offset)) {
      in.unreadable.push_back({where, fmt::format("date/time \"{} {}\" is not a date and time",
                                                  text_of("date"), text_of("time"))});
      continue;
    }
    std::string title = text_of("title"), body = text_of("body");
    std::string situation = title;
    if (!body.empty()) situation += (situation.empty() ? "" : "\n\n") + body;
    if (situation.empty()) {
      in.unreadable.push_back({where, "has neither a title nor a body"});
      continue;
    }
    std::string tags;
    if (auto t = o.if_contains("tags"); t && t->is_array()) {
      for (const auto& tag : t->as_array()) {
        if (!tag.is_string()) continue;
        std::string_view s = tag.as_string();
        if (!s.empty() && s.front() == '@') s.remove_prefix(1);
        if (!s.empty()) tags += (tags.empty() ? "" : "\n") + std::string(s);
      }
    }
    json::object values{{"happened_ms", at_ms}, {"happened_offset", offset},
                        {"written_ms", at_ms},  {"written_offset", offset},
                        {"updated_ms", at_ms},  {"situation", situation},
                        {"tags", tags}};
    in.rows.push_back(
        {reflections, std::move(values), where, "jrnl:" + Digest(json::serialize(o))});
  }
  return in;
}

}  // namespace securebase::portability
