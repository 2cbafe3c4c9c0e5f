#include "platform/db/database.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <future>

namespace securebase::db {
namespace {

Status CreatePrivateFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_CREAT | O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Io(fmt::format("cannot create {}: {}", path, std::strerror(errno)));
  ::close(fd);
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const DatabaseOptions& options,
                                                 const std::vector<Migration>& migrations) {
  if (options.path.empty()) return Status::Invalid("database path is empty");
  if (::access(options.path.c_str(), F_OK) != 0) TRY(CreatePrivateFile(options.path));
  std::unique_ptr<Database> db(new Database(options));
  TRY_ASSIGN(db->writer_conn_, Connection::Open(options.path, OpenMode::kReadWrite));
  Connection& w = *db->writer_conn_;
  TRY(w.Exec("PRAGMA journal_mode=WAL"));
  TRY(w.Exec(options.durability == Durability::kFull ? "PRAGMA synchronous=FULL"
                                                     : "PRAGMA synchronous=NORMAL"));
  TRY(Migrate(w, migrations, options.path + ".before-migration"));
  for (int i = 0; i < std::max(1, options.readers); ++i) {
    TRY_ASSIGN(auto r, Connection::Open(options.path, OpenMode::kReadWrite));
    TRY(r->Exec("PRAGMA query_only=ON"));
    db->idle_readers_.push_back(std::move(r));
  }
  db->writer_ = std::thread([d = db.get()] { d->WriterLoop(); });
  return db;
}

Database::~Database() {
  {
    std::lock_guard lock(queue_mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
}

Status Database::Write(Job job) {
  auto promise = std::make_shared<std::promise<Status>>();
  auto future = promise->get_future();
  WriteAsync(std::move(job), [promise](Status s) { promise->set_value(std::move(s)); });
  return future.get();
}

void Database::WriteAsync(Job job, std::function<void(Status)> done) {
  {
    std::lock_guard lock(queue_mu_);
    if (stopping_) {
      done(Status::Precondition("the database is closing; the write was not made"));
      return;
    }
    queue_.push_back({std::move(job), std::move(done)});
  }
  queue_cv_.notify_one();
}

namespace {
// The read transaction this thread is inside, if any (see Database::Read).
struct ActiveRead {
  const Database* db = nullptr;
  Connection* conn = nullptr;
};
thread_local ActiveRead t_active_read;
}  // namespace

Status Database::Read(const Job& job) {
  if (t_active_read.db == this) return job(*t_active_read.conn);
  std::unique_ptr<Connection> conn;
  {
    std::unique_lock lock(readers_mu_);
    readers_cv_.wait(lock, [&] { return !idle_readers_.empty(); });
    conn = std::move(idle_readers_.back());
    idle_readers_.pop_back();
  }
  // A read transaction so that multi-statement reads see one snapshot.
  Status s = conn->Exec("BEGIN");
  if (s.ok()) {
    t_active_read = {this, conn.get()};
    s = job(*conn);
    t_active_read = {};
    (void)conn->Exec("COMMIT");
  }
  {
    std::lock_guard lock(readers_mu_);
    idle_readers_.push_back(std::move(conn));
  }
  readers_cv_.notify_one();
  return s;
}

void Database::WriterLoop() {
  std::vector<Pending> batch;
  for (;;) {
    {
      std::unique_lock lock(queue_mu_);
      queue_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and everything queued has committed
      while (!queue_.empty() && static_cast<int>(batch.size()) < options_.max_batch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    batch.clear();
  }
}

void Database::RunBatch(std::vector<Pending>& batch) {
  Connection& c = *writer_conn_;
  std::vector<Status> results(batch.size());
  Status begin = c.Exec("BEGIN IMMEDIATE");
  if (!begin.ok()) {
    for (auto& p : batch) p.done(begin);
    return;
  }
  // Set when SQLite rolled the whole transaction back (it does on a full disk, for one):
  // then no job of this batch is saved, and the rest do not run outside a transaction.
  Status aborted;
  for (size_t i = 0; i < batch.size(); ++i) {
    if (!aborted.ok()) {
      results[i] = aborted;
      continue;
    }
    Status sp = c.Exec("SAVEPOINT job");
    if (!sp.ok()) {
      results[i] = sp;
      continue;
    }
    results[i] = batch[i].job(c);
    if (results[i].ok()) results[i] = c.Exec("RELEASE job");
    if (results[i].ok()) continue;
    if (sqlite3_get_autocommit(c.raw())) {
      aborted = results[i];
    } else {
      (void)c.Exec("ROLLBACK TO job");
      (void)c.Exec("RELEASE job");
    }
  }
  if (!aborted.ok()) {
    for (auto& r : results) {
      if (r.ok()) r = aborted.WithContext("not saved");
    }
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
    return;
  }
  Status commit = c.Exec("COMMIT");
  if (!commit.ok()) {
    (void)c.Exec("ROLLBACK");
    for (auto& r : results) {
      if (r.ok()) r = commit.WithContext("saving failed, nothing was written");
    }
  }
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
}

}  // namespace securebase::db
