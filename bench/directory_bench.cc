// The therapist directory at organisation scale: 100,000 synthetic providers clustered in
// 50 cities (about 2,000 per city), searched with three filters (an approach, accepting new
// clients, a fee limit) and a 25 km radius around a city centre. Target: under 20 ms.
// Baseline in the same run: a full scan that reads every provider and computes every
// great-circle distance. See docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <random>

#include "app/services.h"
#include "platform/embedded_file.h"
#include "support/directory.h"
#include "support/geo.h"

namespace securebase {
namespace {

constexpr int kProviders = 100'000;
constexpr int kCities = 50;

struct World {
  std::string dir;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<ContentLibrary> content;
  std::unique_ptr<support::DirectoryStore> store;
  std::unique_ptr<support::Directory> directory;
  std::vector<support::LatLon> cities;
};

void Die(const Status& s) {
  fmt::print(stderr, "{}\n", s.message());
  std::exit(1);
}

World& TheWorld() {
  static World* w = [] {
    auto* w = new World;
    w->dir =
        (std::filesystem::temp_directory_path() / fmt::format("sb_directory_bench_{}", ::getpid()))
            .string();
    std::filesystem::remove_all(w->dir);
    auto db = app::OpenDatabase(w->dir + "/db.sqlite");
    if (!db.ok()) Die(db.status());
    w->db = std::move(*db);
    w->content = std::make_unique<ContentLibrary>(embedded::ContentFiles(), "");
    w->store = support::MakeSqliteDirectoryStore(*w->db);
    auto dir = support::Directory::Create(*w->store, *w->content);
    if (!dir.ok()) Die(dir.status());
    w->directory = std::move(*dir);
    std::mt19937 rng(8);
    std::uniform_real_distribution<double> lat(-55, 70), lon(-180, 180), unit(0, 1);
    for (int i = 0; i < kCities; ++i) w->cities.push_back({lat(rng), lon(rng)});
    w->cities[0] = {51.5074, -0.1278};  // the searched city
    const char* therapies[] = {"eft",  "cbt",  "dbt",           "act", "gottman",
                               "aedp", "emdr", "psychodynamic", "ifs", "schema"};
    const char* specialties[] = {"anxiety", "grief",      "trauma",
                                 "couples", "depression", "relationships"};
    std::vector<support::Provider> batch;
    for (int i = 0; i < kProviders; ++i) {
      const auto& c = w->cities[static_cast<size_t>(i % kCities)];
      support::Provider p;
      p.key = fmt::format("bench-{}", i);
      p.name = fmt::format("Provider {}", i);
      p.provider_type = "therapist";
      p.lat = c.lat + (unit(rng) - 0.5) * 0.8;  // spread over about 90 x 60 km
      p.lon = c.lon + (unit(rng) - 0.5) * 1.0;
      p.coords_from = "file";
      p.telehealth = unit(rng) < 0.6;
      p.in_person = true;
      p.therapy_types = {therapies[rng() % 10], therapies[rng() % 10]};
      p.specialties = {specialties[rng() % 6], specialties[rng() % 6]};
      p.fee_min = 40 + static_cast<int64_t>(rng() % 120);
      p.accepting = unit(rng) < 0.8;
      p.about = "A synthetic provider for the directory benchmark.";
      batch.push_back(std::move(p));
      if (batch.size() == 5000) {
        if (auto r = w->store->Upsert(batch, 1); !r.ok()) Die(r.status());
        batch.clear();
      }
    }
    return w;
  }();
  return *w;
}

support::SearchQuery Query() {
  support::SearchQuery q;
  q.near = support::LatLon{51.5074, -0.1278};
  q.radius_km = 25;
  q.therapy_types = {"eft"};
  q.accepting_only = true;
  q.max_fee = 100;
  return q;
}

void BM_DirectorySearch(benchmark::State& state) {
  World& w = TheWorld();
  int64_t total = 0;
  for (auto _ : state) {
    auto page = w.directory->Search(Query(), 20, "");
    if (!page.ok()) Die(page.status());
    total = page->total;
    benchmark::DoNotOptimize(page->items.data());
  }
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_DirectorySearch)->Unit(benchmark::kMillisecond);

// Baseline: read every provider and compute every distance, then filter in C++.
void BM_FullScanBaseline(benchmark::State& state) {
  World& w = TheWorld();
  support::SearchQuery q = Query();
  int64_t total = 0;
  for (auto _ : state) {
    total = 0;
    Status s = w.db->Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("SELECT lat, lon, therapy_types, accepting, fee_min FROM providers"));
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        double d = support::DistanceKm(*q.near, {st->Double(0), st->Double(1)});
        if (d > q.radius_km) continue;
        if (st->Text(2).find("|eft|") == std::string::npos) continue;
        if (st->Int(3) == 0 || st->Int(4) > *q.max_fee) continue;
        ++total;
      }
      return Status::Ok();
    });
    if (!s.ok()) Die(s);
  }
  state.counters["matches"] = static_cast<double>(total);
}
BENCHMARK(BM_FullScanBaseline)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace securebase

BENCHMARK_MAIN();
