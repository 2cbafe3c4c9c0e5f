#include <fmt/format.h>

#include <variant>

#include "reflect/search_text.h"
#include "support/directory_store.h"

namespace securebase::support {
namespace {

constexpr const char* kColumns =
    "id, provider_key, name, credentials, licence, practice, provider_type, address, city, "
    "region, postcode, country, lat, lon, coords_from, telehealth, in_person, specialties, "
    "therapy_types, populations, participants, languages, insurance, fee_min, fee_max, "
    "currency, sliding_scale, accepting, gender, faith, ethnicity, website, phone, email, about, "
    "updated_ms";

std::string JoinList(const std::vector<std::string>& v) {
  std::string out = "|";
  for (const auto& s : v) out += s + "|";
  return out;
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find('|', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Provider RowToProvider(const db::Statement& st, int at = 0) {
  Provider p;
  int i = at;
  p.id = st.Int(i++);
  p.key = st.Text(i++);
  p.name = st.Text(i++);
  p.credentials = st.Text(i++);
  p.licence = st.Text(i++);
  p.practice = st.Text(i++);
  p.provider_type = st.Text(i++);
  p.address = st.Text(i++);
  p.city = st.Text(i++);
  p.region = st.Text(i++);
  p.postcode = st.Text(i++);
  p.country = st.Text(i++);
  p.lat = st.OptionalDouble(i++);
  p.lon = st.OptionalDouble(i++);
  p.coords_from = st.Text(i++);
  p.telehealth = st.Int(i++) != 0;
  p.in_person = st.Int(i++) != 0;
  p.specialties = SplitList(st.Text(i++));
  p.therapy_types = SplitList(st.Text(i++));
  p.populations = SplitList(st.Text(i++));
  p.participants = SplitList(st.Text(i++));
  p.languages = SplitList(st.Text(i++));
  p.insurance = SplitList(st.Text(i++));
  p.fee_min = st.OptionalInt(i++);
  p.fee_max = st.OptionalInt(i++);
  p.currency = st.Text(i++);
  p.sliding_scale = st.Int(i++) != 0;
  p.accepting = st.Int(i++) != 0;
  p.gender = st.Text(i++);
  p.faith = st.Text(i++);
  p.ethnicity = st.Text(i++);
  p.website = st.Text(i++);
  p.phone = st.Text(i++);
  p.email = st.Text(i++);
  p.about = st.Text(i++);
  p.updated_ms = st.Int(i++);
  return p;
}

using Param = std::variant<int64_t, double, std::string>;

// A WHERE clause built piece by piece with its parameters.
struct Where {
  std::string sql;
  std::vector<Param> params;
  void And(const std::string& clause) { sql += (sql.empty() ? "" : " AND ") + clause; }
  void InList(const char* column, const std::string& value) {
    And(fmt::format("instr(p.{}, ?) > 0", column));
    params.emplace_back("|" + value + "|");
  }
  void AnyInList(const char* column, const std::vector<std::string>& values) {
    std::string ors;
    for (const auto& v : values) {
      ors += (ors.empty() ? "" : " OR ") + fmt::format("instr(p.{}, ?) > 0", column);
      params.emplace_back("|" + v + "|");
    }
    And("(" + ors + ")");
  }
};

Result<std::optional<LatLon>> FindCentroid(db::Connection& conn, const std::string& country,
                                           const std::string& key) {
  if (key.empty()) return std::optional<LatLon>();
  TRY_ASSIGN(auto* st, conn.Prepare("SELECT lat, lon FROM postcodes WHERE postcode_key = ?1 AND "
                                    "(?2 = '' OR country = ?2) LIMIT 2"));
  st->BindAll(key, country);
  std::optional<LatLon> found;
  int n = 0;
  for (;;) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    ++n;
    found = LatLon{st->Double(0), st->Double(1)};
  }
  st->Reset();
  if (n != 1) return std::optional<LatLon>();
  return found;
}

class SqliteDirectoryStore final : public DirectoryStore {
 public:
  explicit SqliteDirectoryStore(db::Database& db) : db_(db) {}

  Result<UpsertCounts> Upsert(const std::vector<Provider>& providers, int64_t now_ms) override {
    UpsertCounts counts;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      counts = {};
      TRY_ASSIGN(auto* exists, conn.Prepare("SELECT id FROM providers WHERE provider_key = ?"));
      TRY_ASSIGN(
          auto* st,
          conn.Prepare(
              "INSERT INTO providers (provider_key, name, credentials, licence, practice, "
              "provider_type, address, city, region, postcode, postcode_key, country, lat, lon, "
              "coords_from, telehealth, in_person, specialties, therapy_types, populations, "
              "participants, languages, insurance, fee_min, fee_max, currency, sliding_scale, "
              "accepting, gender, faith, ethnicity, website, phone, email, about, imported_ms, "
              "updated_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
              "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, "
              "?31, ?32, ?33, ?34, ?35, ?36, ?36) ON CONFLICT (provider_key) DO UPDATE SET "
              "name = excluded.name, credentials = excluded.credentials, licence = "
              "excluded.licence, practice = excluded.practice, provider_type = "
              "excluded.provider_type, address = excluded.address, city = excluded.city, region "
              "= excluded.region, postcode = excluded.postcode, postcode_key = "
              "excluded.postcode_key, country = excluded.country, lat = excluded.lat, lon = "
              "excluded.lon, coords_from = excluded.coords_from, telehealth = "
              "excluded.telehealth, in_person = excluded.in_person, specialties = "
              "excluded.specialties, therapy_types = excluded.therapy_types, populations = "
              "excluded.populations, participants = excluded.participants, languages = "
              "excluded.languages, insurance = excluded.insurance, fee_min = excluded.fee_min, "
              "fee_max = excluded.fee_max, currency = excluded.currency, sliding_scale = "
              "excluded.sliding_scale, accepting = excluded.accepting, gender = "
              "excluded.gender, faith = excluded.faith, ethnicity = excluded.ethnicity, website "
              "= excluded.website, phone = excluded.phone, email = excluded.email, about = "
              "excluded.about, updated_ms = excluded.updated_ms"));
      for (const Provider& in : providers) {
        Provider p = in;
        std::string key = PostcodeKey(p.postcode);
        if (!p.lat || !p.lon) {
          TRY_ASSIGN(auto centroid, FindCentroid(conn, p.country, key));
          if (centroid) {
            p.lat = centroid->lat;
            p.lon = centroid->lon;
            p.coords_from = "postcode";
          } else {
            p.coords_from = "none";
          }
        }
        exists->BindAll(p.key);
        TRY_ASSIGN(bool found, exists->Step());
        exists->Reset();
        ++(found ? counts.updated : counts.added);
        st->BindAll(p.key, p.name, p.credentials, p.licence, p.practice, p.provider_type, p.address,
                    p.city, p.region, p.postcode, key, p.country, p.lat, p.lon, p.coords_from,
                    p.telehealth ? 1 : 0, p.in_person ? 1 : 0, JoinList(p.specialties),
                    JoinList(p.therapy_types), JoinList(p.populations), JoinList(p.participants),
                    JoinList(p.languages), JoinList(p.insurance), p.fee_min, p.fee_max, p.currency,
                    p.sliding_scale ? 1 : 0, p.accepting ? 1 : 0, p.gender, p.faith, p.ethnicity,
                    p.website, p.phone, p.email, p.about, now_ms);
        Status ran = st->Run();
        st->Reset();
        TRY(ran);
      }
      return Status::Ok();
    }));
    return counts;
  }

  Result<Provider> Get(int64_t id) override {
    std::optional<Provider> found;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare(fmt::format("SELECT {} FROM providers WHERE id = ?", kColumns)));
      st->BindAll(id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = RowToProvider(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found)
      return Status::NotFound(fmt::format("no therapist with id {} in the directory", id));
    return *found;
  }

  Result<std::vector<Candidate>> Candidates(const SearchQuery& q, size_t cap, bool* more) override {
    Where w;
    if (q.near) {
      BoundingBox box = BoxAround(*q.near, q.radius_km);
      std::string lons;
      for (size_t i = 0; i < box.lon_ranges.size(); ++i) {
        lons += (lons.empty() ? "" : " OR ") + std::string("p.lon BETWEEN ? AND ?");
      }
      std::string geo = "(p.lat BETWEEN ? AND ? AND (" + lons + "))";
      w.params.emplace_back(box.south);
      w.params.emplace_back(box.north);
      for (const auto& r : box.lon_ranges) {
        w.params.emplace_back(r.west);
        w.params.emplace_back(r.east);
      }
      if (q.mode == Mode::kOnline) geo = "(" + geo + " OR p.lat IS NULL)";
      w.And(geo);
    }
    if (!q.city.empty()) {
      w.And("p.city = ? COLLATE NOCASE");
      w.params.emplace_back(q.city);
    }
    if (!q.provider_type.empty()) {
      w.And("p.provider_type = ?");
      w.params.emplace_back(q.provider_type);
    }
    for (const auto& s : q.specialties) w.InList("specialties", s);
    if (!q.therapy_types.empty()) w.AnyInList("therapy_types", q.therapy_types);
    if (!q.insurance.empty()) w.AnyInList("insurance", q.insurance);
    if (!q.age_group.empty()) w.InList("populations", q.age_group);
    if (!q.participants.empty()) w.InList("participants", q.participants);
    if (!q.language.empty()) w.InList("languages", q.language);
    if (!q.gender.empty()) {
      w.And("p.gender = ?");
      w.params.emplace_back(q.gender);
    }
    if (!q.faith.empty()) {
      w.And("p.faith = ?");
      w.params.emplace_back(q.faith);
    }
    if (q.max_fee) {
      w.And("p.fee_min IS NOT NULL AND p.fee_min <= ?");
      w.params.emplace_back(*q.max_fee);
    }
    if (q.sliding_scale) w.And("p.sliding_scale = 1");
    if (q.accepting_only) w.And("p.accepting = 1");
    if (q.mode == Mode::kOnline) w.And("p.telehealth = 1");
    if (q.mode == Mode::kInPerson) w.And("p.in_person = 1");
    std::string fts = q.text.empty() ? "" : reflect::MakeFtsQuery(q.text);
    std::string from = "providers p";
    std::string rank = "NULL";
    std::vector<Param> params;
    if (!fts.empty()) {
      from =
          "(SELECT rowid AS fid, bm25(providers_fts) AS r FROM providers_fts WHERE "
          "providers_fts MATCH ?) f JOIN providers p ON p.id = f.fid";
      rank = "f.r";
      params.emplace_back(fts);
    } else if (!q.text.empty()) {
      *more = false;
      return std::vector<Candidate>();  // nothing searchable was typed
    }
    for (auto& p : w.params) params.push_back(std::move(p));
    std::string cols;
    for (std::string_view c : {std::string_view(kColumns)}) {
      size_t start = 0;
      while (start < c.size()) {
        size_t end = c.find(", ", start);
        if (end == std::string_view::npos) end = c.size();
        cols += (cols.empty() ? "p." : ", p.") + std::string(c.substr(start, end - start));
        start = end + 2;
      }
    }
    std::string sql = fmt::format("SELECT {}, {} FROM {}{}{} LIMIT ?", cols, rank, from,
                                  w.sql.empty() ? "" : " WHERE ", w.sql);
    params.emplace_back(static_cast<int64_t>(cap + 1));
    std::vector<Candidate> out;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      out.clear();
      TRY_ASSIGN(auto* st, conn.Prepare(sql));
      for (size_t i = 0; i < params.size(); ++i) {
        std::visit([&](const auto& v) { st->Bind(static_cast<int>(i + 1), v); }, params[i]);
      }
      for (;;) {
        auto row = st->Step();
        if (!row.ok()) {
          st->Reset();
          return row.status();
        }
        if (!*row) break;
        Candidate c;
        c.provider = RowToProvider(*st);
        c.text_rank = st->OptionalDouble(36);
        out.push_back(std::move(c));
      }
      st->Reset();
      return Status::Ok();
    }));
    *more = out.size() > cap;
    if (*more) out.resize(cap);
    return out;
  }

  Result<int64_t> Count() override {
    int64_t n = 0;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(n, conn.QueryInt("SELECT count(*) FROM providers"));
      return Status::Ok();
    }));
    return n;
  }

  Result<std::map<std::string, std::vector<FacetValue>>> Facets() override {
    std::map<std::string, std::map<std::string, int64_t>> counts;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT specialties, therapy_types, insurance, languages, "
                                        "faith, gender, city FROM providers"));
      const char* names[] = {"specialties", "therapy_types", "insurance", "languages",
                             "faith",       "gender",        "city"};
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        for (int i = 0; i < 7; ++i) {
          std::string v = st->Text(i);
          if (i < 4) {
            for (auto& x : SplitList(v)) ++counts[names[i]][x];
          } else if (!v.empty()) {
            ++counts[names[i]][v];
          }
        }
      }
      st->Reset();
      return Status::Ok();
    }));
    std::map<std::string, std::vector<FacetValue>> out;
    for (const char* n :
         {"specialties", "therapy_types", "insurance", "languages", "faith", "gender", "city"}) {
      auto& list = out[n];
      for (const auto& [v, c] : counts[n]) list.push_back({v, c});
      std::stable_sort(list.begin(), list.end(),
                       [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    }
    return out;
  }

  Result<int64_t> UpsertPostcodes(const std::vector<PostcodeRow>& rows) override {
    int64_t located = 0;
    TRY(db_.Write([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st,
                 conn.Prepare("INSERT INTO postcodes (country, postcode_key, postcode, place, lat, "
                              "lon) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (country, postcode_key) "
                              "DO UPDATE SET postcode = excluded.postcode, place = excluded.place, "
                              "lat = excluded.lat, lon = excluded.lon"));
      for (const auto& r : rows) {
        st->BindAll(r.country, PostcodeKey(r.postcode), r.postcode, r.place, r.lat, r.lon);
        Status ran = st->Run();
        st->Reset();
        TRY(ran);
      }
      TRY_ASSIGN(auto* fix,
                 conn.Prepare("UPDATE providers SET lat = c.lat, lon = c.lon, coords_from = "
                              "'postcode' FROM postcodes c WHERE providers.coords_from != 'file' "
                              "AND providers.postcode_key != '' AND c.postcode_key = "
                              "providers.postcode_key AND (providers.country = '' OR c.country = "
                              "providers.country) AND (providers.lat IS NULL OR providers.lat != "
                              "c.lat OR providers.lon != c.lon)"));
      TRY(fix->Run());
      located = conn.Changes();
      return Status::Ok();
    }));
    return located;
  }

  Result<PostcodeRow> LookupPostcode(const std::string& country,
                                     const std::string& postcode) override {
    std::vector<PostcodeRow> found;
    std::string key = PostcodeKey(postcode), c = PostcodeKey(country);
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(auto* st, conn.Prepare("SELECT country, postcode, place, lat, lon FROM postcodes "
                                        "WHERE postcode_key = ?1 AND (?2 = '' OR country = ?2) "
                                        "ORDER BY country LIMIT 10"));
      st->BindAll(key, c);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        found.push_back({st->Text(0), st->Text(1), st->Text(2), st->Double(3), st->Double(4)});
      }
      return Status::Ok();
    }));
    if (found.empty()) {
      return Status::NotFound(fmt::format(
          "postcode '{}' is not in the postcode table (import one with `securebase therapists "
          "postcodes import FILE`)",
          postcode));
    }
    if (found.size() > 1) {
      std::string countries;
      for (const auto& f : found) countries += (countries.empty() ? "" : ", ") + f.country;
      return Status::InvalidField(
          "postcode", fmt::format("'{}' is a postcode in several countries ({}); say which country",
                                  postcode, countries));
    }
    return found[0];
  }

  Result<int64_t> PostcodeCount() override {
    int64_t n = 0;
    TRY(db_.Read([&](db::Connection& conn) -> Status {
      TRY_ASSIGN(n, conn.QueryInt("SELECT count(*) FROM postcodes"));
      return Status::Ok();
    }));
    return n;
  }

 private:
  db::Database& db_;
};

}  // namespace

std::unique_ptr<DirectoryStore> MakeSqliteDirectoryStore(db::Database& db) {
  return std::make_unique<SqliteDirectoryStore>(db);
}

}  // namespace securebase::support
