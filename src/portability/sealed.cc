#include "portability/sealed.h"

#include <sodium.h>

#include <cstring>

namespace securebase::portability {
namespace {

constexpr char kMagic[8] = {'S', 'B', 'S', 'E', 'A', 'L', 0, 1};
constexpr uint64_t kMaxOps = 20, kMinMem = 8 << 10, kMaxMem = 1ull << 30;
constexpr size_t kAbytes = crypto_secretstream_xchacha20poly1305_ABYTES;
static_assert(crypto_pwhash_SALTBYTES == 16);
static_assert(crypto_secretstream_xchacha20poly1305_HEADERBYTES == 24);

void Put64(std::string& s, uint64_t v) {
  for (int i = 0; i < 8; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}
uint64_t Get64(std::string_view s, size_t at) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(s[at + i]);
  return v;
}

Status DeriveKey(std::string_view passphrase, const SealHeader& h,
                 unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES]) {
  if (sodium_init() < 0) return Status::Internal("libsodium failed to start");
  if (crypto_pwhash(key, crypto_secretstream_xchacha20poly1305_KEYBYTES, passphrase.data(),
                    passphrase.size(), reinterpret_cast<const unsigned char*>(h.salt.data()),
                    h.cost.opslimit, static_cast<size_t>(h.cost.memlimit),
                    crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Io("not enough memory to derive the key from the passphrase");
  }
  return Status::Ok();
}

}  // namespace

SealCost CheapSealCost() { return {1, kMinMem}; }

bool LooksSealed(std::string_view bytes) {
  return bytes.size() >= sizeof(kMagic) && std::memcmp(bytes.data(), kMagic, sizeof(kMagic)) == 0;
}

Result<SealHeader> ParseSealHeader(std::string_view bytes) {
  if (!LooksSealed(bytes)) return Status::Invalid("not an encrypted SecureBase export");
  if (bytes.size() < kSealHeaderSize + kAbytes)
    return Status::Invalid("the encrypted export is cut short");
  SealHeader h;
  h.cost.opslimit = Get64(bytes, 8);
  h.cost.memlimit = Get64(bytes, 16);
  if (h.cost.opslimit < 1 || h.cost.opslimit > kMaxOps || h.cost.memlimit < kMinMem ||
      h.cost.memlimit > kMaxMem) {
    return Status::Invalid("the encrypted export asks for a key cost this program refuses");
  }
  h.salt.assign(bytes.substr(24, 16));
  h.stream.assign(bytes.substr(40, 24));
  return h;
}

Result<std::string> Seal(std::string_view plain, std::string_view passphrase,
                         const SealCost& cost) {
  if (passphrase.empty()) return Status::InvalidField("passphrase", "must not be empty");
  if (sodium_init() < 0) return Status::Internal("libsodium failed to start");
  SealHeader h;
  h.cost = cost;
  h.salt.resize(crypto_pwhash_SALTBYTES);
  randombytes_buf(h.salt.data(), h.salt.size());
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  TRY(DeriveKey(passphrase, h, key));
  crypto_secretstream_xchacha20poly1305_state st;
  unsigned char stream_header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&st, stream_header, key);
  sodium_memzero(key, sizeof key);

  std::string out(kMagic, sizeof kMagic);
  Put64(out, cost.opslimit);
  Put64(out, cost.memlimit);
  out.append(h.salt);
  out.append(reinterpret_cast<const char*>(stream_header), sizeof stream_header);
  std::string ad = out;
  size_t at = 0;
  do {
    size_t n = std::min(kSealChunk, plain.size() - at);
    bool last = at + n == plain.size();
    size_t start = out.size();
    out.resize(start + n + kAbytes);
    crypto_secretstream_xchacha20poly1305_push(
        &st, reinterpret_cast<unsigned char*>(out.data() + start), nullptr,
        reinterpret_cast<const unsigned char*>(plain.data() + at), n,
        at == 0 ? reinterpret_cast<const unsigned char*>(ad.data()) : nullptr,
        at == 0 ? ad.size() : 0, last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    at += n;
  } while (at < plain.size());
  return out;
}

Result<std::string> Unseal(std::string_view sealed, std::string_view passphrase) {
  TRY_ASSIGN(SealHeader h, ParseSealHeader(sealed));
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  TRY(DeriveKey(passphrase, h, key));
  crypto_secretstream_xchacha20poly1305_state st;
  int rc = crypto_secretstream_xchacha20poly1305_init_pull(
      &st, reinterpret_cast<const unsigned char*>(h.stream.data()), key);
  sodium_memzero(key, sizeof key);
  if (rc != 0) return Status::Invalid("the encrypted export's header is damaged");
  std::string plain;
  size_t at = kSealHeaderSize;
  bool first = true, final = false;
  while (at < sealed.size()) {
    if (final) return Status::Invalid("the encrypted export has data after its end");
    size_t n = std::min(kSealChunk + kAbytes, sealed.size() - at);
    if (n < kAbytes) return Status::Invalid("the encrypted export is cut short");
    size_t start = plain.size();
    plain.resize(start + n - kAbytes);
    unsigned long long got = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(
            &st, reinterpret_cast<unsigned char*>(plain.data() + start), &got, &tag,
            reinterpret_cast<const unsigned char*>(sealed.data() + at), n,
            first ? reinterpret_cast<const unsigned char*>(sealed.data()) : nullptr,
            first ? kSealHeaderSize : 0) != 0) {
      return first ? Status::Invalid(
                         "wrong passphrase (or the file is damaged): nothing was imported")
                   : Status::Invalid("the encrypted export is damaged: nothing was imported");
    }
    plain.resize(start + got);
    final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    first = false;
    at += n;
  }
  if (!final) return Status::Invalid("the encrypted export is cut short: nothing was imported");
  return plain;
}

}  // namespace securebase::portability
