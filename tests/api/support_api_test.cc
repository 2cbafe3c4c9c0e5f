// Step 8 over HTTP: the self-check (with crisis help on a safety answer), signals and their
// off switch, the directory search with filters, and the shortlist with undo.
#include <gtest/gtest.h>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class SupportApiTest : public SharedServerTest {};

std::string Answers(int v, int self_harm) {
  return "{\"answers\":{\"heavy\":" + std::to_string(v) + ",\"daily\":" + std::to_string(v) +
         ",\"patterns\":" + std::to_string(v) + ",\"past\":" + std::to_string(v) +
         ",\"coping\":" + std::to_string(v) + ",\"alone\":" + std::to_string(v) +
         ",\"numbing\":" + std::to_string(v) + ",\"self_harm\":" + std::to_string(self_harm) +
         ",\"unsafe\":0}}";
}

TEST_F(SupportApiTest, SelfCheckGivesGuidanceAndCrisisHelpAtOnce) {
  auto def = server_->Call("GET", "/api/v1/support/checkup");
  ASSERT_EQ(def.status, 200) << def.body;
  EXPECT_EQ(ServerProcess::Parse(def.body).at("questions").as_array().size(), 9u);

  auto bad = server_->Call("POST", "/api/v1/support/checkups", R"({"answers":{"heavy":9}})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("answers.heavy"), std::string::npos);
  EXPECT_NE(bad.body.find("answers.daily"), std::string::npos);  // missing

  auto calm = server_->Call("POST", "/api/v1/support/checkups", Answers(0, 0));
  ASSERT_EQ(calm.status, 201) << calm.body;
  auto c = ServerProcess::Parse(calm.body);
  EXPECT_EQ(c.at("band"), "steady");
  EXPECT_FALSE(c.as_object().contains("crisis"));

  auto heavy = server_->Call("POST", "/api/v1/support/checkups", Answers(2, 1));
  ASSERT_EQ(heavy.status, 201) << heavy.body;
  auto h = ServerProcess::Parse(heavy.body);
  EXPECT_EQ(h.at("band"), "good-time");
  EXPECT_TRUE(h.at("safety_concern").as_bool());
  ASSERT_TRUE(h.as_object().contains("crisis"));
  EXPECT_FALSE(h.at("crisis").at("resources").as_array().empty());

  auto list = server_->Call("GET", "/api/v1/support/checkups?limit=1");
  ASSERT_EQ(list.status, 200);
  auto l = ServerProcess::Parse(list.body);
  EXPECT_EQ(l.at("items").as_array().size(), 1u);
  ASSERT_TRUE(l.at("next_cursor").is_string());
  auto next = server_->Call("GET", "/api/v1/support/checkups?limit=1&cursor=" +
                                       std::string(l.at("next_cursor").as_string()));
  EXPECT_EQ(ServerProcess::Parse(next.body).at("items").at(0).at("band"), "steady");
}

TEST_F(SupportApiTest, SignalsCanBeTurnedOff) {
  auto on = server_->Call("GET", "/api/v1/support/signals");
  ASSERT_EQ(on.status, 200);
  auto v = ServerProcess::Parse(on.body);
  EXPECT_TRUE(v.at("enabled").as_bool());
  EXPECT_EQ(v.at("items").as_array().size(), 3u);
  EXPECT_EQ(server_->Call("PUT", "/api/v1/support/settings", R"({"suggestions":"no"})").status,
            422);
  ASSERT_EQ(server_->Call("PUT", "/api/v1/support/settings", R"({"suggestions":false})").status,
            200);
  auto off = ServerProcess::Parse(server_->Call("GET", "/api/v1/support/signals").body);
  EXPECT_FALSE(off.at("enabled").as_bool());
  EXPECT_TRUE(off.at("items").as_array().empty());
  ASSERT_EQ(server_->Call("PUT", "/api/v1/support/settings", R"({"suggestions":true})").status,
            200);
}

TEST_F(SupportApiTest, DirectorySearchShortlistAndUndo) {
  auto empty = server_->Call("GET", "/api/v1/therapists/facets");
  ASSERT_EQ(empty.status, 200);
  auto sample = server_->Call("POST", "/api/v1/therapists/sample", "", {"Idempotency-Key: s1"});
  ASSERT_EQ(sample.status, 200) << sample.body;
  EXPECT_EQ(ServerProcess::Parse(sample.body).at("added").as_int64(), 40);
  auto again = server_->Call("POST", "/api/v1/therapists/sample", "", {"Idempotency-Key: s1"});
  EXPECT_EQ(again.Header("Idempotent-Replayed"), "true");

  auto bad = server_->Call("GET", "/api/v1/therapists?lat=95&lon=0&age=toddlers&mode=boat");
  EXPECT_EQ(bad.status, 422);
  for (const char* f : {"\"lat\"", "\"mode\""})
    EXPECT_NE(bad.body.find(f), std::string::npos) << bad.body;
  auto unknown = server_->Call("GET", "/api/v1/therapists?postcode=ZZ99ZZ");
  EXPECT_EQ(unknown.status, 404) << unknown.body;

  auto found = server_->Call(
      "GET",
      "/api/v1/"
      "therapists?postcode=SW1A%201AA&radius_km=50&therapy=eft,gottman&accepting=true&limit=3");
  ASSERT_EQ(found.status, 200) << found.body;
  auto r = ServerProcess::Parse(found.body);
  EXPECT_EQ(r.at("centre").at("place"), "London");
  auto& items = r.at("items").as_array();
  ASSERT_FALSE(items.empty());
  double last_score = 1e9;
  for (const auto& it : items) {
    EXPECT_EQ(it.at("city"), "London");
    EXPECT_TRUE(it.at("accepting_new_clients").as_bool());
    EXPECT_LE(it.at("distance_km").as_double(), 50);
    EXPECT_LE(it.at("score").as_double(), last_score);
    last_score = it.at("score").as_double();
    EXPECT_FALSE(it.at("reasons").as_array().empty());
  }
  int64_t tid = items[0].at("id").as_int64();

  auto saved =
      server_->Call("POST", "/api/v1/shortlist",
                    "{\"therapist\":" + std::to_string(tid) + ",\"notes\":\"ask about evenings\"}");
  ASSERT_EQ(saved.status, 201) << saved.body;
  int64_t eid = ServerProcess::Parse(saved.body).at("id").as_int64();
  EXPECT_EQ(
      server_->Call("POST", "/api/v1/shortlist", "{\"therapist\":" + std::to_string(tid) + "}")
          .status,
      409);
  EXPECT_EQ(server_->Call("POST", "/api/v1/shortlist", R"({"therapist":99999})").status, 422);
  std::string entry = "/api/v1/shortlist/" + std::to_string(eid);
  auto badp = server_->Call("PATCH", entry, R"({"status":"maybe","next_date":"2026-13-01"})");
  EXPECT_EQ(badp.status, 422);
  EXPECT_NE(badp.body.find("next_date"), std::string::npos);
  auto moved =
      server_->Call("PATCH", entry, R"({"status":"consult-booked","next_date":"2026-12-03"})");
  ASSERT_EQ(moved.status, 200) << moved.body;
  auto m = ServerProcess::Parse(moved.body);
  EXPECT_EQ(m.at("status"), "consult-booked");
  EXPECT_EQ(m.at("history").as_array().size(), 2u);
  EXPECT_EQ(m.at("notes"), "ask about evenings");

  auto detail =
      ServerProcess::Parse(server_->Call("GET", "/api/v1/therapists/" + std::to_string(tid)).body);
  EXPECT_EQ(detail.at("shortlist").at("status"), "consult-booked");

  auto removed = server_->Call("DELETE", entry);
  ASSERT_EQ(removed.status, 200);
  EXPECT_TRUE(ServerProcess::Parse(server_->Call("GET", "/api/v1/shortlist").body)
                  .at("items")
                  .as_array()
                  .empty());
  auto undo = ServerProcess::Parse(removed.body).at("undo").as_string();
  auto restored = server_->Call("POST", std::string(undo));
  ASSERT_EQ(restored.status, 200) << restored.body;
  EXPECT_EQ(
      ServerProcess::Parse(server_->Call("GET", "/api/v1/shortlist?status=consult-booked").body)
          .at("items")
          .as_array()
          .size(),
      1u);
}

}  // namespace
}  // namespace securebase::testing
