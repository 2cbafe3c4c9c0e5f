// The "boundary_practices" kind: times you practised a boundary, with how steady you felt
#include "portability/kind.h"

namespace securebase::portability {

Kind BoundaryPracticesKind() {
  return {.name = "boundary_practices",
          .table = "boundary_practices",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"boundary_id", ColumnRule::kRef, "boundaries"}},
          .owner_column = "",
          .owner_table = "",
          .about = "times you practised a boundary, with how steady you felt"};
}

}  // namespace securebase::portability
