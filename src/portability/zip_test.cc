#include "portability/zip.h"

#include <gtest/gtest.h>

namespace securebase::portability {
namespace {

TEST(Zip, WhatIsWrittenReadsBackExactly) {
  ZipWriter w;
  std::string big(100000, 'a');  // compresses: deflated
  std::string tiny = "x";        // does not: stored
  w.Add("data/big.json", big);
  w.Add("tiny.txt", tiny);
  w.Add("empty.txt", "");
  std::string z = w.Finish();
  EXPECT_TRUE(LooksLikeZip(z));
  EXPECT_LT(z.size(), 2000u);
  auto entries = ReadZip(z);
  ASSERT_TRUE(entries.ok()) << entries.status().message();
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].name, "data/big.json");
  EXPECT_EQ((*entries)[0].data, big);
  EXPECT_EQ((*entries)[1].data, tiny);
  EXPECT_EQ((*entries)[2].data, "");
}

TEST(Zip, ADamagedEntryIsRefusedByItsChecksum) {
  ZipWriter w;
  w.Add("a.txt", "hello there");  // stored
  std::string z = w.Finish();
  z[30 + 5 + 2] ^= 1;  // a byte of the data
  auto entries = ReadZip(z);
  ASSERT_FALSE(entries.ok());
  EXPECT_NE(entries.status().message().find("checksum"), std::string::npos);
}

TEST(Zip, TooMuchContentIsRefused) {
  ZipWriter w;
  w.Add("a.txt", std::string(1 << 20, 'a'));
  std::string z = w.Finish();
  ZipLimits small;
  small.max_total_size = 1000;
  EXPECT_FALSE(ReadZip(z, small).ok());
  EXPECT_FALSE(ReadZip("PK\3\4 not really").ok());
  EXPECT_FALSE(ReadZip("").ok());
}

TEST(Zip, DosTimeOfAKnownDay) {
  uint16_t t, d;
  DosTimeDate(1700000000000, 0, &t, &d);  // 2023-11-14 22:13:20 UTC
  EXPECT_EQ(d, ((2023 - 1980) << 9) | (11 << 5) | 14);
  EXPECT_EQ(t, (22 << 11) | (13 << 5) | 10);
}

}  // namespace
}  // namespace securebase::portability
