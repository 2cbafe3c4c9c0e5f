// The JSON API, spoken to over real HTTP, as the web app and scripts use it.
#include <gtest/gtest.h>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class ApiTest : public SharedServerTest {
 protected:
  // A 30-answer body for crr-general where every answer is `value`.
  static std::string AllAnswers(const std::string& prefix, int value) {
    json::object answers;
    for (int i = 1; i <= 30; ++i) answers[fmt(prefix, i)] = value;
    return json::serialize(answers);
  }
  static std::string fmt(const std::string& prefix, int i) {
    return prefix + (i < 10 ? "0" : "") + std::to_string(i);
  }
};

TEST_F(ApiTest, HealthNeedsNoToken) {
  auto r = server_->Call("GET", "/api/v1/health", "", {}, /*auth=*/false);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(ServerProcess::Parse(r.body).at("status"), "ok");
}

TEST_F(ApiTest, EverythingElseNeedsTheToken) {
  for (const char* path : {"/api/v1/people", "/api/v1/instruments", "/api/v1/assessments",
                           "/api/v1/learn", "/api/v1/openapi.json"}) {
    auto r = server_->Call("GET", path, "", {}, /*auth=*/false);
    EXPECT_EQ(r.status, 401) << path;
    EXPECT_EQ(r.Header("Content-Type"), "application/problem+json") << path;
  }
  auto wrong = http::testing::Fetch(server_->port(), "GET", "/api/v1/people",
                                    {"Authorization: Bearer not-the-token"});
  EXPECT_EQ(wrong.status, 401);
}

TEST_F(ApiTest, StartUrlSetsAStrictCookieAndRedirectsToTheCleanUrl) {
  auto r = http::testing::Fetch(server_->port(), "GET", std::string("/?token=") + kToken);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.Header("Location"), "/");
  std::string cookie(r.Header("Set-Cookie"));
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  auto with_cookie = http::testing::Fetch(server_->port(), "GET", "/api/v1/people",
                                          {std::string("Cookie: securebase_session=") + kToken});
  EXPECT_EQ(with_cookie.status, 200);
  EXPECT_FALSE(r.Header("Content-Security-Policy").empty());
  EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(r.Header("Referrer-Policy"), "no-referrer");
}

TEST_F(ApiTest, ForeignHostIsRefused) {
  auto r =
      http::testing::Fetch(server_->port(), "GET", "/api/v1/health", {"Host: evil.example:80"});
  EXPECT_GE(r.status, 400);
  EXPECT_LT(r.status, 500);
}

TEST_F(ApiTest, PeopleRoundTrip) {
  auto created = server_->Call("POST", "/api/v1/people",
                               R"({"name":"Alex","relationship":"partner","notes":"🌱 מתחילים"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto person = ServerProcess::Parse(created.body).as_object();
  int64_t id = person.at("id").as_int64();
  EXPECT_EQ(person.at("notes"), "🌱 מתחילים");
  EXPECT_EQ(created.Header("Location"), "/api/v1/people/" + std::to_string(id));

  auto got = server_->Call("GET", "/api/v1/people/" + std::to_string(id));
  EXPECT_EQ(got.status, 200);
  auto patched = server_->Call("PATCH", "/api/v1/people/" + std::to_string(id),
                               R"({"relationship":"ex-partner"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(ServerProcess::Parse(patched.body).at("relationship"), "ex-partner");
  EXPECT_EQ(ServerProcess::Parse(patched.body).at("name"), "Alex");

  auto removed = server_->Call("DELETE", "/api/v1/people/" + std::to_string(id));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(server_->Call("GET", "/api/v1/people/" + std::to_string(id)).status, 404);
  auto restored = server_->Call("POST", "/api/v1/people/" + std::to_string(id) + "/restore");
  EXPECT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(server_->Call("GET", "/api/v1/people/" + std::to_string(id)).status, 200);
}

TEST_F(ApiTest, InstrumentsAndLearn) {
  auto list = server_->Call("GET", "/api/v1/instruments");
  ASSERT_EQ(list.status, 200);
  bool found_crr = false, found_ecrr = false;
  auto instruments = ServerProcess::Parse(list.body);
  for (const auto& ins : instruments.at("items").as_array()) {
    if (ins.at("id") == "crr-general") found_crr = ins.at("has_wording").as_bool();
    if (ins.at("id") == "ecr-r") found_ecrr = !ins.at("has_wording").as_bool();
  }
  EXPECT_TRUE(found_crr);
  EXPECT_TRUE(found_ecrr);
  auto one = server_->Call("GET", "/api/v1/instruments/crr-general");
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(ServerProcess::Parse(one.body).at("items").as_array().size(), 30u);
  EXPECT_EQ(server_->Call("GET", "/api/v1/instruments/nope").status, 404);

  auto learn = server_->Call("GET", "/api/v1/learn");
  ASSERT_EQ(learn.status, 200);
  EXPECT_GE(ServerProcess::Parse(learn.body).at("items").as_array().size(), 5u);
  auto page = server_->Call("GET", "/api/v1/learn/styles");
  ASSERT_EQ(page.status, 200);
  EXPECT_FALSE(ServerProcess::Parse(page.body).at("markdown").as_string().empty());
  EXPECT_EQ(server_->Call("GET", "/api/v1/learn/nope").status, 404);
}

TEST_F(ApiTest, DraftThenCompleteThenRetakeShowsChange) {
  auto draft = server_->Call(
      "POST", "/api/v1/assessments",
      R"({"instrument":"crr-general","about":null,"answers":{"crr_g_01":5},"complete":false})");
  ASSERT_EQ(draft.status, 201) << draft.body;
  auto d = ServerProcess::Parse(draft.body).as_object();
  EXPECT_EQ(d.at("status"), "draft");
  EXPECT_TRUE(d.at("placement").is_null());
  std::string id = std::to_string(d.at("id").as_int64());

  auto drafts = server_->Call("GET", "/api/v1/assessments?status=draft&about=general");
  ASSERT_EQ(drafts.status, 200);
  EXPECT_EQ(ServerProcess::Parse(drafts.body).at("items").as_array().size(), 1u);

  auto done = server_->Call("PATCH", "/api/v1/assessments/" + id,
                            R"({"answers":)" + AllAnswers("crr_g_", 6) + R"(,"complete":true})");
  ASSERT_EQ(done.status, 200) << done.body;
  auto first = ServerProcess::Parse(done.body).as_object();
  EXPECT_EQ(first.at("status"), "complete");
  EXPECT_FALSE(first.at("placement").is_null());
  EXPECT_TRUE(first.at("change").is_null());
  // A complete one cannot change.
  EXPECT_EQ(
      server_->Call("PATCH", "/api/v1/assessments/" + id, R"({"answers":{"crr_g_01":1}})").status,
      409);

  auto second = server_->Call("POST", "/api/v1/assessments",
                              R"({"instrument":"crr-general","answers":)" +
                                  AllAnswers("crr_g_", 2) + R"(,"complete":true})");
  ASSERT_EQ(second.status, 201) << second.body;
  auto s = ServerProcess::Parse(second.body).as_object();
  ASSERT_FALSE(s.at("change").is_null());
  EXPECT_EQ(s.at("change").at("previous_id"), first.at("id"));
  EXPECT_FALSE(s.at("change").at("summary").as_string().empty());

  auto history = server_->Call("GET", "/api/v1/assessments?about=general&status=complete&limit=1");
  ASSERT_EQ(history.status, 200);
  auto h = ServerProcess::Parse(history.body).as_object();
  ASSERT_EQ(h.at("items").as_array().size(), 1u);
  ASSERT_TRUE(h.at("next_cursor").is_string());
  auto next =
      server_->Call("GET", "/api/v1/assessments?about=general&status=complete&limit=1&cursor=" +
                               std::string(h.at("next_cursor").as_string()));
  ASSERT_EQ(next.status, 200);
  EXPECT_EQ(ServerProcess::Parse(next.body).at("items").at(0).at("id"), first.at("id"));
}

TEST_F(ApiTest, DeletingAResultCanBeUndoneAndLeavesTheHistory) {
  auto made = server_->Call("POST", "/api/v1/assessments",
                            R"({"instrument":"crr-general","answers":{"crr_g_01":4}})");
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = std::to_string(ServerProcess::Parse(made.body).at("id").as_int64());
  auto deleted = server_->Call("DELETE", "/api/v1/assessments/" + id);
  ASSERT_EQ(deleted.status, 200) << deleted.body;
  EXPECT_EQ(server_->Call("GET", "/api/v1/assessments/" + id).status, 404);
  auto drafts = ServerProcess::Parse(server_->Call("GET", "/api/v1/assessments?status=draft").body);
  for (const auto& a : drafts.at("items").as_array())
    EXPECT_NE(std::to_string(a.at("id").as_int64()), id);
  EXPECT_EQ(server_->Call("DELETE", "/api/v1/assessments/" + id).status, 404);
  auto restored = server_->Call("POST", "/api/v1/assessments/" + id + "/restore");
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(ServerProcess::Parse(restored.body).at("status"), "draft");
  EXPECT_EQ(server_->Call("GET", "/api/v1/assessments/" + id).status, 200);
}

TEST_F(ApiTest, AboutAPersonNeedsThePersonQuestionnaire) {
  auto p = server_->Call("POST", "/api/v1/people", R"({"name":"Robin","relationship":"friend"})");
  ASSERT_EQ(p.status, 201);
  int64_t pid = ServerProcess::Parse(p.body).at("id").as_int64();
  auto wrong = server_->Call("POST", "/api/v1/assessments",
                             R"({"instrument":"crr-general","about":)" + std::to_string(pid) + "}");
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("\"field\":\"about\""), std::string::npos) << wrong.body;
  auto ok = server_->Call("POST", "/api/v1/assessments",
                          R"({"instrument":"crr-person","about":)" + std::to_string(pid) +
                              R"(,"answers":)" + AllAnswers("crr_p_", 3) + R"(,"complete":true})");
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ServerProcess::Parse(ok.body).at("about").at("name"), "Robin");
}

TEST_F(ApiTest, ErrorStatusesAreProblems) {
  auto malformed = server_->Call("POST", "/api/v1/people", R"({"name": "A)");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(server_->Call("GET", "/api/v1/nothing-here").status, 404);
  auto not_allowed = server_->Call("DELETE", "/api/v1/instruments");
  EXPECT_EQ(not_allowed.status, 405);
  EXPECT_FALSE(not_allowed.Header("Allow").empty());
  auto too_big = server_->Call("POST", "/api/v1/people",
                               R"({"name":"x","notes":")" + std::string(2 << 20, 'a') + "\"}");
  EXPECT_EQ(too_big.status, 413);
  auto text = http::testing::Fetch(
      server_->port(), "POST", "/api/v1/people",
      {std::string("Authorization: Bearer ") + kToken, "Content-Type: text/plain"}, "name=Alex");
  EXPECT_EQ(text.status, 415);
  auto invalid =
      server_->Call("POST", "/api/v1/people", R"({"name":"","relationship":"bestie","age":3})");
  ASSERT_EQ(invalid.status, 422);
  auto problem = ServerProcess::Parse(invalid.body).as_object();
  std::set<std::string> fields;
  for (const auto& e : problem.at("errors").as_array())
    fields.insert(std::string(e.at("field").as_string()));
  EXPECT_TRUE(fields.count("relationship")) << invalid.body;
  EXPECT_TRUE(fields.count("age")) << invalid.body;
  auto out_of_scale = server_->Call("POST", "/api/v1/assessments",
                                    R"({"instrument":"crr-general","answers":{"crr_g_01":9}})");
  EXPECT_EQ(out_of_scale.status, 422);
  EXPECT_NE(out_of_scale.body.find("answers.crr_g_01"), std::string::npos) << out_of_scale.body;
}

TEST_F(ApiTest, IdempotentRetryCreatesNothingNew) {
  std::vector<std::string> key = {"Idempotency-Key: retry-test-1"};
  auto first =
      server_->Call("POST", "/api/v1/people", R"({"name":"Kim","relationship":"sibling"})", key);
  auto again =
      server_->Call("POST", "/api/v1/people", R"({"name":"Kim","relationship":"sibling"})", key);
  ASSERT_EQ(first.status, 201);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.Header("Idempotent-Replayed"), "true");
  auto list = ServerProcess::Parse(server_->Call("GET", "/api/v1/people").body);
  int kims = 0;
  for (const auto& p : list.at("items").as_array()) kims += p.at("name") == "Kim";
  EXPECT_EQ(kims, 1);
  auto reused =
      server_->Call("POST", "/api/v1/assessments", R"({"instrument":"crr-general"})", key);
  EXPECT_EQ(reused.status, 422);
}

TEST_F(ApiTest, MalformedInputNeverGetsA5xxAndTheServerKeepsServing) {
  const std::vector<std::string> bodies = {
      "{",
      "[]",
      "null",
      "\"text\"",
      "{\"name\":",
      "{\"name\":123}",
      "{\"name\":null}",
      "{\"name\":\"ok\",\"relationship\":[]}",
      "{\"name\":\"\xff\xfe\"}",
      "{\"name\":\"a\\ud800\"}",
      "{\"instrument\":1e999}",
      "{\"instrument\":\"crr-general\",\"about\":99999999999999999999}",
      "{\"instrument\":\"crr-general\",\"about\":-1}",
      "{\"instrument\":\"crr-general\",\"answers\":[1,2]}",
      "{\"instrument\":\"crr-general\",\"answers\":{\"crr_g_01\":1.5}}",
      "{\"instrument\":\"crr-general\",\"answers\":{\"nope\":3}}",
      "{\"instrument\":\"crr-general\",\"complete\":\"yes\"}",
      "{\"instrument\":\"crr-general\",\"complete\":true}",
      std::string(1000, '['),
      "{\"a\":" + std::string(500, '{'),
      "\x00\x01\x02",
      "{\"name\":\"x\"}garbage"};
  for (const char* path :
       {"/api/v1/people", "/api/v1/assessments", "/api/v1/people/1", "/api/v1/assessments/1"}) {
    for (const auto& body : bodies) {
      std::string method = std::string(path).back() == '1' ? "PATCH" : "POST";
      auto r = server_->Call(method, path, body);
      EXPECT_GT(r.status, 0) << path << " " << body;
      EXPECT_LT(r.status, 500) << path << " " << body << " -> " << r.body;
    }
  }
  for (const char* target :
       {"/api/v1/assessments?limit=0", "/api/v1/assessments?limit=abc",
        "/api/v1/assessments?about=x", "/api/v1/assessments?cursor=zzz", "/api/v1/people/abc",
        "/api/v1/people/-4", "/api/v1/people/99999999999999999999", "/api/v1/assessments/0"}) {
    auto r = server_->Call("GET", target);
    EXPECT_GE(r.status, 400) << target;
    EXPECT_LT(r.status, 500) << target << " -> " << r.body;
  }
  EXPECT_EQ(server_->Call("GET", "/api/v1/health").status, 200);
}

TEST_F(ApiTest, AccessLogHasNoQueryStringsOrTokens) {
  server_->Call("GET", std::string("/api/v1/people?secret=shh"));
  http::testing::Fetch(server_->port(), "GET", std::string("/?token=") + kToken);
  std::string log = server_->AccessLog();
  EXPECT_NE(log.find("/api/v1/people"), std::string::npos) << log;
  EXPECT_EQ(log.find("shh"), std::string::npos);
  EXPECT_EQ(log.find(kToken), std::string::npos);
}

TEST(ApiShutdown, SigtermStopsGracefullyAndKeepsWrites) {
  ServerProcess server;
  ASSERT_NE(server.port(), 0);
  ASSERT_EQ(server.Call("POST", "/api/v1/people", R"({"name":"Ari"})").status, 201);
  EXPECT_EQ(server.Stop(), 0);
  EXPECT_NE(server.Output().find("Stopped"), std::string::npos) << server.Output();
}

}  // namespace
}  // namespace securebase::testing
