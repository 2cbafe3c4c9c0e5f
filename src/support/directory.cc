#include "support/directory.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>

namespace securebase::support {

Result<std::unique_ptr<Directory>> Directory::Create(DirectoryStore& store,
                                                     const ContentLibrary& content) {
  const ContentFile* f = content.Find(kTherapiesPath);
  if (!f) return Status::Internal(std::string(kTherapiesPath) + " is missing");
  TRY_ASSIGN(auto catalog, TherapyCatalog::Parse(f->text, f->origin));
  return std::make_unique<Directory>(store, std::move(catalog));
}

Result<ImportReport> Directory::Import(const ParsedFile& file, int64_t now_ms,
                                       const ProgressFn& progress) {
  ImportReport report;
  report.errors = file.errors;
  report.rows = static_cast<int64_t>(file.rows.size() + file.errors.size());
  std::vector<Provider> good;
  std::map<std::string, int64_t> row_of_key;
  for (const RawRow& row : file.rows) {
    auto p = BuildProvider(row, &therapies_);
    if (!p.ok()) {
      for (const auto& f : p.status().fields())
        report.errors.push_back({row.row, f.field, f.message});
      continue;
    }
    auto [it, inserted] = row_of_key.emplace(p->key, row.row);
    if (!inserted) {
      report.errors.push_back(
          {it->second, "id",
           fmt::format("'{}' appears again on row {}; the later row was kept", p->key, row.row)});
      auto prev = std::find_if(good.begin(), good.end(),
                               [&](const Provider& g) { return g.key == p->key; });
      *prev = std::move(*p);
      it->second = row.row;
      continue;
    }
    good.push_back(std::move(*p));
  }
  constexpr size_t kBatch = 500;
  int64_t total = static_cast<int64_t>(good.size());
  for (size_t start = 0; start < good.size(); start += kBatch) {
    std::vector<Provider> batch(
        good.begin() + static_cast<std::ptrdiff_t>(start),
        good.begin() + static_cast<std::ptrdiff_t>(std::min(good.size(), start + kBatch)));
    TRY_ASSIGN(auto counts, store_.Upsert(batch, now_ms));
    report.added += counts.added;
    report.updated += counts.updated;
    if (progress) progress(static_cast<int64_t>(start + batch.size()), total);
  }
  for (const auto& p : good) {
    if (!p.lat) ++report.without_coordinates;
  }
  // Coordinates may have come from the postcode table; count what is still missing.
  if (report.without_coordinates > 0) {
    report.without_coordinates = 0;
    for (const auto& p : good) {
      if (p.lat) continue;
      if (PostcodeKey(p.postcode).empty() || !store_.LookupPostcode(p.country, p.postcode).ok()) {
        ++report.without_coordinates;
      }
    }
  }
  std::stable_sort(report.errors.begin(), report.errors.end(),
                   [](const RowError& a, const RowError& b) { return a.row < b.row; });
  return report;
}

Result<ImportReport> Directory::ImportSample(const ContentLibrary& content, int64_t now_ms) {
  const ContentFile* postcodes = content.Find(kSamplePostcodesPath);
  const ContentFile* providers = content.Find(kSampleProvidersPath);
  if (!postcodes || !providers) return Status::Internal("the sample directory is missing");
  TRY_ASSIGN(auto pc, ParsePostcodeFile(postcodes->text));
  TRY(ImportPostcodes(pc).status());
  TRY_ASSIGN(auto parsed, ParseProviderFile(providers->text, FileFormat::kCsv));
  return Import(parsed, now_ms, nullptr);
}

Result<Directory::PostcodeReport> Directory::ImportPostcodes(const ParsedPostcodes& file) {
  PostcodeReport r;
  r.rows = static_cast<int64_t>(file.rows.size() + file.errors.size());
  r.errors = file.errors;
  TRY_ASSIGN(r.located, store_.UpsertPostcodes(file.rows));
  r.imported = static_cast<int64_t>(file.rows.size());
  return r;
}

Result<SearchPage> Directory::Search(SearchQuery q, int limit, const std::string& cursor) {
  TRY(NormalizeQuery(q, therapies_));
  size_t offset = 0;
  if (!cursor.empty()) {
    auto [p, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), offset);
    if (ec != std::errc() || p != cursor.data() + cursor.size()) {
      return Status::InvalidField("cursor", "is not a value from a previous page");
    }
  }
  SearchPage page;
  if (!q.postcode.empty()) {
    if (q.near) {
      return Status::InvalidField("postcode", "give a postcode or coordinates, not both");
    }
    TRY_ASSIGN(auto pc, store_.LookupPostcode(q.postcode_country, q.postcode));
    q.near = LatLon{pc.lat, pc.lon};
    page.resolved = pc;
  }
  bool more = false;
  TRY_ASSIGN(auto candidates, store_.Candidates(q, kMaxCandidates, &more));
  auto ranked = Rank(std::move(candidates), q, therapies_);
  page.capped = more;
  page.total = static_cast<int64_t>(ranked.size());
  size_t end = std::min(ranked.size(), offset + static_cast<size_t>(limit));
  for (size_t i = offset; i < end; ++i) page.items.push_back(std::move(ranked[i]));
  if (end < ranked.size()) page.next_cursor = std::to_string(end);
  return page;
}

}  // namespace securebase::support
