#pragma once
// Idempotency-Key support for writes: the first answer to a key is kept for 24 hours and
// returned again for a retry of the same request, so a retry creates nothing new.
#include <mutex>
#include <set>
#include <string>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/http/handler.h"

namespace securebase::http {

class Idempotency {
 public:
  Idempotency(db::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // `next` behind the key check. Without an Idempotency-Key header it just calls `next`.
  // With one: a stored answer for the same method and path is replayed (header
  // "Idempotent-Replayed: true"); a key used for another request is a 422; a key whose
  // first request is still running is a 409. Answers below 500 are stored.
  Handler Wrap(int64_t user_id, Handler next);

 private:
  Response Handle(int64_t user_id, const Request& request, const Handler& next);

  db::Database& db_;
  const Clock& clock_;
  std::mutex mu_;
  std::set<std::string> in_flight_;
};

}  // namespace securebase::http
