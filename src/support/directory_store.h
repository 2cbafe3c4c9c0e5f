#pragma once
// Where the therapist directory and the postcode centroids are kept. Shared by every user
// of a database (an organisation's directory), so nothing here takes a user id.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "platform/db/database.h"
#include "support/provider_file.h"
#include "support/search.h"

namespace securebase::support {

struct UpsertCounts {
  int64_t added = 0, updated = 0;
};

// A value of a list field and how many providers have it (for filter choices).
struct FacetValue {
  std::string value;
  int64_t count = 0;
};

class DirectoryStore {
 public:
  virtual ~DirectoryStore() = default;
  // Inserts providers, or updates those whose key is already there (ids stay the same).
  // Providers without coordinates get their postcode's centroid when the table has it.
  // All in one transaction.
  virtual Result<UpsertCounts> Upsert(const std::vector<Provider>& providers, int64_t now_ms) = 0;
  // NotFound when there is no such provider.
  virtual Result<Provider> Get(int64_t id) = 0;
  // Providers passing every hard filter of `q` (a normalised query), with `near` already
  // resolved. With `near`, only providers in its bounding box (see BoxAround), plus, for an
  // online search, online providers without coordinates. At most `cap` (the rest are
  // counted in `more`).
  virtual Result<std::vector<Candidate>> Candidates(const SearchQuery& q, size_t cap,
                                                    bool* more) = 0;
  virtual Result<int64_t> Count() = 0;
  // Values of "specialties", "therapy_types", "insurance", "languages", "faith", "gender",
  // "city", most common first.
  virtual Result<std::map<std::string, std::vector<FacetValue>>> Facets() = 0;

  // Adds or replaces postcode centroids; then gives providers without coordinates the
  // centroid of their postcode. Returns how many providers got coordinates.
  virtual Result<int64_t> UpsertPostcodes(const std::vector<PostcodeRow>& rows) = 0;
  // The centroid of a postcode; `country` may be empty when the postcode is found in one
  // country only (InvalidArgument "postcode" when in several; NotFound when in none).
  virtual Result<PostcodeRow> LookupPostcode(const std::string& country,
                                             const std::string& postcode) = 0;
  virtual Result<int64_t> PostcodeCount() = 0;
};

std::unique_ptr<DirectoryStore> MakeSqliteDirectoryStore(db::Database& db);

}  // namespace securebase::support
