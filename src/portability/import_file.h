#pragma once
// One entry point for a file someone wants to import: works out its format (unless told),
// decrypts a sealed export, and runs the matching parser.
#include <string>
#include <string_view>

#include "platform/result.h"
#include "portability/incoming.h"

namespace securebase::portability {

// The most a file to import may hold; larger files are refused before parsing.
inline constexpr size_t kMaxImportBytes = 256u << 20;

struct ImportOptions {
  std::string format = "auto";       // auto | ours | daylio | jrnl | csv
  std::string map;                   // csv: "date=When,text=Entry"
  std::string into = "reflections";  // csv: reflections | checkins
  std::string passphrase;            // for a sealed export
  int offset_minutes = 0;            // the zone of dates written without one
};

// "ours", "daylio", "jrnl" or "csv" for what `bytes` looks like ("" when unknown).
std::string DetectFormat(std::string_view bytes);

// Parses `bytes`. Errors: kInvalidArgument naming the problem (unknown format, bad
// mapping, wrong passphrase, ...); kFailedPrecondition when the file is a sealed export and
// no passphrase was given.
Result<Incoming> ParseImportFile(std::string_view bytes, const ImportOptions& options);

}  // namespace securebase::portability
