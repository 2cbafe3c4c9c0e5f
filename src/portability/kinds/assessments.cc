// The "assessments" kind: questionnaires you took, with every answer and the scores
#include "portability/kind.h"

namespace securebase::portability {

Kind AssessmentsKind() {
  return {.name = "assessments",
          .table = "assessments",
          .version = 1,
          .has_id = true,
          .natural_key = {},
          .special = {{"about_person_id", ColumnRule::kRef, "people"},
                      {"answers", ColumnRule::kJson, ""}},
          .owner_column = "",
          .owner_table = "",
          .about = "questionnaires you took, with every answer and the scores"};
}

}  // namespace securebase::portability
