#pragma once
// Due commitments as an iCalendar feed (RFC 5545): one VEVENT per due day, with a UID made
// from the commitment and the day, so a calendar app replaces an event when the feed
// changes instead of adding a second one. Timed events are written in UTC, worked out from
// the local time and the commitment's zone; undated-time ones are all-day events. Lines
// end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
#include <string>
#include <vector>

#include "platform/clock.h"
#include "trust/commitment.h"

namespace securebase::trust {

// Escapes TEXT values: backslash, semicolon, comma and newlines.
std::string IcsEscape(const std::string& text);
// Folds one content line (without its CRLF) and appends CRLF.
std::string IcsFold(const std::string& line);

// The calendar for due days of `commitments` (mine, not archived, dated) in [from, to].
// `names` gives a person's name by id for the summary. `now` is the DTSTAMP.
std::string BuildCalendar(const std::vector<Commitment>& commitments,
                          const std::vector<OccurrenceOutcome>& outcomes,
                          const std::vector<std::pair<int64_t, std::string>>& names, int64_t from,
                          int64_t to, Instant now);

}  // namespace securebase::trust
