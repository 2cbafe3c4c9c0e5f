#pragma once
// Starts the real `securebase serve` on an ephemeral port with a temporary database, and
// stops it with SIGTERM when the object goes away.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "platform/http/test_client.h"

namespace securebase::testing {

inline constexpr const char* kToken = "test-token-0123456789abcdef";

class ServerProcess {
 public:
  // `db_path`: where the database goes (default: a temporary folder). `extra`: more
  // arguments for `serve`.
  explicit ServerProcess(std::string db_path = "", std::vector<std::string> extra = {}) {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sb_api_XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
    std::string out = dir_ + "/server.out";
    pid_ = ::fork();
    if (pid_ == 0) {
      int fd = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(fd, 1);
      int err = ::open((dir_ + "/server.err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(err, 2);
      ::setenv("XDG_CONFIG_HOME", (dir_ + "/config").c_str(), 1);
      std::string db = db_path.empty() ? dir_ + "/db/securebase.db" : db_path;
      std::vector<std::string> args = {SECUREBASE_BINARY, "--db", db,        "serve",
                                       "--port",          "0",    "--token", kToken};
      args.insert(args.end(), extra.begin(), extra.end());
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(SECUREBASE_BINARY, argv.data());
      ::_exit(127);
    }
    // Wait for "http://127.0.0.1:PORT/" in its output.
    for (int i = 0; i < 500 && port_ == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      std::string text = Read(out);
      size_t at = text.find("http://127.0.0.1:");
      if (at != std::string::npos) port_ = static_cast<uint16_t>(std::atoi(text.c_str() + at + 17));
    }
  }
  ~ServerProcess() {
    Stop();
    std::filesystem::remove_all(dir_);
  }

  // Sends SIGTERM and waits; returns the exit status.
  int Stop() {
    if (pid_ <= 0) return exit_code_;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return exit_code_;
  }
  bool alive() const { return pid_ > 0 && ::kill(pid_, 0) == 0; }
  uint16_t port() const { return port_; }
  std::string AccessLog() const { return Read(dir_ + "/server.err"); }
  std::string Output() const { return Read(dir_ + "/server.out"); }

  // A request with the bearer token (unless `auth` is false) and a JSON body when given.
  http::testing::TestResponse Call(const std::string& method, const std::string& target,
                                   const std::string& body = "",
                                   std::vector<std::string> headers = {}, bool auth = true) const {
    if (auth) headers.push_back(std::string("Authorization: Bearer ") + kToken);
    if (!body.empty()) headers.push_back("Content-Type: application/json");
    return http::testing::Fetch(port_, method, target, headers, body);
  }

  static boost::json::value Parse(const std::string& body) {
    boost::system::error_code ec;
    auto v = boost::json::parse(body, ec);
    return ec ? boost::json::value() : v;
  }

 private:
  static std::string Read(const std::string& path) {
    std::string s;
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return s;
    char buf[4096];
    ssize_t n;
    while ((n = ::read(fd, buf, sizeof buf)) > 0) s.append(buf, static_cast<size_t>(n));
    ::close(fd);
    return s;
  }

  std::string dir_;
  pid_t pid_ = -1;
  uint16_t port_ = 0;
  int exit_code_ = -1;
};

// A test suite sharing one server (started before its first test, stopped after its last).
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->Output(); }

  inline static ServerProcess* server_ = nullptr;
};

}  // namespace securebase::testing
