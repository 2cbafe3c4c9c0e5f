// libFuzzer target: the encrypted export header and chunk reader. The key derivation is skipped by
// refusing costs above the minimum, so each input runs fast. Built and run by tests/fuzz/run.sh
// (not part of CI).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portability/sealed.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  auto h = securebase::portability::ParseSealHeader(in);
  // Only the cheapest cost goes on to decrypt (argon2id at full cost is seconds per input).
  if (h.ok() && h->cost.opslimit == 1 && h->cost.memlimit == (8u << 10))
    (void)securebase::portability::Unseal(in, "fuzz");
  return 0;
}
