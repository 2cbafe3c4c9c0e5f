#include "communicate/feedback.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "platform/embedded_file.h"

namespace securebase::communicate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const FeedbackRules& Rules() {
  static const FeedbackRules* rules = [] {
    ContentLibrary content(embedded::ContentFiles(), "");
    auto r = FeedbackRules::Load(content);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return new FeedbackRules(std::move(*r));
  }();
  return *rules;
}

// The ids of the rules that fire on `draft`, in order.
std::vector<std::string> Fired(std::string_view draft) {
  std::vector<std::string> ids;
  for (const auto& h : Rules().Analyze(draft)) ids.push_back(h.rule);
  return ids;
}

bool Fires(const std::string& rule, std::string_view draft) {
  for (const auto& h : Rules().Analyze(draft)) {
    if (h.rule == rule) return true;
  }
  return false;
}

struct Case {
  std::string rule;
  std::vector<std::string> yes;  // each must fire the rule
  std::vector<std::string> no;   // none may fire it
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      {"absolutes",
       {"You always leave your dishes in the sink.", "you never listen to me",
        "You're never on time.", "YOU ARE ALWAYS on your phone", "You have never once asked.",
        "Every single time you do this."},
       {"I never miss your games.", "I always love hearing about your day.",
        "Thank you, I always enjoy it.", "Never mind, you were right.",
        "I will always be here for you.", "You will always be my favourite person.",
        "I know you'd never hurt me."}},
      {"blame",
       {"You make me feel stupid.", "you made me so angry", "It's your fault we were late.",
        "You make me feel like I don't matter", "Because of you I feel awful."},
       {"I feel stupid when I forget things.", "When you make dinner I feel cared for.",
        "It's nobody's fault.", "I made you feel bad and I'm sorry."}},
      {"mind-reading",
       {"You think I don't notice.", "You don't care about my plans.", "You just want to win.",
        "You did it on purpose.", "I feel like you're avoiding me.",
        "You're trying to make me jealous."},
       {"What do you think?", "I think you might be tired.",
        "Do you care about this as much as I do?", "I don't care where we eat.",
        "If you think it helps, let's try it."}},
      {"labels",
       {"You're so selfish.", "You are lazy.", "you're such a child... no, you're such a liar",
        "You are being completely irresponsible.", "You're a narcissist."},
       {"You're so kind.", "I was lazy today.", "I felt selfish asking.", "Are you cold?",
        "You are a good friend."}},
      {"contempt",
       {"Oh great, another late night.", "Yeah right.", "You absolute idiot.",
        "Thanks for nothing.", "Whatever.", "Wow, thanks."},
       {"That is great news.", "Right, I'll be there.", "Whatever you choose is fine with me.",
        "Thanks so much for coming.", "I'm sure it'll work out.", "Oh sure, I can do that!"}},
      {"interpretation",
       {"I feel abandoned.", "I felt so ignored at the party.", "I feel manipulated.",
        "I feel really taken for granted.", "I felt kind of rejected."},
       {"I feel lonely.", "I don't feel ignored at all.", "He was ignored by the waiter.",
        "I felt hurt and sad.", "The dog was abandoned."}},
      {"demand",
       {"You need to call me back.", "You have to stop this.", "You must tell me.",
        "You should apologise.", "Answer me or else."},
       {"Would you be willing to call me back?", "Do you need to leave early?", "I need to rest.",
        "I should call my sister.", "If you have to work late, text me."}},
  };
  return cases;
}

TEST(FeedbackRulesTest, EveryRuleHasCases) {
  for (const auto& rule : Rules().rules()) {
    bool found = false;
    for (const auto& c : Cases()) found = found || c.rule == rule.id;
    EXPECT_TRUE(found) << rule.id << " has no test cases";
  }
}

TEST(FeedbackRulesTest, PositiveExamplesFire) {
  for (const auto& c : Cases()) {
    for (const auto& s : c.yes) EXPECT_TRUE(Fires(c.rule, s)) << c.rule << ": " << s;
  }
}

TEST(FeedbackRulesTest, NegativeExamplesDoNotFire) {
  for (const auto& c : Cases()) {
    for (const auto& s : c.no) EXPECT_FALSE(Fires(c.rule, s)) << c.rule << ": " << s;
  }
}

TEST(FeedbackRulesTest, KindSentenceQuoteAndPlace) {
  std::string draft = "Hi. You never call me back!";
  auto hints = Rules().Analyze(draft);
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].rule, "absolutes");
  EXPECT_EQ(hints[0].quote, "You never");
  EXPECT_EQ(draft.substr(hints[0].start, hints[0].end - hints[0].start), "You never");
  EXPECT_FALSE(hints[0].message.empty());
  EXPECT_FALSE(hints[0].rewrite.empty());
}

TEST(FeedbackRulesTest, InterpretationSuggestsFeelingAndNeed) {
  auto hints = Rules().Analyze("Honestly I feel abandoned by you.");
  ASSERT_EQ(hints.size(), 1u);
  EXPECT_EQ(hints[0].feeling, "lonely");
  EXPECT_EQ(hints[0].need, "connection");
  EXPECT_EQ(hints[0].rewrite, "I feel lonely, because I need connection.");
}

TEST(FeedbackRulesTest, CurlyApostrophesAndOrderAcrossRules) {
  EXPECT_THAT(Fired("You\xE2\x80\x99re so lazy. You always do this."),
              ElementsAre("labels", "absolutes"));
  EXPECT_THAT(Fired("When you came home late, I felt worried."), IsEmpty());
  EXPECT_THAT(Fired(""), IsEmpty());
}

TEST(FeedbackRulesTest, BadFilesNameTheField) {
  auto r = FeedbackRules::Parse(R"({"format": "securebase-feedback-rules/1",
    "classes": {"be": ["are"]},
    "rules": [{"id": "x", "title": "t", "message": "m", "rewrite": "r",
               "patterns": ["you {nope}", "{be}?"]}]})");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.status().fields().size(), 2u);
  EXPECT_EQ(r.status().fields()[0].field, "rules[0].patterns[0]");
  EXPECT_EQ(r.status().fields()[1].field, "rules[0].patterns[1]");
  auto missing = FeedbackRules::Parse(R"({"format": "x", "classes": {}, "rules": []})");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().fields()[0].field, "format");
  EXPECT_EQ(missing.status().fields()[1].field, "rules");
  EXPECT_FALSE(FeedbackRules::Parse("not json").ok());
}

}  // namespace
}  // namespace securebase::communicate
