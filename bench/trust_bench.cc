// Steps 5 and 6 at five years of daily use: 1,826 one-off commitments (one a day), three
// daily and one weekly repeating commitment running the whole time, an outcome for nearly
// every occurrence (about 7,500), and five bids a day (about 9,100). Each benchmark runs
// the real API route in process (router, handler, store, JSON), as the web app calls it:
// the Today list, the reliability page (everyone and one person) and the availability page.
// Baselines measured in the same run: the same route for a user with no data (fixed cost),
// and a bare full scan of the commitment and outcome rows (the floor for "load everything").
// Target: Today and reliability under 10 ms. See docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <filesystem>
#include <random>

#include "app/services.h"
#include "http/api_context.h"
#include "platform/embedded_file.h"
#include "platform/http/router.h"
#include "trust/civil.h"

namespace securebase {
namespace {

constexpr int kDays = 1826;
constexpr int kPeople = 5;
constexpr int kBidsPerDay = 5;
constexpr int64_t kDayMs = 86'400'000;
const Instant kNow{1'795'000'000'000, 60};

struct World {
  std::string dir;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<ContentLibrary> content;
  std::unique_ptr<FakeClock> clock;
  std::unique_ptr<app::Services> services;
  std::unique_ptr<http::Idempotency> idempotency;
  std::unique_ptr<http::ApiContext> full, empty;
  std::unique_ptr<http::Router> router_full, router_empty;
  int64_t commitments = 0, outcomes = 0, bids = 0;
};

void Die(const Status& s) {
  fmt::print(stderr, "{}\n", s.message());
  std::exit(1);
}

const char* PickOutcome(std::mt19937& rng) {
  unsigned r = rng() % 100;
  if (r < 78) return "kept";
  if (r < 87) return "renegotiated";
  if (r < 95) return "broken";
  return nullptr;  // not marked
}

Status Fill(World& w) {
  int64_t today = trust::LocalDay(kNow.utc_ms, kNow.offset_minutes);
  int64_t first = today - kDays + 1;
  std::mt19937 rng(11);
  return w.db->Write([&](db::Connection& c) -> Status {
    TRY_ASSIGN(auto* add, c.Prepare("INSERT INTO commitments (user_id, person_id, direction, "
                                    "what, due_day, due_minutes, zone, repeat, month_day, "
                                    "created_ms, created_offset, updated_ms) VALUES "
                                    "(1, ?, ?, ?, ?, ?, 'Europe/Berlin', ?, 1, ?, 60, ?) "
                                    "RETURNING id"));
    TRY_ASSIGN(auto* out, c.Prepare("INSERT INTO commitment_outcomes (user_id, commitment_id, "
                                    "day, outcome, note, at_ms, at_offset) VALUES "
                                    "(1, ?, ?, ?, ?, ?, 60)"));
    auto insert = [&](std::optional<int64_t> person, const char* dir, const std::string& what,
                      int64_t day, std::optional<int64_t> minutes,
                      const char* repeat) -> Result<int64_t> {
      int64_t at = (day - 1) * kDayMs;
      add->BindAll(person, dir, what, day, minutes, repeat, at, at);
      TRY_ASSIGN(bool row, add->Step());
      if (!row) return Status::Internal("no id");
      int64_t id = add->Int(0);
      add->Reset();
      ++w.commitments;
      return id;
    };
    auto mark = [&](int64_t id, int64_t day) -> Status {
      const char* o = PickOutcome(rng);
      if (!o || day == today) return Status::Ok();
      out->BindAll(id, day, o, std::string(o[0] == 'r' ? "Sunday instead" : ""),
                   day * kDayMs + 20 * 3'600'000);
      TRY(out->Run());
      out->Reset();
      ++w.outcomes;
      return Status::Ok();
    };
    // The repeating ones, started five years ago.
    std::vector<std::pair<int64_t, int>> repeating;  // id, every n days
    for (int i = 0; i < 3; ++i) {
      TRY_ASSIGN(int64_t id,
                 insert(i == 0 ? std::optional<int64_t>() : std::optional<int64_t>(1 + i),
                        i == 2 ? "to-me" : "mine", fmt::format("Daily promise {}", i), first,
                        480 + 60 * i, "daily"));
      repeating.emplace_back(id, 1);
    }
    TRY_ASSIGN(int64_t weekly, insert(int64_t{1}, "mine", "Sunday call", first, 1080, "every:7"));
    repeating.emplace_back(weekly, 7);
    for (int64_t day = first; day <= today; ++day) {
      for (auto [id, every] : repeating) {
        if ((day - first) % every == 0) {
          TRY(mark(id, day));
        }
      }
      // One new one-off commitment a day, to someone, due that day.
      int64_t person = 1 + static_cast<int64_t>(rng() % kPeople);
      TRY_ASSIGN(int64_t id,
                 insert(person, rng() % 4 == 0 ? "to-me" : "mine",
                        fmt::format("Promise of day {}", day - first), day, std::nullopt, "none"));
      TRY(mark(id, day));
    }
    TRY_ASSIGN(auto* bid, c.Prepare("INSERT INTO bids (user_id, person_id, direction, kind, "
                                    "response, feeling, at_ms, at_offset) VALUES "
                                    "(1, ?, ?, ?, ?, '', ?, 60)"));
    const char* kinds[] = {"attention", "affection", "humour", "help", "conversation", "touch"};
    const char* responses[] = {"toward", "toward", "toward", "toward", "away", "against", "missed"};
    for (int64_t day = first; day <= today; ++day) {
      for (int k = 0; k < kBidsPerDay; ++k) {
        bid->BindAll(int64_t(1 + rng() % kPeople), rng() % 2 ? "received" : "made",
                     kinds[rng() % 6], responses[rng() % 7],
                     day * kDayMs + static_cast<int64_t>(rng() % 86'400'000));
        TRY(bid->Run());
        bid->Reset();
        ++w.bids;
      }
    }
    return Status::Ok();
  });
}

World& TheWorld() {
  static World* w = [] {
    auto* w = new World;
    w->dir = (std::filesystem::temp_directory_path() / fmt::format("sb_trust_bench_{}", ::getpid()))
                 .string();
    std::filesystem::remove_all(w->dir);
    auto db = app::OpenDatabase(w->dir + "/db.sqlite");
    if (!db.ok()) Die(db.status());
    w->db = std::move(*db);
    w->content = std::make_unique<ContentLibrary>(embedded::ContentFiles(), "");
    w->clock = std::make_unique<FakeClock>(kNow);
    auto s = app::Services::Create(*w->db, *w->content, *w->clock);
    if (!s.ok()) Die(s.status());
    w->services = std::move(*s);
    for (int i = 0; i < kPeople; ++i) {
      (void)w->services->people->Add(1, {fmt::format("Person {}", i + 1), "friend", ""}, kNow);
    }
    Status filled = Fill(*w);
    if (!filled.ok()) Die(filled);
    (void)w->db->Write([](db::Connection& c) { return c.Exec("ANALYZE"); });
    w->idempotency = std::make_unique<http::Idempotency>(*w->db, *w->clock);
    w->full.reset(new http::ApiContext{*w->services, *w->idempotency, 1});
    w->empty.reset(new http::ApiContext{*w->services, *w->idempotency, 2});
    w->router_full = std::make_unique<http::Router>(http::BodyRule::kJsonOnly);
    w->router_empty = std::make_unique<http::Router>(http::BodyRule::kJsonOnly);
    http::AddApiRoutes(*w->router_full, *w->full);
    http::AddApiRoutes(*w->router_empty, *w->empty);
    return w;
  }();
  return *w;
}

// GET `target` through the router, as the server would; `empty`: the user with no data.
void BM_Route(benchmark::State& state, std::string target, bool empty) {
  World& w = TheWorld();
  http::Request req;
  req.method = "GET";
  if (!http::ParseTarget(target, &req.path, &req.query)) Die(Status::Invalid("bad target"));
  const http::Router& router = empty ? *w.router_empty : *w.router_full;
  size_t bytes = 0;
  for (auto _ : state) {
    http::Response r = router.Handle(req);
    if (r.status != 200) Die(Status::Internal(fmt::format("{} answered {}", target, r.status)));
    bytes = r.body.size();
    benchmark::DoNotOptimize(r);
  }
  state.counters["json_bytes"] = static_cast<double>(bytes);
  state.counters["commitments"] = empty ? 0 : static_cast<double>(w.commitments);
  state.counters["outcomes"] = empty ? 0 : static_cast<double>(w.outcomes);
  state.counters["bids"] = empty ? 0 : static_cast<double>(w.bids);
}

// The floor: step through every commitment and outcome row of the user, doing nothing.
void BM_BareScan(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    int64_t n = 0;
    (void)w.db->Read([&](db::Connection& c) -> Status {
      for (const char* sql : {"SELECT id, person_id, direction, what, due_day, due_minutes, "
                              "zone, repeat, month_day, until_day, renegotiated_from, archived, "
                              "created_ms, created_offset FROM commitments WHERE user_id = 1",
                              "SELECT commitment_id, day, outcome, note, at_ms, at_offset FROM "
                              "commitment_outcomes WHERE user_id = 1"}) {
        TRY_ASSIGN(auto* st, c.Prepare(sql));
        for (;;) {
          TRY_ASSIGN(bool row, st->Step());
          if (!row) break;
          ++n;
        }
      }
      return Status::Ok();
    });
    benchmark::DoNotOptimize(n);
  }
}

}  // namespace

BENCHMARK_CAPTURE(BM_Route, today, std::string("/api/v1/commitments/today"), false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, today_empty_baseline, std::string("/api/v1/commitments/today"), true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, reliability_everyone, std::string("/api/v1/commitments/reliability"),
                  false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, reliability_one_person,
                  std::string("/api/v1/commitments/reliability?person=2"), false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, reliability_empty_baseline,
                  std::string("/api/v1/commitments/reliability"), true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BareScan)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, commitments_first_page, std::string("/api/v1/commitments?limit=50"),
                  false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, availability_one_person, std::string("/api/v1/bids/stats?person=2"),
                  false)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Route, bids_first_page, std::string("/api/v1/bids?limit=20"), false)
    ->Unit(benchmark::kMillisecond);

}  // namespace securebase

BENCHMARK_MAIN();
