// securebase checkin  (step 6: a short daily check-in offered to someone)
#include <fmt/format.h>

#include "cli/trust_view.h"
#include "connect/bid_store.h"
#include "connect/checkin.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

struct CheckinArgs {
  std::string with, note;
  int every = 0;
};

Status Checkin(Context& ctx, app::Services& s, const CheckinArgs& a) {
  auto store = connect::MakeSqliteBidStore(s.db);
  std::optional<int64_t> person;
  std::string name = "someone you love";
  if (!a.with.empty()) {
    TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), a.with));
    person = p.id;
    name = p.name;
  }
  if (a.every != 0) {
    TRY(store->SetCheckinEvery(ctx.user_id(), person, a.every));
    ctx.out() << fmt::format("SecureBase will suggest a check-in with {} every {}.\n", name,
                             a.every == 1 ? "day" : fmt::format("{} days", a.every));
    return Status::Ok();
  }
  ctx.out() << fmt::format("A few questions to offer {}. Ask one, then listen:\n", name);
  for (std::string_view p : connect::kCheckinPrompts) ctx.out() << "  - " << p << "\n";
  std::string note = a.note;
  if (note.empty()) {
    ctx.out() << "\nWhen you have talked, write a line about it (or press Enter to skip): "
              << std::flush;
    std::string line;
    if (!std::getline(ctx.in(), line)) {
      ctx.out() << "\nNot logged. Come back to it when you are ready.\n";
      return Status::Ok();
    }
    note = std::string(Trim(line));
  }
  if (!IsValidUtf8(note) || note.size() > connect::kMaxFeelingLength)
    return Status::InvalidField("--note", "must be valid text up to 2,000 bytes");
  TRY(store->AddCheckin(ctx.user_id(), {0, person, note, ctx.clock().Now()}).status());
  ctx.out() << "Check-in logged. Thank you for making the time.\n";
  return Status::Ok();
}

}  // namespace

void RegisterCheckinCommand(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<CheckinArgs>();
  CLI::App* cmd = app.add_subcommand("checkin", "A short check-in to offer someone you love");
  cmd->add_option("--with", a->with, "Who (id or name)");
  cmd->add_option("--note", a->note, "How it went (else asked)");
  cmd->add_option("--every", a->every, "Set how often to suggest one, in days (1-30)");
  cmd->callback([&ctx, a] {
    auto services = ctx.Services();
    if (!services.ok()) return ctx.Fail(services.status());
    Status s = Checkin(ctx, **services, *a);
    if (!s.ok()) ctx.Fail(s);
  });
}

}  // namespace securebase::cli
