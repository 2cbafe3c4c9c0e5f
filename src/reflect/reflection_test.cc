#include "reflect/reflection.h"

#include <gtest/gtest.h>

#include "reflect/when.h"

namespace securebase::reflect {
namespace {

const Instant kNow{1'795'000'000'000, 60};  // 2026-11-18T..., UTC+1

bool HasField(const Status& s, const std::string& field) {
  for (const auto& f : s.fields()) {
    if (f.field == field) return true;
  }
  return false;
}

TEST(ReflectionEdit, NormalisesWordsAndTags) {
  ReflectionEdit e;
  e.text(TextField::kSituation) = "  They did not reply 🌧  ";
  e.emotions = std::vector<EmotionRating>{{" Anxious ", 7}, {"anxious", 3}, {"בודד", 4}};
  e.tags = std::vector<std::string>{"Late Reply", "late reply", "silence"};
  ASSERT_TRUE(ValidateReflectionEdit(e, true, kNow).ok());
  EXPECT_EQ(*e.text(TextField::kSituation), "They did not reply 🌧");
  ASSERT_EQ(e.emotions->size(), 2u);
  EXPECT_EQ((*e.emotions)[0], (EmotionRating{"anxious", 7}));
  EXPECT_EQ((*e.emotions)[1].word, "בודד");
  EXPECT_EQ(*e.tags, (std::vector<std::string>{"late reply", "silence"}));
}

TEST(ReflectionEdit, NamesEachBadField) {
  ReflectionEdit e;
  e.text(TextField::kThoughts) = std::string(kMaxTextBytes + 1, 'a');
  e.emotions = std::vector<EmotionRating>{{"ok", 11}, {"", 2}};
  e.tags = std::vector<std::string>{"two\nlines"};
  e.happened = Instant{kNow.utc_ms + 3LL * 86'400'000, 0};
  Status s = ValidateReflectionEdit(e, true, kNow);
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(HasField(s, "thoughts"));
  EXPECT_TRUE(HasField(s, "emotions[0].intensity"));
  EXPECT_TRUE(HasField(s, "emotions[1].word"));
  EXPECT_TRUE(HasField(s, "tags[0]"));
  EXPECT_TRUE(HasField(s, "happened"));
}

TEST(ReflectionEdit, AcceptsTheLimitExactly) {
  ReflectionEdit e;
  e.text(TextField::kSituation) = std::string(kMaxTextBytes, 'a');
  EXPECT_TRUE(ValidateReflectionEdit(e, true, kNow).ok());
}

TEST(ReflectionEdit, CreatingNeedsSomethingToSay) {
  ReflectionEdit e;
  e.tags = std::vector<std::string>{"work"};
  Status s = ValidateReflectionEdit(e, true, kNow);
  EXPECT_TRUE(HasField(s, "situation"));
  ReflectionEdit feeling;
  feeling.emotions = std::vector<EmotionRating>{{"calm", 3}};
  EXPECT_TRUE(ValidateReflectionEdit(feeling, true, kNow).ok());
  ReflectionEdit edit;  // editing may change only tags
  edit.tags = std::vector<std::string>{"work"};
  EXPECT_TRUE(ValidateReflectionEdit(edit, false, kNow).ok());
}

TEST(ReflectionEdit, RejectsInvalidUtf8AndControlCharacters) {
  ReflectionEdit e;
  e.text(TextField::kSituation) = std::string("bad \xC3\x28 text");
  e.text(TextField::kNeeds) = std::string("bell \x07");
  Status s = ValidateReflectionEdit(e, true, kNow);
  EXPECT_TRUE(HasField(s, "situation"));
  EXPECT_TRUE(HasField(s, "needs"));
}

TEST(Activation, RoundTrips) {
  for (auto a : {Activation::kToward, Activation::kAway, Activation::kNeither}) {
    EXPECT_EQ(ParseActivation(ActivationName(a)), a);
  }
  EXPECT_FALSE(ParseActivation("sideways"));
}

// 2026-11-18 is a Wednesday. kNow is 2026-11-18 at about 12:07 local (UTC+1).
TEST(ParseWhen, UnderstandsEverydayPhrases) {
  EXPECT_EQ(LocalDate(kNow), "2026-11-18");
  auto at = [](const std::string& text) {
    auto r = ParseWhen(text, kNow);
    return r.ok() ? Iso8601(*r) : "error: " + r.status().message();
  };
  EXPECT_EQ(at("yesterday evening"), "2026-11-17T20:00:00+01:00");
  EXPECT_EQ(at("Yesterday"), "2026-11-17T12:00:00+01:00");
  EXPECT_EQ(at("last night"), "2026-11-17T23:00:00+01:00");
  EXPECT_EQ(at("this morning"), "2026-11-18T09:00:00+01:00");
  EXPECT_EQ(at("monday afternoon"), "2026-11-16T15:00:00+01:00");
  EXPECT_EQ(at("wednesday"), "2026-11-11T12:00:00+01:00");
  EXPECT_EQ(at("2026-11-01"), "2026-11-01T12:00:00+01:00");
  EXPECT_EQ(at("2026-11-01 21:05"), "2026-11-01T21:05:00+01:00");
  EXPECT_EQ(at("2026-11-01T08:00:00-05:00"), "2026-11-01T08:00:00-05:00");
  EXPECT_EQ(ParseWhen("now", kNow)->utc_ms, kNow.utc_ms);
  EXPECT_EQ(ParseWhen("3 hours ago", kNow)->utc_ms, kNow.utc_ms - 3 * 3'600'000);
  EXPECT_EQ(ParseWhen("2 days ago", kNow)->utc_ms, kNow.utc_ms - 2 * 86'400'000);
}

TEST(ParseWhen, ExplainsWhatItUnderstands) {
  for (const char* bad : {"", "someday", "2026-13-01", "yesterday teatime", "this"}) {
    auto r = ParseWhen(bad, kNow);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.status().fields().at(0).field, "when");
    EXPECT_NE(r.status().message().find("yesterday evening"), std::string::npos);
  }
}

}  // namespace
}  // namespace securebase::reflect
