#pragma once
// A bid for connection: a small reach for attention, affection, humour, help, talk or
// touch, made by me or received from someone, and how it was met: turned toward, turned
// away, turned against, or missed. And the turning-toward figures built from them.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::connect {

enum class BidDirection { kReceived, kMade };
enum class BidKind { kAttention, kAffection, kHumour, kHelp, kConversation, kTouch, kOther };
enum class Response { kToward, kAway, kAgainst, kMissed };

std::string_view BidDirectionName(BidDirection d);  // "received", "made"
std::optional<BidDirection> ParseBidDirection(std::string_view text);
std::string_view BidKindName(BidKind k);  // "attention", ... "other"
std::optional<BidKind> ParseBidKind(std::string_view text);
std::string_view ResponseName(Response r);  // "toward", "away", "against", "missed"
std::optional<Response> ParseResponse(std::string_view text);

inline constexpr size_t kMaxFeelingLength = 2'000;

struct Bid {
  int64_t id = 0;
  std::optional<int64_t> person_id;
  BidDirection direction = BidDirection::kReceived;
  BidKind kind = BidKind::kOther;
  Response response = Response::kToward;
  std::string feeling;  // optional: how it felt
  Instant at;
};

// What a person typed. Field errors name "direction", "kind", "response", "feeling",
// "person".
struct BidInput {
  std::optional<int64_t> person;
  std::string direction = "received";
  std::string kind = "other";
  std::string response;
  std::string feeling;
};
Result<Bid> BuildBid(const BidInput& in, Instant at);

// The research reference shown beside a person's own figure.
inline constexpr double kReferenceTogether = 0.86;
inline constexpr double kReferenceDivorced = 0.33;
// One plain paragraph on what the reference is and is not.
std::string ReferenceNote();

struct BidTally {
  int toward = 0, away = 0, against = 0, missed = 0;
  int total() const { return toward + away + against + missed; }
  std::optional<double> TowardRatio() const {
    if (total() == 0) return std::nullopt;
    return double(toward) / total();
  }
};

struct DirectionStats {
  BidTally all;
  std::map<std::optional<int64_t>, BidTally> by_person;  // nullopt: nobody named
  std::map<std::string, BidTally> by_month;              // local "2027-03"
};

struct BidStats {
  DirectionStats received;  // bids others made to me: how I met them
  DirectionStats made;      // bids I made: how they were met
};

// Tallies `bids` from the last `days` days before `now_ms` (days 0: all of them), per
// person and per local month.
BidStats ComputeBidStats(const std::vector<Bid>& bids, int64_t now_ms = 0, int days = 0);

}  // namespace securebase::connect
