#include "portability/zip.h"

#include <zlib.h>

#include <ctime>
#include <set>

namespace securebase::portability {
namespace {

void Put16(std::string& s, uint32_t v) {
  s.push_back(static_cast<char>(v & 0xff));
  s.push_back(static_cast<char>((v >> 8) & 0xff));
}
void Put32(std::string& s, uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}
uint32_t Get16(std::string_view s, size_t at) {
  return static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8);
}
uint32_t Get32(std::string_view s, size_t at) { return Get16(s, at) | (Get16(s, at + 2) << 16); }

constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr uint16_t kUtf8Flag = 1 << 11;

uint32_t Crc(std::string_view data) {
  uLong crc = crc32(0L, Z_NULL, 0);
  size_t done = 0;
  while (done < data.size()) {
    uInt n = static_cast<uInt>(std::min<size_t>(data.size() - done, 1u << 30));
    crc = crc32(crc, reinterpret_cast<const Bytef*>(data.data() + done), n);
    done += n;
  }
  return static_cast<uint32_t>(crc);
}

// Raw deflate (no zlib header), as ZIP method 8 wants.
std::string Deflate(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

Result<std::string> Inflate(std::string_view data, uint64_t expected_size) {
  z_stream z{};
  if (inflateInit2(&z, -15) != Z_OK) return Status::Internal("zlib: inflateInit2 failed");
  std::string out(expected_size, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  uint64_t produced = z.total_out;
  inflateEnd(&z);
  if (rc != Z_STREAM_END || produced != expected_size)
    return Status::Invalid("a compressed entry is damaged or its size is wrong");
  return out;
}

}  // namespace

void DosTimeDate(int64_t utc_ms, int offset_minutes, uint16_t* time, uint16_t* date) {
  std::time_t t = static_cast<std::time_t>(utc_ms / 1000 + int64_t{offset_minutes} * 60);
  std::tm tm{};
  gmtime_r(&t, &tm);
  if (tm.tm_year < 80) {
    *time = 0;
    *date = (1 << 5) | 1;
    return;
  }
  *time = static_cast<uint16_t>((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  *date = static_cast<uint16_t>(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

void ZipWriter::Add(std::string_view name, std::string_view data) {
  Central c{std::string(name),
            Crc(data),
            0,
            static_cast<uint32_t>(data.size()),
            static_cast<uint32_t>(out_.size()),
            8};
  std::string packed = Deflate(data);
  if (packed.size() >= data.size()) {
    c.method = 0;
    packed.assign(data);
  }
  c.compressed = static_cast<uint32_t>(packed.size());
  Put32(out_, kLocalSig);
  Put16(out_, c.method == 8 ? 20 : 10);  // version needed
  Put16(out_, kUtf8Flag);
  Put16(out_, c.method);
  Put16(out_, dos_time_);
  Put16(out_, dos_date_);
  Put32(out_, c.crc);
  Put32(out_, c.compressed);
  Put32(out_, c.size);
  Put16(out_, static_cast<uint32_t>(name.size()));
  Put16(out_, 0);  // extra
  out_.append(name);
  out_.append(packed);
  central_.push_back(std::move(c));
}

std::string ZipWriter::Finish() {
  uint32_t dir_start = static_cast<uint32_t>(out_.size());
  for (const Central& c : central_) {
    Put32(out_, kCentralSig);
    Put16(out_, (3 << 8) | 20);  // made by: Unix, 2.0
    Put16(out_, c.method == 8 ? 20 : 10);
    Put16(out_, kUtf8Flag);
    Put16(out_, c.method);
    Put16(out_, dos_time_);
    Put16(out_, dos_date_);
    Put32(out_, c.crc);
    Put32(out_, c.compressed);
    Put32(out_, c.size);
    Put16(out_, static_cast<uint32_t>(c.name.size()));
    Put16(out_, 0);               // extra
    Put16(out_, 0);               // comment
    Put16(out_, 0);               // disk
    Put16(out_, 0);               // internal attributes
    Put32(out_, 0100600u << 16);  // external: a regular file, mode 0600
    Put32(out_, c.offset);
    out_.append(c.name);
  }
  uint32_t dir_size = static_cast<uint32_t>(out_.size()) - dir_start;
  Put32(out_, kEndSig);
  Put16(out_, 0);
  Put16(out_, 0);
  Put16(out_, static_cast<uint32_t>(central_.size()));
  Put16(out_, static_cast<uint32_t>(central_.size()));
  Put32(out_, dir_size);
  Put32(out_, dir_start);
  Put16(out_, 0);
  return std::move(out_);
}

bool LooksLikeZip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
         ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
}

Result<std::vector<ZipEntry>> ReadZip(std::string_view z, const ZipLimits& limits) {
  auto bad = [](const std::string& why) {
    return Status::Invalid("not a readable ZIP archive: " + why);
  };
  if (z.size() < 22) return bad("too short");
  // The end record sits in the last 22 + up to 65535 (comment) bytes.
  size_t end = std::string_view::npos;
  size_t lowest = z.size() > 22 + 65535 ? z.size() - 22 - 65535 : 0;
  for (size_t i = z.size() - 22 + 1; i-- > lowest;) {
    if (Get32(z, i) == kEndSig) {
      end = i;
      break;
    }
  }
  if (end == std::string_view::npos) return bad("no end of central directory");
  uint32_t count = Get16(z, end + 10);
  uint64_t dir_size = Get32(z, end + 12), dir_start = Get32(z, end + 16);
  if (count > limits.max_entries)
    return bad("more than " + std::to_string(limits.max_entries) + " entries");
  if (dir_start + dir_size > end) return bad("the central directory is out of bounds");
  std::vector<ZipEntry> entries;
  std::set<std::string> names;
  uint64_t total = 0;
  size_t at = dir_start;
  for (uint32_t i = 0; i < count; ++i) {
    if (at + 46 > end || Get32(z, at) != kCentralSig) return bad("a damaged central directory");
    uint32_t flags = Get16(z, at + 8), method = Get16(z, at + 10), crc = Get32(z, at + 16);
    uint64_t csize = Get32(z, at + 20), size = Get32(z, at + 24);
    size_t name_len = Get16(z, at + 28), extra_len = Get16(z, at + 30),
           comment_len = Get16(z, at + 32);
    uint64_t local = Get32(z, at + 42);
    if (at + 46 + name_len + extra_len + comment_len > end) return bad("a damaged entry name");
    std::string name(z.substr(at + 46, name_len));
    at += 46 + name_len + extra_len + comment_len;
    if (flags & 1) return bad(name + " is encrypted with ZIP encryption, which is not supported");
    if (method != 0 && method != 8) return bad(name + " uses an unsupported compression method");
    if (csize == 0xffffffffu || size == 0xffffffffu || local == 0xffffffffu)
      return bad("ZIP64 archives are not supported");
    total += size;
    if (total > limits.max_total_size) return bad("its contents are larger than the limit");
    if (method == 0 && csize != size) return bad(name + " has inconsistent sizes");
    if (local + 30 > z.size() || Get32(z, local) != kLocalSig)
      return bad(name + ": damaged header");
    uint64_t data_at = local + 30 + Get16(z, local + 26) + Get16(z, local + 28);
    if (data_at + csize > z.size()) return bad(name + " is cut short");
    if (!name.empty() && name.back() == '/') continue;  // a folder
    if (!names.insert(name).second) return bad(name + " appears twice");
    std::string_view packed = z.substr(data_at, csize);
    ZipEntry e{std::move(name), {}};
    if (method == 0) {
      e.data.assign(packed);
    } else {
      // Deflate expands at most ~1032:1; a larger claim is a lie.
      if (size > csize * 1032 + 64) return bad(e.name + " claims an impossible size");
      auto inflated = Inflate(packed, size);
      if (!inflated.ok()) return bad(e.name + ": " + inflated.status().message());
      e.data = std::move(*inflated);
    }
    if (Crc(e.data) != crc) return bad(e.name + " fails its checksum");
    entries.push_back(std::move(e));
  }
  return entries;
}

}  // namespace securebase::portability
