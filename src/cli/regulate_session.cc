#include "cli/regulate_session.h"

#include <fmt/format.h>

#include <cmath>

#include "cli/regulate_player.h"
#include "platform/text.h"

namespace securebase::cli {

using regulate::Energy;

namespace {

// One line of input, trimmed; empty optional at the end of input.
std::optional<std::string> ReadLine(Context& ctx) {
  std::string line;
  if (!std::getline(ctx.in(), line)) return std::nullopt;
  return std::string(Trim(line));
}

std::string Minutes(int64_t ms) {
  double min = static_cast<double>(ms) / 60000.0;
  if (min < 1) return fmt::format("{} seconds", (ms + 999) / 1000);
  return fmt::format("{:g} minute{}", std::round(min * 2) / 2, min < 1.25 ? "" : "s");
}

}  // namespace

std::optional<int> AskDistress(Context& ctx, const std::string& question) {
  for (int tries = 0; tries < 5; ++tries) {
    ctx.out() << question << "\n  0 = calm, 10 = the most you can imagine > " << std::flush;
    auto line = ReadLine(ctx);
    if (!line) return std::nullopt;
    char* end = nullptr;
    long v = std::strtol(line->c_str(), &end, 10);
    if (!line->empty() && *end == '\0' && v >= 0 && v <= 10) return static_cast<int>(v);
    ctx.out() << "  Please type a number from 0 to 10.\n";
  }
  return std::nullopt;
}

std::optional<Energy> AskEnergy(Context& ctx) {
  for (int tries = 0; tries < 5; ++tries) {
    ctx.out() << "How much energy is in your body?\n"
                 "  h = high: wired, racing, keyed up    l = low: flat, heavy, numb > "
              << std::flush;
    auto line = ReadLine(ctx);
    if (!line) return std::nullopt;
    if (!line->empty() && (line->front() == 'h' || line->front() == 'H')) return Energy::kHigh;
    if (!line->empty() && (line->front() == 'l' || line->front() == 'L')) return Energy::kLow;
    ctx.out() << "  Please type h or l.\n";
  }
  return std::nullopt;
}

Status RunSession(Context& ctx, const regulate::Practice& practice, SessionOptions options) {
  TRY_ASSIGN(app::Services * s, ctx.Services());
  regulate::SessionInput input;
  input.practice = practice.id;
  input.reflection = options.reflection;
  if (!options.about.empty()) {
    TRY_ASSIGN(auto person, s->people->Find(ctx.user_id(), options.about));
    input.person = person.id;
  }
  if (!options.distress)
    options.distress = AskDistress(ctx, "How strong is the distress right now?");
  if (!options.distress) {
    ctx.out() << "\nNothing started. Come back whenever you like.\n";
    return Status::Ok();
  }
  if (!options.energy) options.energy = AskEnergy(ctx);
  if (!options.energy) {
    ctx.out() << "\nNothing started. Come back whenever you like.\n";
    return Status::Ok();
  }
  input.distress_before = *options.distress;
  input.energy = std::string(regulate::EnergyName(*options.energy));

  ctx.out() << fmt::format("\n{} ({})\n", practice.name, Minutes(practice.TotalMs()));
  if (!practice.intro.empty()) ctx.out() << Wrap(practice.intro, 76, "  ");
  if (ctx.terminal) {
    ctx.out() << "  Space pauses, q or Ctrl-C stops. Starting now.\n\n";
  } else {
    ctx.out() << "\n";
  }
  PlayResult played = PlayPractice(ctx, practice, options.speed);
  input.practiced_ms = played.practiced_ms;
  input.stopped_early = played.stopped_early;

  ctx.out() << "\n";
  if (auto after = AskDistress(ctx, "And now, how strong is the distress?")) {
    input.distress_after = *after;
    ctx.out() << "Did it help?  y = yes   a = a little   n = no   (Enter to skip) > " << std::flush;
    if (auto line = ReadLine(ctx); line && !line->empty()) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(line->front())));
      if (c == 'y') input.helped = "yes";
      if (c == 'a') input.helped = "a-little";
      if (c == 'n') input.helped = "no";
    }
  }
  TRY_ASSIGN(auto saved, s->regulation->Record(ctx.user_id(), input));
  ctx.out() << "\n";
  if (saved.distress_after) {
    int change = *saved.Change();
    ctx.out() << fmt::format("Saved. Distress {} -> {}{}.\n", saved.distress_before,
                             *saved.distress_after,
                             change < 0   ? fmt::format(", down {}", -change)
                             : change > 0 ? fmt::format(", up {}", change)
                                          : ", the same");
  } else {
    ctx.out() << fmt::format("Saved (distress before: {}).\n", saved.distress_before);
  }
  if (saved.stopped_early) ctx.out() << "It is marked as stopped early.\n";
  ctx.out() << "Over time, 'securebase regulate stats' shows what helps you most.\n";
  return Status::Ok();
}

}  // namespace securebase::cli
