#pragma once
// Where reflections are kept. The service and commands use this interface, never SQL
// directly, so a PostgreSQL store can follow without touching them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.h"
#include "reflect/reflection.h"

namespace securebase::reflect {

inline constexpr int64_t kRestoreWindowMs = 30LL * 24 * 60 * 60 * 1000;  // 30 days

struct ReflectionFilter {
  std::optional<int64_t> about;        // a person id
  std::optional<int64_t> since_ms;     // happened at or after
  std::optional<int64_t> until_ms;     // happened before
  std::optional<std::string> tag;      // lower case
  std::optional<std::string> emotion;  // lower case
};

struct ReflectionPage {
  std::vector<Reflection> items;  // newest first by when it happened
  std::string next_cursor;        // empty when there is nothing more
};

// One search result: the reflection, a snippet of the best matching field with each hit
// between kHitStart and kHitEnd (control characters, which stored text never contains).
inline constexpr char kHitStart = '\x02';
inline constexpr char kHitEnd = '\x03';
struct SearchHit {
  Reflection reflection;
  std::string snippet;
  double rank = 0;  // bm25: lower is a better match
};

// The few fields patterns need (no free text), for every live reflection.
struct PatternRow {
  Instant happened;
  std::vector<int64_t> people;
  std::vector<EmotionRating> emotions;
  std::vector<std::string> tags;
  std::optional<Activation> activation;
};

// A tag and how many live reflections use it.
struct TagCount {
  std::string tag;
  int64_t count = 0;
};

class ReflectionStore {
 public:
  virtual ~ReflectionStore() = default;
  // Inserts `r` (id ignored); returns it with its id.
  virtual Result<Reflection> Insert(int64_t user_id, Reflection r) = 0;
  // Replaces every field of a live reflection.
  virtual Status Update(int64_t user_id, const Reflection& r) = 0;
  // NotFound when there is no such reflection or it was deleted.
  virtual Result<Reflection> Get(int64_t user_id, int64_t id) = 0;
  // A bad cursor is an InvalidArgument on "cursor". `limit` 1..500.
  virtual Result<ReflectionPage> List(int64_t user_id, const ReflectionFilter& filter, int limit,
                                      const std::string& cursor) = 0;
  // Full-text search of live reflections, best match first. `query` is an FTS5 query
  // (see search_text.h); when empty, `substring` is looked for instead (for text FTS5 does
  // not index, such as emoji), newest first.
  virtual Result<std::vector<SearchHit>> Search(int64_t user_id, const std::string& query,
                                                const std::string& substring, int limit) = 0;
  virtual Result<std::vector<PatternRow>> PatternRows(int64_t user_id) = 0;
  // Tags used so far, most used first.
  virtual Result<std::vector<TagCount>> Tags(int64_t user_id, int limit) = 0;
  // Marks the reflection deleted at `now`, and removes for good those deleted more than
  // kRestoreWindowMs before `now`.
  virtual Status Delete(int64_t user_id, int64_t id, Instant now) = 0;
  // Undoes a delete made less than kRestoreWindowMs before `now`; NotFound otherwise.
  virtual Result<Reflection> Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<ReflectionStore> MakeSqliteReflectionStore(db::Database& db);

}  // namespace securebase::reflect
