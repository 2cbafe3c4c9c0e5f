// Export and import against real migrated databases, on hand-built data for every kind.
#include <gtest/gtest.h>

#include <set>

#include "platform/content.h"
#include "platform/db/test_db.h"
#include "portability/export.h"
#include "portability/importer.h"
#include "portability/parsers.h"
#include "portability/rows.h"

namespace securebase::portability {
namespace {
namespace json = boost::json;

const Instant kNow{1764000000000, 60};

// One or more rows of every kind for user 1, a few for user 2 (who must never leak).
constexpr char kSeed[] = R"SQL(
INSERT INTO users (id, name, created_ms) VALUES (2, 'other', 0);
INSERT INTO settings VALUES (1, 'region', 'GB'), (2, 'region', 'US');
INSERT INTO people (id, user_id, name, relationship, notes, created_ms, created_offset, updated_ms)
  VALUES (1, 1, 'Sam', 'partner', 'likes tea', 1000, 60, 1000),
         (100, 2, 'Other person', 'friend', '', 1000, 0, 1000),
         (2, 1, 'Alex', 'friend', '', 1100, 60, 1200);
INSERT INTO assessments (id, user_id, instrument, about_person_id, status, answers, anxiety,
  avoidance, started_ms, started_offset, updated_ms, completed_ms, completed_offset, sort_ms)
  VALUES (1, 1, 'crr-general', NULL, 'complete', '{"crr_g_01":5,"crr_g_02":2}', 4.25, 2.5,
          2000, 60, 2100, 2100, 60, 2100),
         (2, 1, 'crr-person', 2, 'draft', '{}', NULL, NULL, 2200, 60, 2200, NULL, NULL, 2200);
INSERT INTO reflections (id, user_id, happened_ms, happened_offset, written_ms, written_offset,
  updated_ms, people, emotions, tags, activation, situation, thoughts)
  VALUES (1, 1, 3000, 60, 3000, 60, 3000, '[1,2]', '[{"word":"hurt","intensity":6}]',
          'late reply', 'toward', 'Sam was late, "again"', 'They do not care'),
         (100, 2, 3000, 0, 3000, 0, 3000, '[]', '[]', '', NULL, 'private to user 2', '');
INSERT INTO practices VALUES (1, 'box-4', '{"format":"securebase-practice/1","name":"Box"}', 1, 0, 1);
INSERT INTO regulation_sessions (id, user_id, practice_id, practice_name, distress_before,
  distress_after, energy, helped, stopped_early, planned_ms, practiced_ms, person_id,
  reflection_id, started_ms, started_offset, ended_ms, ended_offset)
  VALUES (1, 1, 'box-4', 'Box', 7, 4, 'high', 'yes', 0, 60000, 60000, 1, 1, 4000, 60, 64000, 60);
INSERT INTO messages (id, user_id, person_id, observation, feeling, need, request, text,
  created_ms, created_offset)
  VALUES (1, 1, 1, 'You were late', 'worried', 'reliability', 'text me', 'When...', 5000, 60);
INSERT INTO conflicts (id, user_id, person_id, happened_ms, happened_offset, topic, outcome)
  VALUES (1, 1, 1, 6000, 60, 'chores', 'repaired');
INSERT INTO repairs VALUES (1, 1, 1, 'me', 'said sorry', 6500, 60);
INSERT INTO boundaries (id, user_id, area, person_id, limit_text, created_ms, created_offset)
  VALUES (1, 1, 'time', NULL, 'No work mail after 8', 7000, 60);
INSERT INTO boundary_practices VALUES (1, 1, 1, 6, 7100, 60);
INSERT INTO boundary_incidents VALUES (1, 1, 1, 'held', 'felt good', 7200, 60);
INSERT INTO commitments (id, user_id, person_id, direction, what, due_day, zone, repeat,
  created_ms, created_offset, updated_ms)
  VALUES (1, 1, 2, 'mine', 'Call Alex', 20000, 'Europe/London', 'weekly:mon', 8000, 60, 8000),
         (2, 1, 2, 'mine', 'Call Alex on Tuesdays', 20001, 'Europe/London', 'none', 8100, 60, 8100);
UPDATE commitments SET renegotiated_from = 1 WHERE id = 2;
INSERT INTO commitment_outcomes VALUES (1, 1, 20000, 'kept', '', 8200, 60);
INSERT INTO bids (id, user_id, person_id, direction, kind, response, feeling, at_ms, at_offset)
  VALUES (1, 1, 1, 'received', 'humour', 'toward', 'warm', 9000, 60);
INSERT INTO checkins VALUES (1, 1, NULL, 'Mood: ok', 9100, 60);
INSERT INTO checkin_plans VALUES (1, 2, 7);
INSERT INTO checkups (id, user_id, answers, score, band, safety_concern, taken_ms, taken_offset)
  VALUES (1, 1, '{"q1":2}', 2, 'low', 0, 9500, 60);
INSERT INTO shortlist (id, user_id, provider_id, status, notes, added_ms, added_offset,
  status_ms, status_offset, updated_ms) VALUES (1, 1, 1, 'contacted', 'kind voice', 9600, 60, 9700, 60, 9700);
INSERT INTO shortlist_history VALUES (1, 'to-contact', 9600, 60), (1, 'contacted', 9700, 60);
)SQL";

// The therapist directory is shared, not anyone's data: both databases have it.
constexpr char kDirectory[] = R"SQL(
INSERT INTO providers (id, provider_key, name, provider_type, telehealth, in_person,
  imported_ms, updated_ms) VALUES (1, 'p1', 'Dr A', 'psychologist', 1, 0, 0, 0);
)SQL";

class PortabilityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(src_.status().ok());
    ASSERT_TRUE(dst_.status().ok());
    ASSERT_TRUE(catalog_.ok()) << catalog_.status().message();
    for (auto* db : {src_.get(), dst_.get()})
      ASSERT_TRUE(db->Write([](db::Connection& c) { return c.Exec(kDirectory); }).ok());
    Status seeded = src_.get()->Write([](db::Connection& c) { return c.Exec(kSeed); });
    ASSERT_TRUE(seeded.ok()) << seeded.message();
  }

  std::map<std::string, std::string> Files(db::Database& db) {
    auto zip = ExportZip(db, 1, *catalog_, kNow);
    EXPECT_TRUE(zip.ok());
    auto entries = ReadZip(*zip);
    EXPECT_TRUE(entries.ok());
    std::map<std::string, std::string> files;
    for (auto& e : *entries) files[e.name] = e.data;
    return files;
  }

  int64_t Count(db::Database& db, const std::string& table) {
    int64_t n = -1;
    EXPECT_TRUE(db.Read([&](db::Connection& c) -> Status {
                    TRY_ASSIGN(n, c.QueryInt("SELECT count(*) FROM " + table));
                    return Status::Ok();
                  }).ok());
    return n;
  }

  db::testing::TestDb src_, dst_;
  ContentLibrary content_{embedded::ContentFiles(), ""};
  Result<understand::Catalog> catalog_ = understand::Catalog::Load(content_);
};

TEST_F(PortabilityTest, ExportHoldsEveryKindOfOnlyThisUser) {
  auto files = Files(*src_.get());
  for (const Kind& k : AllKinds()) {
    ASSERT_TRUE(files.contains("data/" + k.name + ".json")) << k.name;
    ASSERT_TRUE(files.contains("csv/" + k.name + ".csv")) << k.name;
    auto doc = json::parse(files["data/" + k.name + ".json"]).as_object();
    EXPECT_EQ(doc.at("format"), "securebase-export");
    EXPECT_EQ(doc.at("version"), k.version);
    EXPECT_GE(doc.at("items").as_array().size(), 1u) << k.name;
    for (const auto& item : doc.at("items").as_array())
      EXPECT_FALSE(item.as_object().contains("user_id"));
  }
  std::string all;
  for (const auto& [name, data] : files) all += data;
  EXPECT_EQ(all.find("Other person"), std::string::npos);
  EXPECT_EQ(all.find("private to user 2"), std::string::npos);
  EXPECT_EQ(all.find("\"US\""), std::string::npos);
  auto manifest = json::parse(files["manifest.json"]).as_object();
  EXPECT_EQ(manifest.at("counts").at("people"), 2);
  // JSON columns are JSON, not strings holding JSON.
  auto refl = json::parse(files["data/reflections.json"]).at("items").at(0);
  EXPECT_TRUE(refl.at("emotions").is_array());
  EXPECT_EQ(refl.at("people"), json::parse("[1,2]"));
  // CSV: a header and a quoted field with doubled quotes.
  EXPECT_EQ(files["csv/people.csv"].substr(0, 12), "id,name,rela");
  EXPECT_NE(files["csv/reflections.csv"].find("\"Sam was late, \"\"again\"\"\""),
            std::string::npos);
}

TEST_F(PortabilityTest, EveryUserTableIsCoveredByAKind) {
  std::set<std::string> covered;
  for (const Kind& k : AllKinds()) covered.insert(k.table);
  // Bookkeeping, not the person's data: documented in docs/export-format.md.
  std::set<std::string> not_exported = {"users", "idempotency_keys", "import_keys",
                                        "calendar_feed_keys"};
  ASSERT_TRUE(src_.get()
                  ->Read([&](db::Connection& c) -> Status {
                    TRY_ASSIGN(auto* st, c.Prepare("SELECT m.name FROM sqlite_master m JOIN "
                                                   "pragma_table_info(m.name) p WHERE m.type = "
                                                   "'table' AND p.name = 'user_id'"));
                    while (true) {
                      TRY_ASSIGN(bool row, st->Step());
                      if (!row) break;
                      std::string t = st->Text(0);
                      EXPECT_TRUE(covered.contains(t) || not_exported.contains(t))
                          << "table " << t << " holds user data but no export kind covers it "
                          << "(add a file under src/portability/kinds/)";
                    }
                    return Status::Ok();
                  })
                  .ok());
}

TEST_F(PortabilityTest, FhirResourcesFollowR4Structure) {
  auto files = Files(*src_.get());
  auto bundle = json::parse(files["fhir/questionnaire-responses.json"]).as_object();
  EXPECT_EQ(bundle.at("resourceType"), "Bundle");
  EXPECT_EQ(bundle.at("type"), "collection");
  auto& entries = bundle.at("entry").as_array();
  ASSERT_EQ(entries.size(), 2u);
  auto r = entries[0].at("resource").as_object();
  EXPECT_EQ(r.at("resourceType"), "QuestionnaireResponse");
  EXPECT_EQ(r.at("status"), "completed");
  EXPECT_EQ(r.at("questionnaire"), "https://securebase.app/fhir/Questionnaire/crr-general");
  EXPECT_TRUE(r.at("authored").as_string().starts_with("1970-01-01T"));
  auto& item = r.at("item").as_array().at(0).as_object();
  EXPECT_EQ(item.at("linkId"), "crr_g_01");
  EXPECT_EQ(item.at("answer").at(0).at("valueInteger"), 5);
  EXPECT_EQ(entries[1].at("resource").at("status"), "in-progress");
  auto qs = json::parse(files["fhir/questionnaires.json"]).as_object();
  std::set<std::string> urls;
  for (const auto& e : qs.at("entry").as_array()) {
    auto& q = e.at("resource").as_object();
    EXPECT_EQ(q.at("resourceType"), "Questionnaire");
    EXPECT_EQ(q.at("status"), "active");
    EXPECT_EQ(q.at("item").at(0).at("type"), "integer");
    urls.insert(std::string(q.at("url").as_string()));
  }
  EXPECT_TRUE(urls.contains(std::string(r.at("questionnaire").as_string())));
}

TEST_F(PortabilityTest, RoundTripIsLossless) {
  auto first = Files(*src_.get());
  auto in = ParseOurExport(*ExportZip(*src_.get(), 1, *catalog_, kNow));
  ASSERT_TRUE(in.ok());
  auto report = RunImport(*dst_.get(), 1, *in, ImportMode::kApply, kNow);
  ASSERT_TRUE(report.ok()) << report.status().message();
  for (const auto& r : report->rows) EXPECT_EQ(r.outcome, Outcome::kCreate) << r.where << r.reason;
  EXPECT_TRUE(report->applied);
  auto second = Files(*dst_.get());
  ASSERT_EQ(first.size(), second.size());
  for (const auto& [name, data] : first) {
    // ids here are equal because the source had no gaps; see RenumbersAndKeepsLinks.
    EXPECT_EQ(data, second[name]) << name;
  }
}

TEST_F(PortabilityTest, RenumbersAndKeepsLinks) {
  // The target already holds rows, so every id moves.
  ASSERT_TRUE(dst_.get()
                  ->Write([](db::Connection& c) {
                    return c.Exec(
                        "INSERT INTO people (user_id, name, relationship, created_ms, "
                        "created_offset, updated_ms) VALUES (1, 'Kim', 'friend', 1, 0, 1), "
                        "(1, 'Lee', 'friend', 1, 0, 1), (1, 'Max', 'friend', 1, 0, 1)");
                  })
                  .ok());
  auto in = ParseOurExport(*ExportZip(*src_.get(), 1, *catalog_, kNow));
  auto report = RunImport(*dst_.get(), 1, *in, ImportMode::kApply, kNow);
  ASSERT_TRUE(report.ok());
  ASSERT_TRUE(report->applied) << report->refused;
  auto files = Files(*dst_.get());
  auto people = json::parse(files["data/people.json"]).at("items").as_array();
  ASSERT_EQ(people.size(), 5u);
  EXPECT_EQ(people[3].at("name"), "Sam");
  EXPECT_EQ(people[3].at("id"), 4);
  auto refl = json::parse(files["data/reflections.json"]).at("items").at(0);
  EXPECT_EQ(refl.at("people"), json::parse("[4,5]"));
  auto commitments = json::parse(files["data/commitments.json"]).at("items").as_array();
  EXPECT_EQ(commitments[1].at("renegotiated_from"), commitments[0].at("id"));
  auto plans = json::parse(files["data/checkin_plans.json"]).at("items").as_array();
  EXPECT_EQ(plans[0].at("person_key"), 5);
}

TEST_F(PortabilityTest, DryRunCountsAndChangesNothingThenReimportIsAllDuplicates) {
  auto in = ParseOurExport(*ExportZip(*src_.get(), 1, *catalog_, kNow));
  auto dry = RunImport(*dst_.get(), 1, *in, ImportMode::kDryRun, kNow);
  ASSERT_TRUE(dry.ok());
  EXPECT_FALSE(dry->applied);
  EXPECT_EQ(dry->counts["people"].create, 2);
  EXPECT_EQ(dry->total.reject, 0);
  EXPECT_EQ(dry->total.create, static_cast<int>(in->rows.size()));
  EXPECT_EQ(Count(*dst_.get(), "people"), 0);
  // Into the database it came from: every record is already there.
  auto again = RunImport(*src_.get(), 1, *in, ImportMode::kDryRun, kNow);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->total.create, 0);
  EXPECT_EQ(again->total.duplicate, static_cast<int>(in->rows.size()));
}

TEST_F(PortabilityTest, AFailedImportChangesNothing) {
  auto in = ParseOurExport(*ExportZip(*src_.get(), 1, *catalog_, kNow));
  ASSERT_TRUE(in.ok());
  // The last row breaks a rule of the database (a distress of 99).
  IncomingRow bad = in->rows.back();
  bad.kind = FindKind("regulation_sessions");
  bad.values = json::parse(R"({"id":9,"practice_id":"x","practice_name":"x","distress_before":99,
    "energy":"high","stopped_early":0,"planned_ms":1,"practiced_ms":1,"started_ms":1,
    "started_offset":0,"ended_ms":1,"ended_offset":0})")
                   .as_object();
  bad.where = "data/regulation_sessions.json item 2";
  in->rows.push_back(bad);
  auto report = RunImport(*dst_.get(), 1, *in, ImportMode::kApply, kNow);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->applied);
  EXPECT_NE(report->refused.find("nothing was imported"), std::string::npos);
  EXPECT_EQ(report->total.reject, 1);
  EXPECT_EQ(report->rows.back().outcome, Outcome::kReject);
  EXPECT_NE(report->rows.back().reason.find("outside what is allowed"), std::string::npos);
  for (const Kind& k : AllKinds()) EXPECT_EQ(Count(*dst_.get(), k.table), 0) << k.name;
  // Skipping the rejected one imports the rest.
  auto skipping = RunImport(*dst_.get(), 1, *in, ImportMode::kApplySkippingRejected, kNow);
  ASSERT_TRUE(skipping.ok());
  EXPECT_TRUE(skipping->applied);
  EXPECT_EQ(Count(*dst_.get(), "people"), 2);
}

TEST_F(PortabilityTest, ReferencesToMissingRowsAreNamed) {
  auto in = ParseOurExport(R"({"format":"securebase-export","kind":"repairs","version":1,
    "items":[{"id":1,"conflict_id":42,"by_whom":"me","what":"sorry","at_ms":1,"at_offset":0},
             {"id":2,"conflict_id":null,"by_whom":"me","what":"x","at_ms":1,"at_offset":0,"colour":"red"}]})");
  ASSERT_TRUE(in.ok());
  auto report = RunImport(*dst_.get(), 1, *in, ImportMode::kDryRun, kNow);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(report->rows.size(), 2u);
  EXPECT_EQ(report->rows[0].reason, "conflict_id refers to conflicts 42, which is not in the file");
  EXPECT_EQ(report->rows[1].reason, "unknown field \"colour\"");
}

TEST_F(PortabilityTest, AShortlistEntryNeedsItsTherapistInThisDirectory) {
  auto in = ParseOurExport(R"({"format":"securebase-export","kind":"shortlist","version":1,
    "items":[{"id":7,"provider_id":99,"status":"to-contact","notes":"","added_ms":1,
              "added_offset":0,"status_ms":1,"status_offset":0,"updated_ms":1}]})");
  ASSERT_TRUE(in.ok());
  auto report = RunImport(*dst_.get(), 1, *in, ImportMode::kDryRun, kNow);
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->rows[0].reason,
            "provider_id 99 is not in this computer's providers (import that first)");
}

TEST_F(PortabilityTest, DaylioReimportSkipsWhatCameBefore) {
  constexpr char kCsv[] =
      "full_date,date,weekday,time,mood,activities,note\n"
      "2024-03-02,March 2,Saturday,20:30,good,walk,Nice\n"
      "2024-03-01,March 1,Friday,07:05,meh,,\n";
  auto in = ParseDaylioCsv(kCsv, 0);
  ASSERT_TRUE(in.ok());
  auto first = RunImport(*dst_.get(), 1, *in, ImportMode::kApply, kNow);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->total.create, 2);
  EXPECT_EQ(Count(*dst_.get(), "checkins"), 2);
  // The person edits one, then imports the same file again.
  ASSERT_TRUE(dst_.get()
                  ->Write([](db::Connection& c) {
                    return c.Exec("UPDATE checkins SET note = 'edited' WHERE id = 1");
                  })
                  .ok());
  auto second = RunImport(*dst_.get(), 1, *in, ImportMode::kApply, kNow);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total.create, 0);
  EXPECT_EQ(second->total.duplicate, 2);
  EXPECT_EQ(second->rows[0].reason, "imported before");
  EXPECT_EQ(Count(*dst_.get(), "checkins"), 2);
}

}  // namespace
}  // namespace securebase::portability
