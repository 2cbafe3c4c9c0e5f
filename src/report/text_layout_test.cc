// Word wrapping with a fake measure: every byte is one unit wide.
#include "report/text_layout.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace securebase::report {
namespace {

using ::testing::ElementsAre;

double Bytes(std::string_view s) { return static_cast<double>(s.size()); }

TEST(WrapText, BreaksAtSpacesWithinTheWidth) {
  EXPECT_THAT(WrapText("the quick brown fox jumps", 10, Bytes),
              ElementsAre("the quick", "brown fox", "jumps"));
}

TEST(WrapText, KeepsNewlinesAndEmptyParagraphs) {
  EXPECT_THAT(WrapText("one\n\ntwo three", 20, Bytes), ElementsAre("one", "", "two three"));
}

TEST(WrapText, BreaksAWordLongerThanTheLineWithoutSplittingCharacters) {
  auto lines = WrapText("ab \xc3\xa9\xc3\xa9\xc3\xa9", 4, Bytes);  // "ab ééé"
  EXPECT_THAT(lines, ElementsAre("ab", "\xc3\xa9\xc3\xa9", "\xc3\xa9"));
}

TEST(WrapText, DropsNothingButTheBreakingSpaces) {
  std::string text = "I want to talk about how I go quiet when Alex is late to reply.";
  std::string joined;
  for (const auto& l : WrapText(text, 13, Bytes)) joined += (joined.empty() ? "" : " ") + l;
  EXPECT_EQ(joined, text);
}

}  // namespace
}  // namespace securebase::report
