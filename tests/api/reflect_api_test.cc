// /api/v1/reflections and /api/v1/emotions over real HTTP.
#include <gtest/gtest.h>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class ReflectApiTest : public SharedServerTest {
 protected:
  static json::object Post(const json::object& body, int expect = 201) {
    auto r = server_->Call("POST", "/api/v1/reflections", json::serialize(body));
    EXPECT_EQ(r.status, expect) << r.body;
    return ServerProcess::Parse(r.body).as_object();
  }
  static std::vector<std::string> Fields(const json::object& problem) {
    std::vector<std::string> out;
    if (!problem.contains("errors")) return out;
    for (const auto& e : problem.at("errors").as_array()) {
      out.emplace_back(e.at("field").as_string());
    }
    return out;
  }
  static bool Has(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  }
};

TEST_F(ReflectApiTest, EmotionsCarryAPlaceOnTheGrid) {
  auto r = server_->Call("GET", "/api/v1/emotions");
  ASSERT_EQ(r.status, 200);
  auto items = ServerProcess::Parse(r.body).at("items").as_array();
  EXPECT_GE(items.size(), 80u);
  std::set<std::string> quadrants;
  for (const auto& e : items) {
    EXPECT_FALSE(e.at("definition").as_string().empty());
    quadrants.insert(std::string(e.at("quadrant").as_string()));
  }
  EXPECT_EQ(quadrants.size(), 4u);
}

TEST_F(ReflectApiTest, CreateReadEditDeleteRestore) {
  auto person =
      server_->Call("POST", "/api/v1/people", R"({"name":"Robin","relationship":"partner"})");
  ASSERT_EQ(person.status, 201);
  int64_t pid = ServerProcess::Parse(person.body).at("id").as_int64();
  json::object body{{"happened_at", "2026-01-10T21:30:00+01:00"},
                    {"people", json::array{pid}},
                    {"emotions", json::array{json::object{{"word", "Anxious"}, {"intensity", 7}},
                                             json::object{{"word", "on edge"}, {"intensity", 4}}}},
                    {"tags", json::array{"late reply"}},
                    {"activation", "toward"},
                    {"situation", "Robin did not answer 🌧 all evening"},
                    {"thoughts", "אולי הוא כועס עליי"}};
  auto created = server_->Call("POST", "/api/v1/reflections", json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  auto r = ServerProcess::Parse(created.body).as_object();
  int64_t id = r.at("id").as_int64();
  EXPECT_EQ(created.Header("Location"), "/api/v1/reflections/" + std::to_string(id));
  EXPECT_EQ(r.at("happened_at"), "2026-01-10T21:30:00+01:00");
  EXPECT_EQ(r.at("people").as_array().at(0).at("name"), "Robin");
  EXPECT_EQ(r.at("emotions").as_array().at(0).at("word"), "anxious");
  EXPECT_EQ(r.at("emotions").as_array().at(0).at("own_word"), false);
  EXPECT_EQ(r.at("emotions").as_array().at(1).at("own_word"), true);
  EXPECT_EQ(r.at("thoughts"), "אולי הוא כועס עליי");
  EXPECT_EQ(r.at("intensity"), 7);
  EXPECT_FALSE(r.contains("crisis"));

  std::string path = "/api/v1/reflections/" + std::to_string(id);
  auto edited =
      server_->Call("PATCH", path, R"({"actions":"I waited, then called","activation":null})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto e = ServerProcess::Parse(edited.body).as_object();
  EXPECT_EQ(e.at("actions"), "I waited, then called");
  EXPECT_TRUE(e.at("activation").is_null());
  EXPECT_EQ(e.at("situation"), "Robin did not answer 🌧 all evening");

  auto list = server_->Call("GET", "/api/v1/reflections?about=" + std::to_string(pid));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(ServerProcess::Parse(list.body).at("items").as_array().size(), 1u);

  auto deleted = server_->Call("DELETE", path);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(std::string(ServerProcess::Parse(deleted.body).at("undo").as_string()),
            path + "/restore");
  EXPECT_EQ(server_->Call("GET", path).status, 404);
  auto restored = server_->Call("POST", path + "/restore");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(server_->Call("GET", path).status, 200);
  EXPECT_EQ(server_->Call("POST", path + "/restore").status, 404) << "nothing to restore";
}

TEST_F(ReflectApiTest, BadInputIsA422NamingEachField) {
  json::object body{{"situation", 5},
                    {"emotions", json::array{json::object{{"word", "sad"}, {"intensity", 11}}}},
                    {"tags", json::array{"fine", 3}},
                    {"people", json::array{999}},
                    {"activation", "sideways"},
                    {"happened_at", "someday"},
                    {"mood", "x"}};
  auto problem = Post(body, 422);
  auto fields = Fields(problem);
  for (const char* f :
       {"situation", "emotions[0].intensity", "tags[1]", "activation", "happened_at", "mood"}) {
    EXPECT_TRUE(Has(fields, f)) << f << " in " << json::serialize(problem);
  }
  auto unknown_person = Post({{"situation", "x"}, {"people", json::array{999}}}, 422);
  EXPECT_TRUE(Has(Fields(unknown_person), "people[0]"));
  auto empty = Post({{"tags", json::array{"work"}}}, 422);
  EXPECT_TRUE(Has(Fields(empty), "situation"));
  auto malformed = server_->Call("POST", "/api/v1/reflections", "{not json");
  EXPECT_EQ(malformed.status, 400);
}

TEST_F(ReflectApiTest, LongTextsUpToTheLimitAreKeptWholeAndBeyondAreRefused) {
  std::string at_limit(100'000, 'a');
  auto ok = Post({{"situation", at_limit}});
  EXPECT_EQ(ok.at("situation").as_string().size(), 100'000u);
  auto too_long = Post({{"thoughts", std::string(100'001, 'b')}}, 422);
  EXPECT_TRUE(Has(Fields(too_long), "thoughts"));
  EXPECT_NE(json::serialize(too_long).find("100000"), std::string::npos);
}

TEST_F(ReflectApiTest, DangerShowsCrisisResourcesAndStillSaves) {
  auto r = Post({{"situation", "After the fight I felt like I want to die"}});
  ASSERT_TRUE(r.contains("crisis")) << json::serialize(r);
  EXPECT_FALSE(r.at("crisis").at("resources").as_array().empty());
  EXPECT_FALSE(r.at("crisis").at("message").as_string().empty());
  EXPECT_GT(r.at("id").as_int64(), 0);
  auto calm = Post({{"situation", "A quiet walk; I was not in danger at all"}});
  EXPECT_FALSE(calm.contains("crisis"));
}

TEST_F(ReflectApiTest, SearchIsRankedWithSnippetsAndUnicode) {
  Post({{"situation", "the silence after dinner"},
        {"thoughts", "silence means they are angry; silence"}});
  Post({{"situation", "a walk in the park, some silence"}});
  Post({{"situation", "שתיקה ארוכה בערב"}});
  auto r = server_->Call("GET", "/api/v1/reflections/search?q=silence");
  ASSERT_EQ(r.status, 200) << r.body;
  auto items = ServerProcess::Parse(r.body).at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].at("situation"), "the silence after dinner");
  bool marked = false;
  for (const auto& part : items[0].at("snippet").as_array()) {
    if (part.at("hit").as_bool()) marked = part.at("text") == "silence";
  }
  EXPECT_TRUE(marked) << json::serialize(items[0].at("snippet"));
  auto same = server_->Call("GET", "/api/v1/reflections?q=silence");
  EXPECT_EQ(ServerProcess::Parse(same.body).at("items").as_array().size(), 2u);
  auto hebrew = server_->Call("GET", "/api/v1/reflections/search?q=%D7%A9%D7%AA%D7%99%D7%A7%D7%94");
  EXPECT_EQ(ServerProcess::Parse(hebrew.body).at("items").as_array().size(), 1u) << hebrew.body;
  auto phrase = server_->Call("GET", "/api/v1/reflections/search?q=%22some%20silence%22");
  EXPECT_EQ(ServerProcess::Parse(phrase.body).at("items").as_array().size(), 1u) << phrase.body;
  auto empty = server_->Call("GET", "/api/v1/reflections/search?q=");
  EXPECT_EQ(empty.status, 422);
}

TEST_F(ReflectApiTest, PatternsAppearWithEnoughEntries) {
  auto fresh = ServerProcess();  // an empty database
  ASSERT_NE(fresh.port(), 0);
  auto none = fresh.Call("GET", "/api/v1/reflections/patterns");
  ASSERT_EQ(none.status, 200);
  EXPECT_EQ(ServerProcess::Parse(none.body).at("enough"), false);
  for (int i = 0; i < 4; ++i) {
    json::object body{{"situation", "again"},
                      {"happened_at", "2026-01-0" + std::to_string(i + 1) + "T20:00:00+00:00"},
                      {"tags", json::array{"criticism"}},
                      {"emotions", json::array{json::object{{"word", "hurt"}, {"intensity", 6}}}},
                      {"activation", i % 2 ? "away" : "toward"}};
    ASSERT_EQ(fresh.Call("POST", "/api/v1/reflections", json::serialize(body)).status, 201);
  }
  auto r = fresh.Call("GET", "/api/v1/reflections/patterns");
  ASSERT_EQ(r.status, 200);
  auto p = ServerProcess::Parse(r.body).as_object();
  EXPECT_EQ(p.at("enough"), true);
  EXPECT_EQ(p.at("entries"), 4);
  EXPECT_EQ(p.at("triggers").at("items").as_array().at(0).at("tag"), "criticism");
  EXPECT_EQ(p.at("triggers").at("items").as_array().at(0).at("entries"), 4);
  EXPECT_EQ(p.at("activation").at("toward"), 2);
  EXPECT_EQ(p.at("time").at("by_part_of_day").at("evening"), 4);
  EXPECT_FALSE(p.at("summary").as_array().empty());
  auto tags = fresh.Call("GET", "/api/v1/reflections/tags");
  EXPECT_EQ(ServerProcess::Parse(tags.body).at("items").as_array().at(0).at("entries"), 4);
  auto prompts = fresh.Call("GET", "/api/v1/reflections/prompts");
  ASSERT_EQ(prompts.status, 200);
  EXPECT_EQ(ServerProcess::Parse(prompts.body).at("lean"), "unknown");
}

TEST_F(ReflectApiTest, IdempotencyKeyCreatesOnce) {
  std::string body = R"({"situation":"once only, please"})";
  auto a = server_->Call("POST", "/api/v1/reflections", body, {"Idempotency-Key: reflect-1"});
  auto b = server_->Call("POST", "/api/v1/reflections", body, {"Idempotency-Key: reflect-1"});
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  EXPECT_EQ(ServerProcess::Parse(a.body).at("id"), ServerProcess::Parse(b.body).at("id"));
  auto found = server_->Call("GET", "/api/v1/reflections/search?q=%22once%20only%22");
  EXPECT_EQ(ServerProcess::Parse(found.body).at("items").as_array().size(), 1u);
}

TEST_F(ReflectApiTest, ListsPageWithCursors) {
  auto fresh = ServerProcess();
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(fresh.Call("POST", "/api/v1/reflections", R"({"situation":"entry"})").status, 201);
  }
  std::set<int64_t> seen;
  std::string cursor;
  int pages = 0;
  do {
    auto r = fresh.Call(
        "GET", "/api/v1/reflections?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(r.status, 200);
    auto page = ServerProcess::Parse(r.body).as_object();
    for (const auto& it : page.at("items").as_array()) seen.insert(it.at("id").as_int64());
    cursor =
        page.at("next_cursor").is_null() ? "" : std::string(page.at("next_cursor").as_string());
    ++pages;
  } while (!cursor.empty());
  EXPECT_EQ(seen.size(), 5u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(fresh.Call("GET", "/api/v1/reflections?limit=0").status, 422);
  EXPECT_EQ(fresh.Call("GET", "/api/v1/reflections?since=notadate").status, 422);
}

}  // namespace
}  // namespace securebase::testing
