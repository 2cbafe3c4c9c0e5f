// Steps 4 and 7 over HTTP: editing, deleting and restoring messages, conflicts and
// boundaries, and paging their lists.
#include <gtest/gtest.h>

#include <set>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class CommunicateEditApiTest : public SharedServerTest {
 protected:
  static json::value Send(const std::string& method, const std::string& target,
                          const json::object& body, int want) {
    auto r = server_->Call(method, target, json::serialize(body));
    EXPECT_EQ(r.status, want) << method << " " << target << ": " << r.body;
    return ServerProcess::Parse(r.body);
  }
  static json::value Get(const std::string& target, int want = 200) {
    auto r = server_->Call("GET", target);
    EXPECT_EQ(r.status, want) << target << ": " << r.body;
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
  // Every item of a list, following next_cursor with pages of `limit`; counts the pages.
  static std::vector<int64_t> AllIds(const std::string& path, int limit, int* pages) {
    std::vector<int64_t> ids;
    std::string cursor;
    *pages = 0;
    for (;;) {
      std::string sep = path.find('?') == std::string::npos ? "?" : "&";
      auto v = Get(path + sep + "limit=" + std::to_string(limit) +
                   (cursor.empty() ? "" : "&cursor=" + cursor));
      ++*pages;
      EXPECT_LE(v.at("items").as_array().size(), static_cast<size_t>(limit));
      for (const auto& i : v.at("items").as_array()) ids.push_back(i.at("id").as_int64());
      if (v.at("next_cursor").is_null() || *pages > 50) break;
      cursor = std::string(v.at("next_cursor").as_string());
    }
    return ids;
  }
};

TEST_F(CommunicateEditApiTest, MessageEditDeleteRestore) {
  int64_t ana = NewPerson("Ana (edits)");
  auto m = Send("POST", "/api/v1/messages",
                {{"person", ana}, {"feeling", "tired"}, {"need", "rest"}}, 201);
  std::string path = "/api/v1/messages/" + std::to_string(m.at("id").as_int64());
  EXPECT_TRUE(m.at("updated").is_null());

  auto edited = Send("PATCH", path, {{"text", "You always leave it to me."}}, 200);
  EXPECT_EQ(edited.at("text"), "You always leave it to me.");
  EXPECT_EQ(edited.at("feeling"), "tired");  // untouched
  EXPECT_FALSE(edited.at("updated").is_null());
  EXPECT_EQ(edited.at("hints").as_array()[0].at("rule"), "absolutes");
  EXPECT_EQ(Get(path).at("text"), "You always leave it to me.");

  auto nobody = Send("PATCH", path, {{"person", nullptr}}, 200);
  EXPECT_TRUE(nobody.at("person").is_null());

  EXPECT_EQ(Fields(Send("PATCH", path, {{"text", ""}, {"person", 999999}, {"colour", "red"}}, 422)),
            (std::set<std::string>{"text", "person", "colour"}));
  Send("PATCH", "/api/v1/messages/999999", {{"text", "hi"}}, 404);

  auto deleted = Send("DELETE", path, {}, 200);
  EXPECT_EQ(deleted.at("undo").as_string(), path + "/restore");
  EXPECT_EQ(deleted.at("deleted").at("text"), "You always leave it to me.");
  EXPECT_TRUE(deleted.as_object().contains("restorable_until"));
  Get(path, 404);
  Send("PATCH", path, {{"text", "again"}}, 404);
  Send("DELETE", path, {}, 404);
  auto back = Send("POST", path + "/restore", {}, 200);
  EXPECT_EQ(back.at("text"), "You always leave it to me.");
  Send("POST", path + "/restore", {}, 404);

  auto danger = Send("PATCH", path, {{"text", "Some nights I want to die."}}, 200);
  EXPECT_TRUE(danger.as_object().contains("crisis"));
}

TEST_F(CommunicateEditApiTest, MessagesPageWithLimitAndCursor) {
  int64_t ben = NewPerson("Ben (pages)");
  std::set<int64_t> made;
  for (int i = 0; i < 7; ++i) {
    made.insert(Send("POST", "/api/v1/messages",
                     {{"person", ben}, {"text", "draft " + std::to_string(i)}}, 201)
                    .at("id")
                    .as_int64());
  }
  int pages = 0;
  auto ids = AllIds("/api/v1/messages?person=" + std::to_string(ben), 3, &pages);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()), made);
  EXPECT_EQ(ids.size(), made.size());  // nothing twice
  EXPECT_GT(ids.front(), ids.back());  // newest first
  EXPECT_EQ(Fields(Get("/api/v1/messages?limit=0", 422)), std::set<std::string>{"limit"});
  EXPECT_EQ(Fields(Get("/api/v1/messages?person=abc&limit=501", 422)),
            (std::set<std::string>{"person", "limit"}));
  EXPECT_EQ(Fields(Get("/api/v1/messages?cursor=garbage", 422)), std::set<std::string>{"cursor"});
}

TEST_F(CommunicateEditApiTest, ConflictEditOutcomeDeleteRestoreAndPages) {
  int64_t cy = NewPerson("Cy (conflict edits)");
  int64_t di = NewPerson("Di (conflict edits)");
  auto c = Send("POST", "/api/v1/conflicts",
                {{"person", cy}, {"topic", "money"}, {"happened", "2026-11-01"}}, 201);
  std::string path = "/api/v1/conflicts/" + std::to_string(c.at("id").as_int64());
  Send("POST", path + "/repairs", {{"by", "them"}, {"what", "brought tea"}}, 201);

  auto edited = Send("PATCH", path,
                     {{"person", di},
                      {"topic", "budget"},
                      {"horsemen_me", json::array{"defensiveness"}},
                      {"flooded_me", true},
                      {"outcome", "repaired"}},
                     200);
  EXPECT_EQ(edited.at("person").as_int64(), di);
  EXPECT_EQ(edited.at("topic"), "budget");
  EXPECT_EQ(edited.at("outcome"), "repaired");
  EXPECT_FALSE(edited.at("repaired_at").is_null());
  EXPECT_EQ(edited.at("repairs").as_array().size(), 1u);  // kept
  EXPECT_EQ(edited.at("horsemen_me").as_array().size(), 1u);
  EXPECT_TRUE(edited.at("flooded_me").as_bool());

  EXPECT_EQ(Fields(Send("PATCH", path,
                        {{"outcome", "great"},
                         {"horsemen_them", json::array{"sulking"}},
                         {"person", 999999},
                         {"happened", "soon"}},
                        422)),
            (std::set<std::string>{"outcome", "horsemen_them[0]", "person", "happened"}));
  EXPECT_EQ(Fields(Send("PATCH", path, {{"topic", ""}}, 422)), std::set<std::string>{"topic"});

  // Insights follow edits and deletions.
  auto insight_for = [&](int64_t person) {
    json::value insights = Get("/api/v1/conflict-insights");
    for (const auto& p : insights.at("people").as_array()) {
      if (p.at("person").as_int64() == person) return p.at("repaired").as_int64();
    }
    return int64_t{-1};
  };
  EXPECT_EQ(insight_for(di), 1);
  EXPECT_EQ(insight_for(cy), -1);

  auto deleted = Send("DELETE", path, {}, 200);
  EXPECT_EQ(deleted.at("undo").as_string(), path + "/restore");
  Get(path, 404);
  Send("POST", path + "/repairs", {{"by", "me"}, {"what", "x"}}, 404);
  EXPECT_EQ(insight_for(di), -1);
  auto back = Send("POST", path + "/restore", {}, 200);
  EXPECT_EQ(back.at("repairs").as_array().size(), 1u);
  EXPECT_EQ(insight_for(di), 1);

  for (int i = 0; i < 4; ++i) {
    Send("POST", "/api/v1/conflicts",
         {{"person", di},
          {"topic", "t" + std::to_string(i)},
          {"happened", "2026-10-0" + std::to_string(i + 1)}},
         201);
  }
  int pages = 0;
  auto ids = AllIds("/api/v1/conflicts?person=" + std::to_string(di), 2, &pages);
  EXPECT_EQ(ids.size(), 5u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(ids.front(), c.at("id").as_int64());  // happened latest (November)
}

TEST_F(CommunicateEditApiTest, BoundaryEditDeleteRestoreAndPages) {
  int64_t ed = NewPerson("Ed (boundary edits)");
  auto b = Send("POST", "/api/v1/boundaries",
                {{"area", "time"}, {"limit", "No calls after ten"}, {"person", ed}}, 201);
  std::string path = "/api/v1/boundaries/" + std::to_string(b.at("id").as_int64());
  Send("POST", path + "/practices", {{"steadiness", 3}}, 201);

  auto edited = Send("PATCH", path,
                     {{"area", "digital"},
                      {"person", nullptr},
                      {"script", ""},
                      {"when", "texts come late"},
                      {"will", "reply in the morning"}},
                     200);
  EXPECT_EQ(edited.at("area"), "digital");
  EXPECT_TRUE(edited.at("person").is_null());
  EXPECT_EQ(edited.at("script"), "When texts come late, I will reply in the morning.");
  EXPECT_EQ(edited.at("limit"), "No calls after ten");
  EXPECT_EQ(edited.at("practices").as_array().size(), 1u);
  EXPECT_FALSE(edited.at("updated").is_null());
  EXPECT_EQ(
      Fields(Send("PATCH", path, {{"area", "spiritual"}, {"limit", " "}, {"person", 999999}}, 422)),
      (std::set<std::string>{"area", "limit", "person"}));
  Send("PATCH", "/api/v1/boundaries/999999", {{"why", "x"}}, 404);

  auto deleted = Send("DELETE", path, {}, 200);
  EXPECT_EQ(deleted.at("undo").as_string(), path + "/restore");
  Get(path, 404);
  Send("POST", path + "/incidents", {{"kind", "held"}}, 404);
  json::value stats = Get("/api/v1/boundary-stats");
  for (const auto& s : stats.at("boundaries").as_array()) {
    EXPECT_NE(s.at("boundary").as_int64(), b.at("id").as_int64()) << "deleted still counted";
  }
  auto back = Send("POST", path + "/restore", {}, 200);
  EXPECT_EQ(back.at("practices").as_array().size(), 1u);

  for (int i = 0; i < 4; ++i) {
    Send("POST", "/api/v1/boundaries", {{"area", "other"}, {"limit", "limit " + std::to_string(i)}},
         201);
  }
  int pages = 0;
  auto ids = AllIds("/api/v1/boundaries", 2, &pages);
  EXPECT_GE(ids.size(), 5u);
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));  // oldest first
  EXPECT_EQ(std::set<int64_t>(ids.begin(), ids.end()).size(), ids.size());
  EXPECT_EQ(Fields(Get("/api/v1/boundaries?cursor=abc", 422)), std::set<std::string>{"cursor"});
  EXPECT_EQ(Fields(Get("/api/v1/boundaries?limit=1000", 422)), std::set<std::string>{"limit"});
}

}  // namespace
}  // namespace securebase::testing
