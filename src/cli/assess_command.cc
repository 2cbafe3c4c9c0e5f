// securebase assess list|take|history|show|cut  (score lives in assess_score_command.cc)
#include <fmt/format.h>

#include "cli/assess_take.h"
#include "cli/assessment_text.h"
#include "cli/commands.h"
#include "cli/prompt.h"
#include "understand/cut_point.h"

namespace securebase::cli {
namespace {

struct AssessArgs {
  TakeOptions take;
  std::string about;
  bool json = false;
  int64_t id = 0;
  std::string cut;
  bool yes = false;
};

Status ListInstruments(Context& ctx, app::Services& s) {
  ctx.out() << "Questionnaires you can take here:\n";
  for (const auto& ins : s.catalog.all()) {
    if (!ins.HasWording()) continue;
    ctx.out() << fmt::format(
        "  {:<12} {} ({} questions, {})\n", ins.id, ins.name, ins.items.size(),
        ins.target == understand::TargetKind::kGeneral ? "in general" : "about one person");
  }
  ctx.out() << "\nScoring keys (wording licensed elsewhere; score files with 'assess score', or\n"
               "load your own wording to take them here):\n";
  for (const auto& ins : s.catalog.all()) {
    if (ins.HasWording()) continue;
    ctx.out() << fmt::format("  {:<12} {}\n", ins.id, ins.name);
  }
  ctx.out() << "\nThe Close Relationships Reflection is SecureBase's own reflection tool, not a\n"
               "validated clinical instrument.\n";
  return Status::Ok();
}

Status History(Context& ctx, app::Services& s, const AssessArgs& args) {
  understand::AssessmentFilter f;
  f.status = understand::AssessmentStatus::kComplete;
  std::optional<people::Person> person;
  if (!args.about.empty()) {
    TRY_ASSIGN(person, s.people->Find(ctx.user_id(), args.about));
    f.about = std::optional<int64_t>(person->id);
  } else {
    f.about = std::optional<int64_t>();
  }
  TRY_ASSIGN(auto cut, understand::LoadCutPoint(*s.settings, ctx.user_id()));
  std::vector<understand::AssessmentView> rows;
  understand::Page page{500, ""};
  for (;;) {
    TRY_ASSIGN(auto batch, s.assessment_store->List(ctx.user_id(), f, page));
    for (const auto& a : batch.items) {
      TRY_ASSIGN(auto v, s.assessments->ViewOf(ctx.user_id(), a, cut));
      rows.push_back(std::move(v));
    }
    if (batch.next_cursor.empty()) break;
    page.cursor = batch.next_cursor;
  }
  std::reverse(rows.begin(), rows.end());  // oldest first
  if (args.json) {
    PrintHistoryJson(ctx.out(), rows);
    return Status::Ok();
  }
  std::string who = person ? "about " + person->name : "in general";
  if (rows.empty()) {
    ctx.out() << fmt::format(
        "No results {} yet. Take the questionnaire with:\n  securebase "
        "assess take{}\n",
        who, person ? " --about " + std::to_string(person->id) : "");
    return Status::Ok();
  }
  ctx.out() << fmt::format("Your results {}, oldest first:\n\n", who);
  PrintHistoryTable(ctx.out(), rows);
  // The picture: the newest questionnaire's trail.
  std::vector<understand::AssessmentView> trail;
  for (const auto& v : rows) {
    if (v.instrument->id == rows.back().instrument->id) trail.push_back(v);
  }
  trail.pop_back();
  PrintResult(ctx.out(), rows.back(), trail);
  return Status::Ok();
}

}  // namespace

void RegisterAssessCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<AssessArgs>();
  CLI::App* assess = app.add_subcommand("assess",
                                        "Step 1: questionnaires on attachment anxiety "
                                        "and avoidance, and how they change");
  assess->require_subcommand(1);

  assess->add_subcommand("list", "List the questionnaires")->callback([&ctx] {
    RunWithServices(ctx, [&](app::Services& s) { return ListInstruments(ctx, s); });
  });

  CLI::App* take = assess->add_subcommand(
      "take", "Take a questionnaire, one question at a time (saved as you go)");
  take->add_option("instrument", args->take.instrument,
                   "Which one (default: crr-general, or crr-person with --about)");
  take->add_option("--about", args->take.about, "A person (id or name) to answer about");
  take->add_flag("--restart", args->take.restart, "Start again instead of resuming a draft");
  take->callback([&ctx, args] {
    Status s = TakeAssessment(ctx, args->take);
    if (!s.ok()) ctx.Fail(s);
  });

  CLI::App* history = assess->add_subcommand("history", "Your results over time, with a picture");
  history->add_option("--about", args->about, "A person (id or name); default: in general");
  history->add_flag("--json", args->json, "Print JSON instead of a table");
  history->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) { return History(ctx, s, *args); });
  });

  CLI::App* show = assess->add_subcommand("show", "Show one result");
  show->add_option("id", args->id, "The result's id (see 'assess history')")->required();
  show->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(auto cut, understand::LoadCutPoint(*s.settings, ctx.user_id()));
      TRY_ASSIGN(auto v, s.assessments->View(ctx.user_id(), args->id, cut));
      if (v.assessment.status == understand::AssessmentStatus::kDraft) {
        ctx.out() << fmt::format("Result {} is unfinished: {} of {} answered.\n", v.assessment.id,
                                 v.assessment.answers.size(), v.instrument->items.size());
        return Status::Ok();
      }
      PrintResult(ctx.out(), v, {});
      return Status::Ok();
    });
  });

  CLI::App* del =
      assess->add_subcommand("delete", "Delete a result or an unfinished one (undo with restore)");
  del->add_option("id", args->id, "The result's id (see 'assess history')")->required();
  del->add_flag("-y,--yes", args->yes, "Do not ask for confirmation");
  del->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(auto a, s.assessment_store->Get(ctx.user_id(), args->id));
      std::string question = fmt::format(
          "Delete result {} ({}, {})? You can undo this with 'securebase assess restore {}'.", a.id,
          a.instrument, LocalDate(a.completed ? *a.completed : a.started), a.id);
      if (!args->yes && !Confirm(ctx, question)) {
        ctx.out() << "Nothing deleted.\n";
        return Status::Ok();
      }
      TRY(s.assessment_store->Remove(ctx.user_id(), a.id, ctx.clock().Now()));
      ctx.out() << fmt::format("Deleted. Undo with: securebase assess restore {}\n", a.id);
      return Status::Ok();
    });
  });

  CLI::App* restore = assess->add_subcommand("restore", "Bring back a deleted result");
  restore->add_option("id", args->id, "The id printed when it was deleted")->required();
  restore->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY(s.assessment_store->Restore(ctx.user_id(), args->id));
      ctx.out() << fmt::format("Restored result {}.\n", args->id);
      return Status::Ok();
    });
  });

  CLI::App* cut = assess->add_subcommand(
      "cut", "Show or set the cut point between low and high (default: the scale midpoint)");
  cut->add_option("value", args->cut, "'midpoint' or a number from 1 to 7");
  cut->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      if (!args->cut.empty()) TRY(understand::SaveCutPoint(*s.settings, ctx.user_id(), args->cut));
      TRY_ASSIGN(auto cut, understand::LoadCutPoint(*s.settings, ctx.user_id()));
      ctx.out() << (cut ? fmt::format("Cut point: {:.2f}.\n", *cut)
                        : std::string("Cut point: the middle of each questionnaire's scale.\n"))
                << "It is a convention for naming regions, not a diagnostic cut-off.\n";
      return Status::Ok();
    });
  });
}

}  // namespace securebase::cli
