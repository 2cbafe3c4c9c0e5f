#pragma once
// Patterns in a person's reflections: triggers, feelings per person, moving toward or
// away, times of day and week, and a calendar. Pure functions of the rows, so they are
// tested on hand-built data. Every figure carries the number of entries behind it, and a
// part with fewer than kMinEntries entries is left empty rather than guessed at.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "reflect/emotions.h"
#include "reflect/reflection_store.h"

namespace securebase::reflect {

inline constexpr int kMinEntries = 3;      // a part with fewer says nothing
inline constexpr int kMinItemEntries = 2;  // a trigger or feeling must recur to be listed

struct TriggerStat {
  std::string tag;
  int entries = 0;  // reflections with this tag
  int last_30 = 0;  // of those, in the last 30 days
  int last_90 = 0;  // ... and in the last 90 days
};

struct EmotionStat {
  std::string word;
  int entries = 0;
  double mean_intensity = 0;
};

struct ActivationCounts {
  int toward = 0, away = 0, neither = 0;
  int total() const { return toward + away + neither; }
};

struct PersonPatterns {
  int64_t person = 0;
  std::string name;
  int entries = 0;
  std::vector<TriggerStat> triggers;  // most frequent first
  std::vector<EmotionStat> emotions;  // most frequent first
  ActivationCounts activation;
};

// One week or month of reflections.
struct Bucket {
  std::string start;  // "2026-11-02": the Monday of the week, or the 1st of the month
  int entries = 0;
  int rated = 0;  // entries with emotions from the vocabulary (behind the two means)
  std::optional<double> pleasantness, energy;  // intensity-weighted means, -1..1
  ActivationCounts activation;
};

struct DayCell {
  std::string date;  // local date
  int entries = 0;
  int intensity = 0;  // the strongest feeling that day, 0..10
};

struct Patterns {
  int entries = 0;
  std::string first_date, last_date;
  std::vector<TriggerStat> triggers;  // overall, most frequent first (at most 10)
  int triggers_last_30_entries = 0;   // reflections in the last 30 days
  int triggers_last_90_entries = 0;
  std::vector<EmotionStat> emotions;   // overall, most frequent first (at most 10)
  std::vector<PersonPatterns> people;  // people with kMinEntries or more, most first
  ActivationCounts activation;
  std::string bucket_size;          // "week" (spans up to 26 weeks) or "month"
  std::vector<Bucket> over_time;    // oldest first; only buckets with entries
  std::array<int, 24> by_hour{};    // local hour
  std::array<int, 4> by_part{};     // night 0-5, morning 6-11, afternoon 12-17, evening 18-23
  std::array<int, 7> by_weekday{};  // Monday first
  std::array<double, 7> weekday_intensity{};  // mean strongest feeling, per weekday
  std::vector<DayCell> calendar;              // the last 365 days, days with entries only
  std::vector<std::string> summary;           // plain sentences saying the above
  bool enough() const { return entries >= kMinEntries; }
};

// `names`: person id -> name for people still present; others are left out of per-person
// patterns. `now` fixes "the last 30 days" and the calendar's year.
Patterns ComputePatterns(const std::vector<PatternRow>& rows, const EmotionVocabulary& vocab,
                         const std::map<int64_t, std::string>& names, Instant now);

// "night", "morning", "afternoon", "evening" for by_part's index.
const char* PartOfDayName(int part);
// "Monday" .. "Sunday".
const char* WeekdayName(int day);

}  // namespace securebase::reflect
