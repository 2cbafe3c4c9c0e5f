#pragma once
// Passphrase encryption of an export file ("sealed" files).
//
// Layout (all integers little-endian):
//   magic      8 bytes  "SBSEAL\x00\x01"
//   opslimit   8 bytes  argon2id time cost (crypto_pwhash, ALG_ARGON2ID13)
//   memlimit   8 bytes  argon2id memory cost in bytes
//   salt      16 bytes  crypto_pwhash_SALTBYTES
//   stream    24 bytes  crypto_secretstream_xchacha20poly1305 header
//   chunks    each the encryption of up to 64 KiB of the plain file (plus 17 bytes);
//             the first chunk authenticates the 64 header bytes before it as additional
//             data, and the last carries TAG_FINAL (a cut-short file is refused).
// The key is argon2id(passphrase, salt, opslimit, memlimit). There is no way to recover a
// lost passphrase: nothing else can open the file.
#include <cstdint>
#include <string>
#include <string_view>

#include "platform/result.h"

namespace securebase::portability {

inline constexpr size_t kSealHeaderSize = 64;
inline constexpr size_t kSealChunk = 64 * 1024;

struct SealCost {
  uint64_t opslimit = 3;           // crypto_pwhash_OPSLIMIT_MODERATE
  uint64_t memlimit = 256u << 20;  // crypto_pwhash_MEMLIMIT_MODERATE (256 MiB)
};

// The smallest cost the format accepts; for tests only.
SealCost CheapSealCost();

struct SealHeader {
  SealCost cost;
  std::string salt;    // 16 bytes
  std::string stream;  // 24 bytes
};

// True when `bytes` starts with the sealed-file magic.
bool LooksSealed(std::string_view bytes);

// Parses and checks the header: the magic, and costs within what this program will spend
// (opslimit 1..20, memlimit 8 KiB..1 GiB), so a hostile file cannot make it hang.
Result<SealHeader> ParseSealHeader(std::string_view bytes);

// Encrypts `plain` under `passphrase` (REQUIRES: not empty).
Result<std::string> Seal(std::string_view plain, std::string_view passphrase,
                         const SealCost& cost = {});

// Decrypts a sealed file. A wrong passphrase and a damaged file both fail with
// kInvalidArgument and a message that says which is likely.
Result<std::string> Unseal(std::string_view sealed, std::string_view passphrase);

}  // namespace securebase::portability
