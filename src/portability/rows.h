#pragma once
// A kind's rows as JSON objects, the shape of the "items" of data/<kind>.json: one member
// per column except user_id, SQLite values as JSON (NULL as null), kJson columns parsed.
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "platform/db/sqlite.h"
#include "platform/result.h"
#include "portability/digest.h"
#include "portability/kind.h"

namespace securebase::portability {

// The columns of `table` in table order, without user_id. Empty when there is no such
// table (a kind whose migration has not run).
Result<std::vector<std::string>> TableColumns(db::Connection& conn, const std::string& table);

// Every row of `kind` that belongs to `user_id`, in id order (or natural key order).
Result<std::vector<boost::json::object>> ReadKind(db::Connection& conn, const Kind& kind,
                                                  int64_t user_id);

}  // namespace securebase::portability
