// securebase checkup, securebase support check|signals|suggestions (step 8), and the
// registration of the therapist directory and shortlist commands.
#include <fmt/format.h>

#include <sstream>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "cli/support_cli.h"
#include "platform/text.h"
#include "safety/crisis_text.h"
#include "support/checkup.h"
#include "support/signals.h"

namespace securebase::cli {
namespace {

struct CheckArgs {
  std::string answers;  // "heavy=2,daily=1,..."
  bool no_save = false;
  std::string state;  // on | off
};

Result<std::map<std::string, int>> ParseAnswerList(const std::string& text) {
  std::map<std::string, int> out;
  std::stringstream ss(text);
  std::string part;
  while (std::getline(ss, part, ',')) {
    if (part.empty()) continue;
    size_t eq = part.find('=');
    if (eq == std::string::npos) {
      return Status::InvalidField("--answers",
                                  fmt::format("'{}' needs the form question=value", part));
    }
    std::string id = part.substr(0, eq), v = part.substr(eq + 1);
    if (v.size() != 1 || v[0] < '0' || v[0] > '9') {
      return Status::InvalidField("--answers",
                                  fmt::format("'{}': the value must be a number like 2", part));
    }
    out[id] = v[0] - '0';
  }
  return out;
}

// Asks each question on ctx.in()/out(); empty result when the person quits.
Result<std::optional<std::map<std::string, int>>> Ask(Context& ctx,
                                                      const support::CheckupDefinition& def) {
  std::map<std::string, int> answers;
  ctx.out() << def.title << "\n\n"
            << Wrap(def.intro, 78, "") << "\n\n"
            << "Type the number of your answer and press Enter (q to stop).\n";
  size_t n = 0;
  for (const auto& q : def.questions) {
    ++n;
    ctx.out() << fmt::format("\n{} ({} of {})\n{}\n", def.period, n, def.questions.size(),
                             Wrap(q.text, 78, "  "));
    for (const auto& c : def.scale) ctx.out() << fmt::format("  {}  {}\n", c.value, c.label);
    for (;;) {
      ctx.out() << "> " << std::flush;
      std::string line;
      if (!std::getline(ctx.in(), line)) return std::optional<std::map<std::string, int>>();
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
      if (line == "q" || line == "Q") return std::optional<std::map<std::string, int>>();
      bool ok = line.size() == 1 && line[0] >= '0' && line[0] <= '9';
      int v = ok ? line[0] - '0' : -1;
      bool on_scale = false;
      for (const auto& c : def.scale) on_scale |= c.value == v;
      if (!on_scale) {
        ctx.out() << fmt::format("Please type a number from {} to {}.\n", def.scale.front().value,
                                 def.scale.back().value);
        continue;
      }
      answers[q.id] = v;
      if (q.safety && v > def.scale.front().value) PrintCrisisNow(ctx, def.safety_message);
      break;
    }
  }
  return std::optional<std::map<std::string, int>>(answers);
}

void PrintSignals(Context& ctx, const support::SignalsView& view) {
  if (!view.enabled) {
    ctx.out() << "Suggestions from your own data are turned off. Turn them back on with:\n"
                 "  securebase support suggestions on\n";
    return;
  }
  ctx.out() << "What your own data says (last 14 days, and your questionnaires):\n";
  for (const auto& s : view.signals) {
    std::string text = Wrap(s.text, 76, "    ");
    while (!text.empty() && text.back() == '\n') text.pop_back();
    ctx.out() << fmt::format("\n  {} {}\n{}\n", s.fired ? "!" : "-", s.title, text);
  }
  ctx.out() << "\n"
            << (view.fired > 0 ? "Some of this suggests that talking to a professional could help. "
                                 "Find one with: securebase therapists search\n"
                               : "Nothing here points to a need for extra help right now.\n")
            << "Turn these suggestions off with: securebase support suggestions off\n";
}

Status RunCheck(Context& ctx, app::Services& s, const CheckArgs& a) {
  TRY_ASSIGN(auto def, support::CheckupDefinition::Load(s.content));
  std::map<std::string, int> answers;
  if (!a.answers.empty()) {
    TRY_ASSIGN(answers, ParseAnswerList(a.answers));
  } else {
    TRY_ASSIGN(auto asked, Ask(ctx, def));
    if (!asked) {
      ctx.out() << "\nStopped. Nothing was saved; you can start again any time.\n";
      return Status::Ok();
    }
    answers = *asked;
  }
  auto scored = support::ScoreCheckup(def, answers);
  if (!scored.ok()) {
    Status st = scored.status();
    return a.answers.empty() ? st : Status::InvalidField("--answers", st.message());
  }
  if (!a.answers.empty() && scored->safety_concern) PrintCrisisNow(ctx, def.safety_message);
  ctx.out() << fmt::format("\n{}\n{}\n", scored->band->title, Wrap(scored->band->guidance, 78, ""));
  ctx.out() << fmt::format("(Your answers add up to {} of {}.)\n\n{}\n", scored->score,
                           scored->max_score, Wrap(def.note, 78, ""));
  if (!a.no_save) {
    support::SavedCheckup saved{
        0, answers, scored->score, scored->band->id, scored->safety_concern, ctx.clock().Now()};
    TRY(support::MakeSqliteCheckupStore(s.db)->Save(ctx.user_id(), saved).status());
  }
  TRY_ASSIGN(auto view,
             support::GatherSignals(ctx.user_id(), ctx.clock().Now(), *s.settings, *s.session_store,
                                    *s.reflection_store, *s.assessment_store, s.catalog));
  if (view.enabled) {
    ctx.out() << "\n";
    PrintSignals(ctx, view);
  }
  ctx.out() << "\nLook for a therapist:  securebase therapists search --help\n"
               "Help right now:        securebase help-now\n";
  return Status::Ok();
}

void AddCheckOptions(CLI::App* cmd, const std::shared_ptr<CheckArgs>& a) {
  cmd->add_option("--answers", a->answers,
                  "Answer without questions, as id=value pairs: heavy=2,daily=1,... "
                  "(ids in content/support/checkup.json)");
  cmd->add_flag("--no-save", a->no_save, "Do not keep this result");
}

}  // namespace

std::string FormatKm(double km) {
  return km < 10 ? fmt::format("{:.1f} km", km) : fmt::format("{:.0f} km", km);
}

void PrintCrisisNow(Context& ctx, const std::string& message) {
  ctx.out() << "\n"
            << Wrap(message, 78, "") << "\n"
            << safety::CrisisText(CrisisResourcesFor(ctx), RegionFor(ctx, "", true)) << "\n";
}

void RegisterSupportCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CheckArgs>();
  CLI::App* checkup = app.add_subcommand(
      "checkup", "Step 8: \"Is it time to talk to someone?\" A short self-check (not a diagnosis)");
  AddCheckOptions(checkup, a);
  checkup->callback(
      [&ctx, a] { RunWithServices(ctx, [&](app::Services& s) { return RunCheck(ctx, s, *a); }); });

  CLI::App* support = app.add_subcommand(
      "support", "Step 8: professional help: the self-check and signals from your data");
  support->require_subcommand(1);
  CLI::App* check = support->add_subcommand("check", "The self-check (same as securebase checkup)");
  AddCheckOptions(check, a);
  check->callback(
      [&ctx, a] { RunWithServices(ctx, [&](app::Services& s) { return RunCheck(ctx, s, *a); }); });

  CLI::App* signals = support->add_subcommand(
      "signals", "Signals from your own data, with the numbers behind them");
  signals->callback([&ctx] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(auto view, support::GatherSignals(ctx.user_id(), ctx.clock().Now(), *s.settings,
                                                   *s.session_store, *s.reflection_store,
                                                   *s.assessment_store, s.catalog));
      PrintSignals(ctx, view);
      return Status::Ok();
    });
  });

  CLI::App* suggestions = support->add_subcommand(
      "suggestions", "Turn suggestions from your data on or off (the self-check stays available)");
  suggestions->add_option("state", a->state, "on or off")
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  suggestions->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY(support::SetSuggestionsEnabled(*s.settings, ctx.user_id(), a->state == "on"));
      ctx.out() << (a->state == "on"
                        ? "Suggestions are on: SecureBase will mention when your own data "
                          "suggests talking to someone.\n"
                        : "Suggestions are off. The self-check and the directory are still here "
                          "whenever you want them.\n");
      return Status::Ok();
    });
  });

  RegisterTherapistCommands(app, ctx);
  RegisterShortlistCommands(app, ctx);
}

}  // namespace securebase::cli
