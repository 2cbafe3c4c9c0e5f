// The "repairs" kind: repair attempts, per conflict
#include "portability/kind.h"

namespace securebase::portability {

Kind RepairsKind() {
  return {.name = "repairs",
          .table = "repairs",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"conflict_id", ColumnRule::kRef, "conflicts"}},
          .owner_column = "",
          .owner_table = "",
          .about = "repair attempts, per conflict"};
}

}  // namespace securebase::portability
