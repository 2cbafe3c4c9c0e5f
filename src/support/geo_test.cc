#include "support/geo.h"

#include <gtest/gtest.h>

namespace securebase::support {
namespace {

TEST(Geo, DistanceMatchesKnownCityPairs) {
  // London - Paris is about 344 km; New York - London about 5570 km.
  EXPECT_NEAR(DistanceKm({51.5074, -0.1278}, {48.8566, 2.3522}), 343.5, 2);
  EXPECT_NEAR(DistanceKm({40.7128, -74.0060}, {51.5074, -0.1278}), 5570, 15);
  EXPECT_DOUBLE_EQ(DistanceKm({10, 20}, {10, 20}), 0);
  EXPECT_NEAR(DistanceKm({0, 0}, {0, 180}), kMaxDistanceKm, 1);  // antipodes
}

TEST(Geo, AcrossTheAntimeridianIsShort) {
  // Two points 0.2 degrees of longitude apart either side of 180 at the equator: ~22 km.
  EXPECT_NEAR(DistanceKm({0, 179.9}, {0, -179.9}), 22.2, 0.2);
  BoundingBox box = BoxAround({0, 179.9}, 30);
  ASSERT_EQ(box.lon_ranges.size(), 2u);
  EXPECT_TRUE(box.Contains({0, -179.9}));
  EXPECT_TRUE(box.Contains({0, 179.95}));
  EXPECT_FALSE(box.Contains({0, 0}));
  BoundingBox west = BoxAround({-17.0, -179.95}, 50);  // near Fiji, from the west side
  EXPECT_TRUE(west.Contains({-17.1, 179.8}));
}

TEST(Geo, NearThePolesEveryLongitudeCounts) {
  // 89.9N: the pole is 11 km away, so points across the pole on the far side are near.
  BoundingBox box = BoxAround({89.9, 0}, 50);
  EXPECT_EQ(box.north, 90);
  ASSERT_EQ(box.lon_ranges.size(), 1u);
  EXPECT_EQ(box.lon_ranges[0].west, -180);
  EXPECT_TRUE(box.Contains({89.8, 180}));
  EXPECT_LT(DistanceKm({89.9, 0}, {89.8, 180}), 50);
  BoundingBox south = BoxAround({-89.95, 45}, 20);
  EXPECT_EQ(south.south, -90);
  EXPECT_TRUE(south.Contains({-89.9, -135}));
  // Close to (but not over) the pole the longitude span is wide, never wrong.
  BoundingBox high = BoxAround({85, 10}, 150);
  EXPECT_TRUE(high.Contains({85.5, 20}));
  EXPECT_LT(DistanceKm({85, 10}, {85.5, 20}), 150);
}

TEST(Geo, BoxNeverDropsAPointInsideTheRadius) {
  // A brute check: points on a grid within the radius are all inside the box.
  for (LatLon c : {LatLon{51.5, -0.1}, LatLon{0, 179.99}, LatLon{-60, -179.5}, LatLon{88, 90},
                   LatLon{-89, -10}, LatLon{70, 179}}) {
    for (double radius : {5.0, 50.0, 500.0}) {
      BoundingBox box = BoxAround(c, radius);
      for (double lat = -90; lat <= 90; lat += 0.5) {
        for (double lon = -180; lon <= 180; lon += 0.5) {
          if (DistanceKm(c, {lat, lon}) <= radius) {
            ASSERT_TRUE(box.Contains({lat, lon}))
                << c.lat << "," << c.lon << " r=" << radius << " missed " << lat << "," << lon;
          }
        }
      }
    }
  }
}

TEST(Geo, ValidatesCoordinates) {
  EXPECT_TRUE(ValidLatLon(90, -180));
  EXPECT_FALSE(ValidLatLon(90.1, 0));
  EXPECT_FALSE(ValidLatLon(0, 181));
}

}  // namespace
}  // namespace securebase::support
