#pragma once
// Step 8 API pieces shared by support_routes.cc (self-check, signals, settings) and
// directory_routes.cc (therapists, postcodes, shortlist): the loaded content and the JSON
// shapes (documented in content/api/openapi.json).
#include <boost/json.hpp>
#include <memory>

#include "http/api_context.h"
#include "http/crisis_json.h"
#include "support/checkup.h"
#include "support/directory.h"
#include "support/shortlist.h"
#include "support/signals.h"

namespace securebase::http {

struct SupportState {
  std::unique_ptr<support::DirectoryStore> directory_store;
  std::unique_ptr<support::Directory> directory;  // null when its content failed to load
  Result<support::CheckupDefinition> checkup = Status::Internal("not loaded");
  Status directory_status;
  std::shared_ptr<const CrisisSupport> crisis;
};

boost::json::object ProviderJson(const support::Provider& p, const support::TherapyCatalog& t);
boost::json::object RankedJson(const support::Ranked& r, const support::TherapyCatalog& t);
boost::json::object ShortlistJson(const support::ShortlistEntry& e);
boost::json::object SignalJson(const support::Signal& s);

void AddDirectoryRoutes(Router& router, ApiContext& ctx, std::shared_ptr<SupportState> state);

}  // namespace securebase::http
