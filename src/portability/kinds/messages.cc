// The "messages" kind: messages you drafted (step 4)
#include "portability/kind.h"

namespace securebase::portability {

Kind MessagesKind() {
  return {.name = "messages",
          .table = "messages",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "messages you drafted (step 4)"};
}

}  // namespace securebase::portability
