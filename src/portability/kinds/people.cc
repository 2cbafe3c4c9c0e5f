// The "people" kind: the people in your life
#include "portability/kind.h"

namespace securebase::portability {

Kind PeopleKind() {
  return {.name = "people",
          .table = "people",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {},
          .owner_column = "",
          .owner_table = "",
          .about = "the people in your life"};
}

}  // namespace securebase::portability
