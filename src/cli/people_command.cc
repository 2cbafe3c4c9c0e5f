// securebase people add|list|show|edit|remove|restore
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/crisis_print.h"
#include "cli/prompt.h"
#include "people/people_store.h"

namespace securebase::cli {
namespace {

struct PeopleArgs {
  std::string name, relationship = "other", notes, who;
  std::optional<std::string> new_name, new_relationship, new_notes;
  bool yes = false;
};

void PrintPerson(std::ostream& out, const people::Person& p) {
  out << fmt::format("{}  {} ({})\n", p.id, p.name, people::RelationshipName(p.relationship));
  if (!p.notes.empty()) out << "    " << p.notes << "\n";
}

// Runs `body` with the people store, reporting any failure on ctx.
template <typename F>
void WithStore(Context& ctx, F body) {
  auto services = ctx.Services();
  if (!services.ok()) return ctx.Fail(services.status());
  Status s = body(*(*services)->people);
  if (!s.ok()) ctx.Fail(s);
}

}  // namespace

void RegisterPeopleCommands(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<PeopleArgs>();
  CLI::App* people =
      app.add_subcommand("people", "The people in your life that the steps refer to");
  people->require_subcommand(1);

  CLI::App* add = people->add_subcommand("add", "Add someone");
  add->add_option("name", args->name, "Their name or a nickname")->required();
  add->add_option("-r,--relationship", args->relationship,
                  "One of: " + people::RelationshipChoices());
  add->add_option("-n,--notes", args->notes, "Anything you want to remember about them");
  add->callback([&ctx, args] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      TRY_ASSIGN(auto p, store.Add(ctx.user_id(), {args->name, args->relationship, args->notes},
                                   ctx.clock().Now()));
      ctx.out() << fmt::format("Added {} ({}) as person {}.\n", p.name,
                               people::RelationshipName(p.relationship), p.id);
      PrintCrisisIfDanger(ctx, p.notes);
      return Status::Ok();
    });
  });

  CLI::App* list = people->add_subcommand("list", "List the people you have added");
  list->callback([&ctx] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      TRY_ASSIGN(auto all, store.List(ctx.user_id()));
      if (all.empty()) {
        ctx.out() << "Nobody added yet. Add someone with:\n"
                     "  securebase people add NAME --relationship partner\n";
      }
      for (const auto& p : all) PrintPerson(ctx.out(), p);
      return Status::Ok();
    });
  });

  CLI::App* show = people->add_subcommand("show", "Show one person");
  show->add_option("person", args->who, "Id or name")->required();
  show->callback([&ctx, args] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      TRY_ASSIGN(auto p, store.Find(ctx.user_id(), args->who));
      PrintPerson(ctx.out(), p);
      TRY_ASSIGN(auto refs, store.ReferencesTo(ctx.user_id(), p.id));
      ctx.out() << "    Referred to by: " << refs.Describe() << "\n";
      return Status::Ok();
    });
  });

  CLI::App* edit = people->add_subcommand("edit", "Change someone's name, relationship or notes");
  edit->add_option("person", args->who, "Id or name")->required();
  edit->add_option("--name", args->new_name, "New name");
  edit->add_option("-r,--relationship", args->new_relationship,
                   "One of: " + people::RelationshipChoices());
  edit->add_option("-n,--notes", args->new_notes, "New notes (replaces the old ones)");
  edit->callback([&ctx, args] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      if (!args->new_name && !args->new_relationship && !args->new_notes) {
        return Status::Invalid("nothing to change: give --name, --relationship or --notes");
      }
      TRY_ASSIGN(auto p, store.Find(ctx.user_id(), args->who));
      TRY_ASSIGN(p, store.Edit(ctx.user_id(), p.id,
                               {args->new_name, args->new_relationship, args->new_notes},
                               ctx.clock().Now()));
      ctx.out() << "Saved.\n";
      PrintPerson(ctx.out(), p);
      if (args->new_notes) PrintCrisisIfDanger(ctx, p.notes);
      return Status::Ok();
    });
  });

  CLI::App* remove =
      people->add_subcommand("remove", "Remove someone (can be undone with restore)");
  remove->add_option("person", args->who, "Id or name")->required();
  remove->add_flag("-y,--yes", args->yes, "Do not ask for confirmation");
  remove->callback([&ctx, args] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      TRY_ASSIGN(auto p, store.Find(ctx.user_id(), args->who));
      TRY_ASSIGN(auto refs, store.ReferencesTo(ctx.user_id(), p.id));
      std::string question = fmt::format(
          "Remove {}? Also hidden with them: {}. You can undo this with "
          "'securebase people restore {}'.",
          p.name, refs.Describe(), p.id);
      if (!args->yes && !Confirm(ctx, question)) {
        ctx.out() << "Nothing removed.\n";
        return Status::Ok();
      }
      TRY(store.Remove(ctx.user_id(), p.id, ctx.clock().Now()));
      ctx.out() << fmt::format("Removed {}. Undo with: securebase people restore {}\n", p.name,
                               p.id);
      return Status::Ok();
    });
  });

  CLI::App* restore = people->add_subcommand("restore", "Bring back someone you removed");
  restore->add_option("id", args->who, "The id printed when they were removed")->required();
  restore->callback([&ctx, args] {
    WithStore(ctx, [&](people::PeopleStore& store) -> Status {
      int64_t id = 0;
      try {
        id = std::stoll(args->who);
      } catch (...) {
        return Status::InvalidField("id", "'" + args->who + "' is not a number");
      }
      TRY_ASSIGN(auto p, store.Restore(ctx.user_id(), id));
      ctx.out() << fmt::format("Restored {}.\n", p.name);
      return Status::Ok();
    });
  });
}

}  // namespace securebase::cli
