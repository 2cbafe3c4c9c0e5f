#pragma once
// A questionnaire taken (or being taken) by the person, in general or about one person,
// and the store that keeps them.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/clock.h"
#include "platform/db/database.h"
#include "platform/result.h"

namespace securebase::understand {

enum class AssessmentStatus { kDraft, kComplete };

struct Assessment {
  int64_t id = 0;
  std::string instrument;
  std::optional<int64_t> about;  // person id; empty = in general
  AssessmentStatus status = AssessmentStatus::kDraft;
  std::map<std::string, int> answers;        // item id -> value
  std::optional<double> anxiety, avoidance;  // stored scores (kMean instruments, when complete)
  Instant started;
  int64_t updated_ms = 0;
  std::optional<Instant> completed;
};

// Which assessments to list. `about`: empty = any; a value of std::nullopt inside = general.
struct AssessmentFilter {
  std::optional<std::optional<int64_t>> about;
  std::optional<AssessmentStatus> status;
  std::optional<std::string> instrument;
};

struct Page {
  int limit = 50;      // 1..500
  std::string cursor;  // empty = from the newest; otherwise a value from a previous page
};

struct AssessmentPage {
  std::vector<Assessment> items;  // newest first (by completion, else start)
  std::string next_cursor;        // empty when there is nothing more
};

class AssessmentStore {
 public:
  virtual ~AssessmentStore() = default;
  // Inserts `a` (id ignored); returns it with its id.
  virtual Result<Assessment> Insert(int64_t user_id, Assessment a) = 0;
  // Replaces answers, status, scores, updated and completed of an existing row.
  virtual Status Update(int64_t user_id, const Assessment& a) = 0;
  virtual Result<Assessment> Get(int64_t user_id, int64_t id) = 0;
  // Hides rows about removed people. A bad cursor is an InvalidArgument on "cursor".
  virtual Result<AssessmentPage> List(int64_t user_id, const AssessmentFilter& filter,
                                      const Page& page) = 0;
  // Hides an assessment (and takes it out of change comparisons); Restore undoes it.
  virtual Status Remove(int64_t user_id, int64_t id, Instant now) = 0;
  virtual Status Restore(int64_t user_id, int64_t id) = 0;
  // The complete assessment of the same instrument and target finished just before `a`.
  // Its answers are left empty when its stored scores (anxiety, avoidance) are both set.
  virtual Result<std::optional<Assessment>> Previous(int64_t user_id, const Assessment& a) = 0;
};

std::unique_ptr<AssessmentStore> MakeSqliteAssessmentStore(db::Database& db);

}  // namespace securebase::understand
