#pragma once
// Crisis help in the terminal: the region to show first, and the block that commands print
// after saving free text that suggests danger.
#include <string>
#include <string_view>

#include "cli/context.h"
#include "safety/crisis_resources.h"

namespace securebase::cli {

// The crisis resources from ctx.Content(), falling back to the built-in file when an
// override in the config folder is broken (help must never be missing).
const safety::CrisisResources& CrisisResourcesFor(Context& ctx);

// The region to show first: `flag` when given, else the saved setting (only when the
// database already exists and `read_setting`), else the country in $LC_ALL or $LANG;
// "" when none resolves (all regions are shown).
std::string RegionFor(Context& ctx, const std::string& flag, bool read_setting);

// When `text` suggests danger, prints a blank line and the crisis block on ctx.out().
// Never fails: a broken phrase list falls back to the built-in one.
void PrintCrisisIfDanger(Context& ctx, std::string_view text);

}  // namespace securebase::cli
