#pragma once
// The crisis resources as plain text for the terminal: `securebase help-now`, and any
// command that noticed danger in what the person wrote.
#include <string>
#include <string_view>

#include "safety/crisis_resources.h"

namespace securebase::safety {

// What we say, in our words, when something a person wrote suggests danger.
inline constexpr const char* kCrisisMessage =
    "What you wrote is saved. Some of it sounds like things may be very hard right now. "
    "You don't have to face this alone: you can talk to someone now, for free.";

// The whole block: a kind opening, the lines for `region` first (all regions when it is
// empty or unknown), then the emergency numbers. Lines end in '\n'; wrapped to 78 columns.
std::string CrisisText(const CrisisResources& resources, std::string_view region);

}  // namespace securebase::safety
