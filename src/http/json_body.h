#pragma once
// Reading JSON request bodies: malformed JSON is a 400; wrong types, bad values and
// unknown fields are collected as field errors for one 422.
#include <boost/json.hpp>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "platform/http/request.h"
#include "platform/http/response.h"
#include "platform/result.h"

namespace securebase::http {

// The body as a JSON object, or the 400/422 problem to answer instead.
std::variant<boost::json::object, Response> ParseJsonObject(const Request& request);

// Reads typed fields from an object, remembering what was wrong with each.
class FieldReader {
 public:
  explicit FieldReader(const boost::json::object& object) : object_(object) {}

  bool Has(const char* name) const { return object_.contains(name); }
  // Text up to `max_bytes`; absent -> nullopt (an error when `required`).
  std::optional<std::string> String(const char* name, bool required, size_t max_bytes);
  // A whole number; `null` counts as absent when `nullable`.
  std::optional<int64_t> Int(const char* name, bool required, bool nullable = false);
  std::optional<bool> Bool(const char* name, bool required);
  // An object of item id -> whole number (questionnaire answers).
  std::optional<std::map<std::string, int>> IntMap(const char* name, bool required);

  void Error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  // Ok, or InvalidArgument with every field error, including fields not in `allowed`.
  Status Finish(const std::set<std::string>& allowed);

 private:
  const boost::json::object& object_;
  std::vector<FieldError> errors_;
};

// Both Statuses' field errors in one InvalidArgument (a field named by `first` is not
// repeated from `second`); the non-ok one when only one is not ok.
Status MergeFieldErrors(const Status& first, const Status& second);

// A path parameter that must be a positive id; NotFound-style Status otherwise.
Result<int64_t> PathId(const Request& request, const char* name = "id");
// A query parameter "limit" from 1 to `max` (default `fallback`); errors name "limit".
Result<int> LimitParam(const Request& request, int fallback, int max);

}  // namespace securebase::http
