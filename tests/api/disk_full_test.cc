// A full disk: writes fail with a clear error, reads keep working, nothing stored is
// damaged, and writes work again once there is room. Needs root (to mount a small tmpfs);
// skipped otherwise.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "server_process.h"

namespace securebase::testing {
namespace {

class SmallDisk {
 public:
  SmallDisk() {
    dir_ = std::filesystem::temp_directory_path() / ("sb_full_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    mounted_ = ::geteuid() == 0 && ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, "size=3m") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
    std::filesystem::remove_all(dir_);
  }
  bool mounted() const { return mounted_; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }

 private:
  std::filesystem::path dir_;
  bool mounted_ = false;
};

TEST(DiskFull, WritesFailClearlyReadsGoOnAndWritesResumeWithSpace) {
  SmallDisk disk;
  if (!disk.mounted()) GTEST_SKIP() << "needs root to mount a small tmpfs";
  // Room to give back later.
  std::ofstream(disk.path("filler"), std::ios::binary) << std::string(1 << 20, 'f');
  ServerProcess server(disk.path("securebase.db"), {"--keep-backups", "0"});
  ASSERT_NE(server.port(), 0) << server.Output();
  ASSERT_EQ(server.Call("POST", "/api/v1/people", R"({"name":"Keep me","notes":"written before"})")
                .status,
            201);

  const std::string notes(90'000, 'n');
  int status = 0;
  for (int i = 0; i < 200 && status != 507; ++i) {
    status = server.Call("POST", "/api/v1/people", R"({"name":"Filler","notes":")" + notes + "\"}")
                 .status;
    ASSERT_TRUE(status == 201 || status == 507) << "got " << status;
  }
  ASSERT_EQ(status, 507) << "the disk never filled up";
  auto full =
      server.Call("POST", "/api/v1/people", R"({"name":"Too much","notes":")" + notes + "\"}");
  EXPECT_EQ(full.status, 507);
  EXPECT_NE(full.body.find("disk-full"), std::string::npos) << full.body;
  EXPECT_NE(full.body.find("everything saved before is safe"), std::string::npos);

  auto list = server.Call("GET", "/api/v1/people?limit=500");
  ASSERT_EQ(list.status, 200);
  EXPECT_NE(list.body.find("Keep me"), std::string::npos);
  EXPECT_NE(list.body.find("written before"), std::string::npos);

  std::filesystem::remove(disk.path("filler"));
  auto again = server.Call("POST", "/api/v1/people", R"({"name":"After space returned"})");
  EXPECT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(server.Stop(), 0);

  // Sound and complete after a restart.
  ServerProcess reopened(disk.path("securebase.db"), {"--keep-backups", "0"});
  auto after = reopened.Call("GET", "/api/v1/people?limit=500");
  EXPECT_NE(after.body.find("Keep me"), std::string::npos);
  EXPECT_NE(after.body.find("After space returned"), std::string::npos);
}

}  // namespace
}  // namespace securebase::testing
