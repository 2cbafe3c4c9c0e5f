#pragma once
// The shared store-test database (platform/db/test_db.h), under this feature's namespace.
#include "platform/db/test_db.h"

namespace securebase::trust::testing {
using db::testing::TestDb;
}  // namespace securebase::trust::testing
