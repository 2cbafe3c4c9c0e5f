#pragma once
// One practice session in the terminal: how strong the distress is (0-10) and the energy,
// the practice itself, then the distress again and whether it helped; saved at the end,
// also when the practice was stopped early.
#include <optional>
#include <string>

#include "cli/context.h"
#include "regulate/practice.h"
#include "regulate/session.h"

namespace securebase::cli {

struct SessionOptions {
  std::optional<int> distress;             // asked when empty
  std::optional<regulate::Energy> energy;  // asked when empty
  std::string about;                       // a person (id or name); empty: none
  std::optional<int64_t> reflection;
  double speed = 1;  // hidden --speed: how many times faster than real time
};

// Asks "how strong is the distress right now, 0 to 10"; empty when the input ended.
std::optional<int> AskDistress(Context& ctx, const std::string& question);
// Asks whether the energy is high or low; empty when the input ended.
std::optional<regulate::Energy> AskEnergy(Context& ctx);

// Runs and saves a session of `practice`. Quitting before it starts is not an error.
Status RunSession(Context& ctx, const regulate::Practice& practice, SessionOptions options);

}  // namespace securebase::cli
