// The "boundaries" kind: your boundaries (step 7)
#include "portability/kind.h"

namespace securebase::portability {

Kind BoundariesKind() {
  return {.name = "boundaries",
          .table = "boundaries",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "your boundaries (step 7)"};
}

}  // namespace securebase::portability
