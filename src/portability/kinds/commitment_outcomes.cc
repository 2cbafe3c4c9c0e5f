// The "commitment_outcomes" kind: whether each commitment was kept, renegotiated or broken, per day
#include "portability/kind.h"

namespace securebase::portability {

Kind CommitmentOutcomesKind() {
  return {.name = "commitment_outcomes",
          .table = "commitment_outcomes",
          .version = 1,
          .has_id = false,
          .natural_key = {"commitment_id", "day"},
          .special = {{"commitment_id", ColumnRule::kRef, "commitments"}},
          .owner_column = "",
          .owner_table = "",
          .about = "whether each commitment was kept, renegotiated or broken, per day"};
}

}  // namespace securebase::portability
