#pragma once
// A tiny blocking HTTP/1.1 client over plain sockets, for tests only.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/headers.h"

namespace securebase::http::testing {

struct TestResponse {
  int status = 0;  // 0: no response (closed, timed out or garbled)
  Headers headers;
  std::string body;

  std::string_view Header(std::string_view name) const { return headers.Get(name); }
};

// One connection to 127.0.0.1:port. Reads time out after 10 s.
class TestConnection {
 public:
  explicit TestConnection(uint16_t port) : port_(port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd_ < 0) return;
    timeval tv{10, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~TestConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  TestConnection(const TestConnection&) = delete;
  TestConnection& operator=(const TestConnection&) = delete;

  bool connected() const { return fd_ >= 0; }
  uint16_t port() const { return port_; }
  std::string host() const { return "127.0.0.1:" + std::to_string(port_); }

  bool Send(std::string_view raw) {
    while (!raw.empty()) {
      ssize_t n = ::send(fd_, raw.data(), raw.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      raw.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  // Sends a request with Host (unless given), Content-Length when there is a body, and
  // `headers` ("Name: value" lines without CRLF).
  bool SendRequest(std::string_view method, std::string_view target,
                   const std::vector<std::string>& headers = {}, std::string_view body = {}) {
    std::string raw = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\n";
    bool has_host = false;
    for (const std::string& h : headers) {
      if (h.size() >= 5 && EqualsIgnoreCase(h.substr(0, 5), "host:")) has_host = true;
      raw += h + "\r\n";
    }
    if (!has_host) raw += "Host: " + host() + "\r\n";
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
      raw += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    }
    raw += "\r\n";
    raw += body;
    return Send(raw);
  }

  // Reads one response (an interim 100 Continue too). `head` says it answers a HEAD
  // request (no body follows).
  TestResponse Read(bool head = false) {
    TestResponse res;
    size_t end;
    while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
      if (!Fill()) return res;
    }
    std::string head_text = pending_.substr(0, end);
    pending_.erase(0, end + 4);
    size_t line_end = head_text.find("\r\n");
    std::string status_line = head_text.substr(0, line_end);
    if (status_line.size() < 12 || status_line.compare(0, 5, "HTTP/") != 0) return res;
    int status = std::atoi(status_line.substr(9, 3).c_str());
    size_t pos = line_end == std::string::npos ? head_text.size() : line_end + 2;
    while (pos < head_text.size()) {
      size_t next = head_text.find("\r\n", pos);
      if (next == std::string::npos) next = head_text.size();
      std::string line = head_text.substr(pos, next - pos);
      size_t colon = line.find(':');
      if (colon != std::string::npos) {
        size_t v = colon + 1;
        while (v < line.size() && line[v] == ' ') ++v;
        res.headers.Add(line.substr(0, colon), line.substr(v));
      }
      pos = next + 2;
    }
    size_t length = 0;
    if (!head && status != 204 && status != 304) {
      length =
          static_cast<size_t>(std::atoll(std::string(res.headers.Get("Content-Length")).c_str()));
    }
    while (pending_.size() < length) {
      if (!Fill()) return res;
    }
    res.body = pending_.substr(0, length);
    pending_.erase(0, length);
    res.status = status;
    return res;
  }

  // SendRequest, then Read.
  TestResponse Fetch(std::string_view method, std::string_view target,
                     const std::vector<std::string>& headers = {}, std::string_view body = {}) {
    if (!SendRequest(method, target, headers, body)) return {};
    return Read(method == "HEAD");
  }

  // True when the peer closes the connection within `timeout_ms` (bytes sent meanwhile
  // are discarded).
  bool WaitForClose(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    while (::poll(&p, 1, timeout_ms) > 0) {
      char buf[4096];
      ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) return true;
    }
    return false;
  }

 private:
  bool Fill() {
    char buf[16384];
    ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return false;
    pending_.append(buf, static_cast<size_t>(n));
    return true;
  }

  uint16_t port_;
  int fd_ = -1;
  std::string pending_;
};

// One request on a fresh connection.
inline TestResponse Fetch(uint16_t port, std::string_view method, std::string_view target,
                          const std::vector<std::string>& headers = {},
                          std::string_view body = {}) {
  TestConnection conn(port);
  return conn.Fetch(method, target, headers, body);
}

}  // namespace securebase::http::testing
