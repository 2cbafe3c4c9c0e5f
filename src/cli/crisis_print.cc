#include "cli/crisis_print.h"

#include <filesystem>
#include <memory>

#include "platform/embedded_file.h"
#include "platform/settings.h"
#include "platform/text.h"
#include "safety/crisis_text.h"
#include "safety/danger.h"

namespace securebase::cli {
namespace {

const ContentLibrary& BuiltIn() {
  static const ContentLibrary content(embedded::ContentFiles(), "");
  return content;
}

template <typename T>
T LoadOrBuiltIn(Context& ctx, Result<T> (*load)(const ContentLibrary&)) {
  Result<T> r = load(ctx.Content());
  if (r.ok()) return std::move(r).value();
  ctx.err() << "securebase: " << r.status().message() << " (using the built-in copy)\n";
  return load(BuiltIn()).value();
}

}  // namespace

const safety::CrisisResources& CrisisResourcesFor(Context& ctx) {
  static std::unique_ptr<safety::CrisisResources> cached;
  if (!cached) {
    cached = std::make_unique<safety::CrisisResources>(
        LoadOrBuiltIn<safety::CrisisResources>(ctx, &safety::CrisisResources::Load));
  }
  return *cached;
}

std::string RegionFor(Context& ctx, const std::string& flag, bool read_setting) {
  const auto& resources = CrisisResourcesFor(ctx);
  if (auto r = resources.Resolve(flag)) return *r;
  std::error_code ec;
  if (read_setting && std::filesystem::exists(DatabasePath(ctx.env(), ctx.db_flag()), ec)) {
    if (auto db = ctx.Db(); db.ok()) {
      auto value = MakeSqliteSettingsStore(**db)->Get(ctx.user_id(), safety::kRegionSettingKey);
      if (value.ok() && *value) {
        if (auto r = resources.Resolve(**value)) return *r;
      }
    }
  }
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    std::string locale = ctx.env().Get(var);
    if (locale.empty()) continue;
    auto r = resources.Resolve(safety::CountryFromLocale(locale));
    return r ? *r : "";
  }
  return "";
}

void PrintCrisisIfDanger(Context& ctx, std::string_view text) {
  static std::unique_ptr<safety::DangerDetector> detector;
  if (!detector) {
    detector = std::make_unique<safety::DangerDetector>(
        LoadOrBuiltIn<safety::DangerDetector>(ctx, &safety::DangerDetector::Load));
  }
  if (!detector->Check(text).danger()) return;
  ctx.out() << "\n"
            << Wrap(safety::kCrisisMessage, 78, "") << "\n"
            << safety::CrisisText(CrisisResourcesFor(ctx), RegionFor(ctx, "", true));
}

}  // namespace securebase::cli
