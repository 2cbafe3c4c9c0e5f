#include "cli/trust_view.h"

#include <fmt/format.h>

#include <map>

#include "trust/civil.h"
#include "trust/reliability.h"

namespace securebase::cli {
namespace {

std::string Percent(const std::optional<double>& v) {
  return v ? fmt::format("{:.0f}%", *v * 100) : std::string("-");
}

std::string Line(const trust::Tally& t) {
  return fmt::format("{:>5}  kept {}, renegotiated {}, broken {}{}", Percent(t.Reliability()),
                     t.kept, t.renegotiated, t.broken,
                     t.open_past ? fmt::format(", {} not marked", t.open_past) : "");
}

void PrintWindows(Context& ctx, const std::string& who, const trust::Windows& w) {
  ctx.out() << fmt::format("  {}\n", who);
  ctx.out() << fmt::format("    30 days  {}\n    90 days  {}\n    1 year   {}\n", Line(w.last30),
                           Line(w.last90), Line(w.last365));
  if (w.trend) {
    double t = *w.trend * 100;
    ctx.out() << fmt::format("    trend    {:+.0f} points on the month before\n", t);
  }
}

}  // namespace

std::string Describe(const trust::Commitment& c) {
  std::string out = c.what;
  if (c.due_day) {
    out += ", " + trust::FormatDay(*c.due_day);
    if (c.due_minutes)
      out += fmt::format(" at {} ({})", trust::FormatTimeOfDay(*c.due_minutes), c.zone);
    if (c.repeat.kind != trust::RepeatKind::kNone) out += ", " + trust::DescribeRepeat(c.repeat);
    if (c.until_day) out += " until " + trust::FormatDay(*c.until_day);
  } else {
    out += ", no set date";
  }
  return out;
}

Status List(Context& ctx, app::Services& s, bool include_archived) {
  auto store = trust::MakeSqliteCommitmentStore(s.db);
  TRY_ASSIGN(auto all, store->List(ctx.user_id(), include_archived));
  TRY_ASSIGN(auto outcomes, store->Outcomes(ctx.user_id()));
  TRY_ASSIGN(auto people, s.people->List(ctx.user_id()));
  std::map<std::optional<int64_t>, std::string> names{{std::nullopt, "yourself"}};
  for (const auto& p : people) names[p.id] = p.name;
  auto name = [&](std::optional<int64_t> id) {
    return names.count(id) ? names[id] : fmt::format("person {}", *id);
  };
  Instant now = ctx.clock().Now();
  int64_t today = trust::LocalDay(now.utc_ms, now.offset_minutes);
  if (all.empty()) {
    ctx.out() << "No commitments yet. Add one with: securebase commit add \"what\" --to NAME "
                 "--due DATE\n";
    return Status::Ok();
  }
  auto due = trust::DueAndOverdue(all, outcomes, today);
  ctx.out() << (due.empty() ? "Nothing due today.\n" : "Due now:\n");
  for (const auto& d : due) {
    ctx.out() << fmt::format(
        "  {:>4}  {}{}  {}{}\n", d.commitment->id, d.overdue ? "overdue, due " : "today ",
        d.overdue ? trust::FormatDay(d.day) : "",
        d.commitment->due_minutes ? trust::FormatTimeOfDay(*d.commitment->due_minutes) + " " : "",
        d.commitment->what);
  }
  ctx.out() << "\nCommitments:\n";
  for (const auto& c : all) {
    std::string whom = c.direction == trust::Direction::kMine ? "to " + name(c.person_id)
                                                              : "from " + name(c.person_id);
    int streak = trust::Streak(c, outcomes, today);
    ctx.out() << fmt::format("  {:>4}  {} ({}){}{}\n", c.id, Describe(c), whom,
                             streak > 1 ? fmt::format(", {} in a row", streak) : "",
                             c.archived ? " [archived]" : "");
  }
  for (auto dir : {trust::Direction::kMine, trust::Direction::kToMe}) {
    auto r = trust::ComputeReliability(all, outcomes, dir, today);
    if (r.by_person.empty()) continue;
    ctx.out() << (dir == trust::Direction::kMine ? "\nHow reliable your promises have been "
                                                   "(renegotiating counts as keeping trust):\n"
                                                 : "\nPromises made to you:\n");
    PrintWindows(ctx, "everyone", r.overall);
    for (const auto& [person, w] : r.by_person) PrintWindows(ctx, name(person), w);
  }
  ctx.out() << "\nMark one with: securebase commit done|renegotiate|broke ID\n";
  return Status::Ok();
}

}  // namespace securebase::cli
