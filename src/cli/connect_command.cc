// securebase bid add|list|stats  (step 6)
#include <fmt/format.h>

#include <map>

#include "cli/commands.h"
#include "connect/bid_store.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

using connect::BidTally;

struct BidArgs {
  connect::BidInput in;
  std::string with;
  bool made = false;
  int limit = 20, days = 0;
};

template <typename F>
void WithServices(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  Status s = body(**services);
  if (!s.ok()) ctx.Fail(s);
}

std::string Ratio(const BidTally& t) {
  auto r = t.TowardRatio();
  if (!r) return "no bids yet";
  return fmt::format("{:.0f}% turned toward ({} of {}; away {}, against {}, missed {})", *r * 100,
                     t.toward, t.total(), t.away, t.against, t.missed);
}

Status Add(Context& ctx, app::Services& s, BidArgs a) {
  if (!a.with.empty()) {
    TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), a.with));
    a.in.person = p.id;
  }
  a.in.direction = a.made ? "made" : "received";
  TRY_ASSIGN(auto bid, connect::BuildBid(a.in, ctx.clock().Now()));
  TRY_ASSIGN(bid, connect::MakeSqliteBidStore(s.db)->Add(ctx.user_id(), bid));
  ctx.out() << fmt::format("Logged bid {}. Noticing bids is most of the work.\n", bid.id);
  return Status::Ok();
}

Status List(Context& ctx, app::Services& s, const BidArgs& a) {
  std::optional<int64_t> person;
  if (!a.with.empty()) {
    TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), a.with));
    person = p.id;
  }
  TRY_ASSIGN(auto bids, connect::MakeSqliteBidStore(s.db)->List(ctx.user_id(), person, a.limit));
  TRY_ASSIGN(auto people, s.people->List(ctx.user_id()));
  std::map<int64_t, std::string> names;
  for (const auto& p : people) names[p.id] = p.name;
  if (bids.empty()) ctx.out() << "No bids logged yet. Log one with: securebase bid add toward\n";
  for (const auto& b : bids) {
    std::string who = b.person_id && names.count(*b.person_id) ? names[*b.person_id] : "someone";
    ctx.out() << fmt::format("  {:>4}  {}  {} {} {}: {}{}\n", b.id, Iso8601(b.at).substr(0, 16),
                             b.direction == connect::BidDirection::kMade ? "you to" : "from", who,
                             connect::BidKindName(b.kind), connect::ResponseName(b.response),
                             b.feeling.empty() ? "" : " (" + b.feeling + ")");
  }
  return Status::Ok();
}

void PrintDirection(Context& ctx, const char* title, const connect::DirectionStats& d,
                    const std::map<int64_t, std::string>& names) {
  ctx.out() << title << "\n  everyone: " << Ratio(d.all) << "\n";
  for (const auto& [person, t] : d.by_person) {
    std::string who = person && names.count(*person) ? names.at(*person) : "someone";
    ctx.out() << fmt::format("  {}: {}\n", who, Ratio(t));
  }
  if (d.by_month.size() > 1) {
    ctx.out() << "  by month:";
    for (const auto& [month, t] : d.by_month) {
      ctx.out() << fmt::format(" {} {:.0f}%", month, t.TowardRatio().value_or(0) * 100);
    }
    ctx.out() << "\n";
  }
}

Status Stats(Context& ctx, app::Services& s, const BidArgs& a) {
  TRY_ASSIGN(auto bids, connect::MakeSqliteBidStore(s.db)->All(ctx.user_id()));
  TRY_ASSIGN(auto people, s.people->List(ctx.user_id()));
  std::map<int64_t, std::string> names;
  for (const auto& p : people) names[p.id] = p.name;
  auto stats = connect::ComputeBidStats(bids, ctx.clock().Now().utc_ms, a.days);
  PrintDirection(ctx, "Bids you received, and how you met them:", stats.received, names);
  PrintDirection(ctx, "\nBids you made, and how they were met:", stats.made, names);
  ctx.out() << fmt::format(
                   "\nReference: about {:.0f}% (couples still together) and {:.0f}% "
                   "(couples who divorced).\n",
                   connect::kReferenceTogether * 100, connect::kReferenceDivorced * 100)
            << Wrap(connect::ReferenceNote(), 76, "");
  return Status::Ok();
}

}  // namespace

void RegisterConnectCommands(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<BidArgs>();
  CLI::App* bid = app.add_subcommand(
      "bid", "Step 6: bids for connection, made and received, and how they were met");
  bid->require_subcommand(1);

  CLI::App* add = bid->add_subcommand("add", "Log a bid (received, unless --made)");
  add->add_option("response", a->in.response, "toward, away, against or missed")->required();
  add->add_option("--kind", a->in.kind,
                  "attention, affection, humour, help, conversation, touch or other");
  add->add_option("--with", a->with, "Who made it, or who you made it to (id or name)");
  add->add_flag("--made", a->made, "You made this bid (else: you received it)");
  add->add_option("--feeling", a->in.feeling, "How it felt");
  add->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return Add(ctx, s, *a); }); });

  CLI::App* list = bid->add_subcommand("list", "The latest bids");
  list->add_option("--with", a->with, "Only bids with this person");
  list->add_option("--limit", a->limit, "How many (default 20)");
  list->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return List(ctx, s, *a); }); });

  CLI::App* stats = bid->add_subcommand("stats", "How often bids were turned toward");
  stats->add_option("--days", a->days, "Only the last N days (default: all)");
  stats->callback(
      [&ctx, a] { WithServices(ctx, [&](app::Services& s) { return Stats(ctx, s, *a); }); });
}

}  // namespace securebase::cli
