#pragma once
// The importer parsers: each reads one kind of file into Incoming rows, with no I/O and
// no database. A parser fails as a whole (kInvalidArgument, naming what is wrong) only
// when the file is not of its format at all; a bad record becomes an Unreadable entry with
// its place and reason, and the rest is still read.
#include <map>
#include <string>
#include <string_view>

#include "platform/result.h"
#include "portability/incoming.h"

namespace securebase::portability {

// Our own export: the ZIP archive (data/<kind>.json is read; csv/ and fhir/ are copies),
// or one data/<kind>.json document on its own. REQUIRES: not sealed (unseal first).
Result<Incoming> ParseOurExport(std::string_view bytes);

// Daylio's CSV export (full_date, date, weekday, time, mood, activities, [note_title,]
// note): one check-in per entry, its note holding the mood, the activities and the note.
// Times are local at `offset_minutes`.
Result<Incoming> ParseDaylioCsv(std::string_view text, int offset_minutes);

// jrnl's JSON export ({"entries": [{"date", "time", "title", "body", "tags", ...}]}): one
// reflection per entry (title and body as the situation, tags as triggers).
Result<Incoming> ParseJrnlJson(std::string_view text, int offset_minutes);

// Which kind a mapped CSV fills.
enum class MappedTarget { kReflections, kCheckins };

// A column mapping: our field -> the file's column header. Fields: date (required), time,
// text (required), title, tags (reflections only).
struct CsvMapping {
  MappedTarget target = MappedTarget::kReflections;
  std::map<std::string, std::string> fields;
};

// Parses "date=When,text=Entry,time=At" into a mapping (field names checked).
Result<CsvMapping> ParseCsvMapping(std::string_view spec, std::string_view target);

// Any CSV with a header row, read through `mapping`. Fails naming a mapped column that is
// not in the header.
Result<Incoming> ParseMappedCsv(std::string_view text, const CsvMapping& mapping,
                                int offset_minutes);

}  // namespace securebase::portability
