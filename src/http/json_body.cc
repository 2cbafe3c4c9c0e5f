#include "http/json_body.h"

#include <fmt/format.h>

#include <charconv>

#include "platform/text.h"

namespace securebase::http {
namespace json = boost::json;

std::variant<json::object, Response> ParseJsonObject(const Request& request) {
  if (request.body.empty()) {
    return Problem(400, "malformed-json", "The request body is empty",
                   "Send a JSON object in the request body.");
  }
  json::parse_options options;
  options.max_depth = 32;
  boost::system::error_code ec;
  json::value v = json::parse(request.body, ec, {}, options);
  if (ec) {
    return Problem(400, "malformed-json", "The request body is not valid JSON",
                   fmt::format("Parsing stopped: {}.", ec.message()));
  }
  if (!v.is_object()) {
    return Problem(422, "validation", "The request body must be a JSON object", "",
                   {{"body", "must be a JSON object"}});
  }
  return std::move(v.as_object());
}

std::optional<std::string> FieldReader::String(const char* name, bool required, size_t max_bytes) {
  const json::value* v = object_.if_contains(name);
  if (!v || v->is_null()) {
    if (required) Error(name, "is required");
    return std::nullopt;
  }
  if (!v->is_string()) {
    Error(name, "must be text");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (s.size() > max_bytes) {
    Error(name, fmt::format("is {} bytes; the limit is {}", s.size(), max_bytes));
    return std::nullopt;
  }
  return s;
}

std::optional<int64_t> FieldReader::Int(const char* name, bool required, bool nullable) {
  const json::value* v = object_.if_contains(name);
  if (!v || (nullable && v->is_null())) {
    if (required && !v) Error(name, "is required");
    return std::nullopt;
  }
  if (v->is_int64()) return v->as_int64();
  if (v->is_uint64()) {
    Error(name, "is too large");
  } else if (v->is_double() &&
             v->as_double() == static_cast<double>(static_cast<int64_t>(v->as_double())) &&
             std::fabs(v->as_double()) < 9e15) {
    return static_cast<int64_t>(v->as_double());
  } else {
    Error(name, nullable ? "must be a whole number or null" : "must be a whole number");
  }
  return std::nullopt;
}

std::optional<bool> FieldReader::Bool(const char* name, bool required) {
  const json::value* v = object_.if_contains(name);
  if (!v) {
    if (required) Error(name, "is required");
    return std::nullopt;
  }
  if (!v->is_bool()) {
    Error(name, "must be true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

std::optional<std::map<std::string, int>> FieldReader::IntMap(const char* name, bool required) {
  const json::value* v = object_.if_contains(name);
  if (!v) {
    if (required) Error(name, "is required");
    return std::nullopt;
  }
  if (!v->is_object()) {
    Error(name, "must be an object of question id to answer");
    return std::nullopt;
  }
  std::map<std::string, int> out;
  bool ok = true;
  for (const auto& [key, value] : v->as_object()) {
    std::string field = fmt::format("{}.{}", name, std::string_view(key));
    if (value.is_int64() && value.as_int64() >= -1000 && value.as_int64() <= 1000) {
      out[std::string(key)] = static_cast<int>(value.as_int64());
    } else {
      Error(field, "must be a whole number on the questionnaire's scale");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

Status FieldReader::Finish(const std::set<std::string>& allowed) {
  for (const auto& [key, value] : object_) {
    if (!allowed.count(std::string(key))) {
      std::string name(key);
      if (!IsValidUtf8(name) || name.size() > 100) name = "(a field)";
      errors_.push_back({name, "is not a field this request accepts"});
    }
  }
  if (errors_.empty()) return Status::Ok();
  std::string msg = errors_.size() == 1 ? errors_[0].field + ": " + errors_[0].message
                                        : fmt::format("{} fields need attention", errors_.size());
  return Status::Invalid(msg, errors_);
}

Status MergeFieldErrors(const Status& first, const Status& second) {
  if (first.ok()) return second;
  if (second.ok() || second.code() != ErrorCode::kInvalidArgument) return first;
  std::vector<FieldError> fields = first.fields();
  for (const auto& f : second.fields()) {
    bool named = false;
    for (const auto& g : first.fields()) named |= g.field == f.field;
    if (!named) fields.push_back(f);
  }
  std::string msg = fields.size() == 1 ? fields[0].field + ": " + fields[0].message
                                       : fmt::format("{} fields need attention", fields.size());
  return Status::Invalid(msg, std::move(fields));
}

Result<int64_t> PathId(const Request& request, const char* name) {
  std::string_view text = request.PathParam(name);
  int64_t id = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) {
    return Status::NotFound(fmt::format("'{}' is not an id here", text));
  }
  return id;
}

Result<int> LimitParam(const Request& request, int fallback, int max) {
  auto text = request.QueryValue("limit");
  if (!text) return fallback;
  int limit = 0;
  auto [p, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec != std::errc() || p != text->data() + text->size() || limit < 1 || limit > max) {
    return Status::InvalidField("limit", fmt::format("must be a whole number from 1 to {}", max));
  }
  return limit;
}

}  // namespace securebase::http
