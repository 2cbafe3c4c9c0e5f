#include "platform/http/router.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace securebase::http {
namespace {

Request Req(std::string method, std::string path) {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  return r;
}

Handler Echo(std::string name) {
  return [name](const Request& r) {
    std::string body = name;
    for (const auto& [k, v] : r.path_params) body += " " + k + "=" + v;
    return Text(200, body);
  };
}

TEST(RouterTest, MatchesLiteralAndParameterSegments) {
  Router router;
  router.Get("/api/v1/people", Echo("list"));
  router.Get("/api/v1/people/{id}", Echo("one"));
  router.Get("/api/v1/people/{id}/notes/{note}", Echo("note"));
  EXPECT_EQ(router.Handle(Req("GET", "/api/v1/people")).body, "list");
  EXPECT_EQ(router.Handle(Req("GET", "/api/v1/people/7")).body, "one id=7");
  EXPECT_EQ(router.Handle(Req("GET", "/api/v1/people/7/notes/x y")).body, "note id=7 note=x y");
}

TEST(RouterTest, LiteralBeatsParameter) {
  Router router;
  router.Get("/people/{id}", Echo("param"));
  router.Get("/people/search", Echo("literal"));
  EXPECT_EQ(router.Handle(Req("GET", "/people/search")).body, "literal");
  EXPECT_EQ(router.Handle(Req("GET", "/people/9")).body, "param id=9");
}

TEST(RouterTest, UnknownPathIsA404Problem) {
  Router router;
  router.Get("/a", Echo("a"));
  for (const char* path : {"/b", "/a/", "/", "/a/b", ""}) {
    Response res = router.Handle(Req("GET", path));
    EXPECT_EQ(res.status, 404) << path;
    EXPECT_EQ(res.content_type, "application/problem+json");
    auto doc = boost::json::parse(res.body).as_object();
    EXPECT_EQ(doc.at("type").as_string(), "https://securebase.app/problems/not-found");
    EXPECT_EQ(doc.at("status").as_int64(), 404);
  }
}

TEST(RouterTest, EmptyParameterDoesNotMatch) {
  Router router;
  router.Get("/people/{id}", Echo("one"));
  EXPECT_EQ(router.Handle(Req("GET", "/people/")).status, 404);
}

TEST(RouterTest, WrongMethodIsA405WithAllow) {
  Router router;
  router.Get("/api/v1/people/{id}", Echo("get"));
  router.Delete("/api/v1/people/{id}", Echo("delete"));
  router.Patch("/api/v1/people/{id}", Echo("patch"));
  Response res = router.Handle(Req("POST", "/api/v1/people/3"));
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.headers.Get("Allow"), "DELETE, GET, HEAD, PATCH");
  auto doc = boost::json::parse(res.body).as_object();
  EXPECT_EQ(doc.at("type").as_string(), "https://securebase.app/problems/method-not-allowed");
}

TEST(RouterTest, HeadUsesTheGetRoute) {
  Router router;
  router.Get("/x", Echo("x"));
  EXPECT_EQ(router.Handle(Req("HEAD", "/x")).status, 200);
}

TEST(RouterTest, JsonOnlyRejectsOtherBodies) {
  Router router(BodyRule::kJsonOnly);
  router.Post("/p", Echo("p"));
  Request r = Req("POST", "/p");
  r.body = "a=1";
  r.headers.Set("Content-Type", "application/x-www-form-urlencoded");
  Response res = router.Handle(r);
  EXPECT_EQ(res.status, 415);
  auto doc = boost::json::parse(res.body).as_object();
  EXPECT_EQ(doc.at("type").as_string(), "https://securebase.app/problems/unsupported-media-type");

  r.headers.Remove("Content-Type");
  EXPECT_EQ(router.Handle(r).status, 415);
  r.headers.Set("content-type", "Application/JSON; charset=utf-8");
  EXPECT_EQ(router.Handle(r).status, 200);
  r.headers.Set("content-type", "application/merge-patch+json");
  EXPECT_EQ(router.Handle(r).status, 200);

  Request empty = Req("POST", "/p");  // no body: no Content-Type needed
  EXPECT_EQ(router.Handle(empty).status, 200);
}

TEST(RouterTest, AnyBodyRuleAcceptsAnything) {
  Router router;
  router.Post("/p", Echo("p"));
  Request r = Req("POST", "/p");
  r.body = "plain";
  r.headers.Set("Content-Type", "text/plain");
  EXPECT_EQ(router.Handle(r).status, 200);
}

TEST(RouterTest, FallbackAnswersUnmatchedPaths) {
  Router router;
  router.Get("/api/v1/x", Echo("x"));
  router.SetFallback(Echo("fallback"));
  EXPECT_EQ(router.Handle(Req("GET", "/anything")).body, "fallback");
  EXPECT_EQ(router.Handle(Req("POST", "/api/v1/x")).status, 405);
}

TEST(RouterTest, ListsRoutesInOrder) {
  Router router;
  router.Get("/b", Echo("b"));
  router.Post("/a/{id}", Echo("a"));
  auto routes = router.Routes();
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0].method, "GET");
  EXPECT_EQ(routes[0].pattern, "/b");
  EXPECT_EQ(routes[1].method, "POST");
  EXPECT_EQ(routes[1].pattern, "/a/{id}");
}

TEST(RouterDeathTest, RejectsBadPatterns) {
  Router router;
  EXPECT_DEATH(router.Get("nope", Echo("x")), "must start with");
  EXPECT_DEATH(router.Get("/a/{id", Echo("x")), "bad parameter");
  EXPECT_DEATH(router.Get("/a/{id}/{id}", Echo("x")), "named twice");
  router.Get("/a", Echo("x"));
  EXPECT_DEATH(router.Get("/a", Echo("x")), "added twice");
}

TEST(RouterTest, RecognizesJsonContentTypes) {
  EXPECT_TRUE(IsJsonContentType("application/json"));
  EXPECT_TRUE(IsJsonContentType(" application/json ; charset=utf-8"));
  EXPECT_TRUE(IsJsonContentType("application/problem+json"));
  EXPECT_FALSE(IsJsonContentType(""));
  EXPECT_FALSE(IsJsonContentType("text/json"));
  EXPECT_FALSE(IsJsonContentType("application/+json"));
  EXPECT_FALSE(IsJsonContentType("application/jsonp"));
}

}  // namespace
}  // namespace securebase::http
