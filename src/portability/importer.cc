#include "portability/importer.h"

#include <fmt/format.h>

#include <set>

#include "portability/rows.h"

namespace securebase::portability {
namespace json = boost::json;
namespace {

constexpr std::string_view kDryRunMarker = "portability: dry run rolled back";

struct TableInfo {
  std::set<std::string> columns;
  std::set<std::string> not_null;
};

Result<TableInfo> ReadTableInfo(db::Connection& conn, const std::string& table) {
  TableInfo t;
  TRY_ASSIGN(auto* st, conn.Prepare("SELECT name, \"notnull\" FROM pragma_table_info(?)"));
  st->Bind(1, table);
  while (true) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    t.columns.insert(st->Text(0));
    if (st->Int(1)) t.not_null.insert(st->Text(0));
  }
  return t;
}

std::string Summary(const json::object& v) {
  for (const char* c : {"name", "situation", "note", "what", "topic", "limit_text", "text", "key",
                        "practice_id", "instrument", "practice_name", "feeling"}) {
    auto x = v.if_contains(c);
    if (x && x->is_string() && !x->as_string().empty()) {
      std::string s(x->as_string());
      size_t nl = s.find('\n');
      if (nl != std::string::npos) s = s.substr(0, nl);
      if (s.size() > 60) {
        size_t cut = 57;
        while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
        s = s.substr(0, cut) + "...";
      }
      return s;
    }
  }
  return "";
}

// The content a duplicate check compares: every field but the id, in name order.
std::string ContentKey(const Kind& kind, const json::object& values) {
  std::map<std::string, const json::value*> sorted;
  for (const auto& [k, v] : values)
    if (!(kind.has_id && k == "id")) sorted[std::string(k)] = &v;
  std::string text = kind.name;
  for (const auto& [k, v] : sorted) text += '\x1f' + k + '=' + json::serialize(*v);
  return Digest(text);
}

std::string Signature(const Kind& kind, const json::object& values) {
  std::set<std::string> names;
  for (const auto& [k, v] : values) names.insert(std::string(k));
  return fmt::format("{}:{}", kind.name, fmt::join(names, ","));
}

class Run {
 public:
  Run(db::Connection& conn, int64_t user_id, Instant now, ImportReport& report)
      : conn_(conn), user_id_(user_id), now_(now), report_(report) {}

  Status Row(const IncomingRow& row) {
    RowOutcome out{row.kind->name, row.where, Outcome::kCreate, Summary(row.values), ""};
    TRY(Decide(row, out));
    Count(out);
    report_.rows.push_back(std::move(out));
    return Status::Ok();
  }

  void Count(const RowOutcome& out) {
    KindCounts& k = report_.counts[out.kind];
    for (KindCounts* c : {&k, &report_.total}) {
      if (out.outcome == Outcome::kCreate) ++c->create;
      if (out.outcome == Outcome::kDuplicate) ++c->duplicate;
      if (out.outcome == Outcome::kReject) ++c->reject;
    }
  }

 private:
  // Sets out.outcome and reason; returns an error only for database failures that must
  // stop the whole import.
  Status Decide(const IncomingRow& row, RowOutcome& out) {
    const Kind& kind = *row.kind;
    auto reject = [&](std::string why) {
      out.outcome = Outcome::kReject;
      out.reason = std::move(why);
      if (kind.has_id) {
        if (auto id = row.values.if_contains("id"); id && id->is_int64())
          rejected_[kind.name].insert(id->as_int64());
      }
      return Status::Ok();
    };
    TRY_ASSIGN(const TableInfo* info, Info(kind));
    if (info->columns.empty()) return reject("this kind of record is not stored by this version");
    json::object values = row.values;
    std::optional<int64_t> source_id;
    if (kind.has_id) {
      if (auto id = values.if_contains("id"); id && id->is_int64()) source_id = id->as_int64();
    }
    for (const auto& [k, v] : values) {
      if (k == "user_id" || !info->columns.contains(std::string(k)))
        return reject(fmt::format("unknown field \"{}\"", std::string(k)));
    }
    // References, renumbered.
    for (const SpecialColumn& s : kind.special) {
      json::value* v = values.if_contains(s.column);
      if (!v || v->is_null()) continue;
      if (s.rule == ColumnRule::kJson) continue;
      if (s.rule == ColumnRule::kExternal) {
        if (!v->is_int64()) return reject(fmt::format("{} must be an id", s.column));
        TRY_ASSIGN(auto* st, conn_.Prepare(fmt::format("SELECT 1 FROM {} WHERE id = ?", s.target)));
        st->Bind(1, v->as_int64());
        TRY_ASSIGN(bool found, st->Step());
        st->Reset();
        if (!found) {
          return reject(fmt::format("{} {} is not in this computer's {} (import that first)",
                                    s.column, v->as_int64(), s.target));
        }
        continue;
      }
      auto map_one = [&](int64_t id, std::optional<int64_t>* to) -> std::string {
        if (s.rule == ColumnRule::kRefOrZero && id == 0) {
          *to = 0;
          return "";
        }
        auto& ids = ids_[s.target];
        if (auto it = ids.find(id); it != ids.end()) {
          *to = it->second;
          return "";
        }
        *to = std::nullopt;
        if (rejected_[s.target].contains(id))
          return fmt::format("{} refers to {} {}, which was rejected", s.column, s.target, id);
        return fmt::format("{} refers to {} {}, which is not in the file", s.column, s.target, id);
      };
      if (s.rule == ColumnRule::kRefList) {
        if (!v->is_array()) return reject(fmt::format("{} must be a list of ids", s.column));
        json::array mapped;
        for (const auto& e : v->as_array()) {
          if (!e.is_int64()) return reject(fmt::format("{} must be a list of ids", s.column));
          std::optional<int64_t> to;
          std::string problem = map_one(e.as_int64(), &to);
          if (!problem.empty()) return reject(problem);
          mapped.push_back(*to);
        }
        *v = std::move(mapped);
        continue;
      }
      if (!v->is_int64()) return reject(fmt::format("{} must be an id", s.column));
      std::optional<int64_t> to;
      std::string problem = map_one(v->as_int64(), &to);
      if (!problem.empty()) {
        if (info->not_null.contains(s.column)) return reject(problem);
        out.reason = problem + "; the link was left empty";
        *v = nullptr;
        continue;
      }
      *v = *to;
    }
    // Imported before from this source?
    if (!row.source_key.empty()) {
      TRY_ASSIGN(auto* st, conn_.Prepare("SELECT row_id FROM import_keys WHERE user_id = ? AND "
                                         "source_key = ?"));
      st->BindAll(user_id_, row.source_key);
      TRY_ASSIGN(bool found, st->Step());
      if (found) {
        out.outcome = Outcome::kDuplicate;
        out.reason = "imported before";
        return Status::Ok();
      }
    }
    // Same natural key?
    if (!kind.natural_key.empty()) {
      std::string sql =
          fmt::format("SELECT {} FROM {} WHERE user_id = ?", kind.has_id ? "id" : "0", kind.table);
      for (const auto& k : kind.natural_key) sql += fmt::format(" AND {} IS ?", k);
      TRY_ASSIGN(auto* st, conn_.Prepare(sql));
      st->Bind(1, user_id_);
      for (size_t i = 0; i < kind.natural_key.size(); ++i) {
        auto v = values.if_contains(kind.natural_key[i]);
        if (!v) return reject(fmt::format("\"{}\" is missing", kind.natural_key[i]));
        Bind(*st, static_cast<int>(i + 2), *v, false);
      }
      TRY_ASSIGN(bool found, st->Step());
      int64_t existing_id = found ? st->Int(0) : 0;
      st->Reset();
      if (found) {
        if (source_id) ids_[kind.name][*source_id] = existing_id;
        out.outcome = Outcome::kDuplicate;
        out.reason = fmt::format("one with the same {} is already there (yours was kept)",
                                 fmt::join(kind.natural_key, " and "));
        return Status::Ok();
      }
    }
    // Same content?
    json::object content = values;
    std::string key;
    std::map<std::string, int64_t>* existing = nullptr;
    if (kind.natural_key.empty()) {
      TRY_ASSIGN(existing, Existing(kind, content));
      key = ContentKey(kind, content);
      if (auto it = existing->find(key); it != existing->end()) {
        out.outcome = Outcome::kDuplicate;
        out.reason = "the same record is already there";
        if (source_id) ids_[kind.name][*source_id] = it->second;
        return Status::Ok();
      }
    }
    // Insert, in a savepoint so a refused row leaves nothing behind.
    std::vector<std::string> cols;
    for (const auto& [k, v] : values)
      if (!(kind.has_id && k == "id")) cols.push_back(std::string(k));
    std::string marks;
    for (size_t i = 0; i < cols.size(); ++i) marks += ", ?";
    bool owned = kind.owner_column.empty();  // has a user_id column of its own
    std::string sql = fmt::format("INSERT INTO {} ({}{}) VALUES ({}{})", kind.table,
                                  owned ? "user_id, " : "", fmt::join(cols, ", "),
                                  owned ? "?, " : "", marks.empty() ? "" : marks.substr(2));
    TRY_ASSIGN(auto* st, conn_.Prepare(sql));
    int first = owned ? 2 : 1;
    if (owned) st->Bind(1, user_id_);
    for (size_t i = 0; i < cols.size(); ++i) {
      const SpecialColumn* s = SpecialFor(kind, cols[i]);
      bool as_json = s && (s->rule == ColumnRule::kJson || s->rule == ColumnRule::kRefList);
      if (!Bind(*st, static_cast<int>(i) + first, values.at(cols[i]), as_json)) {
        st->Reset();
        return reject(fmt::format("{} must be a number, text or null", cols[i]));
      }
    }
    TRY(conn_.Exec("SAVEPOINT import_row"));
    Status s = st->Run();
    st->Reset();
    if (!s.ok()) {
      TRY(conn_.Exec("ROLLBACK TO import_row; RELEASE import_row"));
      if (s.code() == ErrorCode::kDiskFull) return s;
      return reject("the database refused it: " + Plain(s.message()));
    }
    TRY(conn_.Exec("RELEASE import_row"));
    int64_t new_id = conn_.LastInsertRowId();
    if (source_id) ids_[kind.name][*source_id] = new_id;
    if (existing) (*existing)[key] = new_id;
    if (!row.source_key.empty()) {
      TRY_ASSIGN(auto* ks, conn_.Prepare("INSERT INTO import_keys (user_id, source_key, kind, "
                                         "row_id, imported_ms) VALUES (?, ?, ?, ?, ?)"));
      ks->BindAll(user_id_, row.source_key, kind.name,
                  kind.has_id ? std::optional(new_id) : std::nullopt, now_.utc_ms);
      TRY(ks->Run());
    }
    return Status::Ok();
  }

  static std::string Plain(const std::string& sqlite_message) {
    // "NOT NULL constraint failed: reflections.happened_ms" -> a missing field.
    auto at = sqlite_message.find("NOT NULL constraint failed: ");
    if (at != std::string::npos) {
      std::string col = sqlite_message.substr(at + 28);
      if (auto dot = col.find('.'); dot != std::string::npos) col = col.substr(dot + 1);
      return "\"" + col + "\" is missing";
    }
    if (sqlite_message.find("CHECK constraint failed") != std::string::npos)
      return "a value is outside what is allowed (" + sqlite_message + ")";
    return sqlite_message;
  }

  static bool Bind(db::Statement& st, int i, const json::value& v, bool as_json) {
    switch (v.kind()) {
      case json::kind::null:
        st.Bind(i, std::nullopt);
        return true;
      case json::kind::int64:
        st.Bind(i, v.get_int64());
        return true;
      case json::kind::uint64:
        if (v.get_uint64() > static_cast<uint64_t>(INT64_MAX)) return false;
        st.Bind(i, static_cast<int64_t>(v.get_uint64()));
        return true;
      case json::kind::double_:
        st.Bind(i, v.get_double());
        return true;
      case json::kind::bool_:
        st.Bind(i, int64_t{v.get_bool() ? 1 : 0});
        return true;
      case json::kind::string:
        st.Bind(i, std::string_view(v.get_string()));
        return true;
      case json::kind::array:
      case json::kind::object:
        if (!as_json) return false;
        st.Bind(i, json::serialize(v));
        return true;
    }
    return false;
  }

  Result<const TableInfo*> Info(const Kind& kind) {
    auto it = tables_.find(kind.table);
    if (it == tables_.end()) {
      TRY_ASSIGN(auto info, ReadTableInfo(conn_, kind.table));
      it = tables_.emplace(kind.table, std::move(info)).first;
    }
    return &it->second;
  }

  // Content keys of the stored rows, over the same fields as `values`.
  Result<std::map<std::string, int64_t>*> Existing(const Kind& kind, const json::object& values) {
    std::string sig = Signature(kind, values);
    auto it = existing_.find(sig);
    if (it != existing_.end()) return &it->second;
    std::map<std::string, int64_t> keys;
    TRY_ASSIGN(auto rows, ReadKind(conn_, kind, user_id_));
    for (const auto& r : rows) {
      json::object projected;
      for (const auto& [k, v] : values)
        if (auto x = r.if_contains(k)) projected[k] = *x;
      auto id = r.if_contains("id");
      keys.emplace(ContentKey(kind, projected), id && id->is_int64() ? id->as_int64() : 0);
    }
    return &existing_.emplace(sig, std::move(keys)).first->second;
  }

  db::Connection& conn_;
  int64_t user_id_;
  Instant now_;
  ImportReport& report_;
  std::map<std::string, TableInfo> tables_;
  std::map<std::string, std::map<int64_t, int64_t>> ids_;  // kind -> source id -> new id
  std::map<std::string, std::set<int64_t>> rejected_;      // kind -> source ids
  std::map<std::string, std::map<std::string, int64_t>> existing_;
};

}  // namespace

const char* OutcomeName(Outcome o) {
  switch (o) {
    case Outcome::kCreate:
      return "create";
    case Outcome::kDuplicate:
      return "duplicate";
    case Outcome::kReject:
      return "reject";
  }
  return "";
}

Result<ImportReport> RunImport(db::Database& db, int64_t user_id, const Incoming& in,
                               ImportMode mode, Instant now, const ImportProgress& progress) {
  ImportReport report;
  Status s = db.Write([&](db::Connection& conn) -> Status {
    report = ImportReport{};
    report.format = in.format;
    Run run(conn, user_id, now, report);
    for (const auto& u : in.unreadable) {
      RowOutcome out{"", u.where, Outcome::kReject, "", u.reason};
      run.Count(out);
      report.rows.push_back(std::move(out));
    }
    size_t total = in.rows.size();
    for (size_t i = 0; i < total; ++i) {
      TRY(run.Row(in.rows[i]));
      if (progress && (i % 256 == 255 || i + 1 == total)) progress(i + 1, total);
    }
    if (mode == ImportMode::kDryRun) return Status::Conflict(std::string(kDryRunMarker));
    if (mode == ImportMode::kApply && report.total.reject > 0) {
      report.refused = fmt::format(
          "{} {} could not be imported, so nothing was imported. Fix {} or import the rest "
          "and skip {}.",
          report.total.reject, report.total.reject == 1 ? "record" : "records",
          report.total.reject == 1 ? "it" : "them", report.total.reject == 1 ? "it" : "them");
      return Status::Conflict(std::string(kDryRunMarker));
    }
    return Status::Ok();
  });
  if (!s.ok() && !(s.code() == ErrorCode::kConflict && s.message() == kDryRunMarker)) return s;
  report.applied = s.ok();
  return report;
}

}  // namespace securebase::portability
