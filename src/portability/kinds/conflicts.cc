// The "conflicts" kind: conflicts you logged
#include "portability/kind.h"

namespace securebase::portability {

Kind ConflictsKind() {
  return {.name = "conflicts",
          .table = "conflicts",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "conflicts you logged"};
}

}  // namespace securebase::portability
