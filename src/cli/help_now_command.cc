// securebase help-now [--region XX] [--remember]: crisis lines, at once. Reads content
// only, so it works even when the database cannot be opened.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "platform/settings.h"
#include "safety/crisis_text.h"

namespace securebase::cli {

void RegisterHelpNowCommand(CLI::App& app, Context& ctx) {
  struct Args {
    std::string region;
    bool remember = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("help-now", "Crisis lines and emergency numbers, right now");
  cmd->add_option("-r,--region", args->region,
                  "Country or region to show first, such as US, CA, GB, IE, AU");
  cmd->add_flag("--remember", args->remember, "Remember --region for next time");
  cmd->callback([&ctx, args] {
    const auto& resources = CrisisResourcesFor(ctx);
    std::string region = RegionFor(ctx, args->region, !args->remember);
    // Help first; anything about the flags comes after it.
    ctx.out() << safety::CrisisText(resources, region);
    if (!args->region.empty() && !resources.Resolve(args->region)) {
      ctx.out() << fmt::format("\nThere is no list for '{}' yet, so every region is shown above.\n",
                               args->region);
    }
    if (args->remember && !region.empty()) {
      Status saved = [&]() -> Status {
        TRY_ASSIGN(db::Database * db, ctx.Db());
        return MakeSqliteSettingsStore(*db)->Set(ctx.user_id(), safety::kRegionSettingKey, region);
      }();
      if (saved.ok())
        ctx.out() << "\nSaved " << region << " as your region.\n";
      else
        ctx.err() << "securebase: could not save your region: " << saved.message() << "\n";
    }
  });
}

}  // namespace securebase::cli
