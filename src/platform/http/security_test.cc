#include "platform/http/security.h"

#include <gtest/gtest.h>

#include <set>

namespace securebase::http {
namespace {

constexpr char kToken[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

Request Req(std::string method, std::string path, std::string host = "127.0.0.1:8642") {
  Request r;
  r.method = std::move(method);
  r.path = std::move(path);
  r.local_port = 8642;
  if (!host.empty()) r.headers.Set("Host", std::move(host));
  return r;
}

Handler Ok() {
  return [](const Request&) { return Text(200, "ok"); };
}

Security MakeSecurity() {
  SecurityOptions options;
  options.token = kToken;
  return Security(options);
}

TEST(SecurityTest, AcceptsOnlyKnownHostsWithThePort) {
  Handler h = MakeSecurity().Wrap(Ok());
  for (const char* host : {"127.0.0.1:8642", "localhost:8642", "LocalHost:8642", "[::1]:8642"}) {
    EXPECT_EQ(h(Req("GET", "/", host)).status, 200) << host;
  }
  for (const char* host : {"evil.example:8642", "127.0.0.1:9999", "127.0.0.1", "localhost", "",
                           "localhost:8642.evil.example", "xlocalhost:8642"}) {
    Response res = h(Req("GET", "/", host));
    EXPECT_EQ(res.status, 421) << host;
    EXPECT_EQ(res.content_type, "application/problem+json");
  }
}

TEST(SecurityTest, ExtraHostsAndOptingOut) {
  SecurityOptions options;
  options.allowed_hosts.push_back("192.168.1.5");
  options.require_token = false;
  Handler h = Security(options).Wrap(Ok());
  EXPECT_EQ(h(Req("GET", "/", "192.168.1.5:8642")).status, 200);
  options.check_host = false;
  Handler open = Security(options).Wrap(Ok());
  EXPECT_EQ(open(Req("GET", "/", "anything")).status, 200);
}

TEST(SecurityTest, ProtectedPathsNeedTheToken) {
  Handler h = MakeSecurity().Wrap(Ok());
  Response res = h(Req("GET", "/api/v1/people"));
  EXPECT_EQ(res.status, 401);
  EXPECT_EQ(res.content_type, "application/problem+json");
  EXPECT_NE(res.body.find("https://securebase.app/problems/unauthorized"), std::string::npos);

  Request bearer = Req("GET", "/api/v1/people");
  bearer.headers.Set("Authorization", std::string("Bearer ") + kToken);
  EXPECT_EQ(h(bearer).status, 200);
  bearer.headers.Set("Authorization", std::string("bearer ") + kToken);
  EXPECT_EQ(h(bearer).status, 200);
  bearer.headers.Set("Authorization", "Bearer wrong");
  EXPECT_EQ(h(bearer).status, 401);
  bearer.headers.Set("Authorization", std::string("Basic ") + kToken);
  EXPECT_EQ(h(bearer).status, 401);

  Request cookie = Req("GET", "/api/v1/people");
  cookie.headers.Set("Cookie", std::string("a=b; securebase_session=") + kToken);
  EXPECT_EQ(h(cookie).status, 200);
  cookie.headers.Set("Cookie", std::string("securebase_session=") + kToken + "x");
  EXPECT_EQ(h(cookie).status, 401);
}

TEST(SecurityTest, PublicAndUnprotectedPathsNeedNoToken) {
  Handler h = MakeSecurity().Wrap(Ok());
  EXPECT_EQ(h(Req("GET", "/api/v1/health")).status, 200);
  EXPECT_EQ(h(Req("GET", "/")).status, 200);
  EXPECT_EQ(h(Req("GET", "/assets/app.js")).status, 200);
  EXPECT_EQ(h(Req("GET", "/api/v1")).status, 401);
  EXPECT_EQ(h(Req("GET", "/api/v1/health/x")).status, 401);
}

TEST(SecurityTest, EmptyTokenFailsClosed) {
  Handler h = Security(SecurityOptions{}).Wrap(Ok());
  Request r = Req("GET", "/api/v1/people");
  r.headers.Set("Authorization", "Bearer ");
  EXPECT_EQ(h(r).status, 401);
  r.headers.Set("Cookie", "securebase_session=");
  EXPECT_EQ(h(r).status, 401);
}

TEST(SecurityTest, TokenLinkSetsTheCookieAndRedirects) {
  Handler h = MakeSecurity().Wrap(Ok());
  Request r = Req("GET", "/people/a b");
  r.query.emplace("token", kToken);
  r.query.emplace("tab", "notes");
  Response res = h(r);
  EXPECT_EQ(res.status, 303);
  EXPECT_EQ(res.headers.Get("Location"), "/people/a%20b?tab=notes");
  EXPECT_EQ(res.headers.Get("Set-Cookie"),
            std::string("securebase_session=") + kToken + "; HttpOnly; SameSite=Strict; Path=/");
  EXPECT_EQ(res.headers.Get("Cache-Control"), "no-store");

  Request root = Req("GET", "/");
  root.query.emplace("token", kToken);
  EXPECT_EQ(h(root).headers.Get("Location"), "/");

  Request wrong = Req("GET", "/");
  wrong.query.emplace("token", "nope");
  Response bad = h(wrong);
  EXPECT_EQ(bad.status, 401);
  EXPECT_FALSE(bad.headers.Has("Set-Cookie"));
}

TEST(SecurityTest, HostCheckComesBeforeTheTokenLink) {
  Handler h = MakeSecurity().Wrap(Ok());
  Request r = Req("GET", "/", "evil.example:8642");
  r.query.emplace("token", kToken);
  EXPECT_EQ(h(r).status, 421);
}

TEST(SecurityTest, AddsSecurityHeaders) {
  Security security = MakeSecurity();
  Response api;
  security.AddHeaders(Req("GET", "/api/v1/people"), api);
  EXPECT_EQ(api.headers.Get("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(api.headers.Get("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(api.headers.Get("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(api.headers.Get("Cache-Control"), "no-store");

  Response page;
  page.headers.Set("Cache-Control", "no-cache");
  security.ResponseHook()(Req("GET", "/index.html"), page);
  EXPECT_EQ(page.headers.Get("Cache-Control"), "no-cache");
  EXPECT_TRUE(page.headers.Has("Content-Security-Policy"));
}

TEST(SecurityTest, GeneratesDistinctHexTokens) {
  std::set<std::string> seen;
  for (int i = 0; i < 20; ++i) {
    std::string t = GenerateToken();
    EXPECT_EQ(t.size(), 64u);
    EXPECT_EQ(t.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 20u);
}

TEST(SecurityTest, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace securebase::http
