// The "settings" kind: your settings, as key and value
#include "portability/kind.h"

namespace securebase::portability {

Kind SettingsKind() {
  return {.name = "settings",
          .table = "settings",
          .version = 1,
          .has_id = false,
          .natural_key = {"key"},
          .special = {},
          .owner_column = "",
          .owner_table = "",
          .about = "your settings, as key and value"};
}

}  // namespace securebase::portability
