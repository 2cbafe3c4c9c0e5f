// The OpenAPI document and the routes the server serves must describe the same API.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <set>

#include "http/api_context.h"
#include "platform/clock.h"
#include "platform/embedded_file.h"

namespace securebase::http {
namespace {

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedPathIsServed) {
  std::string dir =
      (std::filesystem::temp_directory_path() / ("sb_openapi_" + std::to_string(::getpid())))
          .string();
  std::filesystem::create_directories(dir);
  auto db = app::OpenDatabase(dir + "/db.sqlite");
  ASSERT_TRUE(db.ok()) << db.status().message();
  ContentLibrary content(embedded::ContentFiles(), "");
  FakeClock clock({0, 0});
  auto services = app::Services::Create(**db, content, clock);
  ASSERT_TRUE(services.ok()) << services.status().message();
  Idempotency idempotency(**db, clock);
  ApiContext ctx{**services, idempotency, 1};
  Router router(BodyRule::kJsonOnly);
  AddApiRoutes(router, ctx);

  std::set<std::pair<std::string, std::string>> served;
  for (const auto& r : router.Routes()) {
    std::string method = r.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(c));
    served.insert({method, r.pattern});
  }
  const ContentFile* file = content.Find("content/api/openapi.json");
  ASSERT_NE(file, nullptr);
  auto doc = boost::json::parse(file->text).as_object();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");
  std::set<std::pair<std::string, std::string>> documented;
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : item.as_object()) {
      documented.insert({std::string(method), std::string(path)});
      EXPECT_TRUE(op.as_object().contains("responses")) << method << " " << path;
    }
  }
  for (const auto& s : served) {
    EXPECT_TRUE(documented.count(s)) << "served but not documented: " << s.first << " " << s.second;
  }
  for (const auto& d : documented) {
    EXPECT_TRUE(served.count(d)) << "documented but not served: " << d.first << " " << d.second;
  }
  services->reset();
  db->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace securebase::http
