#include "platform/http/request.h"

#include <gtest/gtest.h>

#include "platform/http/access_log.h"

namespace securebase::http {
namespace {

TEST(RequestTest, ParseTargetDecodesPathAndQuery) {
  std::string path;
  QueryParams query;
  ASSERT_TRUE(ParseTarget("/api/v1/people/a%20b?limit=10&q=x+y&q=%C3%A9&flag", &path, &query));
  EXPECT_EQ(path, "/api/v1/people/a b");
  EXPECT_EQ(query.count("q"), 2u);
  EXPECT_EQ(query.find("limit")->second, "10");
  auto range = query.equal_range("q");
  EXPECT_EQ(range.first->second, "x y");
  EXPECT_EQ(std::next(range.first)->second, "\xC3\xA9");
  EXPECT_EQ(query.find("flag")->second, "");
}

TEST(RequestTest, ParseTargetRejectsBadTargets) {
  std::string path;
  QueryParams query;
  EXPECT_FALSE(ParseTarget("http://example.com/x", &path, &query));
  EXPECT_FALSE(ParseTarget("*", &path, &query));
  EXPECT_FALSE(ParseTarget("x", &path, &query));
  EXPECT_FALSE(ParseTarget("/a%00b", &path, &query));
  EXPECT_FALSE(ParseTarget("/a%0Ab", &path, &query));
  EXPECT_FALSE(ParseTarget("/a%zz", &path, &query));
}

TEST(RequestTest, Accessors) {
  Request r;
  r.query.emplace("a", "1");
  r.path_params.emplace("id", "7");
  r.headers.Add("Cookie", "theme=dark; securebase_session=abc ; other=\"q\"");
  r.headers.Add("cookie", "late=1");
  EXPECT_EQ(r.QueryValue("a"), "1");
  EXPECT_FALSE(r.QueryValue("b").has_value());
  EXPECT_EQ(r.PathParam("id"), "7");
  EXPECT_EQ(r.PathParam("nope"), "");
  EXPECT_EQ(r.Cookie("securebase_session"), "abc");
  EXPECT_EQ(r.Cookie("other"), "q");
  EXPECT_EQ(r.Cookie("late"), "1");
  EXPECT_FALSE(r.Cookie("securebase").has_value());
}

TEST(RequestTest, EncodePathAndQuery) {
  EXPECT_EQ(EncodePath("/people/a b"), "/people/a%20b");
  EXPECT_EQ(EncodePath("//evil.example/x"), "/evil.example/x");
  EXPECT_EQ(EncodePath("/a\\b"), "/a%5Cb");
  QueryParams q{{"a", "1"}, {"b", "x y&z"}};
  EXPECT_EQ(EncodeQuery(q), "a=1&b=x%20y%26z");
}

TEST(AccessLogTest, FormatsAndEscapes) {
  EXPECT_EQ(FormatAccessLog({"GET", "/api/v1/people", 200, 1.3}), "GET /api/v1/people 200 1.3ms");
  EXPECT_EQ(FormatAccessLog({"", "", 400, 0}), "- - 400 0.0ms");
  EXPECT_EQ(FormatAccessLog({"GET", "/a\nGET /forged 200", 404, 0}),
            "GET /a\\x0aGET\\x20/forged\\x20200 404 0.0ms");
}

}  // namespace
}  // namespace securebase::http
