#include "http/idempotency.h"

#include <fmt/format.h>

#include "platform/http/response.h"

namespace securebase::http {
namespace {
constexpr int64_t kKeepMs = 24 * 3600 * 1000;

bool ValidKey(std::string_view key) {
  if (key.empty() || key.size() > 255) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}
}  // namespace

Handler Idempotency::Wrap(int64_t user_id, Handler next) {
  return [this, user_id, next = std::move(next)](const Request& request) {
    return Handle(user_id, request, next);
  };
}

Response Idempotency::Handle(int64_t user_id, const Request& request, const Handler& next) {
  const std::string* header = request.headers.Find("Idempotency-Key");
  if (!header) return next(request);
  std::string key(*header);
  if (!ValidKey(key)) {
    return Problem(422, "validation", "The Idempotency-Key header is not usable", "",
                   {{"Idempotency-Key", "must be 1 to 255 visible ASCII characters"}});
  }
  std::string slot = fmt::format("{}\n{}", user_id, key);
  {
    std::lock_guard lock(mu_);
    if (!in_flight_.insert(slot).second) {
      return Problem(409, "idempotency-in-progress", "A request with this key is still running",
                     "Wait for the first request to finish, then retry.");
    }
  }
  struct Release {
    Idempotency* self;
    std::string slot;
    ~Release() {
      std::lock_guard lock(self->mu_);
      self->in_flight_.erase(slot);
    }
  } release{this, slot};

  int64_t now = clock_.Now().utc_ms;
  std::optional<Response> stored;
  std::string stored_method, stored_path;
  Status read = db_.Read([&](db::Connection& c) -> Status {
    TRY_ASSIGN(auto* st, c.Prepare("SELECT method, path, status, body FROM idempotency_keys "
                                   "WHERE user_id = ? AND key = ? AND created_ms > ?"));
    st->BindAll(user_id, key, now - kKeepMs);
    TRY_ASSIGN(bool row, st->Step());
    if (row) {
      stored_method = st->Text(0);
      stored_path = st->Text(1);
      Response r;
      r.status = static_cast<int>(st->Int(2));
      r.body = st->Text(3);
      r.content_type = r.status < 400 ? "application/json" : "application/problem+json";
      stored = std::move(r);
    }
    st->Reset();
    return Status::Ok();
  });
  if (!read.ok()) return ProblemFromStatus(read);
  if (stored) {
    if (stored_method != request.method || stored_path != request.path) {
      return Problem(
          422, "idempotency-key-reused", "This Idempotency-Key was used for another request", "",
          {{"Idempotency-Key", "was already used for " + stored_method + " " + stored_path}});
    }
    stored->headers.Set("Idempotent-Replayed", "true");
    return *stored;
  }
  Response response = next(request);
  if (response.status < 500) {
    Status saved = db_.Write([&](db::Connection& c) -> Status {
      TRY(c.Exec(
          fmt::format("DELETE FROM idempotency_keys WHERE created_ms <= {}", now - kKeepMs)));
      TRY_ASSIGN(auto* st,
                 c.Prepare("INSERT OR REPLACE INTO idempotency_keys (user_id, key, method, "
                           "path, status, body, created_ms) VALUES (?,?,?,?,?,?,?)"));
      st->BindAll(user_id, key, request.method, request.path, response.status, response.body, now);
      return st->Run();
    });
    (void)saved;  // the write itself succeeded; a lost key only means a retry is not deduplicated
  }
  return response;
}

}  // namespace securebase::http
