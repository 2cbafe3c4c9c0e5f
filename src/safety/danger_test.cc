#include "safety/danger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "platform/embedded_file.h"

namespace securebase::safety {
namespace {

const DangerDetector& Detector() {
  static const DangerDetector d = [] {
    ContentLibrary content(embedded::ContentFiles(), "");
    auto loaded = DangerDetector::Load(content);
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? std::move(loaded).value() : DangerDetector({});
  }();
  return d;
}
bool Danger(std::string_view text) { return Detector().Check(text).danger(); }

TEST(NormalizedWords, CaseApostrophesContractionsAccentsAndPunctuation) {
  using V = std::vector<std::string>;
  EXPECT_EQ(NormalizedWords("I'm  OK!!"), (V{"i", "am", "ok"}));
  EXPECT_EQ(NormalizedWords("im ok"), (V{"i", "am", "ok"}));
  EXPECT_EQ(NormalizedWords("I don\u2019t, can't, won't"),
            (V{"i", "do", "not", "can", "not", "will", "not"}));
  EXPECT_EQ(NormalizedWords("dont wanna"), (V{"do", "not", "want", "to"}));
  EXPECT_EQ(NormalizedWords("Caf\u00e9 Zo\u00cb"), (V{"cafe", "zoe"}));
  EXPECT_EQ(NormalizedWords("self-harm"), (V{"self", "harm"}));
  EXPECT_EQ(NormalizedWords("Alex's notes"), (V{"alex", "notes"}));
  EXPECT_EQ(NormalizedWords("die\xF0\x9F\x98\xA2"), (V{"die"}));
  EXPECT_TRUE(NormalizedWords("").empty());
}

TEST(DangerDetector, WholeWordsOnly) {
  EXPECT_TRUE(Danger("I want to die"));
  EXPECT_FALSE(Danger("I want to diet"));
  EXPECT_FALSE(Danger("unhurt myselfish"));
}

TEST(DangerDetector, KindsAreReported) {
  auto kinds = [](std::string_view t) {
    std::set<DangerKind> k;
    for (const auto& m : Detector().Check(t).matches) k.insert(m.kind);
    return k;
  };
  EXPECT_TRUE(kinds("I want to end my life").count(DangerKind::kSelf));
  EXPECT_TRUE(kinds("I'm scared I'll hurt someone").count(DangerKind::kOthers));
  EXPECT_TRUE(kinds("He threatened to kill me").count(DangerKind::kAbuse));
}

TEST(DangerDetector, NegationJustBeforeFlipsOrdinaryPhrases) {
  EXPECT_FALSE(Danger("I'm not going to hurt myself"));
  EXPECT_FALSE(Danger("I would never kill myself"));
  EXPECT_FALSE(Danger("I no longer want to die"));
  EXPECT_FALSE(Danger("no suicidal thoughts today"));
  // Not a negation of the phrase: something else stands between.
  EXPECT_TRUE(Danger("I can't stop thinking about suicide"));
  EXPECT_TRUE(Danger("I'm not sure I'm not suicidal"));
  EXPECT_TRUE(Danger("I never thought I'd want to die"));
  // A negation in an earlier clause does not reach.
  EXPECT_TRUE(Danger("No, I want to die"));
  EXPECT_TRUE(Danger("I'm not okay. I want to die"));
}

TEST(DangerDetector, DoubleNegationKeepsDanger) {
  EXPECT_TRUE(Danger("I can't promise I won't hurt myself"));
  EXPECT_FALSE(Danger("I won't hurt myself"));
}

TEST(DangerDetector, SomePhrasesAreDangerOnlyWhenNegated) {
  EXPECT_TRUE(Danger("I don't want to live"));
  EXPECT_TRUE(Danger("I'm not sure I want to live anymore"));
  EXPECT_TRUE(Danger("I have no reason to live"));
  EXPECT_FALSE(Danger("I want to live"));
  EXPECT_FALSE(Danger("I have every reason to live"));
}

TEST(DangerDetector, FalseFriendsCancelOverlappingPhrases) {
  EXPECT_FALSE(Danger("I nearly killed myself laughing"));
  EXPECT_FALSE(Danger("I don't want to live with my parents"));
  EXPECT_FALSE(Danger("My brother beat me at chess"));
  EXPECT_FALSE(Danger("I'd kill for a coffee"));
  EXPECT_FALSE(Danger("this traffic is killing me"));
  EXPECT_FALSE(Danger("dying to see you, killed it at work, died laughing"));
  // ...but only where they overlap.
  EXPECT_TRUE(Danger("I killed myself laughing once. Now I want to kill myself."));
}

TEST(DangerDetector, QuotedTitlesInStoriesDoNotCount) {
  EXPECT_FALSE(Danger("the film \"I want to die\" was long"));
  EXPECT_FALSE(Danger("the song \u201cEnd It All\u201d"));
  EXPECT_FALSE(Danger("The band Suicidal Tendencies played"));
  EXPECT_FALSE(Danger("In the book the hero tries to kill himself"));
  // The person's own thought in quotes, or reported speech, still counts.
  EXPECT_TRUE(Danger("I kept thinking \"I want to die\""));
  EXPECT_TRUE(Danger("My friend said \"I want to die\""));
  // A story word in another sentence does not reach.
  EXPECT_TRUE(Danger("I watched a film. \"I want to die\" is all I think."));
  EXPECT_TRUE(Danger("I WANT TO DIE after that film"));
}

TEST(DangerDetector, ParseErrorsNameTheFileAndField) {
  auto bad = DangerDetector::Parse(R"({"self": ["ok", 3], "others": [], "abuse": []})", "x.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "x.json: self[1]: must be text with at least one word");
  auto missing = DangerDetector::Parse(R"({"self": []})", "x.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("others: is required"), std::string::npos);
  auto typo =
      DangerDetector::Parse(R"({"self": [], "others": [], "abuse": [], "slef": []})", "x.json");
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.status().message().find("slef: is not a known list"), std::string::npos);
  EXPECT_FALSE(DangerDetector::Parse("{", "x.json").ok());
}

// The labelled test set: recall on danger sentences must be at least 95%.
TEST(DangerDetector, LabelledSentences) {
  std::filesystem::path path =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() /
      "tests/safety/danger_sentences.tsv";
  std::ifstream in(path);
  ASSERT_TRUE(in) << path;
  int danger = 0, found = 0, safe = 0, alarms = 0;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    ASSERT_NE(tab, std::string::npos) << line;
    std::string label = line.substr(0, tab), sentence = line.substr(tab + 1);
    bool fired = Danger(sentence);
    if (label == "danger") {
      ++danger;
      if (fired)
        ++found;
      else
        std::cout << "  missed:      " << sentence << "\n";
    } else {
      ASSERT_EQ(label, "safe") << line;
      ++safe;
      if (fired) {
        ++alarms;
        std::cout << "  false alarm: " << sentence << "\n";
      }
    }
  }
  ASSERT_GE(danger + safe, 200);
  double recall = 100.0 * found / danger, false_alarm = 100.0 * alarms / safe;
  std::cout << "Danger detection: " << danger + safe << " sentences; recall " << found << "/"
            << danger << " = " << recall << "%; false alarms " << alarms << "/" << safe << " = "
            << false_alarm << "%\n";
  EXPECT_GE(recall, 95.0);
}

}  // namespace
}  // namespace securebase::safety
