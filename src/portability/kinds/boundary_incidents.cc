// The "boundary_incidents" kind: times a boundary was held or crossed
#include "portability/kind.h"

namespace securebase::portability {

Kind BoundaryIncidentsKind() {
  return {.name = "boundary_incidents",
          .table = "boundary_incidents",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"boundary_id", ColumnRule::kRef, "boundaries"}},
          .owner_column = "",
          .owner_table = "",
          .about = "times a boundary was held or crossed"};
}

}  // namespace securebase::portability
