// securebase regulate list|start|now|stats|add|tune|remove  (step 3)
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "cli/regulate_session.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

using regulate::Energy;
using regulate::Practice;

struct RegulateArgs {
  std::string practice, file, about, energy;
  std::optional<int> distress;
  std::optional<int64_t> reflection;
  std::optional<double> minutes;
  std::vector<std::string> phases, steps;
  double speed = 1;
};

std::string Length(const Practice& p) {
  int64_t s = (p.TotalMs() + 500) / 1000;
  return s < 60 ? fmt::format("{} s", s) : fmt::format("{}:{:02} min", s / 60, s % 60);
}

std::string SuitsText(regulate::Suits s) {
  switch (s) {
    case regulate::Suits::kHigh:
      return "when keyed up";
    case regulate::Suits::kLow:
      return "when flat or numb";
    case regulate::Suits::kAny:
      return "any time";
  }
  return "";
}

Status List(Context& ctx, app::Services& s) {
  TRY_ASSIGN(auto all, s.regulation->Practices(ctx.user_id()));
  ctx.out() << "Practices for calming down or coming back to yourself:\n\n";
  for (const auto& p : all) {
    ctx.out() << fmt::format("  {:<22} {:<30} {:>9}  {}{}\n", p.id, p.name, Length(p),
                             SuitsText(p.suits), p.own ? "  (yours)" : "");
  }
  ctx.out() << "\nStart one with 'securebase regulate start ID', or let SecureBase choose with\n"
               "'securebase regulate now'.\n";
  return Status::Ok();
}

Result<SessionOptions> Options(Context& ctx, const RegulateArgs& a) {
  SessionOptions o;
  o.distress = a.distress;
  if (o.distress && (*o.distress < 0 || *o.distress > 10)) {
    return Status::InvalidField("--distress", "must be from 0 to 10");
  }
  if (!a.energy.empty()) {
    o.energy = regulate::ParseEnergy(a.energy);
    if (!o.energy) return Status::InvalidField("--energy", "must be 'high' or 'low'");
  }
  o.about = a.about;
  o.reflection = a.reflection;
  if (!(a.speed > 0 && a.speed <= 100000))
    return Status::InvalidField("--speed", "must be above 0");
  o.speed = a.speed;
  (void)ctx;
  return o;
}

Status Start(Context& ctx, app::Services& s, const RegulateArgs& a) {
  TRY_ASSIGN(Practice p, s.regulation->Find(ctx.user_id(), a.practice));
  if (a.minutes) {
    if (!p.breathing()) {
      return Status::InvalidField("--minutes", fmt::format("{} has set steps; change their "
                                                           "timings with 'regulate tune'",
                                                           p.name));
    }
    p.duration_seconds = static_cast<int>(*a.minutes * 60);
    if (p.duration_seconds < regulate::kMinDurationSeconds) {
      return Status::InvalidField("--minutes", "is too short");
    }
  }
  TRY_ASSIGN(auto options, Options(ctx, a));
  return RunSession(ctx, p, options);
}

Status Now(Context& ctx, app::Services& s, const RegulateArgs& a) {
  TRY_ASSIGN(auto options, Options(ctx, a));
  if (!options.distress)
    options.distress = AskDistress(ctx, "How strong is the distress right now?");
  if (!options.distress) return Status::Ok();
  if (!options.energy) options.energy = AskEnergy(ctx);
  if (!options.energy) return Status::Ok();
  TRY_ASSIGN(auto rec, s.regulation->Recommend(ctx.user_id(), *options.distress, *options.energy));
  if (!rec.practice) return Status::NotFound("there are no practices installed");
  ctx.out() << fmt::format("\nTry this: {} ({})\n", rec.practice->name, Length(*rec.practice));
  ctx.out() << Wrap(rec.reason, 76, "  ");
  if (*options.distress >= 9) {
    ctx.out()
        << "  If you feel unsafe, 'securebase help-now' lists people you can reach at once.\n";
  }
  ctx.out() << "Start it now? [Y/n] " << std::flush;
  std::string line;
  if (!std::getline(ctx.in(), line)) return Status::Ok();
  std::string_view answer = Trim(line);
  if (!answer.empty() && (answer[0] == 'n' || answer[0] == 'N')) {
    ctx.out() << fmt::format("All right. Start it later with: securebase regulate start {}\n",
                             rec.practice->id);
    return Status::Ok();
  }
  return RunSession(ctx, *rec.practice, options);
}

std::string Figure(const std::optional<double>& v) {
  return v ? fmt::format("{:+.1f}", *v) : std::string("-");
}

void PrintGroup(Context& ctx, const std::string& title, const regulate::StatsGroup& g) {
  ctx.out() << fmt::format("{} ({} session{})\n", title, g.sessions, g.sessions == 1 ? "" : "s");
  if (g.practices.empty()) {
    ctx.out() << "  Nothing yet.\n\n";
    return;
  }
  ctx.out() << fmt::format("  {:>4}  {:<30} {:>8}  {:>7}  {:<16}  {}\n", "rank", "practice",
                           "sessions", "change", "95% interval", "stopped early");
  for (const auto& p : g.practices) {
    std::string interval = !p.ranked  ? fmt::format("needs {} rated", regulate::kMinSessionsToRank)
                           : p.ci_low ? fmt::format("{:+.1f} to {:+.1f}", *p.ci_low, *p.ci_high)
                                      : "-";
    ctx.out() << fmt::format("  {:>4}  {:<30} {:>8}  {:>7}  {:<16}  {:.0f}%\n",
                             p.ranked ? std::to_string(p.rank) : "-", p.practice_name, p.sessions,
                             Figure(p.mean_change), interval, 100 * p.stopped_early_rate());
  }
  ctx.out() << Wrap(regulate::SummarizeGroup(g), 76, "  ") << "\n";
}

Status PrintStats(Context& ctx, app::Services& s) {
  TRY_ASSIGN(auto stats, s.regulation->ComputeStats(ctx.user_id()));
  if (stats.all.sessions == 0) {
    ctx.out() << "No practice sessions yet. Start one with 'securebase regulate now'.\n";
    return Status::Ok();
  }
  ctx.out() << "What helps you. Change = distress after minus before, on 0-10; below zero means\n"
               "it went down. Ranked by the average drop, once a practice has "
            << regulate::kMinSessionsToRank << " rated sessions.\n\n";
  PrintGroup(ctx, "All sessions", stats.all);
  PrintGroup(ctx, "When your energy was high (keyed up)", stats.high);
  PrintGroup(ctx, "When your energy was low (flat or numb)", stats.low);
  return Status::Ok();
}

Status Add(Context& ctx, app::Services& s, const RegulateArgs& a) {
  std::ifstream in(a.file, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("cannot read '{}'", a.file));
  std::ostringstream text;
  text << in.rdbuf();
  TRY_ASSIGN(Practice p, s.regulation->Add(ctx.user_id(), text.str(), a.file));
  ctx.out() << fmt::format("Added {} ({}). Start it with: securebase regulate start {}\n", p.name,
                           Length(p), p.id);
  return Status::Ok();
}

// "2=5.5" -> index 1 (1-based in, 0-based out), 5.5 seconds.
Status ParseTimings(const std::vector<std::string>& specs, const char* flag,
                    std::vector<std::optional<double>>& out) {
  for (const auto& spec : specs) {
    size_t eq = spec.find('=');
    char* end = nullptr;
    long n = eq == std::string::npos ? 0 : std::strtol(spec.substr(0, eq).c_str(), &end, 10);
    double secs = eq == std::string::npos ? 0 : std::strtod(spec.c_str() + eq + 1, nullptr);
    if (n < 1 || n > 100) {
      return Status::InvalidField(flag, fmt::format("'{}' is not NUMBER=SECONDS, like 3=8", spec));
    }
    if (out.size() < static_cast<size_t>(n)) out.resize(static_cast<size_t>(n));
    out[static_cast<size_t>(n - 1)] = secs;
  }
  return Status::Ok();
}

Status Tune(Context& ctx, app::Services& s, const RegulateArgs& a) {
  regulate::Retiming r;
  TRY(ParseTimings(a.phases, "--phase", r.phase_seconds));
  TRY(ParseTimings(a.steps, "--step", r.step_seconds));
  if (a.minutes) r.duration_seconds = static_cast<int>(std::lround(*a.minutes * 60));
  if (r.phase_seconds.empty() && r.step_seconds.empty() && !r.duration_seconds) {
    return Status::Invalid(
        "nothing to change: give --phase N=SECONDS, --step N=SECONDS or --minutes");
  }
  TRY_ASSIGN(Practice p, s.regulation->Retime(ctx.user_id(), a.practice, r));
  ctx.out() << fmt::format("Saved your timing of {} ({}).", p.name, Length(p));
  if (p.breathing()) {
    std::string cycle;
    for (const auto& ph : p.phases) {
      cycle += fmt::format("{}{} {:g}", cycle.empty() ? "" : ", ", regulate::PhaseKindName(ph.kind),
                           ph.seconds);
    }
    ctx.out() << " One breath: " << cycle << ".";
  }
  ctx.out() << "\n";
  if (s.regulation->IsBuiltIn(p.id)) {
    ctx.out() << fmt::format("Go back to the original with: securebase regulate remove {}\n", p.id);
  }
  return Status::Ok();
}

}  // namespace

void RegisterRegulateCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<RegulateArgs>();
  CLI::App* reg = app.add_subcommand(
      "regulate", "Step 3: breathing, grounding and self-compassion practices, and what helps you");
  reg->require_subcommand(1);

  reg->add_subcommand("list", "List the practices")->callback([&ctx] {
    RunWithServices(ctx, [&](app::Services& s) { return List(ctx, s); });
  });

  auto session_flags = [args](CLI::App* cmd) {
    cmd->add_option("--distress", args->distress,
                    "How strong the distress is now, 0-10 (else asked)");
    cmd->add_option("--energy", args->energy, "high (keyed up) or low (flat, numb) (else asked)");
    cmd->add_option("--about", args->about, "A person this is about (id or name)");
    cmd->add_option("--reflection", args->reflection, "A reflection this is about (its id)");
    cmd->add_option("--speed", args->speed, "Play N times faster (for tests)")->group("");
  };

  CLI::App* start = reg->add_subcommand("start", "Do a practice, guided in the terminal");
  start->add_option("practice", args->practice, "Its id (see 'regulate list')")->required();
  start->add_option("--minutes", args->minutes, "How long (breathing practices)");
  session_flags(start);
  start->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) { return Start(ctx, s, *args); });
  });

  CLI::App* now =
      reg->add_subcommand("now", "I'm activated right now: two questions, then a practice");
  session_flags(now);
  now->callback(
      [&ctx, args] { RunWithServices(ctx, [&](app::Services& s) { return Now(ctx, s, *args); }); });

  reg->add_subcommand("stats", "What helps you most, by the energy you started with")
      ->callback(
          [&ctx] { RunWithServices(ctx, [&](app::Services& s) { return PrintStats(ctx, s); }); });

  CLI::App* add =
      reg->add_subcommand("add", "Add a practice of your own from a file (docs/practices.md)");
  add->add_option("file", args->file, "A practice file (JSON)")->required();
  add->callback(
      [&ctx, args] { RunWithServices(ctx, [&](app::Services& s) { return Add(ctx, s, *args); }); });

  CLI::App* tune =
      reg->add_subcommand("tune", "Change a practice's timings (saved as your version)");
  tune->add_option("practice", args->practice, "Its id")->required();
  tune->add_option("--phase", args->phases,
                   "Seconds of a breathing phase: 3=8 makes the third 8 s");
  tune->add_option("--step", args->steps, "Seconds of a step: 2=45");
  tune->add_option("--minutes", args->minutes, "How long a breathing practice runs");
  tune->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) { return Tune(ctx, s, *args); });
  });

  CLI::App* remove =
      reg->add_subcommand("remove", "Remove your own practice, or your timing of a built-in one");
  remove->add_option("practice", args->practice, "Its id")->required();
  remove->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY(s.regulation->Remove(ctx.user_id(), args->practice));
      ctx.out() << (s.regulation->IsBuiltIn(args->practice)
                        ? fmt::format("Removed your timing; {} is back to how it came.\n",
                                      args->practice)
                        : fmt::format("Removed {}.\n", args->practice));
      return Status::Ok();
    });
  });
}

}  // namespace securebase::cli
