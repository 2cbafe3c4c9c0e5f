#pragma once
// Where commitments and their outcomes are kept.
#include <memory>
#include <vector>

#include "platform/db/database.h"
#include "trust/commitment.h"

namespace securebase::trust {

class CommitmentStore {
 public:
  virtual ~CommitmentStore() = default;
  // Inserts a built commitment (id ignored) created at `now`; returns it with its id.
  virtual Result<Commitment> Add(int64_t user_id, Commitment c, Instant now) = 0;
  // NotFound when there is no such commitment.
  virtual Result<Commitment> Get(int64_t user_id, int64_t id) = 0;
  // Oldest first; archived ones only when asked.
  virtual Result<std::vector<Commitment>> List(int64_t user_id, bool include_archived) = 0;
  // Every recorded outcome, by commitment and day.
  virtual Result<std::vector<OccurrenceOutcome>> Outcomes(int64_t user_id) = 0;
  // Records (or replaces) what happened on one due day. REQUIRES: validated.
  virtual Status SetOutcome(int64_t user_id, const OccurrenceOutcome& o) = 0;
  // Stops a commitment falling due (its history stays).
  virtual Status Archive(int64_t user_id, int64_t id, Instant now) = 0;
  // Undoes Archive. NotFound when there is no such commitment.
  virtual Status Restore(int64_t user_id, int64_t id, Instant now) = 0;
};

std::unique_ptr<CommitmentStore> MakeSqliteCommitmentStore(db::Database& db);

}  // namespace securebase::trust
