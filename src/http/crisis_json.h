#pragma once
// Crisis help in API responses. A route that saves free text asks CrisisSupport to add
//   "crisis": {"message": ..., "region": "GB" | null, "resources": [region, ...]}
// to its JSON answer when the text suggests danger. The save itself is never blocked.
//
//   auto crisis = CrisisSupport::Load(ctx.services.content);   // once, when adding routes
//   ...
//   json::object body = ...;
//   crisis->AddIfDanger(body, text, ctx);
#include <boost/json.hpp>
#include <memory>
#include <string>
#include <string_view>

#include "http/api_context.h"
#include "safety/crisis_resources.h"
#include "safety/danger.h"

namespace securebase::http {

class CrisisSupport {
 public:
  // Reads the phrase list and crisis resources from `content`. A broken override in the
  // config folder falls back to the built-in copy (and says so on stderr): help is never
  // missing. Thread-safe to use once built.
  static std::shared_ptr<const CrisisSupport> Load(const ContentLibrary& content);

  const safety::DangerDetector& detector() const { return detector_; }
  const safety::CrisisResources& resources() const { return resources_; }
  // The person's saved region code, or "" when none (or no longer known).
  std::string SavedRegion(ApiContext& ctx) const;
  // Adds "crisis" to `body` when `text` suggests danger; returns whether it did.
  bool AddIfDanger(boost::json::object& body, std::string_view text, ApiContext& ctx) const;

  CrisisSupport(safety::DangerDetector detector, safety::CrisisResources resources)
      : detector_(std::move(detector)), resources_(std::move(resources)) {}

 private:
  safety::DangerDetector detector_;
  safety::CrisisResources resources_;
};

// Every region, `region` first and "ANY" last:
//   [{"code","name","emergency","lines":[{"name","phone","text","hours"}],"note","last_checked"}]
boost::json::array CrisisRegionsJson(const safety::CrisisResources& resources,
                                     std::string_view region);
// {"message": safety::kCrisisMessage, "region": code or null, "resources": CrisisRegionsJson}
boost::json::object CrisisJson(const safety::CrisisResources& resources, std::string_view region);

}  // namespace securebase::http
