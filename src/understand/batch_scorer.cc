#include "understand/batch_scorer.h"

#include <errno.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <istream>
#include <ostream>
#include <span>

#include "platform/text.h"
#include "understand/csv_reader.h"
#include "understand/style.h"

namespace securebase::understand {

// ---- Sources and sinks -------------------------------------------------------------------

Result<size_t> FdSource::Read(char* buffer, size_t size) {
  for (;;) {
    ssize_t n = ::read(fd_, buffer, size);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno != EINTR)
      return Status::Io(fmt::format("reading {}: {}", name_, std::strerror(errno)));
  }
}

Status FdSink::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::Io(fmt::format("writing {}: {}", name_, std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Result<size_t> StringSource::Read(char* buffer, size_t size) {
  size_t n = std::min({size, max_read_, data_.size()});
  std::memcpy(buffer, data_.data(), n);
  data_.remove_prefix(n);
  return n;
}

Result<size_t> IstreamSource::Read(char* buffer, size_t size) {
  in_.read(buffer, static_cast<std::streamsize>(size));
  if (in_.bad()) return Status::Io("reading standard input failed");
  return static_cast<size_t>(in_.gcount());
}

Status OstreamSink::Write(std::string_view bytes) {
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out_) return Status::Io("writing the output failed");
  return Status::Ok();
}

namespace {

// ---- Output ------------------------------------------------------------------------------

// A large write buffer in front of a sink. Callers Reserve() room for a whole row, then write
// into it without further checks. A failed write is kept and returned by Reserve and Flush.
class OutBuffer {
 public:
  OutBuffer(ByteSink& sink, size_t size) : sink_(sink), buffer_(size) {}

  bool Fits(size_t n) const { return len_ + n <= buffer_.size(); }
  Status Reserve(size_t n) {
    if (Fits(n)) return Status::Ok();
    TRY(Flush());
    if (n > buffer_.size()) buffer_.resize(n);
    return Status::Ok();
  }
  Status Flush() {
    if (len_ > 0) {
      Status s = sink_.Write({buffer_.data(), len_});
      len_ = 0;
      return s;
    }
    return Status::Ok();
  }

  void Put(char c) { buffer_[len_++] = c; }
  void Put(std::string_view s) {
    std::memcpy(buffer_.data() + len_, s.data(), s.size());
    len_ += s.size();
  }
  char* cursor() { return buffer_.data() + len_; }
  void Advance(char* to) { len_ = static_cast<size_t>(to - buffer_.data()); }

 private:
  ByteSink& sink_;
  std::vector<char> buffer_;
  size_t len_ = 0;
};

// Writes `x` with exactly 4 decimals, rounded to nearest (ties to even, as printf does for
// exactly representable ties). At most 24 bytes.
char* WriteFixed4(char* o, double x) {
  if (!(std::fabs(x) < 1e14)) return fmt::format_to(o, "{:.4f}", x);
  double scaled = std::nearbyint(x * 10000.0);
  if (scaled < 0) {
    *o++ = '-';
    scaled = -scaled;
  }
  auto v = static_cast<uint64_t>(scaled);
  uint64_t whole = v / 10000;
  auto frac = static_cast<unsigned>(v % 10000);
  if (whole < 10) {
    *o++ = static_cast<char>('0' + whole);
  } else {
    fmt::format_int digits(whole);
    o = std::copy(digits.data(), digits.data() + digits.size(), o);
  }
  *o++ = '.';
  o[0] = static_cast<char>('0' + frac / 1000);
  o[1] = static_cast<char>('0' + frac / 100 % 10);
  o[2] = static_cast<char>('0' + frac / 10 % 10);
  o[3] = static_cast<char>('0' + frac % 10);
  return o + 4;
}

void PutCsvField(OutBuffer& out, std::string_view s) {
  // Characters that make a CSV field need quotes.
  static constexpr std::array<bool, 256> kSpecial = [] {
    std::array<bool, 256> t{};
    t[','] = t['"'] = t['\r'] = t['\n'] = true;
    return t;
  }();
  if (std::none_of(s.begin(), s.end(),
                   [](char c) { return kSpecial[static_cast<unsigned char>(c)]; })) {
    return out.Put(s);
  }
  out.Put('"');
  for (char c : s) {
    if (c == '"') out.Put('"');
    out.Put(c);
  }
  out.Put('"');
}

// A JSON string. Bytes that are not valid UTF-8 are read as Latin-1, so the output is
// always valid JSON. Writes at most 6 bytes per input byte plus 2.
void PutJsonString(OutBuffer& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  bool utf8 = IsValidUtf8(s);
  out.Put('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out.Put('\\');
      out.Put(ch);
    } else if (c < 0x20 || (c >= 0x80 && !utf8)) {
      char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.Put({esc, 6});
    } else {
      out.Put(ch);
    }
  }
  out.Put('"');
}

// A cell's text for a message: at most 40 bytes, control characters as '?'.
std::string Shown(std::string_view text) {
  constexpr size_t kMax = 40;
  bool cut = text.size() > kMax;
  if (cut) {
    size_t n = kMax;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole chars
    text = text.substr(0, n);
  }
  std::string s(text);
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  if (cut) s += "...";
  return s;
}

enum class Cell { kValue, kBlank, kBad };

Cell ParseCellSlow(const Field& f, int min, int max, int& out) {
  if (f.escaped) return Cell::kBad;
  std::string_view t = Trim({f.data, f.size});
  if (t.empty()) return Cell::kBlank;
  bool negative = false;
  if (t[0] == '-' || t[0] == '+') {
    negative = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t.empty() || t.size() > 6) return Cell::kBad;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return Cell::kBad;
    v = v * 10 + (c - '0');
  }
  if (negative) v = -v;
  if (v < min || v > max) return Cell::kBad;
  out = v;
  return Cell::kValue;
}

// One answer: a whole number within the scale, or blank (missing).
inline Cell ParseCell(const Field& f, int min, int max, int& out) {
  if (f.size == 1) {
    int d = static_cast<unsigned char>(f.data[0]) - '0';
    if (d >= 0 && d <= 9) {
      out = d;
      return d >= min && d <= max ? Cell::kValue : Cell::kBad;
    }
  } else if (f.size == 0) {
    return Cell::kBlank;
  }
  return ParseCellSlow(f, min, max, out);
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

// ---- BatchScorer -------------------------------------------------------------------------

Result<std::vector<std::string>> ColumnsFromPattern(const Instrument& instrument,
                                                    std::string_view pattern) {
  if (pattern.find("{n}") == std::string_view::npos &&
      pattern.find("{nn}") == std::string_view::npos) {
    return Status::Invalid(fmt::format(
        "column pattern '{}' has no {{n}} or {{nn}} to stand for the item number", pattern));
  }
  std::vector<std::string> names;
  for (const auto& item : instrument.items) {
    std::string name;
    for (size_t i = 0; i < pattern.size();) {
      if (pattern.substr(i).starts_with("{nn}")) {
        name += fmt::format("{:02d}", item.number);
        i += 4;
      } else if (pattern.substr(i).starts_with("{n}")) {
        name += fmt::format("{}", item.number);
        i += 3;
      } else {
        name += pattern[i++];
      }
    }
    names.push_back(std::move(name));
  }
  return names;
}

BatchScorer::BatchScorer(const Instrument& instrument, BatchOptions options,
                         std::vector<std::string> item_columns, double cut)
    : options_(std::move(options)),
      item_columns_(std::move(item_columns)),
      rule_(instrument.rule),
      scale_min_(instrument.scale.min),
      scale_max_(instrument.scale.max),
      cut_(cut),
      key_(instrument) {}

Result<BatchScorer> BatchScorer::Create(const Instrument& instrument, BatchOptions options) {
  if (options.read_size == 0 || options.write_size == 0 || options.max_row_size == 0) {
    return Status::Invalid("buffer sizes must be greater than 0");
  }
  std::vector<std::string> columns;
  if (options.column_pattern.empty()) {
    for (const auto& item : instrument.items) columns.push_back(item.id);
  } else {
    TRY_ASSIGN(columns, ColumnsFromPattern(instrument, options.column_pattern));
  }
  for (size_t i = 0; i < columns.size(); ++i) {
    for (size_t k = 0; k < i; ++k) {
      if (columns[i] == columns[k]) {
        return Status::Invalid(fmt::format("items {} and {} would both read column '{}'",
                                           instrument.items[k].id, instrument.items[i].id,
                                           columns[i]));
      }
    }
    if (!options.id_column.empty() && columns[i] == options.id_column) {
      return Status::Invalid(fmt::format("the id column '{}' is also the column of item {}",
                                         options.id_column, instrument.items[i].id));
    }
  }
  double cut = options.cut.value_or(instrument.scale.Midpoint());
  if (instrument.rule == ScoringRule::kMean &&
      !(cut >= instrument.scale.min && cut <= instrument.scale.max)) {
    return Status::Invalid(fmt::format("the cut point {} is outside the scale {} to {}", cut,
                                       instrument.scale.min, instrument.scale.max));
  }
  return BatchScorer(instrument, std::move(options), std::move(columns), cut);
}

Result<BatchSummary> BatchScorer::Run(ByteSource& in, ByteSink& out, const ProblemFn& on_problem,
                                      const ProgressFn& on_progress) const {
  CsvReader reader(in, options_.read_size, options_.max_row_size, on_progress);
  std::string scratch;

  // The header: find each item's column and the id column.
  if (!reader.Next()) {
    TRY(reader.status());
    return Status::Invalid(
        fmt::format("the input is empty; expected a header row naming the "
                    "columns {}",
                    JoinNames(item_columns_)));
  }
  if (reader.problem() != RecordProblem::kNone) {
    return Status::Invalid(reader.problem() == RecordProblem::kUnclosedQuote
                               ? "the header row has a quote that is never closed"
                               : fmt::format("the header row has text after the closing quote "
                                             "of column {}",
                                             reader.problem_field() + 1));
  }
  std::vector<std::string> header;
  for (const Field& f : reader.fields()) header.emplace_back(FieldText(f, scratch));
  const size_t field_count = header.size();
  auto find_column = [&](const std::string& name) -> Result<int> {
    int found = -1;
    for (size_t c = 0; c < header.size(); ++c) {
      if (header[c] != name) continue;
      if (found >= 0)
        return Status::Invalid(fmt::format("the header names column '{}' twice", name));
      found = static_cast<int>(c);
    }
    return found;
  };
  std::vector<size_t> item_field(item_columns_.size());
  std::vector<std::string> missing;
  for (size_t i = 0; i < item_columns_.size(); ++i) {
    TRY_ASSIGN(int c, find_column(item_columns_[i]));
    if (c < 0) missing.push_back(item_columns_[i]);
    item_field[i] = static_cast<size_t>(c);
  }
  if (!missing.empty()) {
    return Status::NotFound(fmt::format(
        "the header has no column for {} of the {} items ({}); expected one column per item: {}",
        missing.size(), item_columns_.size(), JoinNames(missing), JoinNames(item_columns_)));
  }
  int id_field = -1;
  if (!options_.id_column.empty()) {
    TRY_ASSIGN(id_field, find_column(options_.id_column));
    if (id_field < 0 && options_.id_column_rule == IdColumn::kRequired) {
      return Status::Invalid(fmt::format("the header has no id column '{}'", options_.id_column));
    }
  }

  // The output header.
  const bool json = options_.format == OutputFormat::kJson;
  const bool rq = rule_ == ScoringRule::kRq;
  const std::string_view dim1 = rq ? "model_of_self" : "anxiety";
  const std::string_view dim2 = rq ? "model_of_other" : "avoidance";
  OutBuffer writer(out, options_.write_size);
  const std::string head = json ? "[" : fmt::format("id,{},{},style,error\n", dim1, dim2);
  TRY(writer.Reserve(head.size()));
  writer.Put(head);
  // JSON keys, ready to copy.
  const std::string key_dim1 = fmt::format(",\"{}\":", dim1);
  const std::string key_dim2 = fmt::format(",\"{}\":", dim2);

  BatchSummary summary;
  std::vector<int> answers(item_columns_.size(), kMissing);
  std::string error;  // this row's problems, for the error column
  std::string id_scratch;
  const std::string range =
      fmt::format("is not a whole number from {} to {}", scale_min_, scale_max_);
  auto problem = [&](uint64_t row, std::string_view column, std::string_view text) {
    std::string where = column.empty() ? "" : fmt::format("column {}: ", column);
    if (!error.empty()) error += "; ";
    error += where;
    error += text;
    if (on_problem) on_problem(fmt::format("row {}, {}{}", row, where, text));
  };

  for (;;) {
    if (!reader.Next()) {
      if (!reader.status().ok()) {
        return reader.status().WithContext(fmt::format("row {}", summary.rows + 1));
      }
      break;
    }
    const std::span<const Field> fields = reader.fields();
    if (field_count > 1 && fields.size() == 1 && fields[0].size == 0 && !fields[0].quoted) {
      continue;  // a blank line
    }
    const uint64_t row = summary.rows + 1;
    summary.rows = row;
    error.clear();

    if (reader.problem() == RecordProblem::kUnclosedQuote) {
      error = "a quote is never closed";
      if (on_problem) on_problem(fmt::format("row {}: {}", row, error));
    } else if (reader.problem() == RecordProblem::kTextAfterQuote) {
      error = fmt::format("field {} has text after its closing quote", reader.problem_field() + 1);
      if (on_problem) on_problem(fmt::format("row {}: {}", row, error));
    } else if (fields.size() != field_count) {
      error = fmt::format("has {} fields, the header has {}", fields.size(), field_count);
      if (on_problem) on_problem(fmt::format("row {}: {}", row, error));
    } else {
      const int min = scale_min_, max = scale_max_;  // locals: `answers` may not alias them
      for (size_t i = 0; i < item_field.size(); ++i) {
        const Field& f = fields[item_field[i]];
        switch (ParseCell(f, min, max, answers[i])) {
          case Cell::kValue:
            break;
          case Cell::kBlank:
            answers[i] = kMissing;
            break;
          case Cell::kBad:
            problem(row, item_columns_[i],
                    fmt::format("'{}' {}", Shown(FieldText(f, scratch)), range));
            break;
        }
      }
    }

    // The id: the id column's text, or the row number when there is no id column.
    std::string_view id;
    bool has_id = false;
    if (id_field >= 0) {
      if (static_cast<size_t>(id_field) < fields.size()) {
        id = FieldText(fields[static_cast<size_t>(id_field)], id_scratch);
        has_id = true;
      }
    }

    Scores scores;
    std::optional<Placement> place;
    if (error.empty()) {
      scores = key_.Score(answers);
      place = Place(scores, rule_, cut_);
    } else {
      ++summary.bad_rows;
    }
    const std::optional<double>& s1 = rq ? scores.model_of_self : scores.anxiety;
    const std::optional<double>& s2 = rq ? scores.model_of_other : scores.avoidance;

    const size_t row_bound = 160 + 6 * (id.size() + error.size());
    if (!writer.Fits(row_bound)) TRY(writer.Reserve(row_bound));
    if (json) {
      writer.Put(row == 1 ? "\n{\"id\":" : ",\n{\"id\":");
      if (id_field < 0) {
        writer.Put(fmt::format_int(row).c_str());
      } else if (has_id) {
        PutJsonString(writer, id);
      } else {
        writer.Put("null");
      }
      writer.Put(key_dim1);
      if (s1) {
        writer.Advance(WriteFixed4(writer.cursor(), *s1));
      } else {
        writer.Put("null");
      }
      writer.Put(key_dim2);
      if (s2) {
        writer.Advance(WriteFixed4(writer.cursor(), *s2));
      } else {
        writer.Put("null");
      }
      writer.Put(",\"style\":");
      if (place) {
        writer.Put('"');
        writer.Put(StyleId(place->style));
        writer.Put('"');
      } else {
        writer.Put("null");
      }
      writer.Put(",\"error\":");
      if (error.empty()) {
        writer.Put("null}");
      } else {
        PutJsonString(writer, error);
        writer.Put('}');
      }
    } else {
      if (id_field < 0) {
        writer.Put(fmt::format_int(row).c_str());
      } else {
        PutCsvField(writer, id);
      }
      writer.Put(',');
      if (s1) writer.Advance(WriteFixed4(writer.cursor(), *s1));
      writer.Put(',');
      if (s2) writer.Advance(WriteFixed4(writer.cursor(), *s2));
      writer.Put(',');
      if (place) writer.Put(StyleId(place->style));
      writer.Put(',');
      PutCsvField(writer, error);
      writer.Put('\n');
    }
  }

  TRY(writer.Reserve(4));
  if (json) writer.Put(summary.rows == 0 ? "]\n" : "\n]\n");
  TRY(writer.Flush());
  summary.bytes_read = reader.bytes_read();
  return summary;
}

}  // namespace securebase::understand
