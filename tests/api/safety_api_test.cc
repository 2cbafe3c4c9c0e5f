// Crisis resources, the region setting, and crisis help in answers that save free text.
#include <gtest/gtest.h>

#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

class SafetyApiTest : public SharedServerTest {
 protected:
  static json::value Call(const std::string& method, const std::string& path,
                          const std::string& body = "", int expect = 200) {
    auto r = server_->Call(method, path, body);
    EXPECT_EQ(r.status, expect) << method << " " << path << " " << r.body;
    return ServerProcess::Parse(r.body);
  }
};

TEST_F(SafetyApiTest, CrisisResourcesNeedTheTokenAndListEveryRegion) {
  EXPECT_EQ(server_->Call("GET", "/api/v1/crisis-resources", "", {}, false).status, 401);
  json::value v = Call("GET", "/api/v1/crisis-resources");
  EXPECT_EQ(v.at("last_checked"), "2026-11");
  const json::array& items = v.at("items").as_array();
  ASSERT_GE(items.size(), 6u);
  EXPECT_EQ(items.back().at("code"), "ANY");
  EXPECT_EQ(items.front().at("code"), "US");
  EXPECT_EQ(items.front().at("lines").at(0).at("phone"), "988");
  EXPECT_EQ(items.front().at("emergency"), "911");
  json::value gb = Call("GET", "/api/v1/crisis-resources?region=uk");
  EXPECT_EQ(gb.at("region"), "GB");
  EXPECT_EQ(gb.at("items").at(0).at("lines").at(0).at("phone"), "116 123");
  // Help never fails: an unknown region shows everything.
  json::value zz = Call("GET", "/api/v1/crisis-resources?region=zz");
  EXPECT_TRUE(zz.at("region").is_null());
  EXPECT_EQ(zz.at("items").as_array().size(), items.size());
}

TEST_F(SafetyApiTest, RegionSettingValidatesSavesAndClears) {
  EXPECT_TRUE(Call("GET", "/api/v1/settings/region").at("region").is_null());
  json::value bad = Call("PUT", "/api/v1/settings/region", R"({"region": "Narnia"})", 422);
  EXPECT_EQ(bad.at("errors").at(0).at("field"), "region");
  bad = Call("PUT", "/api/v1/settings/region", R"({"region": 44})", 422);
  EXPECT_EQ(bad.at("errors").at(0).at("field"), "region");
  bad = Call("PUT", "/api/v1/settings/region", R"({})", 422);
  EXPECT_EQ(bad.at("errors").at(0).at("field"), "region");
  bad = Call("PUT", "/api/v1/settings/region", R"({"region": "AU", "colour": "blue"})", 422);
  Call("PUT", "/api/v1/settings/region", "{", 400);

  json::value ok = Call("PUT", "/api/v1/settings/region", R"({"region": "uk"})");
  EXPECT_EQ(ok.at("region"), "GB");
  EXPECT_GE(ok.at("choices").as_array().size(), 6u);
  EXPECT_EQ(Call("GET", "/api/v1/settings/region").at("region"), "GB");
  EXPECT_EQ(Call("GET", "/api/v1/crisis-resources").at("items").at(0).at("code"), "GB");

  EXPECT_TRUE(Call("PUT", "/api/v1/settings/region", R"({"region": null})").at("region").is_null());
  EXPECT_TRUE(Call("GET", "/api/v1/settings/region").at("region").is_null());
}

TEST_F(SafetyApiTest, WorryingPersonNotesAreSavedWithCrisisHelp) {
  Call("PUT", "/api/v1/settings/region", R"({"region": "AU"})");
  json::value p = Call("POST", "/api/v1/people",
                       R"({"name": "Robin", "notes": "Some nights I want to die."})", 201);
  EXPECT_EQ(p.at("notes"), "Some nights I want to die.");
  ASSERT_TRUE(p.as_object().contains("crisis")) << p;
  const json::value& crisis = p.at("crisis");
  EXPECT_FALSE(crisis.at("message").as_string().empty());
  EXPECT_EQ(crisis.at("region"), "AU");
  EXPECT_EQ(crisis.at("resources").at(0).at("lines").at(0).at("phone"), "13 11 14");
  int64_t id = p.at("id").as_int64();
  std::string path = "/api/v1/people/" + std::to_string(id);
  // Saved, and reading it back carries no alarm.
  EXPECT_FALSE(Call("GET", path).as_object().contains("crisis"));

  json::value calm = Call("PATCH", path, R"({"notes": "We killed it at the quiz."})");
  EXPECT_FALSE(calm.as_object().contains("crisis")) << calm;
  json::value worrying = Call("PATCH", path, R"({"notes": "He threatened to kill me."})");
  EXPECT_TRUE(worrying.as_object().contains("crisis")) << worrying;
  // Changing only the name does not repeat the alarm.
  EXPECT_FALSE(Call("PATCH", path, R"({"name": "Rob"})").as_object().contains("crisis"));
  json::value safe = Call("POST", "/api/v1/people",
                          R"({"name": "Ash", "notes": "I'm not going to hurt myself."})", 201);
  EXPECT_FALSE(safe.as_object().contains("crisis")) << safe;
  Call("PUT", "/api/v1/settings/region", R"({"region": null})");
}

}  // namespace
}  // namespace securebase::testing
