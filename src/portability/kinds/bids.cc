// The "bids" kind: bids for connection made and received (step 6)
#include "portability/kind.h"

namespace securebase::portability {

Kind BidsKind() {
  return {.name = "bids",
          .table = "bids",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "bids for connection made and received (step 6)"};
}

}  // namespace securebase::portability
