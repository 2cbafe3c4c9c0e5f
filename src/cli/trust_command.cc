// securebase commit add|list|done|renegotiate|broke|export|calendar-link  (step 5)
#include <fmt/format.h>

#include <fstream>

#include "cli/commands.h"
#include "cli/trust_view.h"
#include "trust/calendar_feed.h"
#include "trust/civil.h"
#include "trust/ics.h"
#include "trust/reliability.h"
#include "trust/zone.h"

namespace securebase::cli {
namespace {

using trust::Commitment;
using trust::Outcome;

struct CommitArgs {
  trust::CommitmentInput in;
  std::string to, from, day, terms, repair, note, out;
  int64_t id = 0;
  int days = 90;
  bool all = false, ics = false, rotate = false, revoke = false;
};

Result<std::optional<int64_t>> FindPerson(Context& ctx, app::Services& s, const std::string& who) {
  if (who.empty() || who == "me" || who == "myself") return std::optional<int64_t>();
  TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), who));
  return std::optional<int64_t>(p.id);
}

Status Add(Context& ctx, app::Services& s, CommitArgs a) {
  if (!a.to.empty() && !a.from.empty())
    return Status::Invalid("use --to (a promise you made) or --from (one made to you), not both");
  if (!a.from.empty()) a.in.direction = "to-me";
  TRY_ASSIGN(a.in.person, FindPerson(ctx, s, a.from.empty() ? a.to : a.from));
  TRY_ASSIGN(Commitment c, trust::BuildCommitment(a.in, trust::LocalZoneName()));
  auto store = trust::MakeSqliteCommitmentStore(s.db);
  TRY_ASSIGN(c, store->Add(ctx.user_id(), c, ctx.clock().Now()));
  ctx.out() << fmt::format("Saved commitment {}: {}.\n", c.id, Describe(c));
  return Status::Ok();
}

Status Record(Context& ctx, app::Services& s, const CommitArgs& a, Outcome outcome) {
  auto store = trust::MakeSqliteCommitmentStore(s.db);
  TRY_ASSIGN(Commitment c, store->Get(ctx.user_id(), a.id));
  Instant now = ctx.clock().Now();
  std::optional<int64_t> day;
  if (!a.day.empty()) {
    day = trust::ParseDay(a.day);
    if (!day) return Status::InvalidField("--day", "must be a date like 2026-12-01");
  }
  TRY_ASSIGN(int64_t when,
             trust::OccurrenceFor(c, day, trust::LocalDay(now.utc_ms, now.offset_minutes)));
  std::string note = outcome == Outcome::kRenegotiated ? a.terms
                     : outcome == Outcome::kBroken     ? a.repair
                                                       : a.note;
  TRY(trust::ValidateOutcomeNote(outcome, note));
  TRY(store->SetOutcome(ctx.user_id(), {c.id, when, outcome, note, now}));
  switch (outcome) {
    case Outcome::kKept:
      ctx.out() << fmt::format("Kept: {} ({}). Well done.\n", c.what, trust::FormatDay(when));
      break;
    case Outcome::kRenegotiated:
      ctx.out() << fmt::format("Renegotiated: {} ({}). Agreeing new terms keeps trust too.\n",
                               c.what, trust::FormatDay(when));
      break;
    default:
      ctx.out() << fmt::format("Noted as broken: {} ({}). ", c.what, trust::FormatDay(when))
                << (note.empty() ? "When you can, a small repair helps: say what happened and "
                                   "what you will do next time.\n"
                                 : "Thank you for repairing it.\n");
  }
  if (outcome == Outcome::kRenegotiated && !a.in.due.empty()) {
    trust::CommitmentInput next = a.in;
    next.what = a.terms;
    next.person = c.person_id;
    next.direction = std::string(trust::DirectionName(c.direction));
    if (next.zone.empty()) next.zone = c.zone;
    TRY_ASSIGN(Commitment n, trust::BuildCommitment(next, c.zone));
    n.renegotiated_from = c.id;
    TRY_ASSIGN(n, store->Add(ctx.user_id(), n, now));
    ctx.out() << fmt::format("Saved the new terms as commitment {}: {}.\n", n.id, Describe(n));
  }
  return Status::Ok();
}

Status Export(Context& ctx, app::Services& s, const CommitArgs& a) {
  if (!a.ics) return Status::InvalidField("--ics", "is the only export format so far; add --ics");
  if (a.days < 1 || a.days > 730) return Status::InvalidField("--days", "must be 1 to 730");
  auto store = trust::MakeSqliteCommitmentStore(s.db);
  TRY_ASSIGN(auto all, store->List(ctx.user_id(), false));
  TRY_ASSIGN(auto outcomes, store->Outcomes(ctx.user_id()));
  TRY_ASSIGN(auto people, s.people->List(ctx.user_id()));
  std::vector<std::pair<int64_t, std::string>> names;
  for (const auto& p : people) names.emplace_back(p.id, p.name);
  Instant now = ctx.clock().Now();
  int64_t today = trust::LocalDay(now.utc_ms, now.offset_minutes);
  std::string ics = trust::BuildCalendar(all, outcomes, names, today - 30, today + a.days, now);
  if (a.out.empty()) {
    ctx.out() << ics;
    return Status::Ok();
  }
  std::ofstream f(a.out, std::ios::binary);
  f << ics;
  if (!f) return Status::Io(fmt::format("could not write {}", a.out));
  ctx.out() << fmt::format(
      "Wrote {}. Import it into your calendar app; importing again "
      "updates the same events.\n",
      a.out);
  return Status::Ok();
}

// Shows, makes (or replaces) or turns off the key a calendar app uses for the feed.
Status CalendarLink(Context& ctx, app::Services& s, const CommitArgs& a) {
  if (a.rotate && a.revoke) return Status::InvalidField("--off", "cannot be used with --new");
  auto keys = trust::MakeSqliteCalendarFeedKeys(s.db);
  if (a.revoke) {
    TRY(keys->Revoke(ctx.user_id()));
    ctx.out() << "Calendar link turned off. Calendar apps that used it can no longer read "
                 "your commitments.\n";
    return Status::Ok();
  }
  if (a.rotate) {
    TRY_ASSIGN(std::string key, keys->Issue(ctx.user_id(), ctx.clock().Now()));
    ctx.out() << fmt::format(
        "New calendar link (any earlier one stops working now). Add this after the address "
        "'securebase serve' prints, and subscribe to it in your calendar app:\n\n"
        "  /api/v1/commitments.ics?key={}\n\n"
        "Anyone who has this link can see your commitments. It is shown only once; if you lose "
        "it, make a new one.\n",
        key);
    return Status::Ok();
  }
  TRY_ASSIGN(auto info, keys->Info(ctx.user_id()));
  if (!info) {
    ctx.out() << "No calendar link yet. Make one with: securebase commit calendar-link --new\n";
  } else {
    ctx.out() << fmt::format(
        "A calendar link is on (made {}). Replace it with --new, or turn it off with --off.\n",
        Iso8601(info->created).substr(0, 10));
  }
  return Status::Ok();
}

template <typename F>
void WithServices(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  Status s = body(**services);
  if (!s.ok()) ctx.Fail(s);
}

}  // namespace

void RegisterTrustCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CommitArgs>();
  CLI::App* commit = app.add_subcommand(
      "commit",
      "Step 5: promises made and kept, renegotiated or broken, and how reliable they are");
  commit->require_subcommand(1);

  CLI::App* add = commit->add_subcommand("add", "Add a commitment");
  add->add_option("what", a->in.what, "What was promised")->required();
  add->add_option("--to", a->to, "Who you promised (id or name; default: yourself)");
  add->add_option("--from", a->from, "Who promised you (a commitment made to you)");
  add->add_option("--due", a->in.due, "The (first) date it is due, like 2026-12-01");
  add->add_option("--time", a->in.time, "The local time it is due, like 08:00");
  add->add_option("--zone", a->in.zone, "Time zone, like Europe/Berlin (default: this machine's)");
  add->add_option("--repeat", a->in.repeat, "daily, weekly, weekly:mon,thu, every:3 or monthly");
  add->add_option("--until", a->in.until, "The last date it repeats");
  add->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return Add(ctx, s, *a); }); });

  CLI::App* list = commit->add_subcommand("list", "What is due, your commitments, reliability");
  list->add_flag("--all", a->all, "Include archived commitments");
  list->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return List(ctx, s, a->all); }); });

  auto outcome = [&ctx, a, commit](const char* name, const char* help, Outcome o) {
    CLI::App* cmd = commit->add_subcommand(name, help);
    cmd->add_option("id", a->id, "The commitment's id (see 'commit list')")->required();
    cmd->add_option("--day", a->day, "Which due day (default: the latest up to today)");
    cmd->callback([&ctx, a, o] {
      WithServices(ctx, [&](app::Services& s) { return Record(ctx, s, *a, o); });
    });
    return cmd;
  };
  outcome("done", "Mark a commitment kept", Outcome::kKept)
      ->add_option("--note", a->note, "Anything to remember");
  CLI::App* reneg = outcome("renegotiate", "Record new terms you agreed", Outcome::kRenegotiated);
  reneg->add_option("--terms", a->terms, "The new terms")->required();
  reneg->add_option("--due", a->in.due, "When the new terms are due (adds them as a commitment)");
  reneg->add_option("--time", a->in.time, "The new local time");
  outcome("broke", "Mark a commitment broken", Outcome::kBroken)
      ->add_option("--repair", a->repair, "What you did, or will do, to repair it");

  CLI::App* exp = commit->add_subcommand("export", "Due commitments for a calendar app");
  exp->add_flag("--ics", a->ics, "iCalendar (RFC 5545)");
  exp->add_option("--days", a->days, "How many days ahead (default 90)");
  exp->add_option("-o,--out", a->out, "Write to this file instead of the terminal");
  exp->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return Export(ctx, s, *a); }); });

  CLI::App* link = commit->add_subcommand(
      "calendar-link", "The private link a calendar app subscribes to (see, make new, turn off)");
  link->add_flag("--new", a->rotate, "Make a new link; any earlier one stops working");
  link->add_flag("--off", a->revoke, "Turn the link off");
  link->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return CalendarLink(ctx, s, *a); }); });

  RegisterCheckinCommand(app, ctx);
}

}  // namespace securebase::cli
