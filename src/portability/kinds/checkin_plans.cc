// The "checkin_plans" kind: how often you want to check in, per person
#include "portability/kind.h"

namespace securebase::portability {

Kind CheckinPlansKind() {
  return {.name = "checkin_plans",
          .table = "checkin_plans",
          .version = 1,
          .has_id = false,
          .natural_key = {"person_key"},
          .special = {{"person_key", ColumnRule::kRefOrZero, "people"}},
          .owner_column = "",
          .owner_table = "",
          .about = "how often you want to check in, per person"};
}

}  // namespace securebase::portability
