// securebase reflect add|list|show|edit|delete|restore|search|patterns
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "cli/prompt.h"
#include "cli/reflect_text.h"
#include "platform/text.h"
#include "reflect/when.h"

namespace securebase::cli {
namespace {
using reflect::TextField;

struct ReflectArgs {
  ReflectFlags write;
  std::string id, about, since, tag, query;
  int limit = 20;
  bool yes = false;
};

Result<int64_t> ParseId(const std::string& text) {
  char* end = nullptr;
  long long id = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || id <= 0) {
    return Status::InvalidField("id", fmt::format("'{}' is not a reflection's number", text));
  }
  return static_cast<int64_t>(id);
}

void AfterSave(Context& ctx, app::Services& s, const reflect::Saved& saved, const char* verb) {
  const auto& r = saved.reflection;
  ctx.out() << fmt::format("{} reflection {}.\n", verb, r.id);
  PrintLine(ctx.out(), r, s.reflections->PeopleOf(ctx.user_id(), r));
  if (saved.danger) PrintCrisisIfDanger(ctx, r.AllText());
}

// Flags shared by add and edit.
void AddWriteFlags(CLI::App* cmd, ReflectFlags& f) {
  cmd->add_option("--when", f.when, "When it happened: now, 'yesterday evening', 2026-11-27 21:05");
  cmd->add_option("--about", f.about, "Who was involved (name or id; repeat for more)");
  cmd->add_option("--emotion", f.emotions, "A feeling and how strong, 0-10: anxious:7 (repeat)");
  cmd->add_option("--tag", f.tags, "What set it off (repeat for more)");
  cmd->add_option("--moved", f.moved, "Did you move toward them, away, or neither");
  cmd->add_option("--thoughts", f.thoughts, "The story you told yourself");
  cmd->add_option("--body", f.body, "What you noticed in your body");
  cmd->add_option("--urges", f.urges, "What you felt like doing");
  cmd->add_option("--did", f.actions, "What you actually did");
  cmd->add_option("--needed", f.needs, "What you needed");
  cmd->add_option("--next-time", f.next_time, "What you would like to try next time");
  cmd->add_flag("--editor", f.editor, "Write it in $EDITOR from a template");
}

Status Patterns(Context& ctx, app::Services& s) {
  TRY_ASSIGN(auto p, s.reflections->PatternsFor(ctx.user_id()));
  auto& out = ctx.out();
  if (!p.enough()) {
    out << fmt::format("Patterns appear after {} reflections; you have {} so far.\n",
                       reflect::kMinEntries, p.entries);
    return Status::Ok();
  }
  out << "What your reflections show\n\n";
  for (const auto& line : p.summary) out << Wrap(line, 78, "  ");
  if (!p.triggers.empty()) {
    out << "\nTriggers (reflections; last 30 days; last 90 days)\n";
    for (const auto& t : p.triggers) {
      out << fmt::format("  {:<24} {:>4}  {:>4}  {:>4}\n", t.tag, t.entries, t.last_30, t.last_90);
    }
  }
  out << "\nTime of day\n";
  for (int i = 0; i < 4; ++i) {
    int n = p.by_part[static_cast<size_t>(i)];
    out << fmt::format("  {:<10} {:>4}  {}\n", reflect::PartOfDayName(i), n,
                       std::string(static_cast<size_t>(n * 40 / std::max(1, p.entries)), '#'));
  }
  out << "\nDay of the week (reflections, mean strongest feeling)\n";
  for (int i = 0; i < 7; ++i) {
    out << fmt::format("  {:<10} {:>4}  {:.1f}\n", reflect::WeekdayName(i),
                       p.by_weekday[static_cast<size_t>(i)],
                       p.weekday_intensity[static_cast<size_t>(i)]);
  }
  return Status::Ok();
}

}  // namespace

void RegisterReflectCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ReflectArgs>();
  CLI::App* reflect = app.add_subcommand(
      "reflect", "Step 2: notice what happened, what you felt and did, and see the patterns");
  reflect->require_subcommand(1);

  CLI::App* add = reflect->add_subcommand(
      "add", "Write a reflection: guided questions, --editor, or a quick one-line entry");
  add->add_option("situation", args->write.situation, "What happened, in a line (a quick entry)");
  AddWriteFlags(add, args->write);
  add->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      reflect::ReflectionEdit edit;
      if (args->write.editor) {
        TRY_ASSIGN(edit, WriteInEditor(ctx, s, nullptr));
      } else if (NoFlags(args->write)) {
        TRY_ASSIGN(edit, AskGuided(ctx, s));
      } else {
        TRY_ASSIGN(edit, EditFromFlags(ctx, s, args->write));
      }
      TRY_ASSIGN(auto saved, s.reflections->Add(ctx.user_id(), std::move(edit)));
      AfterSave(ctx, s, saved, "Saved");
      return Status::Ok();
    });
  });

  CLI::App* list = reflect->add_subcommand("list", "Your reflections, newest first");
  list->add_option("--about", args->about, "Only those involving this person (name or id)");
  list->add_option("--since", args->since, "Only those from this date on (2026-11-01, 'monday')");
  list->add_option("--tag", args->tag, "Only those with this trigger");
  list->add_option("-n,--limit", args->limit, "How many to show (default 20)")
      ->check(CLI::Range(1, 500));
  list->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      reflect::ReflectionFilter f;
      if (!args->about.empty()) {
        TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), args->about));
        f.about = p.id;
      }
      if (!args->since.empty()) {
        TRY_ASSIGN(auto at, reflect::ParseWhen(args->since, ctx.clock().Now()));
        f.since_ms = at.utc_ms;
        if (args->since.size() == 10) *f.since_ms -= 12LL * 3'600'000;  // the day's start
      }
      if (!args->tag.empty()) f.tag = reflect::NormalizeWord(args->tag);
      TRY_ASSIGN(auto page, s.reflections->List(ctx.user_id(), f, args->limit, ""));
      if (page.items.empty()) {
        ctx.out() << "No reflections here yet. Write one with:\n  securebase reflect add\n";
      }
      for (const auto& r : page.items) {
        PrintLine(ctx.out(), r, s.reflections->PeopleOf(ctx.user_id(), r));
      }
      if (!page.next_cursor.empty()) {
        ctx.out() << fmt::format("(more: use --limit {} to see further)\n", args->limit * 2);
      }
      return Status::Ok();
    });
  });

  CLI::App* show = reflect->add_subcommand("show", "Show one reflection in full");
  show->add_option("id", args->id, "The reflection's number")->required();
  show->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(int64_t id, ParseId(args->id));
      TRY_ASSIGN(auto r, s.reflections->Get(ctx.user_id(), id));
      PrintFull(ctx.out(), r, s.reflections->PeopleOf(ctx.user_id(), r));
      return Status::Ok();
    });
  });

  CLI::App* edit = reflect->add_subcommand(
      "edit", "Change a reflection: with flags, or in $EDITOR when no flag is given");
  edit->add_option("id", args->id, "The reflection's number")->required();
  edit->add_option("--situation", args->write.situation, "What happened");
  AddWriteFlags(edit, args->write);
  edit->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(int64_t id, ParseId(args->id));
      TRY_ASSIGN(auto existing, s.reflections->Get(ctx.user_id(), id));
      reflect::ReflectionEdit e;
      if (args->write.editor || NoFlags(args->write)) {
        TRY_ASSIGN(e, WriteInEditor(ctx, s, &existing));
      } else {
        TRY_ASSIGN(e, EditFromFlags(ctx, s, args->write));
      }
      TRY_ASSIGN(auto saved, s.reflections->Edit(ctx.user_id(), id, std::move(e)));
      AfterSave(ctx, s, saved, "Changed");
      return Status::Ok();
    });
  });

  CLI::App* del =
      reflect->add_subcommand("delete", "Delete a reflection (can be undone for 30 days)");
  del->add_option("id", args->id, "The reflection's number")->required();
  del->add_flag("-y,--yes", args->yes, "Do not ask for confirmation");
  del->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(int64_t id, ParseId(args->id));
      TRY_ASSIGN(auto r, s.reflections->Get(ctx.user_id(), id));
      PrintLine(ctx.out(), r, s.reflections->PeopleOf(ctx.user_id(), r));
      if (!args->yes &&
          !Confirm(ctx, fmt::format("Delete reflection {}? You can restore it for 30 days.", id))) {
        ctx.out() << "Nothing deleted.\n";
        return Status::Ok();
      }
      TRY(s.reflections->Delete(ctx.user_id(), id));
      ctx.out() << fmt::format("Deleted. Undo within 30 days with: securebase reflect restore {}\n",
                               id);
      return Status::Ok();
    });
  });

  CLI::App* restore =
      reflect->add_subcommand("restore", "Bring back a reflection deleted in the last 30 days");
  restore->add_option("id", args->id, "The number printed when it was deleted")->required();
  restore->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(int64_t id, ParseId(args->id));
      TRY_ASSIGN(auto r, s.reflections->Restore(ctx.user_id(), id));
      ctx.out() << "Restored.\n";
      PrintLine(ctx.out(), r, s.reflections->PeopleOf(ctx.user_id(), r));
      return Status::Ok();
    });
  });

  CLI::App* search = reflect->add_subcommand(
      "search", "Find reflections by their words, best match first (\"quotes\" for a phrase)");
  search->add_option("text", args->query, "Words to look for")->required();
  search->add_option("-n,--limit", args->limit, "How many to show (default 20)")
      ->check(CLI::Range(1, 500));
  search->callback([&ctx, args] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(auto hits, s.reflections->Search(ctx.user_id(), args->query, args->limit));
      if (hits.empty()) ctx.out() << "Nothing found for " << args->query << ".\n";
      std::string on = ctx.terminal ? "\x1b[1m" : "[", off = ctx.terminal ? "\x1b[0m" : "]";
      for (const auto& h : hits) {
        PrintLine(ctx.out(), h.reflection, s.reflections->PeopleOf(ctx.user_id(), h.reflection));
        std::string snippet;
        for (char c : h.snippet) {
          if (c == reflect::kHitStart) {
            snippet += on;
          } else if (c == reflect::kHitEnd) {
            snippet += off;
          } else {
            snippet += c == '\n' ? ' ' : c;
          }
        }
        ctx.out() << "    " << snippet << "\n";
      }
      return Status::Ok();
    });
  });

  CLI::App* patterns = reflect->add_subcommand("patterns", "What your reflections show over time");
  patterns->callback(
      [&ctx] { RunWithServices(ctx, [&](app::Services& s) { return Patterns(ctx, s); }); });
}

}  // namespace securebase::cli
