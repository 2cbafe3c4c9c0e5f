#pragma once
// Great-circle distance and the box of latitudes and longitudes that holds every point
// within a radius, done right near the poles and across the antimeridian.
#include <vector>

namespace securebase::support {

inline constexpr double kEarthRadiusKm = 6371.0088;  // mean radius (IUGG)
// Half the Earth's circumference: no two points are further apart.
inline constexpr double kMaxDistanceKm = 20015.1;

struct LatLon {
  double lat = 0;  // degrees, -90..90
  double lon = 0;  // degrees, -180..180
};

// Haversine distance in kilometres. Accurate to about 0.5% (the Earth is not a sphere),
// and stable for tiny and antipodal distances.
double DistanceKm(LatLon a, LatLon b);

// A closed longitude interval in degrees, west <= east, both in -180..180.
struct LonRange {
  double west = -180, east = 180;
};

// Every point within `radius_km` of a centre lies in [south, north] and in one of
// `lon_ranges` (one range normally, two when the circle crosses the antimeridian, the
// whole circle of longitudes when it holds a pole). The box may hold points further
// away; it never leaves one out. Used as a prefilter before DistanceKm.
struct BoundingBox {
  double south = -90, north = 90;
  std::vector<LonRange> lon_ranges;
  bool Contains(LatLon p) const;
};
BoundingBox BoxAround(LatLon centre, double radius_km);

// True for a latitude in -90..90 and a longitude in -180..180 (both finite).
bool ValidLatLon(double lat, double lon);

}  // namespace securebase::support
