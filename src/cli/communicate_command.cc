// securebase message new|list|edit|delete|restore,
// conflict add|list|repair|edit|delete|restore  (step 4)
#include <fmt/format.h>

#include <boost/json.hpp>
#include <functional>
#include <ostream>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "communicate/conflict_store.h"
#include "communicate/feedback.h"
#include "communicate/message_store.h"
#include "people/people_store.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

using communicate::Conflict;

struct CommunicateArgs {
  std::string to, observation, feeling, need, request, text, person, topic, notes, outcome;
  std::string by = "me", what, when;
  std::vector<std::string> horsemen_me, horsemen_them;
  bool flooded_me = false, flooded_them = false;
  int64_t id = 0;
  // For edit: only what is given changes.
  std::optional<std::string> new_text, new_topic, new_notes, new_outcome, new_when;
};

// Asks `question` when `value` is empty and input is available; returns the answer.
std::string Ask(Context& ctx, const std::string& question, const std::string& value) {
  if (!value.empty()) return value;
  ctx.out() << question << "\n> " << std::flush;
  std::string line;
  if (!std::getline(ctx.in(), line)) return "";
  return std::string(Trim(line));
}

void PrintHints(Context& ctx, const std::vector<communicate::Hint>& hints) {
  if (hints.empty()) {
    ctx.out() << "No suggestions: this reads as clear and kind.\n";
    return;
  }
  ctx.out() << "Some suggestions (you can save it as it is):\n";
  for (const auto& h : hints) {
    ctx.out() << fmt::format("  - {} (\"{}\")\n", h.title, h.quote);
    ctx.out() << Wrap(h.message, 76, "    ");
    ctx.out() << "    You could try: " << h.rewrite << "\n";
  }
}

Result<std::optional<people::Person>> FindPerson(Context& ctx, app::Services& s,
                                                 const std::string& who) {
  if (who.empty()) return std::optional<people::Person>();
  TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), who));
  return std::optional<people::Person>(std::move(p));
}

std::string Times(int n) { return n == 1 ? "once" : fmt::format("{} times", n); }

std::string Hours(int64_t ms) {
  return ms < 3'600'000 * 48 ? fmt::format("{:.1f} hours", ms / 3'600'000.0)
                             : fmt::format("{:.1f} days", ms / 86'400'000.0);
}

void PrintConflict(Context& ctx, const Conflict& c, const std::string& name) {
  ctx.out() << fmt::format("{}  {}  with {}: {} ({})\n", c.id, LocalDate(c.happened), name, c.topic,
                           communicate::OutcomeName(c.outcome));
  auto names = [](const std::vector<communicate::Horseman>& hs) {
    std::string out;
    for (auto h : hs) out += (out.empty() ? "" : ", ") + std::string(communicate::HorsemanName(h));
    return out.empty() ? std::string("none noted") : out;
  };
  ctx.out() << fmt::format("    me: {}{}; them: {}{}\n", names(c.horsemen_me),
                           c.flooded_me ? " (flooded)" : "", names(c.horsemen_them),
                           c.flooded_them ? " (flooded)" : "");
  for (const auto& r : c.repairs) {
    ctx.out() << fmt::format("    repair by {} on {}: {}\n", r.by_me ? "me" : "them",
                             LocalDate(r.at), r.what);
  }
}

template <typename F>
void WithServices(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  auto db = ctx.Db();
  if (!db.ok()) return ctx.Fail(db.status());
  Status s = body(**services, **db);
  if (!s.ok()) ctx.Fail(s);
}

Status NewMessage(Context& ctx, app::Services& s, db::Database& db, const CommunicateArgs& a) {
  TRY_ASSIGN(auto rules, communicate::FeedbackRules::Load(ctx.Content()));
  TRY_ASSIGN(auto person, FindPerson(ctx, s, a.to));
  communicate::Message m;
  if (person) m.person_id = person->id;
  m.parts.observation =
      Ask(ctx, "What happened? Describe it as a camera would see it.", a.observation);
  m.parts.feeling = Ask(ctx, "What do you feel about it?", a.feeling);
  m.parts.need = Ask(ctx, "What do you need?", a.need);
  m.parts.request = Ask(ctx, "What would you like to ask for?", a.request);
  m.text = a.text.empty() ? communicate::ComposeMessage(m.parts) : a.text;
  m.created = ctx.clock().Now();
  ctx.out() << "\nYour message:\n" << Wrap(m.text, 76, "  ") << "\n";
  PrintHints(ctx, rules.Analyze(m.text));
  TRY_ASSIGN(m, communicate::MakeSqliteMessageStore(db)->Add(ctx.user_id(), m));
  ctx.out() << fmt::format("\nSaved as message {}{}.\n", m.id,
                           person ? " for " + person->name : std::string());
  PrintCrisisIfDanger(ctx, m.text);
  return Status::Ok();
}

// "Deleted X. Undo within 30 days with 'securebase WHAT restore ID'."
void PrintDeleted(Context& ctx, const std::string& what, int64_t id) {
  ctx.out() << fmt::format(
      "Deleted {} {}. Changed your mind? 'securebase {} restore {}' brings it back within "
      "30 days.\n",
      what, id, what, id);
}

void AddDeleteRestore(CLI::App* parent, Context& ctx, std::shared_ptr<CommunicateArgs> args,
                      const std::string& what,
                      std::function<Status(db::Database&, int64_t, bool)> run) {
  CLI::App* del = parent->add_subcommand("delete", "Delete a " + what + " (undo within 30 days)");
  del->add_option("id", args->id, "The " + what + "'s id")->required();
  del->callback([&ctx, args, run] {
    WithServices(ctx, [&](app::Services&, db::Database& db) { return run(db, args->id, true); });
  });
  CLI::App* res = parent->add_subcommand("restore", "Bring back a deleted " + what);
  res->add_option("id", args->id, "The " + what + "'s id")->required();
  res->callback([&ctx, args, run] {
    WithServices(ctx, [&](app::Services&, db::Database& db) { return run(db, args->id, false); });
  });
}

}  // namespace

void RegisterCommunicateCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<CommunicateArgs>();
  CLI::App* message = app.add_subcommand("message", "Prepare what you want to say to someone");
  message->require_subcommand(1);
  CLI::App* mnew = message->add_subcommand("new", "Build a message step by step, with suggestions");
  mnew->add_option("--to", args->to, "Who it is for (id or name)");
  mnew->add_option("--observation", args->observation, "What happened");
  mnew->add_option("--feeling", args->feeling, "What you feel");
  mnew->add_option("--need", args->need, "What you need");
  mnew->add_option("--request", args->request, "What you would like to ask for");
  mnew->add_option("--text", args->text, "The whole message in your own words");
  mnew->callback([&ctx, args] {
    WithServices(ctx,
                 [&](app::Services& s, db::Database& db) { return NewMessage(ctx, s, db, *args); });
  });
  CLI::App* listen = message->add_subcommand("listen", "A practice card for listening well");
  listen->callback([&ctx] {
    const ContentFile* f = ctx.Content().Find("content/communicate/listening_guide.json");
    boost::system::error_code ec;
    boost::json::value v = f ? boost::json::parse(f->text, ec) : boost::json::value();
    if (!f || ec || !v.is_object())
      return ctx.Fail(Status::Internal("the listening guide is missing or broken"));
    const auto& o = v.as_object();
    auto text = [](const boost::json::object& x, const char* key) {
      const auto* t = x.if_contains(key);
      return t && t->is_string() ? std::string(t->as_string()) : std::string();
    };
    ctx.out() << text(o, "title") << "\n" << Wrap(text(o, "intro"), 76, "") << "\n";
    if (const auto* steps = o.if_contains("steps"); steps && steps->is_array()) {
      int n = 0;
      for (const auto& s : steps->as_array()) {
        if (!s.is_object()) continue;
        ctx.out() << fmt::format("{}. {}\n", ++n, text(s.as_object(), "name"))
                  << Wrap(text(s.as_object(), "prompt"), 76, "   ")
                  << Wrap("For example: " + text(s.as_object(), "example"), 76, "   ") << "\n";
      }
    }
  });
  CLI::App* mlist = message->add_subcommand("list", "List saved messages");
  mlist->add_option("--to", args->to, "Only messages for this person");
  mlist->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services& s, db::Database& db) -> Status {
      TRY_ASSIGN(auto person, FindPerson(ctx, s, args->to));
      std::optional<int64_t> pid;
      if (person) pid = person->id;
      TRY_ASSIGN(auto all, communicate::MakeSqliteMessageStore(db)->List(ctx.user_id(), pid));
      if (all.empty()) ctx.out() << "No messages yet. Start one with 'securebase message new'.\n";
      for (const auto& m : all) {
        ctx.out() << fmt::format("{}  {}\n", m.id, LocalDate(m.created))
                  << Wrap(m.text, 76, "    ");
      }
      return Status::Ok();
    });
  });

  CLI::App* medit = message->add_subcommand("edit", "Change a saved message's text");
  medit->add_option("id", args->id, "The message's id")->required();
  medit->add_option("--text", args->new_text, "The whole message in your own words")->required();
  medit->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services&, db::Database& db) -> Status {
      auto store = communicate::MakeSqliteMessageStore(db);
      TRY_ASSIGN(auto m, store->Get(ctx.user_id(), args->id));
      communicate::MessageEdit edit;
      edit.text = args->new_text;
      TRY_ASSIGN(m, communicate::ApplyEdit(m, edit));
      TRY_ASSIGN(m, store->Update(ctx.user_id(), m, ctx.clock().Now()));
      TRY_ASSIGN(auto rules, communicate::FeedbackRules::Load(ctx.Content()));
      ctx.out() << fmt::format("Saved message {}:\n", m.id) << Wrap(m.text, 76, "  ");
      PrintHints(ctx, rules.Analyze(m.text));
      PrintCrisisIfDanger(ctx, m.text);
      return Status::Ok();
    });
  });
  AddDeleteRestore(message, ctx, args, "message",
                   [&ctx](db::Database& db, int64_t id, bool remove) -> Status {
                     auto store = communicate::MakeSqliteMessageStore(db);
                     if (remove) {
                       TRY(store->Delete(ctx.user_id(), id, ctx.clock().Now()));
                       PrintDeleted(ctx, "message", id);
                       return Status::Ok();
                     }
                     TRY(store->Restore(ctx.user_id(), id, ctx.clock().Now()).status());
                     ctx.out() << fmt::format("Message {} is back.\n", id);
                     return Status::Ok();
                   });

  CLI::App* conflict = app.add_subcommand("conflict", "Log conflicts and how they were repaired");
  conflict->require_subcommand(1);
  CLI::App* cadd = conflict->add_subcommand("add", "Log a conflict");
  cadd->add_option("person", args->person, "Who it was with (id or name)")->required();
  cadd->add_option("--topic", args->topic, "What it was about, in a few words")->required();
  cadd->add_option("--notes", args->notes, "How it went");
  cadd->add_option("--when", args->when, "When it happened (YYYY-MM-DD or ISO 8601); default now");
  cadd->add_option("--horseman-me", args->horsemen_me,
                   "criticism, contempt, defensiveness or stonewalling, from me");
  cadd->add_option("--horseman-them", args->horsemen_them, "The same, from them");
  cadd->add_flag("--flooded-me", args->flooded_me, "I was flooded");
  cadd->add_flag("--flooded-them", args->flooded_them, "They were flooded");
  cadd->add_option("--outcome", args->outcome, "repaired, partly or not-yet");
  cadd->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services& s, db::Database& db) -> Status {
      TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), args->person));
      Instant when = ctx.clock().Now();
      if (!args->when.empty() && !ParseIso8601(args->when, &when)) {
        return Status::InvalidField("--when", "use YYYY-MM-DD or ISO 8601");
      }
      communicate::ConflictInput in{p.id,
                                    args->topic,
                                    args->notes,
                                    args->horsemen_me,
                                    args->horsemen_them,
                                    args->flooded_me,
                                    args->flooded_them,
                                    std::nullopt};
      if (!args->outcome.empty()) in.outcome = args->outcome;
      TRY_ASSIGN(auto c, communicate::ConflictFromInput(in, when));
      TRY_ASSIGN(c, communicate::MakeSqliteConflictStore(db)->Add(ctx.user_id(), c));
      ctx.out() << fmt::format(
          "Logged conflict {} with {}. Add a repair with 'securebase "
          "conflict repair {} --what ...'.\n",
          c.id, p.name, c.id);
      PrintCrisisIfDanger(ctx, c.notes);
      return Status::Ok();
    });
  });
  CLI::App* clist = conflict->add_subcommand("list", "List conflicts, with what they show");
  clist->add_option("--person", args->person, "Only conflicts with this person");
  clist->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services& s, db::Database& db) -> Status {
      TRY_ASSIGN(auto person, FindPerson(ctx, s, args->person));
      std::optional<int64_t> pid;
      if (person) pid = person->id;
      TRY_ASSIGN(auto all, communicate::MakeSqliteConflictStore(db)->List(ctx.user_id(), pid));
      if (all.empty()) {
        ctx.out()
            << "No conflicts logged. Log one with 'securebase conflict add PERSON --topic ...'.\n";
        return Status::Ok();
      }
      TRY_ASSIGN(auto people, s.people->List(ctx.user_id()));
      auto name = [&](int64_t id) {
        for (const auto& p : people) {
          if (p.id == id) return p.name;
        }
        return fmt::format("person {}", id);
      };
      for (const auto& c : all) PrintConflict(ctx, c, name(c.person_id));
      auto in = communicate::Insights(all);
      ctx.out() << "\nWhat they show:\n";
      for (const auto& p : in.people) {
        ctx.out() << fmt::format("  {}: {} of {} repaired ({:.0f}%){}\n", name(p.person_id),
                                 p.repaired, p.conflicts, 100 * p.repair_rate,
                                 p.median_ms_to_repair
                                     ? ", usually within " + Hours(*p.median_ms_to_repair)
                                     : std::string());
      }
      for (const auto& t : in.topics)
        ctx.out() << fmt::format("  Comes back: {} ({})\n", t.name, Times(t.count));
      for (const auto& h : in.horsemen)
        ctx.out() << fmt::format("  Seen: {} ({})\n", h.name, Times(h.count));
      if (in.flooded > 0)
        ctx.out() << fmt::format("  Someone was flooded in {} of {}\n", in.flooded, in.conflicts);
      return Status::Ok();
    });
  });
  CLI::App* repair = conflict->add_subcommand("repair", "Record a repair attempt");
  repair->add_option("id", args->id, "The conflict's id")->required();
  repair->add_option("--what", args->what, "What was said or done")->required();
  repair->add_option("--by", args->by, "me or them");
  repair->add_option("--outcome", args->outcome, "repaired, partly or not-yet");
  repair->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services&, db::Database& db) -> Status {
      if (args->by != "me" && args->by != "them")
        return Status::InvalidField("--by", "must be 'me' or 'them'");
      std::optional<communicate::Outcome> outcome;
      if (!args->outcome.empty()) {
        outcome = communicate::ParseOutcome(args->outcome);
        if (!outcome)
          return Status::InvalidField("--outcome", "must be repaired, partly or not-yet");
      }
      communicate::Repair r{0, args->by == "me", args->what, ctx.clock().Now()};
      TRY_ASSIGN(auto c, communicate::MakeSqliteConflictStore(db)->AddRepair(ctx.user_id(),
                                                                             args->id, r, outcome));
      ctx.out() << fmt::format("Recorded. Conflict {} is now: {}.\n", c.id,
                               communicate::OutcomeName(c.outcome));
      PrintCrisisIfDanger(ctx, r.what);
      return Status::Ok();
    });
  });
  CLI::App* cedit = conflict->add_subcommand("edit", "Change a logged conflict");
  cedit->add_option("id", args->id, "The conflict's id")->required();
  cedit->add_option("--topic", args->new_topic, "What it was about");
  cedit->add_option("--notes", args->new_notes, "How it went");
  cedit->add_option("--outcome", args->new_outcome, "repaired, partly or not-yet");
  cedit->add_option("--when", args->new_when, "When it happened (YYYY-MM-DD or ISO 8601)");
  cedit->callback([&ctx, args] {
    WithServices(ctx, [&](app::Services&, db::Database& db) -> Status {
      auto store = communicate::MakeSqliteConflictStore(db);
      TRY_ASSIGN(auto c, store->Get(ctx.user_id(), args->id));
      communicate::ConflictEdit edit;
      edit.topic = args->new_topic;
      edit.notes = args->new_notes;
      edit.outcome = args->new_outcome;
      if (args->new_when) {
        Instant when;
        if (!ParseIso8601(*args->new_when, &when))
          return Status::InvalidField("--when", "use YYYY-MM-DD or ISO 8601");
        edit.happened = when;
      }
      Instant now = ctx.clock().Now();
      TRY_ASSIGN(c, communicate::ApplyEdit(c, edit, now));
      TRY_ASSIGN(c, store->Update(ctx.user_id(), c, now));
      ctx.out() << fmt::format("Saved. Conflict {} ({}) is now: {}.\n", c.id, c.topic,
                               communicate::OutcomeName(c.outcome));
      if (args->new_notes) PrintCrisisIfDanger(ctx, c.notes);
      return Status::Ok();
    });
  });
  AddDeleteRestore(conflict, ctx, args, "conflict",
                   [&ctx](db::Database& db, int64_t id, bool remove) -> Status {
                     auto store = communicate::MakeSqliteConflictStore(db);
                     if (remove) {
                       TRY(store->Delete(ctx.user_id(), id, ctx.clock().Now()));
                       PrintDeleted(ctx, "conflict", id);
                       return Status::Ok();
                     }
                     TRY(store->Restore(ctx.user_id(), id, ctx.clock().Now()).status());
                     ctx.out() << fmt::format("Conflict {} is back, with its repairs.\n", id);
                     return Status::Ok();
                   });
}

}  // namespace securebase::cli
