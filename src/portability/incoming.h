#pragma once
// What an importer parser produces: rows to create, in the shape of our export's items
// (column name -> value; ids and references in the source's own numbering), and the parts
// of the file it could not read, each with where and why. Parsers do no I/O.
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "portability/kind.h"

namespace securebase::portability {

struct IncomingRow {
  const Kind* kind = nullptr;
  boost::json::object values;
  std::string where;       // "data/people.json item 3", "line 12"
  std::string source_key;  // same record of the same source file -> same key ("" for ours)
};

struct Unreadable {
  std::string where;
  std::string reason;
};

struct Incoming {
  std::string format;  // "securebase", "daylio", "jrnl", "csv"
  std::vector<IncomingRow> rows;
  std::vector<Unreadable> unreadable;  // shown as rejected; never dropped without a word
};

// Local date and time as written in a file, to an instant: "2024-03-01" with "20:15",
// "8:15 pm" or "" (noon), at `offset_minutes` from UTC. Also takes ISO 8601 date-times
// ("2024-03-01T20:15:00Z", "2024-03-01 20:15:00", with or without an offset), which carry
// their own offset when they have one. False when unreadable.
bool ParseLocalDateTime(std::string_view date, std::string_view time, int offset_minutes,
                        int64_t* utc_ms, int* offset_out);

}  // namespace securebase::portability
