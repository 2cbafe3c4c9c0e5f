// Reflections at ten years of daily use: 3,650 entries with several emotions and tags
// each. Measures what the API does for GET /api/v1/reflections/patterns (read, compute,
// JSON) and for a search (FTS5 with bm25 and snippets, JSON). Targets: patterns under
// 20 ms, search under 5 ms. See docs/benchmarks.md.
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <boost/json.hpp>
#include <filesystem>
#include <random>

#include "app/services.h"
#include "http/reflect_views.h"
#include "platform/embedded_file.h"

namespace securebase {
namespace {

constexpr int kEntries = 3650;
constexpr int64_t kDay = 86'400'000;
const Instant kNow{1'795'000'000'000, 60};

struct World {
  std::string dir;
  std::unique_ptr<db::Database> db;
  std::unique_ptr<ContentLibrary> content;
  std::unique_ptr<FakeClock> clock;
  std::unique_ptr<app::Services> services;
};

void Die(const Status& s) {
  fmt::print(stderr, "{}\n", s.message());
  std::exit(1);
}

}  // namespace

World& TheWorld() {
  static World* w = [] {
    auto* w = new World;
    w->dir =
        (std::filesystem::temp_directory_path() / fmt::format("sb_reflect_bench_{}", ::getpid()))
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
    for (const char* name : {"Alex", "Sam", "Robin", "Kim", "Jo"}) {
      (void)w->services->people->Add(1, {name, "friend", ""}, kNow);
    }
    const auto& words = w->services->reflections->vocabulary().all();
    const std::vector<std::string> tags{
        "late reply",  "criticism",    "silence",          "plans changed", "tired",      "money",
        "work stress", "family visit", "feeling left out", "jealousy",      "being late", "chores"};
    const std::vector<std::string> sentences{
        "They did not reply for hours and I kept checking my phone.",
        "We had dinner and I went quiet when the subject of money came up.",
        "A good talk in the evening; I said what I needed and it went well.",
        "I felt left out when the plans changed without asking me.",
        "Work was heavy and I came home with nothing left to give.",
        "They were late again and I told myself it meant they did not care.",
        "A calm walk together on the weekend, holding hands.",
        "I wanted reassurance but did not ask; I pulled away instead."};
    std::mt19937 rng(7);
    Status s2 = w->db->Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("INSERT INTO reflections (user_id, happened_ms, happened_offset, "
                           "written_ms, written_offset, updated_ms, people, emotions, tags, "
                           "activation, situation, thoughts, needs) VALUES "
                           "(1,?,60,?,60,?,?,?,?,?,?,?,?)"));
      for (int i = 0; i < kEntries; ++i) {
        int64_t at =
            kNow.utc_ms - (kEntries - i) * kDay + static_cast<int64_t>(rng() % 24) * 3'600'000;
        boost::json::array emotions;
        for (int k = 0; k < 3; ++k) {
          emotions.push_back(boost::json::object{{"word", words[rng() % words.size()].word},
                                                 {"intensity", static_cast<int>(rng() % 11)}});
        }
        std::string t = tags[rng() % tags.size()] + "\n" + tags[rng() % tags.size()] + "\n" +
                        tags[rng() % tags.size()];
        const char* moved[] = {"toward", "away", "neither"};
        std::string people = fmt::format("[{}]", 1 + rng() % 5);
        st->BindAll(
            at, at, at, people, boost::json::serialize(emotions), t, std::string(moved[rng() % 3]),
            sentences[rng() % sentences.size()] + (i == 1234 ? " A rare word: pomegranate." : ""),
            sentences[rng() % sentences.size()], sentences[rng() % sentences.size()]);
        TRY(st->Run());
        st->Reset();
      }
      return Status::Ok();
    });
    if (!s2.ok()) Die(s2);
    return w;
  }();
  return *w;
}

namespace {

void BM_Patterns(benchmark::State& state) {
  World& w = TheWorld();
  size_t bytes = 0;
  for (auto _ : state) {
    std::string body;
    (void)w.db->Read([&](db::Connection&) {
      auto p = w.services->reflections->PatternsFor(1);
      if (!p.ok()) Die(p.status());
      body = boost::json::serialize(http::PatternsJson(*p));
      return Status::Ok();
    });
    bytes = body.size();
    benchmark::DoNotOptimize(body);
  }
  state.counters["entries"] = kEntries;
  state.counters["json_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Patterns)->Unit(benchmark::kMillisecond);

void BM_Search(benchmark::State& state, std::string query) {
  World& w = TheWorld();
  size_t hits = 0;
  auto& service = *w.services->reflections;
  for (auto _ : state) {
    std::string body;
    (void)w.db->Read([&](db::Connection&) {
      auto found = service.Search(1, query, 50);
      if (!found.ok()) Die(found.status());
      boost::json::array items;
      for (const auto& h : *found) {
        auto o = http::ReflectionJson(h.reflection, service.PeopleOf(1, h.reflection),
                                      service.vocabulary());
        o["snippet"] = http::SnippetJson(h.snippet);
        items.push_back(std::move(o));
      }
      hits = found->size();
      body = boost::json::serialize(items);
      return Status::Ok();
    });
    benchmark::DoNotOptimize(body);
  }
  state.counters["hits"] = static_cast<double>(hits);
}
BENCHMARK_CAPTURE(BM_Search, common_word, std::string("reassurance"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, two_words, std::string("money dinner"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, phrase, std::string("\"left out\""))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, rare_word, std::string("pomegranate"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Search, emoji_scan, std::string("🌧"))->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace securebase

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  auto& w = securebase::TheWorld();
  w.services.reset();
  w.db.reset();
  std::filesystem::remove_all(w.dir);
  return 0;
}
