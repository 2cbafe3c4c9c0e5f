// libFuzzer target: the generic CSV importer with a column mapping. The first line of the input is
// the mapping ("date=A,text=B"), the rest the CSV. Built and run by tests/fuzz/run.sh (not part of
// CI).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portability/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return 0;
  for (const char* into : {"reflections", "checkins"}) {
    auto m = securebase::portability::ParseCsvMapping(in.substr(0, nl), into);
    if (m.ok()) (void)securebase::portability::ParseMappedCsv(in.substr(nl + 1), *m, 0);
  }
  return 0;
}
