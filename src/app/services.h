#pragma once
// The composition root: every store and service, wired to one database and content
// library. cli/ and http/ build one of these and call the features through it.
#include <memory>

#include "people/people_store.h"
#include "platform/clock.h"
#include "platform/content.h"
#include "platform/db/database.h"
#include "platform/settings.h"
#include "reflect/reflect_service.h"
#include "regulate/regulation_service.h"
#include "understand/assessment_service.h"
#include "understand/catalog.h"

namespace securebase::app {

struct Services {
  // Loads the instrument catalog from `content`; fails when a content file is bad.
  // `db`, `content` and `clock` must outlive the Services.
  static Result<std::unique_ptr<Services>> Create(db::Database& db, const ContentLibrary& content,
                                                  const Clock& clock);

  db::Database& db;
  const ContentLibrary& content;
  const Clock& clock;
  understand::Catalog catalog;
  std::unique_ptr<people::PeopleStore> people;
  std::unique_ptr<SettingsStore> settings;
  std::unique_ptr<understand::AssessmentStore> assessment_store;
  std::unique_ptr<understand::AssessmentService> assessments;
  // Step 3: practices and sessions.
  std::unique_ptr<regulate::PracticeStore> practice_store;
  std::unique_ptr<regulate::SessionStore> session_store;
  std::unique_ptr<regulate::RegulationService> regulation;
  // Step 2: reflections.
  std::unique_ptr<reflect::ReflectionStore> reflection_store;
  std::unique_ptr<reflect::ReflectService> reflections;
};

// Opens (creating its folder 0700 and file 0600) and migrates the database at `path`.
Result<std::unique_ptr<db::Database>> OpenDatabase(const std::string& path);

}  // namespace securebase::app
