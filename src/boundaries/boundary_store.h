#pragma once
// Where boundaries, their practice and their incidents are kept.
#include <memory>
#include <vector>

#include "boundaries/boundary.h"
#include "platform/db/database.h"

namespace securebase::boundaries {

class BoundaryStore {
 public:
  virtual ~BoundaryStore() = default;
  // Inserts a boundary from BoundaryFromInput (id ignored); returns it with its id.
  virtual Result<Boundary> Add(int64_t user_id, Boundary b) = 0;
  // With practices and incidents; NotFound when there is no such boundary.
  virtual Result<Boundary> Get(int64_t user_id, int64_t id) = 0;
  // Oldest first, with practices and incidents.
  virtual Result<std::vector<Boundary>> List(int64_t user_id) = 0;
  virtual Result<Practice> AddPractice(int64_t user_id, int64_t boundary_id, Practice p) = 0;
  virtual Result<Incident> AddIncident(int64_t user_id, int64_t boundary_id, Incident i) = 0;
};

std::unique_ptr<BoundaryStore> MakeSqliteBoundaryStore(db::Database& db);

}  // namespace securebase::boundaries
