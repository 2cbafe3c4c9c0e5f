#pragma once
// A boundary: the area it covers, who it concerns, the limit, why it matters, the words to
// say it ("When …, I will …") and what I will do if it is crossed. Practice of the script
// (how steady it felt, 0-10) and incidents (held, crossed by someone, crossed by me).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::boundaries {

enum class Area { kTime, kEmotional, kPhysical, kDigital, kMaterial, kOther };
enum class IncidentKind { kHeld, kCrossedByThem, kCrossedByMe };

std::string_view AreaName(Area a);  // "time", ...
std::optional<Area> ParseArea(std::string_view text);
std::string AreaChoices();
std::string_view IncidentKindName(IncidentKind k);  // "held", "crossed-by-them", "crossed-by-me"
std::optional<IncidentKind> ParseIncidentKind(std::string_view text);

inline constexpr size_t kMaxLimitLength = 500;
inline constexpr size_t kMaxTextLength = 5'000;
inline constexpr int kMaxSteadiness = 10;

struct Practice {
  int64_t id = 0;
  int steadiness = 0;  // 0 (shaky) to 10 (steady)
  Instant at;
};

struct Incident {
  int64_t id = 0;
  IncidentKind kind = IncidentKind::kHeld;
  std::string note;
  Instant at;
};

struct Boundary {
  int64_t id = 0;
  Area area = Area::kOther;
  std::optional<int64_t> person_id;  // empty: everyone
  std::string limit, why, script, if_crossed;
  Instant created;
  std::vector<Practice> practices;    // oldest first
  std::vector<Incident> incidents;    // oldest first
  std::optional<int64_t> updated_ms;  // last edited (UTC ms); empty: never
};

struct BoundaryInput {
  std::optional<std::string> area;
  std::optional<int64_t> person;
  std::string limit, why, script, if_crossed;
  std::string when, will;  // build the script from these when `script` is empty
};

// "When you call after ten, I will let it ring and call back in the morning." Leading
// "When" / "I will" the person typed are not doubled; empty when `when` or `will` is.
std::string Script(std::string_view when, std::string_view will);

// Field errors: "area", "person", "limit", "why", "script", "if_crossed".
Result<Boundary> BoundaryFromInput(const BoundaryInput& in, Instant now);
// A change to a boundary: only the fields that are set change. Setting `script` to empty
// text with `when` and `will` builds it from them, as BoundaryFromInput does.
struct BoundaryEdit {
  std::optional<std::string> area;
  std::optional<std::optional<int64_t>> person;  // set to an empty inner value: everyone
  std::optional<std::string> limit, why, script, if_crossed;
  std::string when, will;
};

// `b` with `edit` applied, validated as BoundaryFromInput does (same field names). Its
// practices, incidents and created time are kept.
Result<Boundary> ApplyEdit(const Boundary& b, const BoundaryEdit& edit);

// "steadiness" 0-10.
Status ValidateSteadiness(int64_t steadiness);
// "note" at most 5,000 bytes of UTF-8.
Status ValidateIncidentNote(const std::string& note);

struct BoundaryStats {
  int64_t boundary_id = 0;
  int held = 0, crossed_by_them = 0, crossed_by_me = 0;
  int crossed_lately = 0;  // crossings (either way) in the last 30 days
  int practices = 0;
  std::optional<int> first_steadiness, last_steadiness;
};
struct PersonStats {
  std::optional<int64_t> person_id;  // empty: boundaries with everyone
  int held = 0, crossed_by_them = 0, crossed_by_me = 0;
};
struct Stats {
  std::vector<BoundaryStats> boundaries;  // most crossed lately first
  std::vector<PersonStats> people;
};

Stats ComputeStats(const std::vector<Boundary>& all, Instant now);

}  // namespace securebase::boundaries
