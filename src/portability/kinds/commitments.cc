// The "commitments" kind: commitments made by you or to you (step 5)
#include "portability/kind.h"

namespace securebase::portability {

Kind CommitmentsKind() {
  return {.name = "commitments",
          .table = "commitments",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"},
                      {"renegotiated_from", ColumnRule::kRef, "commitments"}},
          .owner_column = "",
          .owner_table = "",
          .about = "commitments made by you or to you (step 5)"};
}

}  // namespace securebase::portability
