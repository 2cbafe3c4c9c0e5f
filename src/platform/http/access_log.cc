#include "platform/http/access_log.h"

#include <cstdio>
#include <memory>
#include <mutex>

namespace securebase::http {

namespace {

void AppendEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '\\' || c == ' ') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
}

}  // namespace

std::string FormatAccessLog(const AccessLogEntry& entry) {
  std::string out;
  out.reserve(entry.method.size() + entry.path.size() + 24);
  AppendEscaped(out, entry.method.empty() ? "-" : entry.method);
  out += ' ';
  AppendEscaped(out, entry.path.empty() ? "-" : entry.path);
  char buf[48];
  std::snprintf(buf, sizeof buf, " %d %.1fms", entry.status, entry.duration_ms);
  out += buf;
  return out;
}

AccessLogSink AccessLogTo(std::ostream& out) {
  auto mu = std::make_shared<std::mutex>();
  return [&out, mu](const AccessLogEntry& entry) {
    std::string line = FormatAccessLog(entry);
    line += '\n';
    std::lock_guard<std::mutex> lock(*mu);
    out << line << std::flush;
  };
}

}  // namespace securebase::http
