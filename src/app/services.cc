#include "app/services.h"

#include <filesystem>

#include "platform/paths.h"

namespace securebase::app {

Result<std::unique_ptr<Services>> Services::Create(db::Database& db, const ContentLibrary& content,
                                                   const Clock& clock) {
  TRY_ASSIGN(auto catalog, understand::Catalog::Load(content));
  TRY_ASSIGN(auto practices, regulate::LoadPractices(content));
  auto s = std::unique_ptr<Services>(new Services{db, content, clock, std::move(catalog), nullptr,
                                                  nullptr, nullptr, nullptr, nullptr, nullptr,
                                                  nullptr, nullptr, nullptr});
  s->people = people::MakeSqlitePeopleStore(db);
  s->settings = MakeSqliteSettingsStore(db);
  s->assessment_store = understand::MakeSqliteAssessmentStore(db);
  s->assessments = std::make_unique<understand::AssessmentService>(*s->assessment_store, *s->people,
                                                                   s->catalog, clock);
  s->practice_store = regulate::MakeSqlitePracticeStore(db);
  s->session_store = regulate::MakeSqliteSessionStore(db);
  s->regulation = std::make_unique<regulate::RegulationService>(
      std::move(practices), *s->practice_store, *s->session_store, *s->people, clock);
  s->reflection_store = reflect::MakeSqliteReflectionStore(db);
  TRY_ASSIGN(s->reflections,
             reflect::ReflectService::Create(*s->reflection_store, *s->people, *s->assessment_store,
                                             s->catalog, content, clock));
  return s;
}

Result<std::unique_ptr<db::Database>> OpenDatabase(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) TRY(EnsurePrivateDir(parent.string()));
  TRY_ASSIGN(auto migrations, db::MigrationsFrom(embedded::MigrationFiles(), "schema/sqlite/"));
  db::DatabaseOptions options;
  options.path = path;
  auto opened = db::Database::Open(options, migrations);
  if (!opened.ok()) return opened.status().WithContext("opening " + path);
  return opened;
}

}  // namespace securebase::app
