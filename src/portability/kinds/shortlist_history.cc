// The "shortlist_history" kind: every status a shortlist entry has had.
#include "portability/kind.h"

namespace securebase::portability {

Kind ShortlistHistoryKind() {
  return {.name = "shortlist_history",
          .table = "shortlist_history",
          .version = 1,
          .has_id = false,
          .natural_key = {},
          .special = {{"entry_id", ColumnRule::kRef, "shortlist"}},
          .owner_column = "entry_id",
          .owner_table = "shortlist",
          .about = "the dates each shortlisted therapist changed status"};
}

}  // namespace securebase::portability
