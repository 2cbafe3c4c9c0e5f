// Steps 4 and 7 over HTTP: message feedback, messages, conflicts and repairs, boundaries.
#include <gtest/gtest.h>

#include <set>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class CommunicateApiTest : public SharedServerTest {
 protected:
  static json::value Send(const std::string& method, const std::string& target,
                          const json::object& body, int want) {
    auto r = server_->Call(method, target, json::serialize(body));
    EXPECT_EQ(r.status, want) << method << " " << target << ": " << r.body;
    return ServerProcess::Parse(r.body);
  }
  static std::set<std::string> Fields(const json::value& v) {
    std::set<std::string> out;
    if (!v.is_object() || !v.as_object().contains("errors")) return out;
    for (const auto& e : v.at("errors").as_array())
      out.insert(std::string(e.at("field").as_string()));
    return out;
  }
  static int64_t NewPerson(const std::string& name) {
    return Send("POST", "/api/v1/people", {{"name", name}}, 201).at("id").as_int64();
  }
};

using MessageApiTest = CommunicateApiTest;
using ConflictApiTest = CommunicateApiTest;
using BoundaryApiTest = CommunicateApiTest;

TEST_F(MessageApiTest, FeedbackGivesHintsWithRewrites) {
  auto v = Send("POST", "/api/v1/messages/feedback",
                {{"text", "You never listen. I feel ignored."}}, 200);
  auto& hints = v.at("hints").as_array();
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0].at("rule"), "absolutes");
  EXPECT_EQ(hints[0].at("quote"), "You never");
  EXPECT_EQ(hints[1].at("rule"), "interpretation");
  EXPECT_EQ(hints[1].at("need"), "to be seen");
  auto none =
      Send("POST", "/api/v1/messages/feedback", {{"text", "I never miss your games."}}, 200);
  EXPECT_TRUE(none.at("hints").as_array().empty());
  EXPECT_EQ(Fields(Send("POST", "/api/v1/messages/feedback", {{"txt", "x"}}, 422)),
            (std::set<std::string>{"text", "txt"}));
}

TEST_F(MessageApiTest, SavesComposedMessageEvenWithHints) {
  int64_t sam = NewPerson("Sam (messages)");
  auto m = Send("POST", "/api/v1/messages",
                {{"person", sam},
                 {"observation", "you always come home late"},
                 {"feeling", "worried"},
                 {"need", "reassurance"},
                 {"request", "text me"}},
                201);
  EXPECT_EQ(m.at("text"),
            "When you always come home late, I felt worried, because I need "
            "reassurance. Would you be willing to text me?");
  EXPECT_EQ(m.at("hints").as_array()[0].at("rule"), "absolutes");
  auto list = server_->Call("GET", "/api/v1/messages?person=" + std::to_string(sam));
  EXPECT_EQ(ServerProcess::Parse(list.body).at("items").as_array().size(), 1u);
  EXPECT_EQ(Fields(Send("POST", "/api/v1/messages", {{"person", 999999}, {"text", "hi"}}, 422)),
            std::set<std::string>{"person"});
  EXPECT_EQ(Fields(Send("POST", "/api/v1/messages", {{"text", " "}}, 422)),
            std::set<std::string>{"text"});
  auto vocab = server_->Call("GET", "/api/v1/communicate/vocabulary");
  EXPECT_GT(ServerProcess::Parse(vocab.body).at("needs").as_array().size(), 10u);
  auto guide = server_->Call("GET", "/api/v1/communicate/listening-guide");
  EXPECT_EQ(ServerProcess::Parse(guide.body).at("steps").as_array().size(), 4u) << guide.body;
}

TEST_F(ConflictApiTest, LogRepairAndInsights) {
  int64_t jo = NewPerson("Jo (conflicts)");
  auto bad =
      Send("POST", "/api/v1/conflicts",
           {{"person", 999999}, {"horsemen_me", json::array{"sulking"}}, {"outcome", "meh"}}, 422);
  EXPECT_EQ(Fields(bad), (std::set<std::string>{"person", "topic", "horsemen_me[0]", "outcome"}));
  auto c = Send("POST", "/api/v1/conflicts",
                {{"person", jo},
                 {"topic", "dishes"},
                 {"happened", "2026-11-20"},
                 {"horsemen_me", json::array{"criticism"}},
                 {"horsemen_them", json::array{"stonewalling"}},
                 {"flooded_them", true}},
                201);
  std::string id = std::to_string(c.at("id").as_int64());
  EXPECT_EQ(c.at("outcome"), "not-yet");
  auto r = Send("POST", "/api/v1/conflicts/" + id + "/repairs",
                {{"by", "me"}, {"what", "I apologised for my tone"}, {"outcome", "repaired"}}, 201);
  EXPECT_EQ(r.at("outcome"), "repaired");
  EXPECT_EQ(r.at("repairs").as_array().size(), 1u);
  Send("POST", "/api/v1/conflicts/999999/repairs", {{"by", "me"}, {"what", "x"}}, 404);
  EXPECT_EQ(Fields(Send("POST", "/api/v1/conflicts/" + id + "/repairs", {{"by", "us"}}, 422)),
            (std::set<std::string>{"by", "what"}));
  auto in = ServerProcess::Parse(server_->Call("GET", "/api/v1/conflict-insights").body);
  bool found = false;
  for (const auto& p : in.at("people").as_array()) {
    if (p.at("person").as_int64() != jo) continue;
    found = true;
    EXPECT_EQ(p.at("repaired").as_int64(), 1);
    EXPECT_EQ(p.at("repair_rate").as_double(), 1.0);
  }
  EXPECT_TRUE(found);
}

TEST_F(BoundaryApiTest, AddPracticeIncidentAndStats) {
  EXPECT_EQ(
      Fields(Send("POST", "/api/v1/boundaries", {{"area", "feelings"}, {"person", 999999}}, 422)),
      (std::set<std::string>{"area", "limit", "person"}));
  auto b = Send("POST", "/api/v1/boundaries",
                {{"area", "digital"},
                 {"limit", "No work messages after 8pm"},
                 {"when", "work messages come after 8pm"},
                 {"will", "answer them in the morning"}},
                201);
  EXPECT_EQ(b.at("script"),
            "When work messages come after 8pm, I will answer them in the morning.");
  std::string id = std::to_string(b.at("id").as_int64());
  Send("POST", "/api/v1/boundaries/" + id + "/practices", {{"steadiness", 4}}, 201);
  EXPECT_EQ(
      Fields(Send("POST", "/api/v1/boundaries/" + id + "/practices", {{"steadiness", 11}}, 422)),
      std::set<std::string>{"steadiness"});
  auto after = Send("POST", "/api/v1/boundaries/" + id + "/incidents",
                    {{"kind", "crossed-by-them"}, {"note", "a late email"}}, 201);
  EXPECT_EQ(after.at("incidents").as_array().size(), 1u);
  Send("POST", "/api/v1/boundaries/999999/incidents", {{"kind", "held"}}, 404);
  auto stats = ServerProcess::Parse(server_->Call("GET", "/api/v1/boundary-stats").body);
  EXPECT_FALSE(stats.at("boundaries").as_array().empty());
}

}  // namespace
}  // namespace securebase::testing

namespace securebase::testing {
namespace {

TEST_F(CommunicateApiTest, FreeTextThatSuggestsDangerCarriesCrisisHelpAndIsSaved) {
  int64_t kim = NewPerson("Kim (crisis)");
  auto c =
      Send("POST", "/api/v1/conflicts",
           {{"person", kim}, {"topic", "money"}, {"notes", "Some nights I want to die."}}, 201);
  EXPECT_TRUE(c.as_object().contains("crisis"));
  auto m = Send("POST", "/api/v1/messages", {{"text", "Some nights I want to die."}}, 201);
  EXPECT_TRUE(m.as_object().contains("crisis"));
}

}  // namespace
}  // namespace securebase::testing
