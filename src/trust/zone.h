#pragma once
// A time zone as a POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3"), which is how a zone's
// current rules are written at the end of every IANA tzdata file. Commitments keep the
// local time of day and the zone's name; the rule turns "8:00 on 29 March" into the right
// UTC instant on either side of a daylight-saving change. Pure except LoadZone.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/result.h"

namespace securebase::trust {

struct ZoneRule {
  int32_t std_offset_minutes = 0;  // local = UTC + offset (east is positive)
  bool has_dst = false;
  int32_t dst_offset_minutes = 0;
  // A change in the form Mm.w.d/time: month 1-12, week 1-5 (5 = last), weekday 0 = Sunday,
  // and the local wall time (seconds) it happens at.
  struct Change {
    int month = 3, week = 5, weekday = 0;
    int32_t seconds = 7200;
  };
  Change start, end;  // into daylight time, and back

  // The offset in force at `utc_ms`.
  int32_t OffsetAt(int64_t utc_ms) const;
  // The UTC instant of local `day` at `minutes` past midnight. A time skipped by a change
  // to daylight time counts from before the change (2:30 becomes 3:30); a time that
  // happens twice is the first of the two.
  int64_t ToUtcMs(int64_t day, int minutes) const;
};

// Parses a POSIX TZ string; only the Mm.w.d change form is accepted (what tzdata uses).
Result<ZoneRule> ParseZoneRule(const std::string& text);

// The rule for an IANA name ("Europe/Berlin", read from /usr/share/zoneinfo), "UTC", or a
// fixed offset "+02:00" / "-05:30". InvalidArgument naming "zone" when unknown.
Result<ZoneRule> LoadZone(const std::string& name);

// This machine's zone name: $TZ when it names a zone, else where /etc/localtime points,
// else "UTC".
std::string LocalZoneName();

// "+02:00" for 120.
std::string FormatOffset(int32_t minutes);

}  // namespace securebase::trust
