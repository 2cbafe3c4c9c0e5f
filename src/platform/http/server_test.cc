#include "platform/http/server.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <csignal>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "platform/http/router.h"
#include "platform/http/security.h"
#include "platform/http/static_files.h"
#include "platform/http/test_client.h"

namespace securebase::http {
namespace {

using testing::TestConnection;
using testing::TestResponse;
using namespace std::chrono_literals;

constexpr std::array<EmbeddedFile, 3> kWebFiles = {{
    {"web/index.html", "<!doctype html><title>SecureBase</title>"},
    {"web/assets/app-1234.js", "console.log(1)"},
    {"web/icon.png", "\x89PNG"},
}};

// The router, security and static files wired as the app does, around a real server on
// an ephemeral port, run on its own thread.
class ServerTest : public ::testing::Test {
 protected:
  ServerTest() : api_(BodyRule::kJsonOnly), web_(StaticFiles::FromEmbedded(kWebFiles, "web/")) {
    api_.Get("/api/v1/health", [](const Request&) {
      return Json(200, boost::json::object{{"ok", true}});
    });
    api_.Get("/api/v1/people/{id}", [](const Request& r) {
      return Json(200, boost::json::object{{"id", r.PathParam("id")}});
    });
    api_.Post("/api/v1/echo", [](const Request& r) {
      return Json(200, boost::json::object{{"body", r.body}});
    });
    api_.Get("/api/v1/slow", [this](const Request&) {
      slow_started_ = true;
      std::this_thread::sleep_for(600ms);
      return Json(200, boost::json::object{{"slow", "done"}});
    });
    api_.Get("/api/v1/throw", [](const Request&) -> Response { throw std::runtime_error("boom"); });
    api_.SetFallback(web_.AsHandler());
  }

  ~ServerTest() override { StopServer(); }

  void StartServer(ServerOptions options = {}) {
    token_ = GenerateToken();
    SecurityOptions sec;
    sec.token = token_;
    Security security(sec);
    options.host = "127.0.0.1";
    options.port = 0;
    options.response_hook = security.ResponseHook();
    options.access_log = [this](const AccessLogEntry& e) {
      std::lock_guard<std::mutex> lock(log_mu_);
      log_.push_back(FormatAccessLog(e));
    };
    server_ = std::make_unique<Server>(options, security.Wrap(api_.AsHandler()));
    Status started = server_->Start();
    ASSERT_TRUE(started.ok()) << started.message();
    ASSERT_NE(server_->port(), 0);
    thread_ = std::thread([this] { server_->Run(); });
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    thread_.join();
    server_.reset();
  }

  uint16_t port() const { return server_->port(); }
  std::string Auth() const { return "Authorization: Bearer " + token_; }
  TestResponse Fetch(std::string_view method, std::string_view target,
                     std::vector<std::string> headers = {}, std::string_view body = {}) {
    return testing::Fetch(port(), method, target, headers, body);
  }
  static boost::json::object Body(const TestResponse& r) {
    return boost::json::parse(r.body).as_object();
  }
  static std::string ProblemType(const TestResponse& r) {
    return std::string(Body(r).at("type").as_string());
  }

  // The access log lines, once there are at least `n` (the log is written after the
  // response, so it may lag the client a little).
  std::vector<std::string> LogLines(size_t n) {
    for (int i = 0; i < 200; ++i) {
      {
        std::lock_guard<std::mutex> lock(log_mu_);
        if (log_.size() >= n) return log_;
      }
      std::this_thread::sleep_for(10ms);
    }
    std::lock_guard<std::mutex> lock(log_mu_);
    return log_;
  }

  Router api_;
  StaticFiles web_;
  std::string token_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::atomic<bool> slow_started_{false};
  std::mutex log_mu_;
  std::vector<std::string> log_;
};

TEST_F(ServerTest, RoutesWithPathParams) {
  StartServer();
  TestResponse res = Fetch("GET", "/api/v1/people/42", {Auth()});
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.Header("Content-Type"), "application/json");
  EXPECT_EQ(Body(res).at("id").as_string(), "42");
  EXPECT_EQ(Fetch("GET", "/api/v1/health").status, 200);
}

TEST_F(ServerTest, UnknownPathAndWrongMethodAreProblems) {
  StartServer();
  TestResponse missing = Fetch("GET", "/api/v1/nothing", {Auth()});
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.Header("Content-Type"), "application/problem+json");
  EXPECT_EQ(ProblemType(missing), "https://securebase.app/problems/not-found");

  TestResponse wrong = Fetch("DELETE", "/api/v1/people/1", {Auth()});
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.Header("Allow"), "GET, HEAD");
  EXPECT_EQ(ProblemType(wrong), "https://securebase.app/problems/method-not-allowed");
}

TEST_F(ServerTest, BodyOverTheLimitIs413) {
  ServerOptions options;
  options.body_limit = 64 << 10;
  StartServer(options);
  std::string big(1 << 20, 'x');
  TestConnection conn(port());
  TestResponse res =
      conn.Fetch("POST", "/api/v1/echo", {Auth(), "Content-Type: application/json"}, big);
  EXPECT_EQ(res.status, 413);
  EXPECT_EQ(ProblemType(res), "https://securebase.app/problems/payload-too-large");
  EXPECT_EQ(res.Header("Connection"), "close");

  std::string fits = "\"" + std::string(1000, 'y') + "\"";
  TestResponse ok = Fetch("POST", "/api/v1/echo", {Auth(), "Content-Type: application/json"}, fits);
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(Body(ok).at("body").as_string(), fits);
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  ServerOptions options;
  options.body_limit = 1000;
  StartServer(options);
  TestConnection conn(port());
  std::string chunk(800, 'a');
  std::string raw = "POST /api/v1/echo HTTP/1.1\r\nHost: " + conn.host() + "\r\n" + Auth() +
                    "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
                    "320\r\n" + chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n";
  ASSERT_TRUE(conn.Send(raw));
  EXPECT_EQ(conn.Read().status, 413);
}

TEST_F(ServerTest, GarbageIs400AndTheServerGoesOn) {
  StartServer();
  for (std::string_view junk : {std::string_view("GARBAGE\r\n\r\n"),
                                std::string_view("\x16\x03\x01\x02\x00\x01\x00\r\n\r\n"),
                                std::string_view("GET /x HTTP/9.9\r\n\r\n"),
                                std::string_view("GET nopath HTTP/1.1\r\n\r\n"),
                                std::string_view("GET /a%00b HTTP/1.1\r\nHost: x\r\n\r\n")}) {
    TestConnection conn(port());
    ASSERT_TRUE(conn.Send(junk));
    TestResponse res = conn.Read();
    EXPECT_EQ(res.status, 400) << junk;
    EXPECT_EQ(ProblemType(res), "https://securebase.app/problems/bad-request");
    EXPECT_TRUE(res.headers.Has("Content-Security-Policy"));
    EXPECT_TRUE(conn.WaitForClose(3000));
  }
  EXPECT_EQ(Fetch("GET", "/api/v1/health").status, 200);
}

TEST_F(ServerTest, NonJsonBodyIs415) {
  StartServer();
  TestResponse res = Fetch("POST", "/api/v1/echo", {Auth(), "Content-Type: text/plain"}, "hello");
  EXPECT_EQ(res.status, 415);
  EXPECT_EQ(ProblemType(res), "https://securebase.app/problems/unsupported-media-type");
  EXPECT_EQ(Fetch("POST", "/api/v1/echo", {Auth(), "Content-Type: application/json"}, "1").status,
            200);
}

TEST_F(ServerTest, KeepAliveServesSeveralRequestsOnOneConnection) {
  StartServer();
  TestConnection conn(port());
  TestResponse first = conn.Fetch("GET", "/api/v1/people/1", {Auth()});
  EXPECT_EQ(first.status, 200);
  EXPECT_NE(first.Header("Connection"), "close");
  TestResponse second =
      conn.Fetch("POST", "/api/v1/echo", {Auth(), "Content-Type: application/json"}, "[1]");
  EXPECT_EQ(second.status, 200);
  TestResponse head = conn.Fetch("HEAD", "/assets/app-1234.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("Content-Length"), "14");
  EXPECT_TRUE(head.body.empty());
  TestResponse third = conn.Fetch("GET", "/api/v1/people/3", {Auth()});
  EXPECT_EQ(Body(third).at("id").as_string(), "3");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  StartServer();
  TestConnection conn(port());
  std::string one =
      "GET /api/v1/people/1 HTTP/1.1\r\nHost: " + conn.host() + "\r\n" + Auth() + "\r\n\r\n";
  std::string two =
      "GET /api/v1/people/2 HTTP/1.1\r\nHost: " + conn.host() + "\r\n" + Auth() + "\r\n\r\n";
  ASSERT_TRUE(conn.Send(one + two));
  EXPECT_EQ(Body(conn.Read()).at("id").as_string(), "1");
  EXPECT_EQ(Body(conn.Read()).at("id").as_string(), "2");
}

TEST_F(ServerTest, ExpectContinue) {
  StartServer();
  TestConnection conn(port());
  ASSERT_TRUE(conn.Send("POST /api/v1/echo HTTP/1.1\r\nHost: " + conn.host() + "\r\n" + Auth() +
                        "\r\nContent-Type: application/json\r\nContent-Length: 4\r\n"
                        "Expect: 100-continue\r\n\r\n"));
  EXPECT_EQ(conn.Read().status, 100);
  ASSERT_TRUE(conn.Send("true"));
  TestResponse res = conn.Read();
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(Body(res).at("body").as_string(), "true");
}

TEST_F(ServerTest, RejectsForeignHosts) {
  StartServer();
  TestResponse res = Fetch("GET", "/", {"Host: evil.example:" + std::to_string(port())});
  EXPECT_EQ(res.status, 421);
  EXPECT_EQ(ProblemType(res), "https://securebase.app/problems/misdirected-request");
  EXPECT_EQ(Fetch("GET", "/", {"Host: localhost:" + std::to_string(port())}).status, 200);
}

TEST_F(ServerTest, ApiNeedsTheToken) {
  StartServer();
  TestResponse none = Fetch("GET", "/api/v1/people/1");
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(ProblemType(none), "https://securebase.app/problems/unauthorized");
  EXPECT_EQ(Fetch("GET", "/api/v1/people/1", {"Authorization: Bearer nope"}).status, 401);
  EXPECT_EQ(Fetch("GET", "/api/v1/people/1", {Auth()}).status, 200);
  EXPECT_EQ(Fetch("GET", "/api/v1/people/1", {"Cookie: securebase_session=" + token_}).status, 200);
}

TEST_F(ServerTest, TokenLinkSetsCookieAndRedirects) {
  StartServer();
  TestResponse res = Fetch("GET", "/?token=" + token_ + "&view=today");
  EXPECT_EQ(res.status, 303);
  EXPECT_EQ(res.Header("Location"), "/?view=today");
  EXPECT_EQ(res.Header("Set-Cookie"),
            "securebase_session=" + token_ + "; HttpOnly; SameSite=Strict; Path=/");
  TestResponse deep = Fetch("GET", "/people/7?token=" + token_);
  EXPECT_EQ(deep.status, 303);
  EXPECT_EQ(deep.Header("Location"), "/people/7");
  EXPECT_EQ(Fetch("GET", "/?token=wrong").status, 401);
}

TEST_F(ServerTest, SecurityHeadersOnEveryResponse) {
  StartServer();
  for (const TestResponse& res :
       {Fetch("GET", "/api/v1/people/1", {Auth()}), Fetch("GET", "/api/v1/people/1"),
        Fetch("GET", "/api/v1/health")}) {
    EXPECT_EQ(res.Header("Content-Security-Policy"), kContentSecurityPolicy);
    EXPECT_EQ(res.Header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res.Header("Referrer-Policy"), "no-referrer");
    EXPECT_EQ(res.Header("Cache-Control"), "no-store");
  }
  TestResponse page = Fetch("GET", "/");
  EXPECT_EQ(page.Header("Content-Security-Policy"), kContentSecurityPolicy);
  EXPECT_EQ(page.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(page.Header("Cache-Control"), "no-cache");
}

TEST_F(ServerTest, StaticFilesAndSpaFallback) {
  StartServer();
  TestResponse index = Fetch("GET", "/");
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.Header("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>SecureBase</title>");
  TestResponse js = Fetch("GET", "/assets/app-1234.js");
  EXPECT_EQ(js.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(Fetch("GET", "/icon.png").Header("Content-Type"), "image/png");
  TestResponse spa = Fetch("GET", "/people/7/notes");
  EXPECT_EQ(spa.status, 200);
  EXPECT_EQ(spa.body, index.body);
  EXPECT_EQ(Fetch("GET", "/missing.css").status, 404);
  TestResponse cached = Fetch("GET", "/", {"If-None-Match: " + std::string(index.Header("ETag"))});
  EXPECT_EQ(cached.status, 304);
  EXPECT_TRUE(cached.body.empty());
}

TEST_F(ServerTest, HandlerExceptionIs500) {
  StartServer();
  TestResponse res = Fetch("GET", "/api/v1/throw", {Auth()});
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(ProblemType(res), "https://securebase.app/problems/internal");
  EXPECT_EQ(res.body.find("boom"), std::string::npos);
}

TEST_F(ServerTest, SlowHandlersDoNotBlockOthers) {
  StartServer();
  std::thread slow([&] { EXPECT_EQ(Fetch("GET", "/api/v1/slow", {Auth()}).status, 200); });
  while (!slow_started_) std::this_thread::sleep_for(1ms);
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Fetch("GET", "/api/v1/health").status, 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 300ms);
  slow.join();
}

TEST_F(ServerTest, GracefulStopFinishesRequestsInFlight) {
  StartServer();
  uint16_t p = port();
  TestConnection idle(p);
  ASSERT_EQ(idle.Fetch("GET", "/api/v1/health").status, 200);

  TestResponse slow_res;
  std::thread slow([&] { slow_res = testing::Fetch(p, "GET", "/api/v1/slow", {Auth()}); });
  while (!slow_started_) std::this_thread::sleep_for(1ms);
  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  EXPECT_TRUE(idle.WaitForClose(2000));  // idle keep-alive connections close at once
  EXPECT_FALSE(TestConnection(p).Fetch("GET", "/api/v1/health").status == 200);
  thread_.join();  // Run() returns after the slow request was answered
  server_.reset();
  slow.join();
  EXPECT_EQ(slow_res.status, 200);
  EXPECT_EQ(slow_res.Header("Connection"), "close");
  EXPECT_EQ(Body(slow_res).at("slow").as_string(), "done");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST_F(ServerTest, StopBoundsTheWaitForStuckConnections) {
  ServerOptions options;
  options.shutdown_timeout = 200ms;
  StartServer(options);
  TestConnection half(port());
  ASSERT_TRUE(half.Send("GET /api/v1/health HTTP/1.1\r\nHost: "));  // never finishes
  std::this_thread::sleep_for(50ms);
  auto start = std::chrono::steady_clock::now();
  StopServer();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
}

TEST_F(ServerTest, AccessLogLeavesOutQueryAndToken) {
  StartServer();
  EXPECT_EQ(Fetch("GET", "/api/v1/people/5?q=private", {Auth()}).status, 200);
  EXPECT_EQ(Fetch("GET", "/?token=" + token_).status, 303);
  EXPECT_EQ(Fetch("GET", "/api/v1/people/6", {"Cookie: securebase_session=" + token_}).status, 200);
  TestConnection garbage(port());
  garbage.Send("NONSENSE\r\n\r\n");
  garbage.Read();
  std::vector<std::string> lines = LogLines(4);
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_TRUE(lines[0].starts_with("GET /api/v1/people/5 200 ")) << lines[0];
  EXPECT_TRUE(lines[1].starts_with("GET / 303 ")) << lines[1];
  EXPECT_TRUE(lines[2].starts_with("GET /api/v1/people/6 200 ")) << lines[2];
  EXPECT_TRUE(lines[3].starts_with("- - 400 ")) << lines[3];
  for (const std::string& line : lines) {
    EXPECT_EQ(line.find(token_), std::string::npos);
    EXPECT_EQ(line.find("private"), std::string::npos);
    EXPECT_EQ(line.find('?'), std::string::npos);
    EXPECT_TRUE(line.ends_with("ms"));
  }
}

TEST_F(ServerTest, ManyIdleKeepAliveConnections) {
  StartServer();
  std::vector<std::unique_ptr<TestConnection>> idle;
  for (int i = 0; i < 200; ++i) {
    idle.push_back(std::make_unique<TestConnection>(port()));
    ASSERT_TRUE(idle.back()->connected());
    ASSERT_EQ(idle.back()->Fetch("GET", "/api/v1/health").status, 200) << i;
  }
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(Fetch("GET", "/api/v1/people/9", {Auth()}).status, 200);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, 2s);
  EXPECT_EQ(idle.front()->Fetch("GET", "/api/v1/health").status, 200);
  EXPECT_EQ(idle.back()->Fetch("GET", "/api/v1/health").status, 200);
}

TEST_F(ServerTest, IdleAndSlowConnectionsTimeOut) {
  ServerOptions options;
  options.idle_timeout = 200ms;
  options.read_timeout = 300ms;
  StartServer(options);
  TestConnection idle(port());
  ASSERT_EQ(idle.Fetch("GET", "/api/v1/health").status, 200);
  TestConnection slowloris(port());
  ASSERT_TRUE(slowloris.Send("GET /api/v1/health HTTP/1.1\r\nHost: "));
  EXPECT_TRUE(idle.WaitForClose(3000));
  EXPECT_TRUE(slowloris.WaitForClose(3000));
  EXPECT_EQ(Fetch("GET", "/api/v1/health").status, 200);
}

TEST(ServerStartTest, ReportsAPortInUse) {
  Server first(ServerOptions{.port = 0}, [](const Request&) { return NoContent(); });
  ASSERT_TRUE(first.Start().ok());
  ServerOptions options;
  options.port = first.port();
  Server second(options, [](const Request&) { return NoContent(); });
  Status s = second.Start();
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), ErrorCode::kIo);
  EXPECT_NE(s.message().find("already in use"), std::string::npos) << s.message();
}

TEST(ServerStartTest, RejectsABadHost) {
  ServerOptions options;
  options.host = "not an address";
  Server server(options, [](const Request&) { return NoContent(); });
  EXPECT_EQ(server.Start().code(), ErrorCode::kInvalidArgument);
}

TEST(ServerStartTest, SigtermStopsTheServer) {
  Server server(ServerOptions{.port = 0}, [](const Request&) { return NoContent(); });
  ASSERT_TRUE(server.Start().ok());
  server.StopOnSignals();
  std::atomic<bool> returned{false};
  std::thread run([&] {
    server.Run();
    returned = true;
  });
  EXPECT_EQ(testing::Fetch(server.port(), "GET", "/").status, 204);
  ::kill(::getpid(), SIGTERM);
  run.join();
  EXPECT_TRUE(returned);
}

TEST(ServerStartTest, ExtraConnectionsOverTheLimitAreClosed) {
  ServerOptions options;
  options.port = 0;
  options.max_connections = 2;
  Server server(options, [](const Request&) { return NoContent(); });
  ASSERT_TRUE(server.Start().ok());
  std::thread run([&] { server.Run(); });
  TestConnection a(server.port()), b(server.port());
  ASSERT_EQ(a.Fetch("GET", "/").status, 204);
  ASSERT_EQ(b.Fetch("GET", "/").status, 204);
  TestConnection c(server.port());
  EXPECT_TRUE(c.WaitForClose(2000));
  server.Stop();
  run.join();
}

TEST(ServerStartTest, StopBeforeRunReturnsAtOnce) {
  Server server(ServerOptions{.port = 0}, [](const Request&) { return NoContent(); });
  ASSERT_TRUE(server.Start().ok());
  server.Stop();
  server.Run();
}

}  // namespace
}  // namespace securebase::http
