// The "regulation_sessions" kind: regulation practices you did, with distress before and after
#include "portability/kind.h"

namespace securebase::portability {

Kind RegulationSessionsKind() {
  return {.name = "regulation_sessions",
          .table = "regulation_sessions",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"person_id", ColumnRule::kRef, "people"},
                      {"reflection_id", ColumnRule::kRef, "reflections"}},
          .owner_column = "",
          .owner_table = "",
          .about = "regulation practices you did, with distress before and after"};
}

}  // namespace securebase::portability
