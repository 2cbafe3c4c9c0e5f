#pragma once
// RFC 4180 CSV records read in place from a ByteSource, for the batch scorer.
// Thread-compatible.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"
#include "understand/batch_scorer.h"

namespace securebase::understand {

// One field of the current record, pointing into the reader's buffer.
struct Field {
  const char* data;  // the text between the quotes for a quoted field
  size_t size;
  bool quoted;
  bool escaped;  // holds doubled quotes ("") that stand for one quote
};

// The field's text with doubled quotes undone; copies into `scratch` only when needed.
inline std::string_view FieldText(const Field& f, std::string& scratch) {
  if (!f.escaped) return {f.data, f.size};
  scratch.clear();
  for (size_t i = 0; i < f.size; ++i) {
    scratch += f.data[i];
    if (f.data[i] == '"') ++i;
  }
  return scratch;
}

enum class RecordProblem { kNone, kUnclosedQuote, kTextAfterQuote };

// Characters that end an unquoted field.
inline constexpr std::array<bool, 256> kFieldEnd = [] {
  std::array<bool, 256> t{};
  t[','] = t['\n'] = t['\r'] = true;
  return t;
}();

// Splits a byte stream into RFC 4180 records. Reads `read_size` bytes at a time into one
// buffer and parses in place; a record cut by the end of the buffer is moved to the front
// and parsed again once more bytes are in. The buffer only grows to hold the longest record.
// A sentinel '\n' after the last byte read lets the field scans skip bounds checks.
class CsvReader {
 public:
  CsvReader(ByteSource& source, size_t read_size, size_t max_record,
            const BatchScorer::ProgressFn& progress)
      : source_(source), read_size_(read_size), max_record_(max_record), progress_(progress) {
    buffer_.resize(read_size_ + 1);
    buffer_[0] = '\n';
    fields_.resize(64);
  }

  // Moves to the next record; false at the end of the input or on an error (see status()).
  // The fields stay valid until the next call.
  bool Next() {
    if (!started_) {
      started_ = true;
      while (!eof_ && end_ < 3) {
        if (!Fill()) return false;
      }
      if (end_ >= 3 && std::memcmp(buffer_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;  // BOM
    }
    for (;;) {
      switch (TryParse()) {
        case Parse::kRecord:
          return true;
        case Parse::kEnd:
          return false;
        case Parse::kNeedMore:
          if (!Fill()) return false;
          break;
      }
    }
  }

  const Status& status() const { return status_; }
  std::span<const Field> fields() const { return {fields_.data(), field_count_}; }
  RecordProblem problem() const { return problem_; }
  size_t problem_field() const { return problem_field_; }  // 0-based
  uint64_t bytes_read() const { return bytes_read_; }

 private:
  enum class Parse { kRecord, kNeedMore, kEnd };

  static bool IsFieldEnd(char c) { return kFieldEnd[static_cast<unsigned char>(c)]; }

  Parse TryParse() {
    const char* const base = buffer_.data();
    const char* const end = base + end_;  // *end is the sentinel '\n'
    const char* p = base + pos_;
    if (p == end) return eof_ ? Parse::kEnd : Parse::kNeedMore;
    problem_ = RecordProblem::kNone;
    size_t n = 0;
    for (;;) {
      if (n == fields_.size()) fields_.resize(n * 2);
      Field& f = fields_[n++];
      f.quoted = f.escaped = false;
      if (*p != '"') {
        f.data = p;
        while (!IsFieldEnd(*p)) ++p;
        f.size = static_cast<size_t>(p - f.data);
      } else {
        f.quoted = true;
        f.data = ++p;
        for (;;) {
          const char* q =
              static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
          if (q == nullptr) {
            if (!eof_) return Parse::kNeedMore;
            problem_ = RecordProblem::kUnclosedQuote;
            f.size = static_cast<size_t>(end - f.data);
            p = end;
            break;
          }
          if (q + 1 == end && !eof_) return Parse::kNeedMore;
          if (q + 1 < end && q[1] == '"') {
            f.escaped = true;
            p = q + 2;
            continue;
          }
          f.size = static_cast<size_t>(q - f.data);
          p = q + 1;
          break;
        }
        if (!IsFieldEnd(*p)) {
          // Text after the closing quote: not RFC 4180. Flag the record, skip to the field end.
          if (problem_ == RecordProblem::kNone) {
            problem_ = RecordProblem::kTextAfterQuote;
            problem_field_ = n - 1;
          }
          while (!IsFieldEnd(*p)) ++p;
        }
      }
      if (p == end) {
        if (!eof_) return Parse::kNeedMore;
        break;  // the last record, without a line end
      }
      char c = *p++;
      if (c == ',') continue;
      if (c == '\r') {
        if (p == end) {
          if (!eof_) return Parse::kNeedMore;
        } else if (*p == '\n') {
          ++p;
        }
      }
      break;
    }
    field_count_ = n;
    pos_ = static_cast<size_t>(p - base);
    return Parse::kRecord;
  }

  bool Fill() {
    if (pos_ > 0) {
      std::memmove(buffer_.data(), buffer_.data() + pos_, end_ - pos_);
      end_ -= pos_;
      pos_ = 0;
    }
    if (end_ > max_record_) {
      status_ = Status::Invalid(
          fmt::format("a row is longer than {} bytes; is a quote left open?", max_record_));
      return false;
    }
    if (buffer_.size() - 1 - end_ < read_size_) buffer_.resize(end_ + read_size_ + 1);
    auto n = source_.Read(buffer_.data() + end_, buffer_.size() - 1 - end_);
    if (!n.ok()) {
      status_ = n.status();
      return false;
    }
    if (*n == 0) eof_ = true;
    end_ += *n;
    buffer_[end_] = '\n';
    bytes_read_ += *n;
    if (progress_ && *n > 0) progress_(bytes_read_);
    return true;
  }

  ByteSource& source_;
  size_t read_size_;
  size_t max_record_;
  const BatchScorer::ProgressFn& progress_;
  std::vector<char> buffer_;
  size_t pos_ = 0;  // start of the unparsed bytes
  size_t end_ = 0;  // end of the bytes read; buffer_[end_] is the sentinel
  bool eof_ = false;
  bool started_ = false;
  uint64_t bytes_read_ = 0;
  Status status_;
  std::vector<Field> fields_;  // reused; the first field_count_ belong to this record
  size_t field_count_ = 0;
  RecordProblem problem_ = RecordProblem::kNone;
  size_t problem_field_ = 0;
};

}  // namespace securebase::understand
