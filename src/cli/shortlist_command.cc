// securebase shortlist add|list|status|note|date|remove|restore  (step 8)
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "cli/support_cli.h"

namespace securebase::cli {
namespace {

struct ShortlistArgs {
  int64_t id = 0;
  std::string status, note, date, filter;
  bool clear_date = false;
};

Result<support::ShortlistStatus> StatusArg(const std::string& text, const char* field) {
  auto s = support::ParseStatus(text);
  if (!s) {
    std::vector<std::string> ids;
    for (auto x : support::AllStatuses()) ids.emplace_back(support::StatusId(x));
    return Status::InvalidField(field,
                                fmt::format("'{}' is not one of: {}", text, fmt::join(ids, ", ")));
  }
  return *s;
}

Result<std::optional<int64_t>> DateArg(const std::string& text) {
  if (text.empty()) return std::optional<int64_t>();
  auto d = support::ParseDate(text);
  if (!d) return Status::InvalidField("--date", "must be a date like 2026-12-01");
  return std::optional<int64_t>(*d);
}

void PrintEntry(Context& ctx, const support::ShortlistEntry& e) {
  ctx.out() << fmt::format("{:>4}  {}  ({}, therapist {})", e.id, e.provider_name,
                           support::StatusLabel(e.status), e.provider_id);
  if (e.next_date) ctx.out() << "  next: " << support::FormatDate(*e.next_date);
  ctx.out() << fmt::format("  since {}\n", Iso8601(e.status_since).substr(0, 10));
  if (!e.notes.empty()) ctx.out() << "      " << e.notes << "\n";
}

}  // namespace

void RegisterShortlistCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ShortlistArgs>();
  CLI::App* sl =
      app.add_subcommand("shortlist", "Step 8: therapists you saved and where you are with each");
  sl->require_subcommand(1);
  const std::string statuses =
      "to-contact, contacted, consult-booked, waitlisted, not-a-fit or working-with";

  CLI::App* add = sl->add_subcommand("add", "Save a therapist from the directory");
  add->add_option("THERAPIST", a->id, "The therapist's number (from `therapists search`)")
      ->required();
  add->add_option("--status", a->status, "Where you are: " + statuses + " (default to-contact)");
  add->add_option("--note", a->note, "A note (what they offer, what to ask)");
  add->add_option("--date", a->date, "A date to remember, like a consult: 2026-12-01");
  add->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      auto st = support::ShortlistStatus::kToContact;
      if (!a->status.empty()) {
        TRY_ASSIGN(st, StatusArg(a->status, "--status"));
      }
      TRY_ASSIGN(auto date, DateArg(a->date));
      auto e = support::MakeSqliteShortlistStore(s.db)->Add(ctx.user_id(), a->id, st, a->note, date,
                                                            ctx.clock().Now());
      if (!e.ok()) {
        if (e.status().fields().size() == 1 && e.status().fields()[0].field == "therapist")
          return Status::InvalidField("THERAPIST", e.status().fields()[0].message);
        return e.status();
      }
      ctx.out() << fmt::format("Saved {} to your shortlist as entry {} ({}).\n", e->provider_name,
                               e->id, support::StatusLabel(e->status));
      PrintCrisisIfDanger(ctx, a->note);
      return Status::Ok();
    });
  });

  CLI::App* list = sl->add_subcommand("list", "Your shortlist");
  list->add_option("--status", a->filter, "Only entries with this status");
  list->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      std::optional<support::ShortlistStatus> only;
      if (!a->filter.empty()) {
        TRY_ASSIGN(only, StatusArg(a->filter, "--status"));
      }
      auto store = support::MakeSqliteShortlistStore(s.db);
      std::string cursor;
      int shown = 0;
      for (;;) {
        TRY_ASSIGN(auto page, store->List(ctx.user_id(), only, 200, cursor));
        for (const auto& e : page.items) {
          PrintEntry(ctx, e);
          ++shown;
        }
        if (page.next_cursor.empty()) break;
        cursor = page.next_cursor;
      }
      if (shown == 0) {
        ctx.out() << (only ? "No entries with that status.\n"
                           : "Your shortlist is empty. Find therapists with `securebase therapists "
                             "search`, then save one with `securebase shortlist add ID`.\n");
      }
      return Status::Ok();
    });
  });

  CLI::App* status = sl->add_subcommand("status", "Change where you are with a therapist");
  status->add_option("ENTRY", a->id, "The shortlist entry number")->required();
  status->add_option("STATUS", a->status, statuses)->required();
  status->add_option("--date", a->date, "A date to remember with it, like 2026-12-01");
  status->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      support::ShortlistStore::Change c;
      TRY_ASSIGN(c.status, StatusArg(a->status, "STATUS"));
      TRY_ASSIGN(c.next_date, DateArg(a->date));
      TRY_ASSIGN(auto e, support::MakeSqliteShortlistStore(s.db)->Update(ctx.user_id(), a->id, c,
                                                                         ctx.clock().Now()));
      ctx.out() << fmt::format("{}: now {}.\n", e.provider_name, support::StatusLabel(e.status));
      return Status::Ok();
    });
  });

  CLI::App* note = sl->add_subcommand("note", "Replace the note on an entry");
  note->add_option("ENTRY", a->id, "The shortlist entry number")->required();
  note->add_option("TEXT", a->note, "The note (\"\" to clear it)")->required();
  note->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      support::ShortlistStore::Change c;
      c.notes = a->note;
      TRY_ASSIGN(auto e, support::MakeSqliteShortlistStore(s.db)->Update(ctx.user_id(), a->id, c,
                                                                         ctx.clock().Now()));
      ctx.out() << fmt::format("Note saved for {}.\n", e.provider_name);
      PrintCrisisIfDanger(ctx, a->note);
      return Status::Ok();
    });
  });

  CLI::App* date = sl->add_subcommand("date", "Set or clear the date on an entry");
  date->add_option("ENTRY", a->id, "The shortlist entry number")->required();
  date->add_option("DATE", a->date, "Like 2026-12-01");
  date->add_flag("--clear", a->clear_date, "Remove the date");
  date->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      support::ShortlistStore::Change c;
      if (a->clear_date == !a->date.empty())
        return Status::InvalidField("DATE", "give a date like 2026-12-01, or --clear");
      TRY_ASSIGN(c.next_date, DateArg(a->date));
      c.clear_date = a->clear_date;
      TRY_ASSIGN(auto e, support::MakeSqliteShortlistStore(s.db)->Update(ctx.user_id(), a->id, c,
                                                                         ctx.clock().Now()));
      ctx.out() << (e.next_date ? fmt::format("{}: next date {}.\n", e.provider_name,
                                              support::FormatDate(*e.next_date))
                                : fmt::format("{}: date cleared.\n", e.provider_name));
      return Status::Ok();
    });
  });

  CLI::App* remove =
      sl->add_subcommand("remove", "Take an entry off your shortlist (undo with restore)");
  remove->add_option("ENTRY", a->id, "The shortlist entry number")->required();
  remove->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      auto store = support::MakeSqliteShortlistStore(s.db);
      TRY_ASSIGN(auto e, store->Get(ctx.user_id(), a->id));
      TRY(store->Remove(ctx.user_id(), a->id, ctx.clock().Now()));
      ctx.out() << fmt::format(
          "Removed {} from your shortlist. Changed your mind? Within 30 days:\n"
          "  securebase shortlist restore {}\n",
          e.provider_name, e.id);
      return Status::Ok();
    });
  });

  CLI::App* restore = sl->add_subcommand("restore", "Bring back a removed entry");
  restore->add_option("ENTRY", a->id, "The shortlist entry number")->required();
  restore->callback([&ctx, a] {
    RunWithServices(ctx, [&](app::Services& s) -> Status {
      TRY_ASSIGN(auto e, support::MakeSqliteShortlistStore(s.db)->Restore(ctx.user_id(), a->id,
                                                                          ctx.clock().Now()));
      ctx.out() << fmt::format("{} is back on your shortlist ({}).\n", e.provider_name,
                               support::StatusLabel(e.status));
      return Status::Ok();
    });
  });
}

}  // namespace securebase::cli
