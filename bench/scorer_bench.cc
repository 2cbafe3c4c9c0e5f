// Scoring speed: ScoringKey::Score on one row of answers, and the CSV batch scorer on an
// in-memory file of 100,000 ECR-R rows (rows/s as items_per_second). See docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <cstdlib>
#include <random>

#include "platform/content.h"
#include "platform/embedded_file.h"
#include "understand/batch_scorer.h"
#include "understand/catalog.h"
#include "understand/scoring.h"

namespace securebase::understand {
namespace {

const Instrument& EcrR() {
  static const Instrument instrument = [] {
    ContentLibrary content(embedded::ContentFiles(), "");
    auto catalog = Catalog::Load(content);
    if (!catalog.ok()) {
      fmt::print(stderr, "{}\n", catalog.status().message());
      std::exit(1);
    }
    auto found = catalog->Find("ecr-r");
    if (!found.ok()) {
      fmt::print(stderr, "{}\n", found.status().message());
      std::exit(1);
    }
    return **found;
  }();
  return instrument;
}

// `rows` random ECR-R rows (id + 36 answers, about 2% blank) with a header.
std::string EcrRCsv(int rows) {
  std::mt19937 rng(42);
  std::string csv = "id";
  for (int n = 1; n <= 36; ++n) csv += fmt::format(",ecrr_{:02d}", n);
  csv += '\n';
  for (int r = 1; r <= rows; ++r) {
    csv += fmt::format("p{}", r);
    for (int n = 1; n <= 36; ++n) {
      csv += ',';
      if (rng() % 50 != 0) csv += static_cast<char>('1' + rng() % 7);
    }
    csv += '\n';
  }
  return csv;
}

void BM_ScoringKeyScore(benchmark::State& state) {
  ScoringKey key(EcrR());
  std::mt19937 rng(1);
  std::vector<std::vector<int>> rows(1024, std::vector<int>(36));
  for (auto& row : rows) {
    for (int& x : row) x = rng() % 50 == 0 ? kMissing : static_cast<int>(rng() % 7) + 1;
  }
  size_t i = 0;
  for (auto _ : state) {
    Scores s = key.Score(rows[i++ & 1023]);
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScoringKeyScore);

// Counts the bytes it is given and keeps none.
class NullSink final : public ByteSink {
 public:
  Status Write(std::string_view bytes) override {
    bytes_ += bytes.size();
    return Status::Ok();
  }
  size_t bytes_ = 0;
};

// Arg 0: CSV output; 1: JSON output.
void BM_BatchScorer100kRows(benchmark::State& state) {
  constexpr int kRows = 100000;
  static const std::string csv = EcrRCsv(kRows);
  BatchOptions options;
  options.format = state.range(0) == 0 ? OutputFormat::kCsv : OutputFormat::kJson;
  auto scorer = BatchScorer::Create(EcrR(), options);
  if (!scorer.ok()) {
    state.SkipWithError(scorer.status().message().c_str());
    return;
  }
  for (auto _ : state) {
    StringSource in(csv, size_t{1} << 20);
    NullSink out;
    auto summary = scorer->Run(in, out);
    if (!summary.ok() || summary->rows != kRows) {
      state.SkipWithError("the batch scorer failed");
      return;
    }
    benchmark::DoNotOptimize(out.bytes_);
  }
  state.SetItemsProcessed(state.iterations() * kRows);
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(csv.size()));
  state.SetLabel(state.range(0) == 0 ? "csv out" : "json out");
}
BENCHMARK(BM_BatchScorer100kRows)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace securebase::understand

BENCHMARK_MAIN();
