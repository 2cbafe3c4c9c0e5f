// Our own export read back (ParseOurExport).
#include <fmt/format.h>

#include "portability/export.h"
#include "portability/parsers.h"
#include "portability/zip.h"

namespace securebase::portability {
namespace json = boost::json;
namespace {

// Adds the items of one data/<kind>.json document.
void ReadDocument(const std::string& where, std::string_view text, Incoming& in) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec || !doc.is_object()) {
    in.unreadable.push_back({where, "not a JSON object (" + ec.message() + ")"});
    return;
  }
  const json::object& o = doc.as_object();
  auto format = o.if_contains("format");
  auto kind_name = o.if_contains("kind");
  auto version = o.if_contains("version");
  auto items = o.if_contains("items");
  if (!format || !format->is_string() || format->as_string() != kExportFormat) {
    in.unreadable.push_back({where, "\"format\" must be \"securebase-export\""});
    return;
  }
  if (!kind_name || !kind_name->is_string()) {
    in.unreadable.push_back({where, "\"kind\" is missing"});
    return;
  }
  const Kind* kind = FindKind(std::string(kind_name->as_string()));
  if (!kind) {
    in.unreadable.push_back({where, fmt::format("unknown kind \"{}\" (made by a newer SecureBase?)",
                                                std::string(kind_name->as_string()))});
    return;
  }
  if (!version || !version->is_int64() || version->as_int64() < 1 ||
      version->as_int64() > kind->version) {
    in.unreadable.push_back(
        {where, fmt::format("\"version\" must be 1 to {} for {}", kind->version, kind->name)});
    return;
  }
  if (!items || !items->is_array()) {
    in.unreadable.push_back({where, "\"items\" must be an array"});
    return;
  }
  size_t n = 0;
  for (const auto& item : items->as_array()) {
    ++n;
    std::string at = fmt::format("{} item {}", where, n);
    if (!item.is_object()) {
      in.unreadable.push_back({at, "not a JSON object"});
      continue;
    }
    if (kind->has_id) {
      auto id = item.as_object().if_contains("id");
      if (!id || !id->is_int64()) {
        in.unreadable.push_back({at, "\"id\" must be a whole number"});
        continue;
      }
    }
    in.rows.push_back({kind, item.as_object(), at, ""});
  }
}

}  // namespace

Result<Incoming> ParseOurExport(std::string_view bytes) {
  Incoming in;
  in.format = "securebase";
  if (!LooksLikeZip(bytes)) {
    size_t first = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
    if (first == std::string_view::npos || bytes[first] != '{') {
      return Status::Invalid("not a SecureBase export (neither a .zip nor a JSON document)");
    }
    ReadDocument("the JSON document", bytes, in);
    return in;
  }
  TRY_ASSIGN(auto entries, ReadZip(bytes));
  bool has_manifest = false;
  std::map<std::string, const ZipEntry*> data;
  for (const auto& e : entries) {
    if (e.name == "manifest.json") has_manifest = true;
    if (e.name.starts_with("data/") && e.name.ends_with(".json")) data[e.name] = &e;
  }
  if (!has_manifest) return Status::Invalid("not a SecureBase export: it has no manifest.json");
  // Documents in dependency order, so references point back to rows already read.
  for (const Kind& kind : AllKinds()) {
    auto it = data.find("data/" + kind.name + ".json");
    if (it == data.end()) continue;
    ReadDocument(it->first, it->second->data, in);
    data.erase(it);
  }
  for (const auto& [name, e] : data) ReadDocument(name, e->data, in);
  return in;
}

}  // namespace securebase::portability
