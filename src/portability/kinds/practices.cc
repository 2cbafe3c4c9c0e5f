// The "practices" kind: regulation practices you made or changed
#include "portability/kind.h"

namespace securebase::portability {

Kind PracticesKind() {
  return {.name = "practices",
          .table = "practices",
          .version = 1,
          .has_id = false,
          .natural_key = {"practice_id"},
          .special = {{"definition", ColumnRule::kJson, ""}},
          .owner_column = "",
          .owner_table = "",
          .about = "regulation practices you made or changed"};
}

}  // namespace securebase::portability
