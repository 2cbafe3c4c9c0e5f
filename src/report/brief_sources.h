#pragma once
// Reads what a brief needs from the feature stores, filtered to the period the person chose,
// and builds the Brief. The only part of report/ that touches the database.
#include "people/people_store.h"
#include "platform/db/database.h"
#include "platform/settings.h"
#include "reflect/reflect_service.h"
#include "regulate/regulation_service.h"
#include "report/brief.h"
#include "understand/assessment.h"
#include "understand/catalog.h"

namespace securebase::report {

// Every reference must outlive the call that uses it.
struct BriefSources {
  db::Database& db;
  people::PeopleStore& people;
  understand::AssessmentStore& assessments;
  const understand::Catalog& catalog;
  SettingsStore& settings;
  reflect::ReflectService& reflections;
  regulate::RegulationService& regulation;
  const Clock& clock;
};

// Loads every input for `user_id` (all of it inside one read snapshot when the caller
// holds one), applying options.since_ms and options.names.
Result<BriefInputs> LoadBriefInputs(BriefSources& src, int64_t user_id,
                                    const BriefOptions& options);

// LoadBriefInputs + BuildBrief.
Result<Brief> MakeBrief(BriefSources& src, int64_t user_id, const BriefOptions& options);

}  // namespace securebase::report
