#include "portability/import_file.h"

#include <fmt/format.h>

#include "portability/parsers.h"
#include "portability/sealed.h"
#include "portability/zip.h"

namespace securebase::portability {

std::string DetectFormat(std::string_view bytes) {
  if (LooksSealed(bytes) || LooksLikeZip(bytes)) return "ours";
  std::string_view head = bytes.substr(0, 4096);
  size_t first = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (first == std::string_view::npos) return "";
  if (head[first] == '{') {
    if (head.find("\"securebase-export\"") != std::string_view::npos) return "ours";
    if (head.find("\"entries\"") != std::string_view::npos) return "jrnl";
    return "";
  }
  std::string_view line = head.substr(first, head.find('\n', first) - first);
  if (line.find("full_date") != std::string_view::npos &&
      line.find("mood") != std::string_view::npos)
    return "daylio";
  if (line.find(',') != std::string_view::npos) return "csv";
  return "";
}

Result<Incoming> ParseImportFile(std::string_view bytes, const ImportOptions& o) {
  if (bytes.size() > kMaxImportBytes) {
    return Status::Invalid(fmt::format("the file is larger than {} MiB", kMaxImportBytes >> 20));
  }
  std::string format = o.format.empty() ? "auto" : o.format;
  if (format == "auto") {
    format = DetectFormat(bytes);
    if (format.empty()) {
      return Status::InvalidField("format",
                                  "could not tell what kind of file this is; say which with "
                                  "--format ours|daylio|jrnl|csv");
    }
  }
  if (format == "ours") {
    std::string plain;
    if (LooksSealed(bytes)) {
      if (o.passphrase.empty()) {
        return Status::Precondition("this export is encrypted: give its passphrase");
      }
      TRY_ASSIGN(plain, Unseal(bytes, o.passphrase));
      bytes = plain;
    }
    return ParseOurExport(bytes);
  }
  if (format == "daylio") return ParseDaylioCsv(bytes, o.offset_minutes);
  if (format == "jrnl") return ParseJrnlJson(bytes, o.offset_minutes);
  if (format == "csv") {
    if (o.map.empty()) {
      return Status::InvalidField(
          "map", "a CSV file needs a column mapping, for example --map \"date=Date,text=Entry\"");
    }
    TRY_ASSIGN(auto mapping, ParseCsvMapping(o.map, o.into));
    return ParseMappedCsv(bytes, mapping, o.offset_minutes);
  }
  return Status::InvalidField("format", "must be auto, ours, daylio, jrnl or csv");
}

}  // namespace securebase::portability
