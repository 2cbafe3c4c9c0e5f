// Baseline for durable writes: plain SQLite, one row per transaction, WAL and
// synchronous=FULL (the server's durability), on the disk of the path given.
// Usage: sqlite_baseline DB_PATH SECONDS  -> prints "rows_per_second N"
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s DB_PATH SECONDS\n", argv[0]);
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(argv[1], &db) != SQLITE_OK) return 1;
  sqlite3_exec(
      db,
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
      "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, answers TEXT, score REAL) STRICT;",
      nullptr, nullptr, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t (answers, score) VALUES (?, ?)", -1, &st, nullptr);
  const std::string answers(400, 'x');  // about the size of a 30-answer JSON object
  auto start = std::chrono::steady_clock::now();
  auto deadline = start + std::chrono::duration<double>(std::atof(argv[2]));
  long rows = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    sqlite3_bind_text(st, 1, answers.data(), static_cast<int>(answers.size()), SQLITE_STATIC);
    sqlite3_bind_double(st, 2, 3.5);
    sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    ++rows;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("rows_per_second %.0f\n", rows / secs);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return 0;
}
