// Message feedback while typing: one analysis of a 2,000-character draft with the shipped
// rules (content/communicate/feedback_rules.json). Target: under 1 ms. See docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "communicate/feedback.h"
#include "platform/embedded_file.h"

namespace securebase {
namespace {

// A draft of `size` characters mixing sentences that fire rules and ones that do not.
std::string Draft(size_t size) {
  static constexpr const char* kSentences[] = {
      "When you came home late on Friday, I felt worried. ",
      "You always leave the dishes for me! ",
      "I feel abandoned when plans change at the last minute. ",
      "Would you be willing to text me when you are running late? ",
      "You're so selfish sometimes, and you don't care what I think. ",
      "I never miss your games, and I'd like you to come to mine. ",
      "You need to call your mother back, oh great, another argument. ",
      "It means a lot to me when we sit down together after work. ",
  };
  std::string out;
  for (size_t i = 0; out.size() < size; ++i) out += kSentences[i % std::size(kSentences)];
  out.resize(size);
  return out;
}

void BM_AnalyzeDraft(benchmark::State& state) {
  ContentLibrary content(embedded::ContentFiles(), "");
  auto rules = communicate::FeedbackRules::Load(content);
  if (!rules.ok()) {
    state.SkipWithError(rules.status().message().c_str());
    return;
  }
  std::string draft = Draft(static_cast<size_t>(state.range(0)));
  size_t hints = 0;
  for (auto _ : state) {
    auto h = rules->Analyze(draft);
    hints = h.size();
    benchmark::DoNotOptimize(h);
  }
  state.counters["hints"] = static_cast<double>(hints);
}
BENCHMARK(BM_AnalyzeDraft)->Arg(200)->Arg(2000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace securebase

BENCHMARK_MAIN();
