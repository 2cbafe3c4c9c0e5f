#include "platform/http/static_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <filesystem>
#include <fstream>

namespace securebase::http {
namespace {

constexpr std::array<EmbeddedFile, 6> kFiles = {{
    {"web/index.html", "<!doctype html><title>SecureBase</title>"},
    {"web/assets/app-1234.js", "console.log(1)"},
    {"web/assets/app-1234.css", "body{}"},
    {"web/favicon.svg", "<svg/>"},
    {"web/fonts/inter.woff2", "wOF2"},
    {"content/other.json", "{}"},
}};

Request Get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

TEST(StaticFilesTest, ServesEmbeddedFilesWithContentTypes) {
  StaticFiles files = StaticFiles::FromEmbedded(kFiles, "web/");
  Response index = files.Serve(Get("/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(index.body, "<!doctype html><title>SecureBase</title>");
  EXPECT_EQ(index.headers.Get("Cache-Control"), "no-cache");

  Response js = files.Serve(Get("/assets/app-1234.js"));
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.headers.Get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(files.Serve(Get("/assets/app-1234.css")).content_type, "text/css; charset=utf-8");
  EXPECT_EQ(files.Serve(Get("/favicon.svg")).content_type, "image/svg+xml");
  EXPECT_EQ(files.Serve(Get("/fonts/inter.woff2")).content_type, "font/woff2");
  EXPECT_EQ(files.Serve(Get("/other.json")).status, 404);  // outside the prefix
}

TEST(StaticFilesTest, ETagAnswers304) {
  StaticFiles files = StaticFiles::FromEmbedded(kFiles, "web/");
  Response first = files.Serve(Get("/favicon.svg"));
  std::string etag(first.headers.Get("ETag"));
  ASSERT_EQ(etag.size(), 34u);  // quoted 32 hex digits
  Request again = Get("/favicon.svg");
  again.headers.Set("If-None-Match", "\"other\", " + etag);
  Response second = files.Serve(again);
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(second.headers.Get("ETag"), etag);
  EXPECT_NE(files.Serve(Get("/index.html")).headers.Get("ETag"), etag);
}

TEST(StaticFilesTest, SpaFallbackForPathsWithoutExtension) {
  StaticFiles files = StaticFiles::FromEmbedded(kFiles, "web/");
  Response page = files.Serve(Get("/people/7"));
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(page.body, "<!doctype html><title>SecureBase</title>");
  EXPECT_EQ(files.Serve(Get("/missing.js")).status, 404);
  EXPECT_EQ(files.Serve(Get("/api/v1/nothing")).status, 404);
  EXPECT_EQ(files.Serve(Get("/api")).status, 404);
  EXPECT_EQ(files.Serve(Get("/api/v1/nothing")).content_type, "application/problem+json");
}

TEST(StaticFilesTest, OnlyGetAndHead) {
  StaticFiles files = StaticFiles::FromEmbedded(kFiles, "web/");
  Request post = Get("/");
  post.method = "POST";
  Response res = files.Serve(post);
  EXPECT_EQ(res.status, 405);
  EXPECT_EQ(res.headers.Get("Allow"), "GET, HEAD");
  Request head = Get("/");
  head.method = "HEAD";
  EXPECT_EQ(files.Serve(head).status, 200);
}

TEST(StaticFilesTest, ServesADirectoryAndRefusesTraversal) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("sb_static_" + std::to_string(::getpid()));
  fs::create_directories(dir / "web" / "assets");
  std::ofstream(dir / "web" / "index.html") << "<p>disk</p>";
  std::ofstream(dir / "web" / "assets" / "a.css") << "p{}";
  std::ofstream(dir / "secret.txt") << "secret";

  StaticFiles files = StaticFiles::FromDirectory(dir / "web");
  EXPECT_EQ(files.Serve(Get("/")).body, "<p>disk</p>");
  Response css = files.Serve(Get("/assets/a.css"));
  EXPECT_EQ(css.body, "p{}");
  EXPECT_EQ(css.content_type, "text/css; charset=utf-8");
  EXPECT_FALSE(css.headers.Get("ETag").empty());
  EXPECT_EQ(files.Serve(Get("/../secret.txt")).status, 404);
  EXPECT_EQ(files.Serve(Get("/assets/../../secret.txt")).status, 404);
  EXPECT_EQ(files.Serve(Get("/assets//a.css")).status, 404);
  EXPECT_EQ(files.Serve(Get("/assets")).body, "<p>disk</p>");  // a directory: SPA fallback

  // Edits show at once.
  std::ofstream(dir / "web" / "index.html") << "<p>edited</p>";
  EXPECT_EQ(files.Serve(Get("/")).body, "<p>edited</p>");
  fs::remove_all(dir);
}

TEST(StaticFilesTest, ContentTypes) {
  EXPECT_EQ(ContentTypeFor("a.HTML"), "text/html; charset=utf-8");
  EXPECT_EQ(ContentTypeFor("x/y.png"), "image/png");
  EXPECT_EQ(ContentTypeFor("manifest.json"), "application/json");
  EXPECT_EQ(ContentTypeFor("favicon.ico"), "image/x-icon");
  EXPECT_EQ(ContentTypeFor("noext"), "application/octet-stream");
  EXPECT_EQ(ContentTypeFor("dir.d/noext"), "application/octet-stream");
}

}  // namespace
}  // namespace securebase::http
