// securebase assess score: research batch scoring of a CSV file (see understand/batch_scorer.h).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <ostream>

#include "cli/commands.h"
#include "understand/batch_scorer.h"
#include "understand/catalog.h"

namespace securebase::cli {
namespace {

struct ScoreArgs {
  std::string instrument;
  std::string input;
  std::string output;
  std::string format = "csv";
  std::string id_column = "id";
  std::string column_pattern;
  std::optional<double> cut;
  bool id_column_given = false;
};

// Problems printed before the rest are only counted (each row's error column has them all).
constexpr uint64_t kMaxProblemLines = 100;
// Files at least this big get a progress bar when stderr is a terminal.
constexpr uint64_t kProgressMinBytes = uint64_t{8} << 20;

// A file descriptor closed on scope exit.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }
  // Closes now, reporting a failure (a write the kernel could not complete).
  Status Close(const std::string& name) {
    int fd = fd_;
    fd_ = -1;
    if (::close(fd) != 0)
      return Status::Io(fmt::format("closing {}: {}", name, std::strerror(errno)));
    return Status::Ok();
  }

 private:
  int fd_;
};

// "[#########...........]  42%" on one terminal line, redrawn when the percentage changes.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, uint64_t total) : err_(err), total_(total) {}
  void Update(uint64_t done) {
    int percent = static_cast<int>(done * 100 / total_);
    if (percent == shown_) return;
    shown_ = percent;
    constexpr int kWidth = 30;
    int filled = percent * kWidth / 100;
    err_ << "\rscoring [" << std::string(static_cast<size_t>(filled), '#')
         << std::string(static_cast<size_t>(kWidth - filled), '.') << "] "
         << fmt::format("{:3d}%", percent) << std::flush;
    drawn_ = true;
  }
  // Clears the bar's line so other messages start at column 0.
  void Clear() {
    if (!drawn_) return;
    err_ << "\r\033[K" << std::flush;
    drawn_ = false;
    shown_ = -1;
  }

 private:
  std::ostream& err_;
  uint64_t total_;
  int shown_ = -1;
  bool drawn_ = false;
};

// Flag values that make no sense whatever the files hold; the command line is wrong (exit 2).
Status CheckFlags(const ScoreArgs& args) {
  if (args.format != "csv" && args.format != "json") {
    return Status::InvalidField("--format", fmt::format("'{}' is not csv or json", args.format));
  }
  if (args.input.empty())
    return Status::InvalidField("--input", "needs a file name (or - for standard input)");
  if (!args.column_pattern.empty() && args.column_pattern.find("{n}") == std::string::npos &&
      args.column_pattern.find("{nn}") == std::string::npos) {
    return Status::InvalidField(
        "--column-pattern",
        fmt::format("'{}' needs {{n}} (item number) or {{nn}} (two digits), as in 'q{{n}}'",
                    args.column_pattern));
  }
  if (args.cut && !std::isfinite(*args.cut)) {
    return Status::InvalidField("--cut", "must be a number");
  }
  return Status::Ok();
}

Status RunScore(Context& ctx, const ScoreArgs& args) {
  TRY_ASSIGN(auto catalog, understand::Catalog::Load(ctx.Content()));
  auto found = catalog.Find(args.instrument);
  if (!found.ok()) return Status::InvalidField("--instrument", found.status().message());
  const understand::Instrument& instrument = **found;

  understand::BatchOptions options;
  options.format =
      args.format == "json" ? understand::OutputFormat::kJson : understand::OutputFormat::kCsv;
  options.id_column = args.id_column;
  options.id_column_rule =
      args.id_column_given ? understand::IdColumn::kRequired : understand::IdColumn::kOptional;
  options.column_pattern = args.column_pattern;
  if (args.cut) {
    if (instrument.rule == understand::ScoringRule::kRq) {
      ctx.err() << "securebase: note: --cut is not used for " << instrument.id
                << ": its styles split at 0 on the model of self and of other\n";
    } else if (*args.cut < instrument.scale.min || *args.cut > instrument.scale.max) {
      return Status::InvalidField(
          "--cut", fmt::format("{} is outside {}'s scale, {} to {}", *args.cut, instrument.id,
                               instrument.scale.min, instrument.scale.max));
    }
    options.cut = args.cut;
  }
  auto scorer = understand::BatchScorer::Create(instrument, options);
  if (!scorer.ok()) return scorer.status();

  // Input: a file or standard input.
  std::unique_ptr<Fd> in_fd;
  std::unique_ptr<understand::ByteSource> source;
  uint64_t input_size = 0;
  struct stat in_stat {};
  bool from_stdin = args.input == "-";
  if (from_stdin) {
    source = std::make_unique<understand::IstreamSource>(ctx.in());
  } else {
    in_fd = std::make_unique<Fd>(::open(args.input.c_str(), O_RDONLY | O_CLOEXEC));
    if (in_fd->get() < 0) {
      return Status::InvalidField(
          "--input", fmt::format("cannot open '{}': {}", args.input, std::strerror(errno)));
    }
    if (::fstat(in_fd->get(), &in_stat) != 0 || S_ISDIR(in_stat.st_mode)) {
      return Status::InvalidField("--input", fmt::format("'{}' is not a file", args.input));
    }
    if (S_ISREG(in_stat.st_mode)) input_size = static_cast<uint64_t>(in_stat.st_size);
    ::posix_fadvise(in_fd->get(), 0, 0, POSIX_FADV_SEQUENTIAL);
    source = std::make_unique<understand::FdSource>(in_fd->get(), args.input);
  }

  // Output: a file (never the input itself) or standard output.
  std::unique_ptr<Fd> out_fd;
  std::unique_ptr<understand::ByteSink> sink;
  bool to_stdout = args.output.empty() || args.output == "-";
  if (to_stdout) {
    sink = std::make_unique<understand::OstreamSink>(ctx.out());
  } else {
    struct stat out_stat {};
    if (!from_stdin && ::stat(args.output.c_str(), &out_stat) == 0 &&
        out_stat.st_dev == in_stat.st_dev && out_stat.st_ino == in_stat.st_ino) {
      return Status::InvalidField("--output",
                                  "is the input file; writing it would destroy the answers");
    }
    out_fd = std::make_unique<Fd>(
        ::open(args.output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666));
    if (out_fd->get() < 0) {
      return Status::InvalidField(
          "--output", fmt::format("cannot write '{}': {}", args.output, std::strerror(errno)));
    }
    sink = std::make_unique<understand::FdSink>(out_fd->get(), args.output);
  }

  std::unique_ptr<ProgressBar> bar;
  if (input_size >= kProgressMinBytes && ::isatty(2)) {
    bar = std::make_unique<ProgressBar>(ctx.err(), input_size);
  }
  uint64_t problem_lines = 0;
  auto on_problem = [&](std::string_view line) {
    if (++problem_lines > kMaxProblemLines) return;
    if (bar) bar->Clear();
    ctx.err() << line << "\n";
  };
  understand::BatchScorer::ProgressFn on_progress;
  if (bar) on_progress = [&](uint64_t bytes) { bar->Update(bytes); };

  auto summary = scorer->Run(*source, *sink, on_problem, on_progress);
  if (bar) bar->Clear();
  if (to_stdout) ctx.out().flush();
  if (!summary.ok()) {
    if (out_fd) ::unlink(args.output.c_str());  // a partial file would look like a result
    Status s = summary.status().WithContext(from_stdin ? "standard input" : args.input);
    if (s.code() == ErrorCode::kNotFound && args.column_pattern.empty()) {
      s = Status(s.code(), s.message() +
                               ". If your columns have other names, map them with "
                               "--column-pattern, e.g. --column-pattern 'q{n}'");
    }
    return s;
  }
  if (out_fd) TRY(out_fd->Close(args.output));
  if (summary->bad_rows > 0) {
    if (problem_lines > kMaxProblemLines) {
      ctx.err() << fmt::format("... and {} more problems\n", problem_lines - kMaxProblemLines);
    }
    ctx.err() << fmt::format(
        "securebase: {} of {} rows could not be scored; their error column says why\n",
        summary->bad_rows, summary->rows);
    ctx.exit_code = 1;
  }
  return Status::Ok();
}

}  // namespace

void RegisterAssessScoreCommand(CLI::App& app, Context& ctx) {
  CLI::App* assess = nullptr;
  for (CLI::App* sub : app.get_subcommands([](CLI::App* s) { return s->get_name() == "assess"; })) {
    assess = sub;
  }
  if (assess == nullptr) {
    assess = app.add_subcommand("assess", "Attachment questionnaires: take them, see your scores");
    assess->require_subcommand(1);
  }

  auto args = std::make_shared<ScoreArgs>();
  CLI::App* score = assess->add_subcommand(
      "score", "Score a CSV file of answers for research (one row per person)");
  score->footer(
      "One row of scores out per row in, in the same order: id, the two dimensions with 4 "
      "decimals, style and error. A blank cell is a missing answer; a subscale with too many "
      "missing answers has no score. A row with a bad cell is written with an error instead of "
      "scores, and the exit status is 1.");
  score->add_option("--instrument", args->instrument, "Questionnaire id, e.g. ecr-r, ecr-s, rq")
      ->required();
  score->add_option("--input", args->input, "CSV file with a header row (- for standard input)")
      ->required();
  score->add_option("--output", args->output,
                    "Where to write the scores (default: standard output)");
  score->add_option("--format", args->format, "csv or json");
  CLI::Option* id_option = score->add_option(
      "--id-column", args->id_column,
      "Column holding each person's id; when the default is absent, rows are numbered from 1");
  score->add_option("--column-pattern", args->column_pattern,
                    "Item column names, {n} = item number, {nn} = two digits, e.g. 'ecrr_{n}' "
                    "(default: the item ids, e.g. ecrr_01)");
  score->add_option("--cut", args->cut,
                    "Cut point between low and high for the style label (default: the scale "
                    "midpoint, 4 on 1-7); a score on the cut counts as low");
  score->callback([&ctx, args, id_option] {
    args->id_column_given = id_option->count() > 0;
    Status flags = CheckFlags(*args);
    if (!flags.ok()) {
      ctx.PrintError(flags);
      ctx.exit_code = 2;
      return;
    }
    Status s = RunScore(ctx, *args);
    if (!s.ok()) ctx.Fail(s);
  });
}

}  // namespace securebase::cli
