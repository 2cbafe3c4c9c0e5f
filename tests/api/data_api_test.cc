// Export and import over HTTP: the download, the encrypted download, the dry-run preview
// and applying it.
#include <gtest/gtest.h>
#include <sodium.h>

#include "portability/sealed.h"
#include "portability/zip.h"
#include "server_process.h"

namespace securebase::testing {
namespace {
namespace json = boost::json;

std::string Base64(const std::string& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the NUL
  return out;
}

std::string ImportBody(const std::string& file, const std::string& extra = "") {
  return R"({"file_base64":")" + Base64(file) + "\"" + extra + "}";
}

class DataApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(a_.port(), 0) << a_.Output();
    ASSERT_NE(b_.port(), 0) << b_.Output();
  }
  ServerProcess a_, b_;
};

TEST_F(DataApiTest, DownloadPreviewApplyAndDuplicates) {
  ASSERT_EQ(a_.Call("POST", "/api/v1/people", R"({"name":"Alex","relationship":"partner"})").status,
            201);
  auto zip = a_.Call("GET", "/api/v1/export.zip");
  ASSERT_EQ(zip.status, 200) << zip.body;
  EXPECT_EQ(zip.Header("Content-Type"), "application/zip");
  EXPECT_NE(zip.Header("Content-Disposition").find("attachment; filename=\"securebase-export-"),
            std::string::npos);
  auto entries = portability::ReadZip(zip.body);
  ASSERT_TRUE(entries.ok());

  auto preview = b_.Call("POST", "/api/v1/import", ImportBody(zip.body));
  ASSERT_EQ(preview.status, 200) << preview.body;
  auto p = ServerProcess::Parse(preview.body);
  EXPECT_EQ(p.at("format"), "securebase");
  EXPECT_EQ(p.at("applied"), false);
  EXPECT_EQ(p.at("counts").at("people").at("create"), 1);
  EXPECT_EQ(
      ServerProcess::Parse(b_.Call("GET", "/api/v1/people").body).at("items").as_array().size(),
      0u);

  auto applied = b_.Call("POST", "/api/v1/import?dry_run=false", ImportBody(zip.body));
  ASSERT_EQ(applied.status, 201) << applied.body;
  EXPECT_EQ(ServerProcess::Parse(applied.body).at("applied"), true);
  auto people = ServerProcess::Parse(b_.Call("GET", "/api/v1/people").body);
  ASSERT_EQ(people.at("items").as_array().size(), 1u);
  EXPECT_EQ(people.at("items").at(0).at("name"), "Alex");

  auto again = b_.Call("POST", "/api/v1/import?dry_run=false", ImportBody(zip.body));
  ASSERT_EQ(again.status, 201);
  EXPECT_EQ(ServerProcess::Parse(again.body).at("total").at("duplicate"), 1);
}

TEST_F(DataApiTest, EncryptedDownloadNeedsItsPassphrase) {
  ASSERT_EQ(a_.Call("POST", "/api/v1/people", R"({"name":"Sam","relationship":"friend"})").status,
            201);
  auto weak = a_.Call("POST", "/api/v1/export", R"({"passphrase":"short"})");
  EXPECT_EQ(weak.status, 422);
  EXPECT_NE(weak.body.find("\"passphrase\""), std::string::npos);
  auto sealed = a_.Call("POST", "/api/v1/export", R"({"passphrase":"long enough phrase"})");
  ASSERT_EQ(sealed.status, 200);
  EXPECT_TRUE(portability::LooksSealed(sealed.body));
  EXPECT_NE(sealed.Header("Content-Disposition").find(".zip.sealed"), std::string::npos);

  auto none = b_.Call("POST", "/api/v1/import", ImportBody(sealed.body));
  EXPECT_EQ(none.status, 422);
  EXPECT_NE(none.body.find("\"passphrase\""), std::string::npos) << none.body;
  auto wrong = b_.Call("POST", "/api/v1/import?dry_run=false",
                       ImportBody(sealed.body, R"(,"passphrase":"not the one")"));
  EXPECT_EQ(wrong.status, 422);
  EXPECT_NE(wrong.body.find("wrong passphrase"), std::string::npos) << wrong.body;
  auto right = b_.Call("POST", "/api/v1/import?dry_run=false",
                       ImportBody(sealed.body, R"(,"passphrase":"long enough phrase")"));
  ASSERT_EQ(right.status, 201) << right.body;
}

TEST_F(DataApiTest, RejectedRowsRefuseTheWholeImportUnlessSkipped) {
  std::string csv =
      "When,Entry\n2024-01-01,Felt calm\n31/12/2023,Bad date\n2024-01-02,I want to die\n";
  std::string map = R"(,"map":"date=When,text=Entry","into":"checkins")";
  auto preview = a_.Call("POST", "/api/v1/import", ImportBody(csv, map));
  ASSERT_EQ(preview.status, 200) << preview.body;
  auto p = ServerProcess::Parse(preview.body);
  EXPECT_EQ(p.at("total").at("create"), 2);
  EXPECT_EQ(p.at("total").at("reject"), 1);
  EXPECT_EQ(p.at("rows").at(0).at("where"), "line 3");
  EXPECT_TRUE(p.as_object().contains("crisis")) << "danger in imported text shows help";

  auto refused = a_.Call("POST", "/api/v1/import?dry_run=false", ImportBody(csv, map));
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.Header("Content-Type"), "application/problem+json");
  EXPECT_NE(refused.body.find("nothing was imported"), std::string::npos);
  auto skipped =
      a_.Call("POST", "/api/v1/import?dry_run=false&skip_rejected=true", ImportBody(csv, map));
  EXPECT_EQ(skipped.status, 201) << skipped.body;

  auto bad_map =
      a_.Call("POST", "/api/v1/import", ImportBody(csv, R"(,"map":"date=Nope,text=Entry")"));
  EXPECT_EQ(bad_map.status, 422);
  EXPECT_NE(bad_map.body.find("\"map\""), std::string::npos);
  auto not_b64 = a_.Call("POST", "/api/v1/import", R"({"file_base64":"***"})");
  EXPECT_EQ(not_b64.status, 422);
  auto unknown = a_.Call("POST", "/api/v1/import", ImportBody("hello"));
  EXPECT_EQ(unknown.status, 422);
  EXPECT_NE(unknown.body.find("\"format\""), std::string::npos) << unknown.body;
}

}  // namespace
}  // namespace securebase::testing
