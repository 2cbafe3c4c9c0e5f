// Writes rows through the real writer path (Database::Write, group commit) as fast as it
// can from several threads, printing each row's id on stdout once its write is
// acknowledged. The crash test kills it with SIGKILL at random moments.
// Usage: crash_writer DB_PATH FIRST_ID
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "platform/db/database.h"

using namespace securebase;

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  static const std::string schema =
      "CREATE TABLE entries (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;";
  auto db = db::Database::Open({argv[1]}, {{1, "entries", schema}});
  if (!db.ok()) {
    std::fprintf(stderr, "%s\n", db.status().message().c_str());
    return 1;
  }
  const long first = std::atol(argv[2]);
  std::vector<std::thread> writers;
  for (int t = 0; t < 8; ++t) {
    writers.emplace_back([&, t] {
      for (long k = 0;; ++k) {
        long id = first + k * 8 + t;
        Status s = (*db)->Write([id](db::Connection& c) -> Status {
          TRY_ASSIGN(auto* st, c.Prepare("INSERT INTO entries (id, body) VALUES (?, ?)"));
          st->BindAll(static_cast<int64_t>(id), std::string(200, 'x'));
          return st->Run();
        });
        if (!s.ok()) continue;
        std::string line = std::to_string(id) + "\n";
        if (::write(1, line.data(), line.size()) < 0) return;
      }
    });
  }
  for (auto& w : writers) w.join();
  return 0;
}
