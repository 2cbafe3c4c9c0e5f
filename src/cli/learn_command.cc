// securebase learn [TOPIC]: short explanations from content/learn/*.md.
#include <fmt/format.h>

#include "cli/commands.h"
#include "understand/learn.h"

namespace securebase::cli {

void RegisterLearnCommand(CLI::App& app, Context& ctx) {
  auto topic = std::make_shared<std::string>();
  CLI::App* learn = app.add_subcommand("learn", "Read short explanations of attachment");
  learn->add_option("topic", *topic, "A topic; leave out to list them");
  learn->callback([&ctx, topic] {
    auto pages = understand::LearnPages(ctx.Content());
    if (topic->empty()) {
      ctx.out() << "Topics (read one with 'securebase learn TOPIC'):\n";
      for (const auto& p : pages) {
        ctx.out() << fmt::format("  {:<18} {}\n", p.topic, p.title);
      }
      return;
    }
    auto page = understand::FindLearnPage(ctx.Content(), *topic);
    if (!page.ok()) return ctx.Fail(page.status());
    ctx.out() << page->markdown << "\n";
  });
}

}  // namespace securebase::cli
