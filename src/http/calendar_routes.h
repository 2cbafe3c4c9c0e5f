#pragma once
// The calendar feed key: GET/POST/DELETE /api/v1/calendar-feed (show, make or rotate, turn
// off), and the check the commitments.ics route makes with it.
#include <optional>

#include "http/api_context.h"

namespace securebase::http {

// The query parameter the feed key travels in. Not "token": that name is the sign-in link.
inline constexpr std::string_view kFeedKeyParam = "key";

void AddCalendarFeedRoutes(Router& router, ApiContext& ctx);

// The user whose feed key the request carries in ?key=; nullopt when it is missing, wrong
// or revoked.
Result<std::optional<int64_t>> VerifyFeedKey(ApiContext& ctx, const Request& req);
// The 401 answered for a missing, wrong or revoked feed key.
Response FeedKeyRefused();

}  // namespace securebase::http
