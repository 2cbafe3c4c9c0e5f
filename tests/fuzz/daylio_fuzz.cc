// libFuzzer target: the Daylio CSV importer (ParseDaylioCsv). Built and run by tests/fuzz/run.sh
// (not part of CI).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portability/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto r = securebase::portability::ParseDaylioCsv(in, 60);
  if (r.ok()) {
    for (const auto& row : r->rows) (void)row.values.size();
  }
  return 0;
}
