#pragma once
// One time a practice was done: distress before and after (0-10, SUDS-style), the energy
// the person started with, what was going on, whether it was stopped early and whether it
// helped. And the store that keeps them.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/result.h"

namespace securebase::regulate {

enum class Energy { kHigh, kLow };  // keyed up and uncomfortable / flat or numb
enum class Helped { kYes, kALittle, kNo };

std::string_view EnergyName(Energy e);  // "high", "low"
std::optional<Energy> ParseEnergy(std::string_view text);
std::string_view HelpedName(Helped h);  // "yes", "a-little", "no"
std::optional<Helped> ParseHelped(std::string_view text);

inline constexpr int kMinDistress = 0;
inline constexpr int kMaxDistress = 10;

struct Session {
  int64_t id = 0;
  std::string practice_id;
  std::string practice_name;
  int distress_before = 0;
  std::optional<int> distress_after;  // empty: not rated
  Energy energy = Energy::kHigh;
  std::optional<Helped> helped;
  bool stopped_early = false;
  int64_t planned_ms = 0;
  int64_t practiced_ms = 0;
  std::optional<int64_t> person_id;
  std::optional<int64_t> reflection_id;
  Instant started;
  Instant ended;
  // after - before (negative: the distress went down); empty when not rated after.
  std::optional<int> Change() const {
    if (!distress_after) return std::nullopt;
    return *distress_after - distress_before;
  }
};

// What a client sends to record a session (the practice's name and length come from the
// practice itself).
struct SessionInput {
  std::string practice;
  std::optional<int64_t> distress_before;
  std::optional<int64_t> distress_after;
  std::optional<std::string> energy;
  std::optional<std::string> helped;
  bool stopped_early = false;
  int64_t practiced_ms = 0;
  std::optional<int64_t> person;
  std::optional<int64_t> reflection;
};

// Checks ranges and names: "distress_before" (required) and "distress_after" 0-10, "energy"
// high or low (required), "helped" yes, a-little or no, "practiced_ms" 0 to 24 hours,
// "reflection" a positive id. Does not look anything up.
Status ValidateSessionInput(const SessionInput& in);

struct SessionPage {
  std::vector<Session> items;  // newest first
  std::string next_cursor;     // empty when there is nothing more
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // Inserts `s` (id ignored); returns it with its id.
  virtual Result<Session> Insert(int64_t user_id, Session s) = 0;
  virtual Result<Session> Get(int64_t user_id, int64_t id) = 0;
  // Newest first; `practice` empty = every practice. A bad cursor is InvalidArgument "cursor".
  virtual Result<SessionPage> List(int64_t user_id, const std::string& practice, int limit,
                                   const std::string& cursor) = 0;
  // Every session, oldest first (for statistics).
  virtual Result<std::vector<Session>> All(int64_t user_id) = 0;
};

std::unique_ptr<SessionStore> MakeSqliteSessionStore(db::Database& db);

}  // namespace securebase::regulate
