#include "support/geo.h"

#include <algorithm>
#include <cmath>

namespace securebase::support {
namespace {

constexpr double kPi = 3.14159265358979323846;
double Rad(double deg) { return deg * kPi / 180.0; }
double Deg(double rad) { return rad * 180.0 / kPi; }

}  // namespace

double DistanceKm(LatLon a, LatLon b) {
  double phi1 = Rad(a.lat), phi2 = Rad(b.lat);
  double dphi = phi2 - phi1;
  double dlambda = Rad(b.lon - a.lon);
  double s1 = std::sin(dphi / 2), s2 = std::sin(dlambda / 2);
  double h = s1 * s1 + std::cos(phi1) * std::cos(phi2) * s2 * s2;
  h = std::clamp(h, 0.0, 1.0);
  return 2 * kEarthRadiusKm * std::asin(std::sqrt(h));
}

bool BoundingBox::Contains(LatLon p) const {
  if (p.lat < south || p.lat > north) return false;
  for (const auto& r : lon_ranges) {
    if (p.lon >= r.west && p.lon <= r.east) return true;
  }
  return false;
}

// The method of J. P. Matuschek, "Finding points within a distance of a latitude/longitude
// using bounding coordinates": the angular radius r; the latitude band lat +- r; when the
// band reaches a pole every longitude is in; otherwise the longitudes lon +- asin(sin r /
// cos lat), split in two where they cross +-180. A small margin covers rounding.
BoundingBox BoxAround(LatLon centre, double radius_km) {
  BoundingBox box;
  double r = std::max(0.0, radius_km) / kEarthRadiusKm;
  constexpr double kMarginDeg = 1e-6;
  if (r >= kPi) {  // the whole sphere
    box.lon_ranges.push_back({-180, 180});
    return box;
  }
  double lat = Rad(centre.lat);
  double south = lat - r, north = lat + r;
  if (south <= -kPi / 2 || north >= kPi / 2) {  // a pole is inside the circle
    box.south = south <= -kPi / 2 ? -90.0 : Deg(south) - kMarginDeg;
    box.north = north >= kPi / 2 ? 90.0 : Deg(north) + kMarginDeg;
    box.lon_ranges.push_back({-180, 180});
    return box;
  }
  box.south = std::max(-90.0, Deg(south) - kMarginDeg);
  box.north = std::min(90.0, Deg(north) + kMarginDeg);
  double dlon = Deg(std::asin(std::min(1.0, std::sin(r) / std::cos(lat)))) + kMarginDeg;
  double west = centre.lon - dlon, east = centre.lon + dlon;
  if (dlon >= 180) {
    box.lon_ranges.push_back({-180, 180});
  } else if (west < -180) {
    box.lon_ranges.push_back({west + 360, 180});
    box.lon_ranges.push_back({-180, east});
  } else if (east > 180) {
    box.lon_ranges.push_back({west, 180});
    box.lon_ranges.push_back({-180, east - 360});
  } else {
    box.lon_ranges.push_back({west, east});
  }
  return box;
}

bool ValidLatLon(double lat, double lon) {
  return std::isfinite(lat) && std::isfinite(lon) && lat >= -90 && lat <= 90 && lon >= -180 &&
         lon <= 180;
}

}  // namespace securebase::support
