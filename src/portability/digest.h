#pragma once
// A short fingerprint of some text, for telling records apart.
#include <string>
#include <string_view>

namespace securebase::portability {

// 32 hex digits: BLAKE2b with a 128-bit output over `text`.
std::string Digest(std::string_view text);

}  // namespace securebase::portability
