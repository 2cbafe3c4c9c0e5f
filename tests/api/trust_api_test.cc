// Steps 5 and 6 over HTTP: commitments, their outcomes, the calendar feed, bids and stats.
#include <gtest/gtest.h>

#include <ctime>
#include <set>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class TrustApiTest : public SharedServerTest {};

TEST_F(TrustApiTest, CommitmentAddKeepRenegotiateAndReliability) {
  auto bad = server_->Call("POST", "/api/v1/commitments",
                           R"({"what":"","due":"2027-02-30","repeat":"yearly","extra":1})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"repeat\""), std::string::npos);
  EXPECT_NE(bad.body.find("\"extra\""), std::string::npos);

  auto made = server_->Call("POST", "/api/v1/commitments",
                            R"({"what":"Morning coffee","due":"2026-01-01","time":"08:00",
                                "zone":"Europe/Berlin","repeat":"daily"})");
  ASSERT_EQ(made.status, 201) << made.body;
  auto c = ServerProcess::Parse(made.body);
  int64_t id = c.at("id").as_int64();
  EXPECT_EQ(made.Header("Location"), "/api/v1/commitments/" + std::to_string(id));
  EXPECT_EQ(c.at("repeat_text"), "every day");

  std::string outcomes = "/api/v1/commitments/" + std::to_string(id) + "/outcomes";
  auto kept = server_->Call("POST", outcomes, R"({"outcome":"kept","day":"2026-01-02"})");
  ASSERT_EQ(kept.status, 200) << kept.body;
  auto reneg = server_->Call("POST", outcomes, R"({"outcome":"renegotiated","day":"2026-01-03"})");
  EXPECT_EQ(reneg.status, 422) << reneg.body;  // the new terms are needed
  reneg = server_->Call("POST", outcomes,
                        R"({"outcome":"renegotiated","day":"2026-01-03","note":"At 9 instead"})");
  ASSERT_EQ(reneg.status, 200) << reneg.body;
  EXPECT_EQ(
      server_->Call("POST", "/api/v1/commitments/999/outcomes", R"({"outcome":"kept"})").status,
      404);

  auto list = server_->Call("GET", "/api/v1/commitments");
  ASSERT_EQ(list.status, 200) << list.body;
  auto v = ServerProcess::Parse(list.body);
  EXPECT_FALSE(v.at("items").as_array().empty());
  EXPECT_TRUE(v.at("reliability").at("mine").at("overall").is_object());
}

TEST_F(TrustApiTest, CalendarFeedIsICalendar) {
  // Due tomorrow, so it falls inside the feed's window (30 days back to 90 ahead).
  std::time_t tomorrow = std::time(nullptr) + 86400;
  char day[16];
  std::strftime(day, sizeof day, "%Y-%m-%d", std::localtime(&tomorrow));
  auto made = server_->Call(
      "POST", "/api/v1/commitments",
      std::string(R"({"what":"Call Mum, briefly","due":")") + day + R"(","repeat":"weekly"})");
  ASSERT_EQ(made.status, 201) << made.body;
  // Without its own key the feed is refused, even with the session token: a calendar
  // app never has that.
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments.ics").status, 401);
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments.ics", "", {}, false).status, 401);
  auto key = server_->Call("POST", "/api/v1/calendar-feed");
  ASSERT_EQ(key.status, 201) << key.body;
  auto k = ServerProcess::Parse(key.body);
  std::string path = std::string(k.at("path").as_string());
  EXPECT_EQ(path, "/api/v1/commitments.ics?key=" + std::string(k.at("key").as_string()));
  EXPECT_NE(std::string(k.at("warning").as_string()).find("Anyone"), std::string::npos);

  auto ics = server_->Call("GET", path, "", {}, /*auth=*/false);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_EQ(ics.Header("Content-Type").rfind("text/calendar", 0), 0u);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
  EXPECT_NE(ics.body.find("END:VCALENDAR\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("BEGIN:VEVENT\r\n"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("DTSTAMP:"), std::string::npos);
  EXPECT_NE(ics.body.find("UID:"), std::string::npos);

  // A wrong key, a key in the sign-in parameter, a rotated key and a revoked key: 401.
  std::string wrong = path;
  wrong.back() = wrong.back() == '0' ? '1' : '0';
  EXPECT_EQ(server_->Call("GET", wrong, "", {}, false).status, 401);
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments.ics?key=abc", "", {}, false).status, 401);
  auto status = ServerProcess::Parse(server_->Call("GET", "/api/v1/calendar-feed").body);
  EXPECT_TRUE(status.at("active").as_bool());
  EXPECT_FALSE(status.as_object().contains("key")) << "the key is shown only once";

  auto rotated = server_->Call("POST", "/api/v1/calendar-feed");
  ASSERT_EQ(rotated.status, 201);
  std::string new_path = std::string(ServerProcess::Parse(rotated.body).at("path").as_string());
  EXPECT_EQ(server_->Call("GET", path, "", {}, false).status, 401) << "the old link must stop";
  EXPECT_EQ(server_->Call("GET", new_path, "", {}, false).status, 200);

  ASSERT_EQ(server_->Call("DELETE", "/api/v1/calendar-feed").status, 200);
  EXPECT_EQ(server_->Call("GET", new_path, "", {}, false).status, 401);
  EXPECT_EQ(server_->Call("DELETE", "/api/v1/calendar-feed").status, 404);
  // The key only opens the feed, not the rest of the API.
  EXPECT_EQ(server_
                ->Call("GET", "/api/v1/commitments?key=" + std::string(k.at("key").as_string()), "",
                       {}, false)
                .status,
            401);
}

TEST_F(TrustApiTest, TodayReliabilityPagingAndRemoveWithUndo) {
  std::time_t now = std::time(nullptr);
  char today[16], week_ago[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&now));
  std::time_t before = now - 7 * 86400;
  std::strftime(week_ago, sizeof week_ago, "%Y-%m-%d", std::localtime(&before));
  auto made = server_->Call(
      "POST", "/api/v1/commitments",
      std::string(R"({"what":"Stretch","repeat":"daily","due":")") + week_ago + "\"}");
  ASSERT_EQ(made.status, 201) << made.body;
  int64_t id = ServerProcess::Parse(made.body).at("id").as_int64();

  auto due = server_->Call("GET", "/api/v1/commitments/today");
  ASSERT_EQ(due.status, 200) << due.body;
  auto d = ServerProcess::Parse(due.body);
  int mine = 0;
  for (const auto& it : d.at("items").as_array()) {
    if (it.at("commitment").at("id").as_int64() == id) ++mine;
  }
  EXPECT_EQ(mine, 8) << "7 overdue days and today";
  EXPECT_TRUE(d.at("to_me").as_array().empty()) << "no promises made to me yet";
  EXPECT_EQ(d.at("today").as_string(), today);

  std::string outcomes = "/api/v1/commitments/" + std::to_string(id) + "/outcomes";
  ASSERT_EQ(server_->Call("POST", outcomes, R"({"outcome":"kept"})").status, 200);
  auto rel = server_->Call("GET", "/api/v1/commitments/reliability?person=me");
  ASSERT_EQ(rel.status, 200) << rel.body;
  auto r = ServerProcess::Parse(rel.body);
  EXPECT_EQ(r.at("person").as_string(), "me");
  EXPECT_EQ(r.at("mine").at("over_time").as_array().size(), 12u);
  EXPECT_GE(r.at("mine").at("days_30").at("kept").as_int64(), 1);
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments/reliability?person=x").status, 422);

  // Paging: one at a time, following next_cursor, visits every commitment once.
  std::set<int64_t> seen;
  std::string cursor;
  for (int page = 0; page < 50; ++page) {
    auto l = server_->Call(
        "GET", "/api/v1/commitments?limit=1" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(l.status, 200) << l.body;
    auto v = ServerProcess::Parse(l.body);
    for (const auto& it : v.at("items").as_array())
      EXPECT_TRUE(seen.insert(it.at("id").as_int64()).second);
    if (v.at("next_cursor").is_null()) break;
    cursor = std::string(v.at("next_cursor").as_string());
  }
  EXPECT_TRUE(seen.count(id));
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments?cursor=zz").status, 422);

  auto removed = server_->Call("DELETE", "/api/v1/commitments/" + std::to_string(id));
  ASSERT_EQ(removed.status, 200) << removed.body;
  std::string undo = std::string(ServerProcess::Parse(removed.body).at("undo").as_string());
  EXPECT_EQ(server_->Call("GET", "/api/v1/commitments/today").body.find("\"Stretch\""),
            std::string::npos);
  ASSERT_EQ(server_->Call("POST", undo).status, 200);
  EXPECT_NE(server_->Call("GET", "/api/v1/commitments/today").body.find("\"Stretch\""),
            std::string::npos);
}

TEST_F(TrustApiTest, BidPagingRemoveAndCheckins) {
  std::vector<int64_t> mine;
  for (int i = 0; i < 5; ++i) {
    auto b = server_->Call("POST", "/api/v1/bids", R"({"kind":"touch","response":"missed"})");
    ASSERT_EQ(b.status, 201);
    mine.push_back(ServerProcess::Parse(b.body).at("id").as_int64());
  }
  std::set<int64_t> seen;
  std::string cursor;
  int pages = 0;
  for (; pages < 100; ++pages) {
    auto l =
        server_->Call("GET", "/api/v1/bids?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
    ASSERT_EQ(l.status, 200) << l.body;
    auto v = ServerProcess::Parse(l.body);
    for (const auto& it : v.at("items").as_array())
      EXPECT_TRUE(seen.insert(it.at("id").as_int64()).second);
    if (v.at("next_cursor").is_null()) break;
    cursor = std::string(v.at("next_cursor").as_string());
  }
  EXPECT_GE(seen.size(), 5u);
  EXPECT_EQ(server_->Call("GET", "/api/v1/bids?cursor=12").status, 422);

  int64_t first = *seen.begin();
  auto removed = server_->Call("DELETE", "/api/v1/bids/" + std::to_string(first));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(server_->Call("GET", "/api/v1/bids?limit=500")
                .body.find("\"id\":" + std::to_string(first) + ","),
            std::string::npos);
  ASSERT_EQ(server_->Call("POST", "/api/v1/bids/" + std::to_string(first) + "/restore").status,
            200);
  EXPECT_NE(server_->Call("GET", "/api/v1/bids?limit=500")
                .body.find("\"id\":" + std::to_string(first) + ","),
            std::string::npos);
  EXPECT_EQ(server_->Call("DELETE", "/api/v1/bids/99999").status, 404);
  // Removed bids leave the statistics (and leave them clean for the other tests).
  for (int64_t id : mine) {
    ASSERT_EQ(server_->Call("DELETE", "/api/v1/bids/" + std::to_string(id)).status, 200);
  }
  EXPECT_EQ(server_->Call("GET", "/api/v1/bids/stats").body.find("\"missed\":5"),
            std::string::npos);

  auto plan = server_->Call("PUT", "/api/v1/checkins/plan", R"({"every_days":0})");
  EXPECT_EQ(plan.status, 422);
  EXPECT_NE(plan.body.find("every_days"), std::string::npos);
  ASSERT_EQ(server_->Call("PUT", "/api/v1/checkins/plan", R"({"every_days":2})").status, 200);
  auto before = ServerProcess::Parse(server_->Call("GET", "/api/v1/checkins").body);
  EXPECT_EQ(before.at("every_days").as_int64(), 2);
  EXPECT_TRUE(before.at("due").as_bool());
  EXPECT_EQ(before.at("prompts").as_array().size(), 4u);
  ASSERT_EQ(
      server_->Call("POST", "/api/v1/checkins", R"({"note":"We talked about the week"})").status,
      201);
  auto after = ServerProcess::Parse(server_->Call("GET", "/api/v1/checkins").body);
  EXPECT_FALSE(after.at("due").as_bool());
  EXPECT_EQ(after.at("items").as_array()[0].at("note").as_string(), "We talked about the week");
}

TEST_F(TrustApiTest, BidsAndTurningTowardStats) {
  for (const char* r : {"toward", "toward", "toward", "away"}) {
    auto b = server_->Call("POST", "/api/v1/bids",
                           std::string(R"({"kind":"humour","response":")") + r + "\"}");
    ASSERT_EQ(b.status, 201) << b.body;
  }
  auto bad = server_->Call("POST", "/api/v1/bids", R"({"response":"maybe","kind":"poke"})");
  EXPECT_EQ(bad.status, 422);
  auto list = server_->Call("GET", "/api/v1/bids?limit=2");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(ServerProcess::Parse(list.body).at("items").as_array().size(), 2u);
  auto stats = server_->Call("GET", "/api/v1/bids/stats");
  ASSERT_EQ(stats.status, 200);
  auto s = ServerProcess::Parse(stats.body);
  EXPECT_DOUBLE_EQ(s.at("received").at("all").at("toward_ratio").as_double(), 0.75);
  EXPECT_DOUBLE_EQ(s.at("reference").at("together").as_double(), 0.86);
  EXPECT_TRUE(s.at("made").at("all").at("toward_ratio").is_null());
}

}  // namespace
}  // namespace securebase::testing
