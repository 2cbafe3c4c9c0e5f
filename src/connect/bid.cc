#include "connect/bid.h"

#include <fmt/format.h>

#include "platform/text.h"

namespace securebase::connect {
namespace {

template <typename E, size_t N>
std::optional<E> Find(const std::string_view (&names)[N], std::string_view text) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == text) return static_cast<E>(i);
  }
  return std::nullopt;
}

constexpr std::string_view kDirections[] = {"received", "made"};
constexpr std::string_view kKinds[] = {"attention",    "affection", "humour", "help",
                                       "conversation", "touch",     "other"};
constexpr std::string_view kResponses[] = {"toward", "away", "against", "missed"};

}  // namespace

std::string_view BidDirectionName(BidDirection d) { return kDirections[static_cast<int>(d)]; }
std::optional<BidDirection> ParseBidDirection(std::string_view t) {
  return Find<BidDirection>(kDirections, t);
}
std::string_view BidKindName(BidKind k) { return kKinds[static_cast<int>(k)]; }
std::optional<BidKind> ParseBidKind(std::string_view t) {
  if (t == "humor") return BidKind::kHumour;
  return Find<BidKind>(kKinds, t);
}
std::string_view ResponseName(Response r) { return kResponses[static_cast<int>(r)]; }
std::optional<Response> ParseResponse(std::string_view t) { return Find<Response>(kResponses, t); }

Result<Bid> BuildBid(const BidInput& in, Instant at) {
  std::vector<FieldError> errors;
  Bid b;
  b.at = at;
  b.person_id = in.person;
  if (b.person_id && *b.person_id <= 0) errors.push_back({"person", "must be a person's id"});
  auto d = ParseBidDirection(in.direction);
  if (!d) errors.push_back({"direction", "must be 'received' or 'made'"});
  auto k = ParseBidKind(in.kind);
  if (!k) {
    errors.push_back({"kind",
                      "must be attention, affection, humour, help, conversation, touch "
                      "or other"});
  }
  auto r = ParseResponse(in.response);
  if (!r) errors.push_back({"response", "must be toward, away, against or missed"});
  b.feeling = std::string(Trim(in.feeling));
  if (!IsValidUtf8(b.feeling))
    errors.push_back({"feeling", "is not valid text"});
  else if (b.feeling.size() > kMaxFeelingLength)
    errors.push_back({"feeling", fmt::format("is too long (at most {} bytes)", kMaxFeelingLength)});
  if (!errors.empty()) {
    return Status::Invalid(errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                              : "some fields need attention",
                           errors);
  }
  b.direction = *d;
  b.kind = *k;
  b.response = *r;
  return b;
}

std::string ReferenceNote() {
  return "For comparison: in a long-term study of newly married couples, those still together "
         "six years later had turned toward each other's bids about 86% of the time, and those "
         "who had divorced about 33%. That is an average across couples observed in a lab, "
         "not a pass mark for you. Your own figure counts only what you chose to log, and no "
         "one turns toward every bid. It is here to help you notice, not to judge.";
}

BidStats ComputeBidStats(const std::vector<Bid>& bids, int64_t now_ms, int days) {
  BidStats s;
  for (const Bid& b : bids) {
    if (days > 0 && b.at.utc_ms < now_ms - int64_t{days} * 86400000) continue;
    DirectionStats& d = b.direction == BidDirection::kReceived ? s.received : s.made;
    std::string month = LocalDate(b.at).substr(0, 7);
    for (BidTally* t : {&d.all, &d.by_person[b.person_id], &d.by_month[month]}) {
      switch (b.response) {
        case Response::kToward:
          ++t->toward;
          break;
        case Response::kAway:
          ++t->away;
          break;
        case Response::kAgainst:
          ++t->against;
          break;
        case Response::kMissed:
          ++t->missed;
          break;
      }
    }
  }
  return s;
}

}  // namespace securebase::connect
