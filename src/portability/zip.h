#pragma once
// A small ZIP archive writer and reader (PKWARE APPNOTE 6.3: stored and deflated entries,
// no ZIP64, no encryption), over zlib. Enough for export files that `unzip`, Python's
// zipfile and spreadsheet programs open. Thread-compatible.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::portability {

struct ZipEntry {
  std::string name;  // "data/people.json"; '/' separated, no leading '/'
  std::string data;
};

// Builds an archive in memory. Entries are deflated (stored when that is not smaller).
class ZipWriter {
 public:
  // `dos_time`/`dos_date` stamp every entry (MS-DOS format; 1980-01-01 when zero).
  explicit ZipWriter(uint16_t dos_time = 0, uint16_t dos_date = (0 << 9) | (1 << 5) | 1)
      : dos_time_(dos_time), dos_date_(dos_date) {}
  // REQUIRES: `name` is not empty, shorter than 64 KiB, and not added before.
  void Add(std::string_view name, std::string_view data);
  // The whole archive (central directory and end record included).
  std::string Finish();

 private:
  struct Central {
    std::string name;
    uint32_t crc, compressed, size, offset;
    uint16_t method;
  };
  uint16_t dos_time_, dos_date_;
  std::string out_;
  std::vector<Central> central_;
};

// The MS-DOS time and date fields for a UTC instant in milliseconds (local = UTC + offset).
void DosTimeDate(int64_t utc_ms, int offset_minutes, uint16_t* time, uint16_t* date);

struct ZipLimits {
  size_t max_entries = 4096;
  uint64_t max_total_size = 512ull << 20;  // uncompressed bytes, all entries together
};

// Reads every entry of an archive held in `bytes`, checking each CRC. Fails with
// kInvalidArgument (a message a person can act on) for anything that is not a well-formed
// archive of stored or deflated entries within `limits` (zip bombs are refused).
Result<std::vector<ZipEntry>> ReadZip(std::string_view bytes, const ZipLimits& limits = {});

// True when `bytes` starts like a ZIP archive ("PK\3\4" or an empty archive's "PK\5\6").
bool LooksLikeZip(std::string_view bytes);

}  // namespace securebase::portability
