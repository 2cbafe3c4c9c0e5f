#include "portability/csv.h"

namespace securebase::portability {

void AppendCsvField(std::string& out, std::string_view f, bool guard_formula) {
  bool formula =
      guard_formula && !f.empty() && (f[0] == '=' || f[0] == '+' || f[0] == '-' || f[0] == '@');
  // A leading minus is a formula only when it is not a plain number.
  if (formula && f[0] == '-' && f.size() > 1 &&
      f.find_first_not_of("0123456789.", 1) == std::string_view::npos) {
    formula = false;
  }
  bool quote = formula || f.find_first_of(",\"\r\n") != std::string_view::npos;
  if (!quote) {
    out.append(f);
    return;
  }
  out.push_back('"');
  if (formula) out.push_back('\'');
  for (char c : f) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<CsvRecord> records;
  size_t i = 0;
  int line = 1;
  while (i < text.size()) {
    CsvRecord rec;
    rec.line = line;
    bool blank = true;
    while (true) {
      std::string field;
      if (i < text.size() && text[i] == '"') {
        blank = false;
        int start_line = line;
        ++i;
        while (true) {
          if (i >= text.size()) {
            return Status::Invalid("line " + std::to_string(start_line) +
                                   ": a quoted field is never closed");
          }
          char c = text[i++];
          if (c == '"') {
            if (i < text.size() && text[i] == '"') {
              field.push_back('"');
              ++i;
            } else {
              break;
            }
          } else {
            if (c == '\n') ++line;
            field.push_back(c);
          }
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') {
          return Status::Invalid("line " + std::to_string(line) +
                                 ": text after a closing quote (a quote inside a field must "
                                 "be doubled)");
        }
      } else {
        size_t end = text.find_first_of(",\r\n", i);
        if (end == std::string_view::npos) end = text.size();
        field.assign(text.substr(i, end - i));
        if (!field.empty()) blank = false;
        i = end;
      }
      rec.fields.push_back(std::move(field));
      if (i < text.size() && text[i] == ',') {
        blank = false;
        ++i;
        continue;
      }
      break;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    ++line;
    if (!blank) records.push_back(std::move(rec));
  }
  return records;
}

}  // namespace securebase::portability
