#include "platform/http/response.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

namespace securebase::http {

std::string ProblemType(std::string_view slug) {
  std::string out(kProblemTypeBase);
  out += slug;
  return out;
}

Response Json(int status, const boost::json::value& body) {
  Response res;
  res.status = status;
  res.body = boost::json::serialize(body);
  res.content_type = "application/json";
  return res;
}

Response Text(int status, std::string body, std::string content_type) {
  Response res;
  res.status = status;
  res.body = std::move(body);
  res.content_type = std::move(content_type);
  return res;
}

Response Problem(int status, std::string_view type, std::string_view title, std::string_view detail,
                 const std::vector<FieldError>& errors) {
  boost::json::object doc;
  doc["type"] = type.find(':') == std::string_view::npos ? ProblemType(type) : std::string(type);
  doc["title"] = title;
  doc["status"] = status;
  if (!detail.empty()) doc["detail"] = detail;
  if (!errors.empty()) {
    boost::json::array list;
    list.reserve(errors.size());
    for (const FieldError& e : errors) {
      list.push_back(boost::json::object{{"field", e.field}, {"message", e.message}});
    }
    doc["errors"] = std::move(list);
  }
  Response res;
  res.status = status;
  res.body = boost::json::serialize(doc);
  res.content_type = "application/problem+json";
  return res;
}

Response ProblemFromStatus(const Status& status) {
  switch (status.code()) {
    case ErrorCode::kInvalidArgument:
      return Problem(422, "validation", "The input is not valid", status.message(),
                     status.fields());
    case ErrorCode::kNotFound:
      return Problem(404, "not-found", "Not found", status.message());
    case ErrorCode::kAlreadyExists:
    case ErrorCode::kConflict:
      return Problem(409, "conflict", "Conflict", status.message());
    case ErrorCode::kFailedPrecondition:
      return Problem(409, "precondition", "Not possible right now", status.message());
    case ErrorCode::kDiskFull:
      return Problem(507, "disk-full", "The disk is full",
                     "This was not saved because the disk is full. Free some space and try "
                     "again; everything saved before is safe.");
    case ErrorCode::kOk:
    case ErrorCode::kIo:
    case ErrorCode::kInternal:
      break;
  }
  return Problem(500, "internal", "Something went wrong",
                 "The server could not complete the request. Please try again.");
}

Response Redirect(int status, std::string location) {
  Response res;
  res.status = status;
  res.headers.Set("Location", std::move(location));
  return res;
}

Response NoContent() {
  Response res;
  res.status = 204;
  return res;
}

}  // namespace securebase::http
