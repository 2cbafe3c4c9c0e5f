#pragma once
// RFC 4180 CSV: writing one field at a time, and reading a whole text into records.
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::portability {

// Appends `field` to `out`, quoted when it holds a comma, quote, CR or LF (or starts with
// a character a spreadsheet would take for a formula: = + - @, which get a leading ').
void AppendCsvField(std::string& out, std::string_view field, bool guard_formula = true);

struct CsvRecord {
  int line = 0;  // 1-based line where the record starts
  std::vector<std::string> fields;
};

// Splits `text` into records (a UTF-8 BOM is skipped; CRLF and LF both end records; quoted
// fields may span lines). Fails naming the line for an unclosed quote or text after a
// closing quote. Blank lines are skipped.
Result<std::vector<CsvRecord>> ParseCsv(std::string_view text);

}  // namespace securebase::portability
