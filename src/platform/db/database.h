#pragma once
// The database as the app uses it: one writer thread with group commit, and a pool of
// read-only connections. Features see this through their store interfaces.
//
// Group commit: Write() queues a job; the writer thread takes every queued job, runs them
// in one BEGIN IMMEDIATE ... COMMIT (each job in its own SAVEPOINT, so one failing job
// does not undo the others), and answers each caller only after COMMIT returned. An
// acknowledged write is therefore durable (with synchronous=FULL).
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "platform/db/migration.h"
#include "platform/db/sqlite.h"
#include "platform/result.h"

namespace securebase::db {

enum class Durability { kFull, kNormal };  // PRAGMA synchronous

struct DatabaseOptions {
  std::string path;
  Durability durability = Durability::kFull;
  int readers = 4;
  int max_batch = 512;  // jobs per transaction at most
};

using Job = std::function<Status(Connection&)>;

class Database {
 public:
  // Opens or creates the database, sets WAL and the pragmas, and runs `migrations`
  // (backing up to "<path>.before-migration" first when an existing schema is older).
  // A new file is created with mode 0600.
  static Result<std::unique_ptr<Database>> Open(const DatabaseOptions& options,
                                                const std::vector<Migration>& migrations);
  // Drains the queue (every queued write commits), then closes.
  ~Database();

  // Runs `job` on the writer thread in the next batch; returns its Status once committed.
  // Thread-safe. Must not be called from inside a job.
  Status Write(Job job);
  // Like Write, but returns at once and calls `done` on the writer thread after commit.
  void WriteAsync(Job job, std::function<void(Status)> done);
  // Runs `job` on a read-only connection from the pool (blocks while all are busy), in one
  // read transaction: the job sees one snapshot of the last committed state. A Read()
  // inside a job on the same thread joins the outer one (same connection and snapshot),
  // so a request can group many store reads into one transaction. Thread-safe.
  Status Read(const Job& job);

  const std::string& path() const { return options_.path; }

 private:
  struct Pending {
    Job job;
    std::function<void(Status)> done;
  };
  explicit Database(DatabaseOptions options) : options_(std::move(options)) {}
  void WriterLoop();
  void RunBatch(std::vector<Pending>& batch);

  DatabaseOptions options_;
  std::unique_ptr<Connection> writer_conn_;
  std::mutex queue_mu_;
  std::condition_variable queue_cv_;
  std::deque<Pending> queue_;
  bool stopping_ = false;
  std::thread writer_;

  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;
};

}  // namespace securebase::db
