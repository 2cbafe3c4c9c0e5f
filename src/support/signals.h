#pragma once
// Signals from the person's own data that it may be time to talk to someone, each with the
// numbers behind it. Pure rules over plain inputs (Compute*), plus one function that reads
// the stores. Suggestions can be turned off (setting kSuggestionsSetting = "off").
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/settings.h"
#include "reflect/reflection_store.h"
#include "regulate/session.h"
#include "understand/assessment.h"
#include "understand/catalog.h"

namespace securebase::support {

inline constexpr const char* kSuggestionsSetting = "support_suggestions";  // "on" | "off"
inline constexpr int64_t kSignalWindowDays = 14;
inline constexpr int kHighDistress = 7;    // 0-10, before a practice
inline constexpr int kIntenseEmotion = 8;  // 0-10, strongest emotion of a reflection
inline constexpr int kMinIntenseReflections = 4;
inline constexpr int kMinAssessments = 3;
inline constexpr int64_t kMinAssessmentSpanDays = 42;

struct Signal {
  std::string id;  // "distress", "intense-reflections", "no-improvement"
  std::string title;
  bool fired = false;  // true: this suggests talking to someone
  bool enough_data = false;
  std::string text;                       // one or two plain sentences with the numbers
  std::map<std::string, double> numbers;  // the figures the text uses, by name
  std::string link;                       // where in the app the data lives
};

// High distress before regulation practices over the last two weeks: fires when there were
// at least 3 practices, at least half rated kHighDistress or more, in each of the two weeks.
Signal DistressSignal(const std::vector<regulate::Session>& sessions, Instant now);
// Many intense reflections: fires when at least kMinIntenseReflections reflections in the
// last two weeks had an emotion at kIntenseEmotion or more.
Signal IntenseReflectionSignal(const std::vector<reflect::PatternRow>& rows, Instant now);
// No reliable improvement: for the general questionnaire taken most often, at least
// kMinAssessments complete results spanning kMinAssessmentSpanDays or more, and the first
// and latest differ by no reliable change (or a reliable change away from security).
Signal NoImprovementSignal(const std::vector<understand::Assessment>& complete_general,
                           const understand::Catalog& catalog);

struct SignalsView {
  bool enabled = true;          // false when the person turned suggestions off
  std::vector<Signal> signals;  // empty when not enabled
  int fired = 0;
};

// Reads the setting and the stores and computes every signal.
Result<SignalsView> GatherSignals(int64_t user_id, Instant now, SettingsStore& settings,
                                  regulate::SessionStore& sessions,
                                  reflect::ReflectionStore& reflections,
                                  understand::AssessmentStore& assessments,
                                  const understand::Catalog& catalog);

Result<bool> SuggestionsEnabled(SettingsStore& settings, int64_t user_id);
Status SetSuggestionsEnabled(SettingsStore& settings, int64_t user_id, bool on);

}  // namespace securebase::support
