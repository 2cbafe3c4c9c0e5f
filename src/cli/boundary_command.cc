// securebase boundary add|list|practice|incident|edit|delete|restore  (step 7)
#include <fmt/format.h>

#include <ostream>

#include "boundaries/boundary_store.h"
#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "platform/text.h"

namespace securebase::cli {
namespace {

using boundaries::Boundary;

struct BoundaryArgs {
  std::string area, person, limit, why, script, when, will, if_crossed, kind, note;
  int64_t id = 0;
  int steadiness = -1;
  // For edit: only what is given changes.
  std::optional<std::string> new_area, new_limit, new_why, new_script, new_if_crossed;
};

template <typename F>
void WithStores(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  auto db = ctx.Db();
  if (!db.ok()) return ctx.Fail(db.status());
  auto store = boundaries::MakeSqliteBoundaryStore(**db);
  Status s = body(**services, *store);
  if (!s.ok()) ctx.Fail(s);
}

}  // namespace

void RegisterBoundaryCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<BoundaryArgs>();
  CLI::App* boundary = app.add_subcommand("boundary", "State, practise and keep your limits");
  boundary->require_subcommand(1);

  CLI::App* add = boundary->add_subcommand("add", "Add a boundary");
  add->add_option("--area", args->area, "One of: " + boundaries::AreaChoices())->required();
  add->add_option("--limit", args->limit, "The limit, in one sentence")->required();
  add->add_option("--person", args->person, "Who it concerns (id or name); default everyone");
  add->add_option("--why", args->why, "Why it matters to you");
  add->add_option("--when", args->when, "For the script: 'When ...'");
  add->add_option("--will", args->will, "For the script: '... I will ...'");
  add->add_option("--script", args->script, "The whole script in your own words");
  add->add_option("--if-crossed", args->if_crossed, "What you will do if it is crossed");
  add->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services& s, boundaries::BoundaryStore& store) -> Status {
      boundaries::BoundaryInput in{args->area,   std::nullopt,     args->limit, args->why,
                                   args->script, args->if_crossed, args->when,  args->will};
      if (!args->person.empty()) {
        TRY_ASSIGN(auto p, s.people->Find(ctx.user_id(), args->person));
        in.person = p.id;
      }
      TRY_ASSIGN(auto b, boundaries::BoundaryFromInput(in, ctx.clock().Now()));
      TRY_ASSIGN(b, store.Add(ctx.user_id(), b));
      ctx.out() << fmt::format("Added boundary {}: {}\n", b.id, b.limit);
      if (!b.script.empty()) ctx.out() << "  Your words: " << b.script << "\n";
      ctx.out() << fmt::format("Rehearse it with 'securebase boundary practice {}'.\n", b.id);
      return Status::Ok();
    });
  });

  CLI::App* list = boundary->add_subcommand("list", "List boundaries with how they are holding");
  list->callback([&ctx] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      TRY_ASSIGN(auto all, store.List(ctx.user_id()));
      if (all.empty()) {
        ctx.out() << "No boundaries yet. Add one with 'securebase boundary add --area time "
                     "--limit ...'.\n";
        return Status::Ok();
      }
      auto stats = boundaries::ComputeStats(all, ctx.clock().Now());
      for (const auto& st : stats.boundaries) {
        const Boundary* b = nullptr;
        for (const auto& x : all) {
          if (x.id == st.boundary_id) b = &x;
        }
        ctx.out() << fmt::format("{}  [{}] {}\n", b->id, boundaries::AreaName(b->area), b->limit);
        if (!b->script.empty()) ctx.out() << "    " << b->script << "\n";
        ctx.out() << fmt::format("    held {}, crossed by others {}, crossed by me {}", st.held,
                                 st.crossed_by_them, st.crossed_by_me);
        if (st.crossed_lately > 0)
          ctx.out() << fmt::format("; {} in the last 30 days", st.crossed_lately);
        ctx.out() << "\n";
        if (st.first_steadiness) {
          ctx.out() << fmt::format(
              "    practised {}, steadiness {} -> {}\n",
              st.practices == 1 ? std::string("once") : fmt::format("{} times", st.practices),
              *st.first_steadiness, *st.last_steadiness);
        }
      }
      return Status::Ok();
    });
  });

  CLI::App* practice = boundary->add_subcommand("practice", "Rehearse a boundary's script");
  practice->add_option("id", args->id, "The boundary's id")->required();
  practice->add_option("--steadiness", args->steadiness, "How steady it felt, 0-10");
  practice->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      TRY_ASSIGN(auto b, store.Get(ctx.user_id(), args->id));
      int64_t rating = args->steadiness;
      if (rating < 0) {
        ctx.out() << "Say this out loud, slowly, as if to them:\n\n  "
                  << (b.script.empty() ? b.limit : b.script)
                  << "\n\nHow steady did that feel, from 0 (shaky) to 10 (steady)?\n> "
                  << std::flush;
        std::string line;
        if (!std::getline(ctx.in(), line)) return Status::Invalid("no rating given");
        try {
          rating = std::stoll(std::string(Trim(line)));
        } catch (...) {
          return Status::InvalidField("steadiness", "is not a number from 0 to 10");
        }
      }
      TRY(boundaries::ValidateSteadiness(rating));
      TRY(store.AddPractice(ctx.user_id(), b.id, {0, static_cast<int>(rating), ctx.clock().Now()})
              .status());
      ctx.out() << fmt::format("Saved: {}/10. Steadiness grows with repetition.\n", rating);
      return Status::Ok();
    });
  });

  CLI::App* incident = boundary->add_subcommand("incident", "Note what happened with a boundary");
  incident->add_option("id", args->id, "The boundary's id")->required();
  incident->add_option("--kind", args->kind, "held, crossed-by-them or crossed-by-me")->required();
  incident->add_option("--note", args->note, "What happened");
  incident->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      auto kind = boundaries::ParseIncidentKind(args->kind);
      if (!kind)
        return Status::InvalidField("--kind", "must be held, crossed-by-them or crossed-by-me");
      TRY(store.AddIncident(ctx.user_id(), args->id, {0, *kind, args->note, ctx.clock().Now()})
              .status());
      ctx.out() << "Noted.\n";
      PrintCrisisIfDanger(ctx, args->note);
      return Status::Ok();
    });
  });

  CLI::App* edit = boundary->add_subcommand("edit", "Change a boundary");
  edit->add_option("id", args->id, "The boundary's id")->required();
  edit->add_option("--area", args->new_area, "One of: " + boundaries::AreaChoices());
  edit->add_option("--limit", args->new_limit, "The limit, in one sentence");
  edit->add_option("--why", args->new_why, "Why it matters to you");
  edit->add_option("--script", args->new_script, "The words you will say");
  edit->add_option("--if-crossed", args->new_if_crossed, "What you will do if it is crossed");
  edit->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      TRY_ASSIGN(auto b, store.Get(ctx.user_id(), args->id));
      boundaries::BoundaryEdit e;
      e.area = args->new_area;
      e.limit = args->new_limit;
      e.why = args->new_why;
      e.script = args->new_script;
      e.if_crossed = args->new_if_crossed;
      TRY_ASSIGN(b, boundaries::ApplyEdit(b, e));
      TRY_ASSIGN(b, store.Update(ctx.user_id(), b, ctx.clock().Now()));
      ctx.out() << fmt::format("Saved boundary {}: {}\n", b.id, b.limit);
      PrintCrisisIfDanger(ctx, b.why + "\n" + b.if_crossed);
      return Status::Ok();
    });
  });

  CLI::App* del = boundary->add_subcommand("delete", "Delete a boundary (undo within 30 days)");
  del->add_option("id", args->id, "The boundary's id")->required();
  del->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      TRY(store.Delete(ctx.user_id(), args->id, ctx.clock().Now()));
      ctx.out() << fmt::format(
          "Deleted boundary {}. Changed your mind? 'securebase boundary restore {}' brings it "
          "back within 30 days.\n",
          args->id, args->id);
      return Status::Ok();
    });
  });
  CLI::App* restore = boundary->add_subcommand("restore", "Bring back a deleted boundary");
  restore->add_option("id", args->id, "The boundary's id")->required();
  restore->callback([&ctx, args] {
    WithStores(ctx, [&](app::Services&, boundaries::BoundaryStore& store) -> Status {
      TRY_ASSIGN(auto b, store.Restore(ctx.user_id(), args->id, ctx.clock().Now()));
      ctx.out() << fmt::format("Boundary {} is back: {}\n", b.id, b.limit);
      return Status::Ok();
    });
  });
}

}  // namespace securebase::cli
