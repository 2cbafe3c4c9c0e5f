// The "checkins" kind: check-ins, with a person or on your own
#include "portability/kind.h"

namespace securebase::portability {

Kind CheckinsKind() {
  return {.name = "checkins",
          .table = "checkins",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "check-ins, with a person or on your own"};
}

}  // namespace securebase::portability
