#include "communicate/message.h"

#include <gtest/gtest.h>

#include "communicate/vocabulary.h"
#include "platform/embedded_file.h"

namespace securebase::communicate {
namespace {

TEST(ComposeMessageTest, AllFourParts) {
  EXPECT_EQ(ComposeMessage({"you came home an hour later than you said", "worried",
                            "to know you are safe", "text me when plans change"}),
            "When you came home an hour later than you said, I felt worried, because I need to "
            "know you are safe. Would you be willing to text me when plans change?");
}

TEST(ComposeMessageTest, DoesNotDoubleWordsThePersonTyped) {
  EXPECT_EQ(ComposeMessage({"When the plans changed.", "I feel  anxious",
                            "because I need "
                            "predictability",
                            "Would you be willing to tell me sooner?"}),
            "When the plans changed, I felt anxious, because I need predictability. Would you "
            "be willing to tell me sooner?");
}

TEST(ComposeMessageTest, LeavesOutEmptyParts) {
  EXPECT_EQ(ComposeMessage({"", "tired", "", ""}), "I felt tired.");
  EXPECT_EQ(ComposeMessage({"", "", "rest", "take the kids tonight"}),
            "I need rest. Would you be willing to take the kids tonight?");
  EXPECT_EQ(ComposeMessage({}), "");
}

TEST(ValidateMessageTest, NamesFields) {
  Message m;
  m.text = "  ";
  m.parts.need = std::string(kMaxPartLength + 1, 'x');
  m.person_id = 0;
  Status s = ValidateMessage(m);
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.fields().size(), 3u);
  EXPECT_EQ(s.fields()[0].field, "need");
  EXPECT_EQ(s.fields()[1].field, "text");
  EXPECT_EQ(s.fields()[2].field, "person");
  m = Message{};
  m.text = "Hello";
  EXPECT_TRUE(ValidateMessage(m).ok());
}

TEST(VocabularyTest, LoadsFeelingsAndNeedsWithDefinitions) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto v = Vocabulary::Load(content);
  ASSERT_TRUE(v.ok()) << v.status().message();
  EXPECT_GE(v->feelings.size(), 15u);
  EXPECT_GE(v->needs.size(), 15u);
  for (const auto& f : v->feelings) EXPECT_FALSE(f.family.empty()) << f.word;
}

}  // namespace
}  // namespace securebase::communicate
