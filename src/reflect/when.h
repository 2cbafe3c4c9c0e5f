#pragma once
// "When did it happen?" as a person types it: "now", "today", "yesterday evening", "last
// night", "this morning", "monday afternoon", "3 hours ago", "2 days ago", "2026-11-27",
// "2026-11-27 21:05" or a full ISO 8601 instant. Local times use now's UTC offset.
#include <string>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::reflect {

// The instant `text` names, relative to `now`. A day without a time of day means noon;
// morning 9:00, afternoon 15:00, evening 20:00, night 23:00. Weekday names mean the most
// recent such day before today. InvalidArgument on "when" with the forms it understands.
Result<Instant> ParseWhen(const std::string& text, Instant now);

}  // namespace securebase::reflect
