#pragma once
// The people in a person's life. Every step refers to them.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/clock.h"
#include "platform/result.h"

namespace securebase::people {

enum class Relationship {
  kPartner,
  kExPartner,
  kParent,
  kSibling,
  kChild,
  kFriend,
  kColleague,
  kOther
};

// "partner", "ex-partner", ... as stored and as typed.
std::string_view RelationshipName(Relationship r);
std::optional<Relationship> ParseRelationship(std::string_view text);
// All names, comma separated, for help and error messages.
std::string RelationshipChoices();

inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxNotesLength = 100'000;

struct Person {
  int64_t id = 0;
  std::string name;
  Relationship relationship = Relationship::kOther;
  std::string notes;
  Instant created;
  int64_t updated_ms = 0;
};

// What a person typed when adding or editing someone; unset fields stay as they were.
struct PersonEdit {
  std::optional<std::string> name;
  std::optional<std::string> relationship;
  std::optional<std::string> notes;
};

// Checks an edit: name 1..200 characters of valid UTF-8 without control characters,
// relationship one of the names, notes at most 100,000 bytes of valid UTF-8.
// `creating` additionally requires a name. Field errors are named "name", "relationship",
// "notes".
Status ValidatePersonEdit(const PersonEdit& edit, bool creating);
// Applies a validated edit.
void ApplyEdit(const PersonEdit& edit, Person& person);

// What else in the database refers to a person (shown before removing them): a count per
// kind of record, named by its table ("assessments", "reflections", "bids", ...), kinds
// with no records left out, in table-name order.
struct References {
  std::vector<std::pair<std::string, int64_t>> counts;
  bool empty() const { return counts.empty(); }
  int64_t Count(std::string_view kind) const;  // 0 when absent
  std::string Describe() const;                // "2 assessments, 1 reflection" or "nothing else"
};

}  // namespace securebase::people
