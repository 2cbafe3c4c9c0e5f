// Time from starting `securebase serve` to its first answered request.
// Usage: startup_probe SECUREBASE_BINARY DB_PATH  -> prints "first_request_ms N"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

namespace {
bool HealthAnswers(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = false;
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
    std::string req = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                      "\r\nConnection: close\r\n\r\n";
    if (::write(fd, req.data(), req.size()) == static_cast<ssize_t>(req.size())) {
      char buf[64] = {0};
      ok = ::read(fd, buf, sizeof buf - 1) > 12 && std::strncmp(buf + 9, "200", 3) == 0;
    }
  }
  ::close(fd);
  return ok;
}
}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s SECUREBASE_BINARY DB_PATH\n", argv[0]);
    return 2;
  }
  const int port = 18642;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ::fork();
  if (pid == 0) {
    std::string p = std::to_string(port);
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execl(argv[1], argv[1], "--db", argv[2], "serve", "--port", p.c_str(), "--token",
            "bench-token-0123456789", nullptr);
    ::_exit(127);
  }
  double ms = -1;
  for (int i = 0; i < 20000; ++i) {
    if (HealthAnswers(port)) {
      ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
               .count();
      break;
    }
    ::usleep(200);
  }
  ::kill(pid, SIGTERM);
  ::waitpid(pid, nullptr, 0);
  std::printf("first_request_ms %.1f\n", ms);
  return ms < 0 ? 1 : 0;
}
