// libFuzzer target: the jrnl JSON importer (ParseJrnlJson). Built and run by tests/fuzz/run.sh (not
// part of CI).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portability/parsers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)securebase::portability::ParseJrnlJson(in, -300);
  return 0;
}
