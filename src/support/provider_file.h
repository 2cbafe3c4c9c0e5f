#pragma once
// Reading a directory file (CSV with a header row, or JSON) into raw rows; see
// docs/directory-format.md. Pure: the caller reads the file.
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"
#include "support/provider.h"

namespace securebase::support {

enum class FileFormat { kCsv, kJson };

// ".json" (or text starting with '[' or '{') is JSON; anything else CSV.
FileFormat GuessFormat(const std::string& path, std::string_view text);

// One problem with one row: row 0 is the CSV header (or the whole JSON document).
struct RowError {
  int64_t row = 0;
  std::string field;  // "" when it is about the whole row
  std::string message;
};

struct ParsedFile {
  std::vector<RawRow> rows;
  std::vector<RowError> errors;  // rows that could not even be split into fields
};

// CSV: RFC 4180 (quoted fields may hold commas, quotes as "" and line breaks); the first
// record names the columns. JSON: an array of objects, or {"providers": [...]}; values are
// text, numbers, booleans or arrays of text. A bad header or document fails as a whole.
Result<ParsedFile> ParseProviderFile(std::string_view text, FileFormat format);

// The postcode-centroid table: CSV with columns country, postcode, latitude, longitude and
// optionally place.
struct PostcodeRow {
  std::string country, postcode, place;
  double lat = 0, lon = 0;
};
struct ParsedPostcodes {
  std::vector<PostcodeRow> rows;
  std::vector<RowError> errors;
};
Result<ParsedPostcodes> ParsePostcodeFile(std::string_view text);

// Splits CSV text into records of fields; `rows[i]` is the record that started on
// data record i (0 = header). Fails only on an unclosed quote.
Result<std::vector<std::vector<std::string>>> SplitCsv(std::string_view text);

}  // namespace securebase::support
