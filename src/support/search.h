#pragma once
// What a person asks the directory for, and how candidates are ranked by fit and distance.
// Pure: the store finds candidates that pass the hard filters; Rank orders them and says why.
#include <optional>
#include <string>
#include <vector>

#include "platform/result.h"
#include "support/geo.h"
#include "support/provider.h"

namespace securebase::support {

enum class Mode { kAny, kOnline, kInPerson };

inline constexpr double kDefaultRadiusKm = 25;
inline constexpr double kMaxRadiusKm = 20000;

struct SearchQuery {
  // Where: coordinates, or a postcode (resolved through the postcode table), or a city
  // name (matched as text). `radius_km` applies to coordinates and postcodes.
  std::optional<LatLon> near;
  std::string postcode, postcode_country, city;
  double radius_km = kDefaultRadiusKm;
  std::string provider_type;
  std::vector<std::string> specialties;    // every one must match
  std::vector<std::string> therapy_types;  // any one must match (catalogue ids)
  std::vector<std::string> insurance;      // any one must match
  std::string gender, age_group, participants, language, faith;
  std::optional<int64_t> max_fee;  // the lowest fee is at most this
  bool sliding_scale = false;      // only those with a sliding scale
  bool accepting_only = false;     // only those accepting new clients
  Mode mode = Mode::kAny;
  bool prefer_attachment = false;  // rank attachment-informed approaches higher
  std::string text;                // free text over profiles (FTS5)
};

// Checks and normalises the query (tags lower-cased, therapy ids canonical). Errors name
// "radius_km", "lat", "lon", "type", "age", "participants", "max_fee", "mode", "q".
Status NormalizeQuery(SearchQuery& q, const TherapyCatalog& therapies);

// A candidate from the store: the provider, and its free-text rank when `text` was given.
struct Candidate {
  Provider provider;
  std::optional<double> text_rank;  // bm25 (lower is better)
};

struct Ranked {
  Provider provider;
  std::optional<double> distance_km;  // when both the query and provider have coordinates
  double score = 0;                   // higher first
  std::vector<std::string> reasons;   // plain sentences: why it ranks where it does
};

// Drops candidates outside the radius (great-circle), scores the rest and sorts them:
// fit points (requested therapy types, attachment-informed ones double, filters matched,
// accepting new clients, text relevance) minus up to 2 points for distance (0 at the centre,
// 2 at the edge of the radius); ties by distance, then name.
std::vector<Ranked> Rank(std::vector<Candidate> candidates, const SearchQuery& q,
                         const TherapyCatalog& therapies);

}  // namespace securebase::support
