// The "checkups" kind: "is it time to talk to someone?" results (step 8).
#include "portability/kind.h"

namespace securebase::portability {

Kind CheckupsKind() {
  return {.name = "checkups",
          .table = "checkups",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"answers", ColumnRule::kJson, ""}},
          .owner_column = "",
          .owner_table = "",
          .about = "your answers to the self-check about getting help (step 8)"};
}

}  // namespace securebase::portability
