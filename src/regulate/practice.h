#pragma once
// A regulation practice as data: breathing with timed phases, or timed written steps
// (grounding, body scan, self-compassion, a break). The file format is documented in
// docs/practices.md; files live in content/practices/ and <config>/content/practices/, and
// the person's own or re-timed practices are kept in the database in the same format.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::regulate {

enum class PracticeKind { kBreathing, kGrounding, kBody, kSelfCompassion, kPause };

// Whom a practice suits: someone keyed up and uncomfortable (high energy, unpleasant),
// someone flat or numb (low energy), or either.
enum class Suits { kHigh, kLow, kAny };

enum class PhaseKind { kInhale, kInhaleMore, kHold, kExhale };

std::string_view PracticeKindName(PracticeKind k);  // "breathing", "self-compassion", ...
std::string_view SuitsName(Suits s);                // "high", "low", "any"
std::string_view PhaseKindName(PhaseKind p);        // "inhale", "inhale-more", "hold", "exhale"
// What the player shows for a phase: "Breathe in", "A little more", "Hold", "Breathe out".
std::string_view PhaseLabel(PhaseKind p);

struct BreathPhase {
  PhaseKind kind = PhaseKind::kInhale;
  double seconds = 4;
};

struct Step {
  std::string text;
  double seconds = 30;
};

inline constexpr double kMaxPhaseSeconds = 60;
inline constexpr double kMaxStepSeconds = 3600;
inline constexpr int kMinDurationSeconds = 10;
inline constexpr int kMaxDurationSeconds = 3 * 3600;

struct Practice {
  std::string id;    // "cyclic-sighing": lower-case letters, digits and '-'
  std::string name;  // "Cyclic sighing"
  PracticeKind kind = PracticeKind::kBreathing;
  Suits suits = Suits::kAny;
  std::string summary;  // one line
  std::string intro;    // read before starting
  std::string source;   // where the idea or the timing comes from; empty for our own
  // Breathing: one cycle of phases, repeated for about duration_seconds.
  std::vector<BreathPhase> phases;
  int duration_seconds = 0;  // breathing: the target length; steps: their sum
  // Everything else: steps shown one after another.
  std::vector<Step> steps;
  std::string origin;  // "content/practices/x.json", a file path, or "yours"
  bool own = false;    // the person's own (or their re-timed version of a built-in)

  bool breathing() const { return kind == PracticeKind::kBreathing; }
  // Seconds of one breathing cycle (0 for step practices).
  double CycleSeconds() const;
  // Breathing: whole cycles that fit duration_seconds best (at least 1). Steps: 1.
  int Rounds() const;
  // The length the player will run, in milliseconds.
  int64_t TotalMs() const;
};

// Parses and validates one practice document. Errors name `origin`, the field
// ("phases[1].seconds") and what is wrong.
Result<Practice> ParsePractice(std::string_view json, const std::string& origin);
// The practice in the file format (what ParsePractice reads back).
std::string PracticeToJson(const Practice& p);

// A re-timing of a practice: new phase seconds (by position) and/or a new length.
struct Retiming {
  std::vector<std::optional<double>> phase_seconds;
  std::optional<int> duration_seconds;
  std::vector<std::optional<double>> step_seconds;
};
// Applies `r` to a copy of `p` and validates the result; field errors name "phases[i].seconds",
// "steps[i].seconds" or "duration_seconds".
Result<Practice> Retime(const Practice& p, const Retiming& r);

}  // namespace securebase::regulate
