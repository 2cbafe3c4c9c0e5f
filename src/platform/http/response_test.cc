#include "platform/http/response.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace securebase::http {
namespace {

boost::json::object Parse(const Response& res) { return boost::json::parse(res.body).as_object(); }

TEST(ResponseTest, JsonSerializes) {
  Response res = Json(201, boost::json::object{{"id", 7}});
  EXPECT_EQ(res.status, 201);
  EXPECT_EQ(res.content_type, "application/json");
  EXPECT_EQ(res.body, R"({"id":7})");
}

TEST(ResponseTest, ProblemHasTheRfc9457Members) {
  Response res = Problem(422, "validation", "The input is not valid", "name: required",
                         {{"name", "required"}, {"birthday", "not a date"}});
  EXPECT_EQ(res.status, 422);
  EXPECT_EQ(res.content_type, "application/problem+json");
  auto doc = Parse(res);
  EXPECT_EQ(doc.at("type").as_string(), "https://securebase.app/problems/validation");
  EXPECT_EQ(doc.at("title").as_string(), "The input is not valid");
  EXPECT_EQ(doc.at("status").as_int64(), 422);
  EXPECT_EQ(doc.at("detail").as_string(), "name: required");
  auto& errors = doc.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[1].as_object().at("field").as_string(), "birthday");
  EXPECT_EQ(errors[1].as_object().at("message").as_string(), "not a date");
}

TEST(ResponseTest, ProblemKeepsFullTypeUrisAndLeavesOutEmptyMembers) {
  auto doc = Parse(Problem(409, "https://example.org/p/x", "T", ""));
  EXPECT_EQ(doc.at("type").as_string(), "https://example.org/p/x");
  EXPECT_FALSE(doc.contains("detail"));
  EXPECT_FALSE(doc.contains("errors"));
}

TEST(ResponseTest, ProblemFromStatusMapsCodes) {
  Response invalid = ProblemFromStatus(Status::InvalidField("name", "must not be empty"));
  EXPECT_EQ(invalid.status, 422);
  auto doc = Parse(invalid);
  EXPECT_EQ(doc.at("type").as_string(), "https://securebase.app/problems/validation");
  EXPECT_EQ(doc.at("errors").as_array()[0].as_object().at("field").as_string(), "name");

  EXPECT_EQ(ProblemFromStatus(Status::NotFound("no person 7")).status, 404);
  EXPECT_EQ(ProblemFromStatus(Status::Conflict("edited meanwhile")).status, 409);
  EXPECT_EQ(ProblemFromStatus(Status(ErrorCode::kAlreadyExists, "dup")).status, 409);
  EXPECT_EQ(ProblemFromStatus(Status::Precondition("archived")).status, 409);
  EXPECT_EQ(Parse(ProblemFromStatus(Status::Precondition("archived"))).at("type").as_string(),
            "https://securebase.app/problems/precondition");
}

TEST(ResponseTest, InternalErrorsDoNotLeakTheirMessage) {
  for (const Status& s : {Status::Io("disk I/O error at /home/ann/.local/db.sqlite"),
                          Status::Internal("secret detail")}) {
    Response res = ProblemFromStatus(s);
    EXPECT_EQ(res.status, 500);
    EXPECT_EQ(res.body.find("/home/ann"), std::string::npos);
    EXPECT_EQ(res.body.find("secret"), std::string::npos);
    EXPECT_EQ(Parse(res).at("type").as_string(), "https://securebase.app/problems/internal");
  }
}

TEST(ResponseTest, RedirectAndNoContent) {
  Response r = Redirect(303, "/x");
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.headers.Get("location"), "/x");
  EXPECT_EQ(NoContent().status, 204);
}

TEST(HeadersTest, CaseInsensitiveAndRepeatable) {
  Headers h;
  h.Set("Content-Type", "a");
  h.Set("content-type", "b");
  EXPECT_EQ(h.size(), 1u);
  EXPECT_EQ(h.Get("CONTENT-TYPE"), "b");
  h.Add("Set-Cookie", "x=1");
  h.Add("set-cookie", "y=2");
  EXPECT_EQ(h.GetAll("Set-Cookie").size(), 2u);
  h.SetIfAbsent("Set-Cookie", "z=3");
  EXPECT_EQ(h.GetAll("Set-Cookie").size(), 2u);
  h.Remove("SET-COOKIE");
  EXPECT_FALSE(h.Has("Set-Cookie"));
  EXPECT_EQ(h.Get("missing"), "");
}

}  // namespace
}  // namespace securebase::http
