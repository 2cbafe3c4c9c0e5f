#pragma once
// One line per answered request: method, path (without the query), status, duration.
// Never bodies, query strings, cookies or tokens.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace securebase::http {

struct AccessLogEntry {
  std::string_view method;  // "-" when the request could not be parsed
  std::string_view path;    // decoded, without the query; "-" when unknown
  int status = 0;
  double duration_ms = 0;  // from the end of the request header to the response written
};

// Receives an entry per response. The server calls it on its I/O thread, so it should be
// quick.
using AccessLogSink = std::function<void(const AccessLogEntry&)>;

// "GET /api/v1/people 200 1.3ms". Control characters, spaces and backslashes in the path are
// escaped (\xNN), so a request cannot forge log lines.
std::string FormatAccessLog(const AccessLogEntry& entry);

// A sink writing FormatAccessLog lines to `out`, serialized by a mutex. `out` must outlive
// the sink.
AccessLogSink AccessLogTo(std::ostream& out);

}  // namespace securebase::http
