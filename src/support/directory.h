#pragma once
// The therapist directory as the CLI and API use it: importing files (with a report per
// row), the shipped sample, and search (postcode resolved, candidates ranked, paged).
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "platform/content.h"
#include "support/directory_store.h"
#include "support/provider_file.h"
#include "support/search.h"

namespace securebase::support {

inline constexpr const char* kSampleProvidersPath = "content/support/sample_directory.csv";
inline constexpr const char* kSamplePostcodesPath = "content/support/sample_postcodes.csv";
inline constexpr const char* kTherapiesPath = "content/support/therapies.json";

struct ImportReport {
  int64_t rows = 0;  // data rows read
  int64_t added = 0, updated = 0;
  int64_t without_coordinates = 0;  // imported, but no radius search until postcodes are known
  std::vector<RowError> errors;     // one per bad field (or row), row order
};

// Called after each batch with rows done and rows in all.
using ProgressFn = std::function<void(int64_t done, int64_t total)>;

struct SearchPage {
  std::vector<Ranked> items;
  std::string next_cursor;  // empty when there is nothing more
  int64_t total = 0;        // results in all (after the radius)
  bool capped = false;      // more providers matched than were ranked (narrow the search)
  std::optional<PostcodeRow> resolved;  // the postcode the search was centred on
};

class Directory {
 public:
  // Reads the therapy catalogue from `content`. `store` must outlive the Directory.
  static Result<std::unique_ptr<Directory>> Create(DirectoryStore& store,
                                                   const ContentLibrary& content);

  // Imports a parsed file: every good row is saved (in batches of 500), every bad one
  // reported; a row whose key appears twice keeps the later one and reports the earlier.
  Result<ImportReport> Import(const ParsedFile& file, int64_t now_ms, const ProgressFn& progress);
  // Imports the sample postcodes and providers shipped in content/support/.
  Result<ImportReport> ImportSample(const ContentLibrary& content, int64_t now_ms);
  // Imports postcode centroids; `located` = providers that got coordinates from them.
  struct PostcodeReport {
    int64_t rows = 0, imported = 0, located = 0;
    std::vector<RowError> errors;
  };
  Result<PostcodeReport> ImportPostcodes(const ParsedPostcodes& file);

  // Normalises `q`, resolves its postcode, and returns one page of ranked results.
  // `cursor` is a value from a previous page (InvalidArgument "cursor" when bad).
  Result<SearchPage> Search(SearchQuery q, int limit, const std::string& cursor);

  const TherapyCatalog& therapies() const { return therapies_; }
  DirectoryStore& store() { return store_; }

  Directory(DirectoryStore& store, TherapyCatalog therapies)
      : store_(store), therapies_(std::move(therapies)) {}

 private:
  DirectoryStore& store_;
  TherapyCatalog therapies_;
};

// At most this many candidates are ranked for one search.
inline constexpr size_t kMaxCandidates = 5000;

}  // namespace securebase::support
