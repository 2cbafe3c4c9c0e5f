// The "reflections" kind: your reflections (step 2)
#include "portability/kind.h"

namespace securebase::portability {

Kind ReflectionsKind() {
  return {
      .name = "reflections",
      .table = "reflections",
      .version = 1,
      .has_id = true,
      .natural_key = {},
      .special = {{"people", ColumnRule::kRefList, "people"}, {"emotions", ColumnRule::kJson, ""}},
      .owner_column = "",
      .owner_table = "",
      .about = "your reflections (step 2)"};
}

}  // namespace securebase::portability
