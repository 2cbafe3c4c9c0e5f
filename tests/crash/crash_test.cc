// Nothing acknowledged is lost: a writer is killed with SIGKILL at random moments, 50
// times; after each kill every write it had been told was saved is in the database and
// PRAGMA integrity_check passes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <thread>

#include "platform/db/sqlite.h"

namespace securebase {
namespace {

TEST(CrashTest, AcknowledgedWritesSurviveSigkill) {
  std::string dir =
      (std::filesystem::temp_directory_path() / ("sb_crash_" + std::to_string(::getpid())))
          .string();
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string db_path = dir + "/crash.db";
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<int> wait_ms(10, 200);
  std::set<long> acknowledged;
  for (int round = 0; round < 50; ++round) {
    int out[2];
    ASSERT_EQ(::pipe(out), 0);
    pid_t pid = ::fork();
    if (pid == 0) {
      ::dup2(out[1], 1);
      ::close(out[0]);
      std::string first = std::to_string(1'000'000L * (round + 1));
      ::execl(CRASH_WRITER, CRASH_WRITER, db_path.c_str(), first.c_str(), nullptr);
      ::_exit(127);
    }
    ::close(out[1]);
    std::this_thread::sleep_for(std::chrono::milliseconds(wait_ms(rng)));
    ::kill(pid, SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer exited on its own in round " << round;
    std::string text;
    char buf[65536];
    ssize_t n;
    while ((n = ::read(out[0], buf, sizeof buf)) > 0) text.append(buf, static_cast<size_t>(n));
    ::close(out[0]);
    // Only complete lines count: a line cut short by the kill has no newline.
    text.erase(text.find_last_of('\n') == std::string::npos ? 0 : text.find_last_of('\n') + 1);
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty()) acknowledged.insert(std::stol(line));
    }
    // Every acknowledged id so far must be there, and the file must be sound.
    auto conn = db::Connection::Open(db_path, db::OpenMode::kReadWrite);
    ASSERT_TRUE(conn.ok()) << conn.status().message();
    auto check = (*conn)->QueryInt(
        "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'");
    ASSERT_TRUE(check.ok());
    EXPECT_EQ(*check, 0) << "integrity_check failed after round " << round;
    auto st = (*conn)->Prepare("SELECT id FROM entries");
    if (!st.ok()) {  // killed before it made its table: then nothing was acknowledged either
      ASSERT_TRUE(acknowledged.empty()) << st.status().message();
      continue;
    }
    std::set<long> present;
    for (;;) {
      auto row = (*st)->Step();
      ASSERT_TRUE(row.ok());
      if (!*row) break;
      present.insert(static_cast<long>((*st)->Int(0)));
    }
    size_t missing = 0;
    for (long id : acknowledged) missing += present.count(id) == 0;
    ASSERT_EQ(missing, 0u) << "round " << round << ": " << missing << " acknowledged writes lost";
  }
  EXPECT_GT(acknowledged.size(), 1000u) << "the writer barely wrote; the test proves little";
  std::printf("%zu acknowledged writes over 50 kills, none lost\n", acknowledged.size());
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace securebase
