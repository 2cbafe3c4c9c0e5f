// Steps 5 and 6 over HTTP: commitments, their outcomes, the calendar feed, bids and stats.
#include <gtest/gtest.h>

#include <ctime>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class TrustApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = new ServerProcess(); }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(server_->port(), 0) << server_->Output(); }
  static ServerProcess* server_;
};
ServerProcess* TrustApiTest::server_ = nullptr;

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
  auto ics = server_->Call("GET", "/api/v1/commitments.ics");
  ASSERT_EQ(ics.status, 200);
  EXPECT_EQ(ics.Header("Content-Type").rfind("text/calendar", 0), 0u);
  EXPECT_EQ(ics.body.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u);
  EXPECT_NE(ics.body.find("END:VCALENDAR\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("BEGIN:VEVENT\r\n"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("DTSTAMP:"), std::string::npos);
  EXPECT_NE(ics.body.find("UID:"), std::string::npos);
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
