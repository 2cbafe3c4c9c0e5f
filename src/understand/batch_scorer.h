#pragma once
// Research batch scoring: a CSV file of answers in (one row per person), one row of scores out
// per input row, in the same order. Streams in constant memory: input is read in large chunks
// and parsed in place (RFC 4180 quoting, CRLF or LF), output goes through one large buffer.
//
// Input: a header row naming the columns, then one row per person. Item columns are found by
// the instrument's item ids, or by a pattern that maps an item number to a column name. An id
// column is optional; without it a row's id is its 1-based data row number.
//
// Output (CSV): id,anxiety,avoidance,style,error (for the RQ: id,model_of_self,model_of_other,
// style,error). Scores have 4 decimals; a missing score and its style are empty. A row with a
// bad cell or the wrong number of fields keeps its place with empty scores and says why in
// `error`; every other row is still scored.
// Output (JSON): an array of objects with the same keys; missing values are null. The id is a
// string when it comes from an id column (null when a short row lacks it) and a number when it
// is the row number.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"
#include "understand/instrument.h"
#include "understand/scoring.h"

namespace securebase::understand {

// Where the batch scorer reads bytes from.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `size` (> 0) bytes into `buffer`. Returns the count read; 0 at the end.
  virtual Result<size_t> Read(char* buffer, size_t size) = 0;
};

// Where the batch scorer writes bytes to.
class ByteSink {
 public:
  virtual ~ByteSink() = default;
  virtual Status Write(std::string_view bytes) = 0;
};

// Reads an open file descriptor, which it does not own. `name` appears in error messages.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  int fd_;
  std::string name_;
};

// Writes to an open file descriptor, which it does not own.
class FdSink final : public ByteSink {
 public:
  FdSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) {}
  Status Write(std::string_view bytes) override;

 private:
  int fd_;
  std::string name_;
};

// Reads from memory, handing out at most `max_read` bytes per call (tests pass small values
// so that rows straddle reads).
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string_view data, size_t max_read = SIZE_MAX)
      : data_(data), max_read_(max_read) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::string_view data_;
  size_t max_read_;
};

// Appends to a string the caller owns.
class StringSink final : public ByteSink {
 public:
  explicit StringSink(std::string& out) : out_(out) {}
  Status Write(std::string_view bytes) override {
    out_.append(bytes);
    return Status::Ok();
  }

 private:
  std::string& out_;
};

// Reads from / writes to a standard stream the caller owns (stdin and stdout in the CLI).
class IstreamSource final : public ByteSource {
 public:
  explicit IstreamSource(std::istream& in) : in_(in) {}
  Result<size_t> Read(char* buffer, size_t size) override;

 private:
  std::istream& in_;
};

class OstreamSink final : public ByteSink {
 public:
  explicit OstreamSink(std::ostream& out) : out_(out) {}
  Status Write(std::string_view bytes) override;

 private:
  std::ostream& out_;
};

enum class OutputFormat { kCsv, kJson };

// Whether a missing id column is an error (the caller named it) or means "number the rows".
enum class IdColumn { kOptional, kRequired };

struct BatchOptions {
  OutputFormat format = OutputFormat::kCsv;
  std::string id_column = "id";
  IdColumn id_column_rule = IdColumn::kOptional;
  // Empty: item columns are named by item id. Otherwise a column name in which "{n}" stands
  // for the item number and "{nn}" for the number padded to two digits ("q{n}", "ecrr_{nn}").
  std::string column_pattern;
  // The cut point between low and high (Place); empty means the scale midpoint. Not used by
  // the RQ, whose cut is 0 on both models.
  std::optional<double> cut;
  size_t read_size = size_t{1} << 20;   // bytes asked of the source per read
  size_t write_size = size_t{1} << 20;  // bytes buffered before writing to the sink
  // A row longer than this stops the run (usually a quote left open swallowing the file).
  size_t max_row_size = size_t{64} << 20;
};

struct BatchSummary {
  uint64_t rows = 0;      // data rows seen (blank lines are skipped and not counted)
  uint64_t bad_rows = 0;  // rows written with an error instead of scores
  uint64_t bytes_read = 0;
};

// The column names a pattern gives the instrument's items, in item order. Fails when the
// pattern has neither "{n}" nor "{nn}".
Result<std::vector<std::string>> ColumnsFromPattern(const Instrument& instrument,
                                                    std::string_view pattern);

class BatchScorer {
 public:
  // Called once per problem, with a line such as
  // "row 3, column ecrr_07: '9' is not a whole number from 1 to 7" (rows are 1-based data
  // rows, the header excluded).
  using ProblemFn = std::function<void(std::string_view line)>;
  // Called after every read with the total bytes read so far.
  using ProgressFn = std::function<void(uint64_t bytes_read)>;

  // Fails when the options cannot work with the instrument (bad pattern, cut outside the
  // scale, zero buffer sizes).
  static Result<BatchScorer> Create(const Instrument& instrument, BatchOptions options);

  // Scores every row of `in` into `out`. A fatal problem (unreadable input, no header, a row
  // over max_row_size, a failed write) returns an error Status; item columns missing from the
  // header return NotFound naming the expected columns. Problems in
  // single rows are reported through `on_problem`, counted in the summary and written to the
  // output, and scoring goes on. Run keeps its state local, so one BatchScorer may serve
  // several threads at once.
  Result<BatchSummary> Run(ByteSource& in, ByteSink& out, const ProblemFn& on_problem = {},
                           const ProgressFn& on_progress = {}) const;

  const std::vector<std::string>& item_columns() const { return item_columns_; }

 private:
  BatchScorer(const Instrument& instrument, BatchOptions options,
              std::vector<std::string> item_columns, double cut);

  BatchOptions options_;
  std::vector<std::string> item_columns_;  // column name per item position
  ScoringRule rule_;
  int scale_min_;
  int scale_max_;
  double cut_;
  ScoringKey key_;
};

}  // namespace securebase::understand
