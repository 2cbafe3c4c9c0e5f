#pragma once
// Runs the real securebase binary for integration tests: with piped input, or under a
// pseudo-terminal that a test types into.
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace securebase::testing {

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// A fresh temporary folder, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "sb_it_XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// Runs `securebase ARGS` with SECUREBASE_DB=db and XDG_CONFIG_HOME under `home`, feeding
// `input` on stdin. Output goes through files so large outputs cannot deadlock.
inline RunResult RunSecurebase(const std::string& home, const std::vector<std::string>& args,
                               const std::string& input = "") {
  std::string in_path = home + "/.stdin", out_path = home + "/.stdout",
              err_path = home + "/.stderr";
  WriteFile(in_path, input);
  pid_t pid = ::fork();
  if (pid == 0) {
    int in = ::open(in_path.c_str(), O_RDONLY);
    int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::setenv("SECUREBASE_DB", (home + "/db/securebase.db").c_str(), 1);
    ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
    ::setenv("HOME", home.c_str(), 1);
    std::vector<char*> argv{const_cast<char*>(SECUREBASE_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(SECUREBASE_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = ReadFile(out_path);
  r.err = ReadFile(err_path);
  return r;
}

// The binary under a pseudo-terminal: type keys, read the screen text.
class PtySession {
 public:
  PtySession(const std::string& home, const std::vector<std::string>& args) {
    winsize ws{};
    ws.ws_col = 100;
    ws.ws_row = 40;
    pid_ = ::forkpty(&master_, nullptr, nullptr, &ws);
    if (pid_ == 0) {
      ::setenv("SECUREBASE_DB", (home + "/db/securebase.db").c_str(), 1);
      ::setenv("XDG_CONFIG_HOME", (home + "/config").c_str(), 1);
      ::setenv("HOME", home.c_str(), 1);
      ::setenv("TERM", "xterm", 1);
      std::vector<char*> argv{const_cast<char*>(SECUREBASE_BINARY)};
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      ::execv(SECUREBASE_BINARY, argv.data());
      ::_exit(127);
    }
  }
  ~PtySession() {
    if (pid_ > 0 && !exited_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) ::close(master_);
  }

  void Type(const std::string& keys) {
    ssize_t n = ::write(master_, keys.data(), keys.size());
    (void)n;
  }

  // Reads output until `needle` appears after the read position or `timeout_ms` passes.
  // Returns true when found; everything read is appended to transcript().
  bool WaitFor(const std::string& needle, int timeout_ms = 5000) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      size_t pos = transcript_.find(needle, mark_);
      if (pos != std::string::npos) {
        mark_ = pos + needle.size();
        return true;
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
      if (left <= 0) return false;
      pollfd p{master_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
      char buf[4096];
      ssize_t n = ::read(master_, buf, sizeof buf);
      if (n <= 0) return transcript_.find(needle, mark_) != std::string::npos;
      transcript_.append(buf, static_cast<size_t>(n));
    }
  }

  int Wait() {
    int status = 0;
    WaitFor("\x01never\x01", 300);  // drain
    ::waitpid(pid_, &status, 0);
    exited_ = true;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }

  const std::string& transcript() const { return transcript_; }

 private:
  int master_ = -1;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::string transcript_;
  size_t mark_ = 0;
};

}  // namespace securebase::testing
