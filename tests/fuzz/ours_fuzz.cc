// libFuzzer target: our own export reader: the ZIP reader and the data/<kind>.json documents
// (ParseOurExport). Built and run by tests/fuzz/run.sh (not part of CI).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portability/parsers.h"
#include "portability/zip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  (void)securebase::portability::ReadZip(in);
  (void)securebase::portability::ParseOurExport(in);
  return 0;
}
