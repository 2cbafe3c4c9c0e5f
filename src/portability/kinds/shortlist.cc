// The "shortlist" kind: therapists you are considering, with where you are with each.
#include "portability/kind.h"

namespace securebase::portability {

Kind ShortlistKind() {
  return {.name = "shortlist",
          .table = "shortlist",
          .version = 1,
          .has_id = true,
          .natural_key = {"provider_id"},
          .special = {{"provider_id", ColumnRule::kExternal, "providers"}},
          .owner_column = "",
          .owner_table = "",
          .about = "therapists you shortlisted from the directory, with your notes (step 8)"};
}

}  // namespace securebase::portability
