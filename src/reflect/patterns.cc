#include "reflect/patterns.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace securebase::reflect {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr size_t kTopItems = 10;

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t LocalMs(Instant t) { return t.utc_ms + int64_t{t.offset_minutes} * 60'000; }
int64_t LocalDay(Instant t) { return FloorDiv(LocalMs(t), kDayMs); }
// 0 = Monday (1970-01-01 was a Thursday).
int WeekdayOf(int64_t day) { return static_cast<int>(((day + 3) % 7 + 7) % 7); }
std::string DateOf(int64_t day) { return LocalDate(Instant{day * kDayMs, 0}); }

struct TagCounter {
  std::unordered_map<std::string, TriggerStat> stats;
  void Add(const std::string& tag, int64_t age_days) {
    auto& s = stats[tag];
    s.tag = tag;
    ++s.entries;
    if (age_days < 30) ++s.last_30;
    if (age_days < 90) ++s.last_90;
  }
  std::vector<TriggerStat> Top() const {
    std::vector<TriggerStat> out;
    for (const auto& [tag, s] : stats) {
      if (s.entries >= kMinItemEntries) out.push_back(s);
    }
    std::sort(out.begin(), out.end(), [](const TriggerStat& a, const TriggerStat& b) {
      return a.entries != b.entries ? a.entries > b.entries : a.tag < b.tag;
    });
    if (out.size() > kTopItems) out.resize(kTopItems);
    return out;
  }
};

struct EmotionCounter {
  std::unordered_map<std::string, std::pair<int, int>> stats;  // word -> entries, sum
  void Add(const EmotionRating& e) {
    auto& s = stats[e.word];
    ++s.first;
    s.second += e.intensity;
  }
  std::vector<EmotionStat> Top() const {
    std::vector<EmotionStat> out;
    for (const auto& [word, s] : stats) {
      if (s.first >= kMinItemEntries) {
        out.push_back({word, s.first, static_cast<double>(s.second) / s.first});
      }
    }
    std::sort(out.begin(), out.end(), [](const EmotionStat& a, const EmotionStat& b) {
      return a.entries != b.entries ? a.entries > b.entries : a.word < b.word;
    });
    if (out.size() > kTopItems) out.resize(kTopItems);
    return out;
  }
};

void Count(ActivationCounts& c, const std::optional<Activation>& a) {
  if (!a) return;
  if (*a == Activation::kToward) ++c.toward;
  if (*a == Activation::kAway) ++c.away;
  if (*a == Activation::kNeither) ++c.neither;
}

std::string Quoted(const std::string& s) { return "\u201c" + s + "\u201d"; }

std::string ListOf(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

std::string Plural(int n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

void Summarise(Patterns& p) {
  auto& s = p.summary;
  s.push_back(fmt::format("Based on {} from {} to {}.",
                          Plural(p.entries, "reflection", "reflections"), p.first_date,
                          p.last_date));
  if (!p.triggers.empty()) {
    std::vector<std::string> parts;
    for (size_t i = 0; i < p.triggers.size() && i < 3; ++i) {
      parts.push_back(fmt::format("{} ({})", Quoted(p.triggers[i].tag), p.triggers[i].entries));
    }
    s.push_back(fmt::format("What set things off most often: {}.", ListOf(parts)));
    const TriggerStat& top = p.triggers[0];
    if (p.triggers_last_30_entries >= kMinEntries) {
      s.push_back(fmt::format("In the last 30 days, {} came up in {} of {} reflections.",
                              Quoted(top.tag), top.last_30, p.triggers_last_30_entries));
    }
  } else {
    s.push_back("No trigger has come up more than once yet.");
  }
  if (!p.emotions.empty()) {
    std::vector<std::string> words;
    for (size_t i = 0; i < p.emotions.size() && i < 3; ++i) words.push_back(p.emotions[i].word);
    s.push_back(fmt::format("The feelings you named most often: {}.", ListOf(words)));
  }
  for (const auto& person : p.people) {
    std::string line = fmt::format("With {} ({}):", person.name,
                                   Plural(person.entries, "reflection", "reflections"));
    if (!person.emotions.empty()) {
      std::vector<std::string> words;
      for (size_t i = 0; i < person.emotions.size() && i < 3; ++i) {
        words.push_back(person.emotions[i].word);
      }
      line += fmt::format(" you often felt {}.", ListOf(words));
    } else {
      line += " no feeling came up more than once.";
    }
    if (!person.triggers.empty()) {
      line += fmt::format(" The usual trigger: {}.", Quoted(person.triggers[0].tag));
    }
    const auto& a = person.activation;
    if (a.total() >= kMinEntries) {
      if (a.toward > a.away) {
        line += fmt::format(" You mostly moved toward them ({} of {} times).", a.toward, a.total());
      } else if (a.away > a.toward) {
        line += fmt::format(" You mostly moved away ({} of {} times).", a.away, a.total());
      } else {
        line += " Moving toward and moving away came up equally.";
      }
    }
    s.push_back(line);
  }
  if (p.activation.total() >= kMinEntries) {
    std::string line = fmt::format("You reached toward the other person {} and pulled away {}",
                                   Plural(p.activation.toward, "time", "times"),
                                   Plural(p.activation.away, "time", "times"));
    if (p.activation.neither > 0) {
      line += fmt::format("; {} you did neither", Plural(p.activation.neither, "time", "times"));
    }
    s.push_back(line + ".");
  }
  int part =
      static_cast<int>(std::max_element(p.by_part.begin(), p.by_part.end()) - p.by_part.begin());
  int day = static_cast<int>(std::max_element(p.by_weekday.begin(), p.by_weekday.end()) -
                             p.by_weekday.begin());
  s.push_back(
      fmt::format("Most of these moments happened in the {} ({} of {}); the busiest day "
                  "was {} ({}).",
                  PartOfDayName(part), p.by_part[static_cast<size_t>(part)], p.entries,
                  WeekdayName(day), p.by_weekday[static_cast<size_t>(day)]));
  double pl = 0, en = 0;
  int rated = 0;
  for (const auto& b : p.over_time) {
    if (!b.pleasantness) continue;
    pl += *b.pleasantness * b.rated;
    en += *b.energy * b.rated;
    rated += b.rated;
  }
  if (rated >= kMinEntries) {
    pl /= rated;
    en /= rated;
    s.push_back(
        fmt::format("On average the feelings were {} and {} in energy ({} rated "
                    "reflections).",
                    pl >= 0.15    ? "pleasant"
                    : pl <= -0.15 ? "unpleasant"
                                  : "mixed",
                    en >= 0.15    ? "high"
                    : en <= -0.15 ? "low"
                                  : "middling",
                    rated));
  }
}

}  // namespace

const char* PartOfDayName(int part) {
  static constexpr const char* kNames[] = {"night", "morning", "afternoon", "evening"};
  return part >= 0 && part < 4 ? kNames[part] : "";
}

const char* WeekdayName(int day) {
  static constexpr const char* kNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                           "Friday", "Saturday", "Sunday"};
  return day >= 0 && day < 7 ? kNames[day] : "";
}

Patterns ComputePatterns(const std::vector<PatternRow>& rows, const EmotionVocabulary& vocab,
                         const std::map<int64_t, std::string>& names, Instant now) {
  Patterns p;
  p.entries = static_cast<int>(rows.size());
  if (!p.enough()) return p;
  int64_t today = LocalDay(now);
  int64_t first_day = INT64_MAX, last_day = INT64_MIN;
  for (const auto& r : rows) {
    first_day = std::min(first_day, LocalDay(r.happened));
    last_day = std::max(last_day, LocalDay(r.happened));
  }
  p.first_date = DateOf(first_day);
  p.last_date = DateOf(last_day);
  bool weekly = last_day - first_day <= 26 * 7;
  p.bucket_size = weekly ? "week" : "month";

  TagCounter tags;
  EmotionCounter emotions;
  struct PersonAcc {
    int entries = 0;
    TagCounter tags;
    EmotionCounter emotions;
    ActivationCounts activation;
  };
  std::map<int64_t, PersonAcc> people;
  std::map<int64_t, Bucket> buckets;                         // key: bucket's first day
  std::map<int64_t, std::pair<double, double>> bucket_sums;  // weighted sums
  std::map<int64_t, double> bucket_weights;
  std::map<int64_t, DayCell> days;
  std::array<int, 7> weekday_intensity_sum{};

  for (const auto& r : rows) {
    int64_t day = LocalDay(r.happened);
    int64_t age = today - day;
    int intensity = 0;
    for (const auto& e : r.emotions) intensity = std::max(intensity, e.intensity);
    for (const auto& t : r.tags) tags.Add(t, age);
    for (const auto& e : r.emotions) emotions.Add(e);
    if (age < 30) ++p.triggers_last_30_entries;
    if (age < 90) ++p.triggers_last_90_entries;
    Count(p.activation, r.activation);
    for (int64_t id : r.people) {
      if (!names.count(id)) continue;
      auto& acc = people[id];
      ++acc.entries;
      for (const auto& t : r.tags) acc.tags.Add(t, age);
      for (const auto& e : r.emotions) acc.emotions.Add(e);
      Count(acc.activation, r.activation);
    }
    // Time of day and week.
    int hour = static_cast<int>((LocalMs(r.happened) - day * kDayMs) / 3'600'000);
    ++p.by_hour[static_cast<size_t>(hour)];
    ++p.by_part[static_cast<size_t>(hour / 6)];
    int wd = WeekdayOf(day);
    ++p.by_weekday[static_cast<size_t>(wd)];
    weekday_intensity_sum[static_cast<size_t>(wd)] += intensity;
    // Over time.
    int64_t key = day - WeekdayOf(day);
    if (!weekly) {
      std::string date = DateOf(day);
      Instant first_of_month;
      ParseIso8601(date.substr(0, 8) + "01", &first_of_month);
      key = first_of_month.utc_ms / kDayMs;
    }
    Bucket& b = buckets[key];
    ++b.entries;
    Count(b.activation, r.activation);
    double w_sum = 0, pl = 0, en = 0;
    for (const auto& e : r.emotions) {
      const Emotion* known = vocab.Find(e.word);
      if (!known) continue;
      double w = std::max(1, e.intensity);
      w_sum += w;
      pl += w * known->pleasantness;
      en += w * known->energy;
    }
    if (w_sum > 0) {
      ++b.rated;
      bucket_sums[key].first += pl / w_sum;
      bucket_sums[key].second += en / w_sum;
    }
    // Calendar.
    if (age >= 0 && age < 365) {
      DayCell& cell = days[day];
      ++cell.entries;
      cell.intensity = std::max(cell.intensity, intensity);
    }
  }

  p.triggers = tags.Top();
  p.emotions = emotions.Top();
  for (auto& [id, acc] : people) {
    if (acc.entries < kMinEntries) continue;
    p.people.push_back(
        {id, names.at(id), acc.entries, acc.tags.Top(), acc.emotions.Top(), acc.activation});
  }
  std::stable_sort(
      p.people.begin(), p.people.end(),
      [](const PersonPatterns& a, const PersonPatterns& b) { return a.entries > b.entries; });
  for (auto& [key, b] : buckets) {
    b.start = DateOf(key);
    if (b.rated > 0) {
      b.pleasantness = bucket_sums[key].first / b.rated;
      b.energy = bucket_sums[key].second / b.rated;
    }
    p.over_time.push_back(b);
  }
  for (size_t i = 0; i < 7; ++i) {
    if (p.by_weekday[i] > 0) {
      p.weekday_intensity[i] = static_cast<double>(weekday_intensity_sum[i]) / p.by_weekday[i];
    }
  }
  for (auto& [day, cell] : days) {
    cell.date = DateOf(day);
    p.calendar.push_back(cell);
  }
  Summarise(p);
  return p;
}

}  // namespace securebase::reflect
