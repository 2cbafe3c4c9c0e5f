#include "portability/sealed.h"

#include <gtest/gtest.h>

namespace securebase::portability {
namespace {

TEST(Sealed, RoundTripAcrossManyChunks) {
  std::string plain(3 * kSealChunk + 123, '\0');
  for (size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<char>(i * 31);
  auto sealed = Seal(plain, "correct horse", CheapSealCost());
  ASSERT_TRUE(sealed.ok());
  EXPECT_TRUE(LooksSealed(*sealed));
  EXPECT_EQ(sealed->find(plain.substr(0, 64)), std::string::npos);
  auto back = Unseal(*sealed, "correct horse");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(*back, plain);
}

TEST(Sealed, EmptyFileRoundTrips) {
  auto sealed = Seal("", "pw", CheapSealCost());
  ASSERT_TRUE(sealed.ok());
  auto back = Unseal(*sealed, "pw");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(*back, "");
}

TEST(Sealed, WrongPassphraseSaysSo) {
  auto sealed = Seal("secret words", "right", CheapSealCost());
  ASSERT_TRUE(sealed.ok());
  auto back = Unseal(*sealed, "wrong");
  ASSERT_FALSE(back.ok());
  EXPECT_EQ(back.status().code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(back.status().message().find("wrong passphrase"), std::string::npos);
}

TEST(Sealed, CutShortOrTamperedFilesAreRefused) {
  std::string plain(kSealChunk + 10, 'x');
  auto sealed = Seal(plain, "pw", CheapSealCost());
  ASSERT_TRUE(sealed.ok());
  std::string cut = sealed->substr(0, kSealHeaderSize + kSealChunk + 17);  // last chunk gone
  EXPECT_NE(Unseal(cut, "pw").status().message().find("cut short"), std::string::npos);
  std::string header = *sealed;
  header[30] ^= 1;  // the salt: another key
  EXPECT_FALSE(Unseal(header, "pw").ok());
  std::string body = *sealed;
  body[body.size() - 3] ^= 1;
  EXPECT_FALSE(Unseal(body, "pw").ok());
}

TEST(Sealed, HostileCostsAreRefusedBeforeAnyWork) {
  auto sealed = Seal("x", "pw", CheapSealCost());
  ASSERT_TRUE(sealed.ok());
  std::string s = *sealed;
  s[16 + 4] = 0x7f;  // memlimit far above 1 GiB
  auto h = ParseSealHeader(s);
  ASSERT_FALSE(h.ok());
  EXPECT_NE(h.status().message().find("refuses"), std::string::npos);
  EXPECT_FALSE(Seal("x", "", CheapSealCost()).ok());
}

}  // namespace
}  // namespace securebase::portability
