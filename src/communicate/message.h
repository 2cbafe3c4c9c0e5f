#pragma once
// The "I" message: what happened (observation), what I feel, what I need, and what I would
// like to ask (request), composed in the person's own words; and a saved draft.
#include <cstdint>
#include <optional>
#include <string>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::communicate {

struct MessageParts {
  std::string observation;  // "you came home an hour later than you said"
  std::string feeling;      // "worried"
  std::string need;         // "to know you are safe"
  std::string request;      // "text me when plans change"
};

// "When you came home an hour later than you said, I felt worried, because I need to know
// you are safe. Would you be willing to text me when plans change?" Parts left empty are
// left out; words the person already typed ("When", "I feel", "because I need", "Would you
// be willing to") are not doubled.
std::string ComposeMessage(const MessageParts& parts);

inline constexpr size_t kMaxPartLength = 2'000;
inline constexpr size_t kMaxMessageLength = 20'000;

struct Message {
  int64_t id = 0;
  std::optional<int64_t> person_id;
  MessageParts parts;
  std::string text;  // the message as the person left it (composed, maybe edited)
  Instant created;
  std::optional<int64_t> updated_ms;  // last edited (UTC ms); empty: never
};

// Parts at most 2,000 bytes and the text at most 20,000, valid UTF-8; the text must not be
// empty. Field errors: "observation", "feeling", "need", "request", "text", "person".
Status ValidateMessage(const Message& m);

// A change to a saved message: only the fields that are set change. The text changes only
// when `text` is set (it is what the person will say; parts are their notes toward it).
struct MessageEdit {
  std::optional<std::optional<int64_t>> person;  // set to an empty inner value: for no one
  std::optional<std::string> observation, feeling, need, request, text;
};

// `m` with `edit` applied, validated as ValidateMessage does.
Result<Message> ApplyEdit(Message m, const MessageEdit& edit);

}  // namespace securebase::communicate
