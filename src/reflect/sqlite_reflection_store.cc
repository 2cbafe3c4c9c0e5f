#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "reflect/reflection_store.h"
#include "reflect/search_text.h"

namespace securebase::reflect {
namespace {
namespace json = boost::json;

constexpr const char* kColumns =
    "r.id, r.happened_ms, r.happened_offset, r.written_ms, r.written_offset, r.updated_ms, "
    "r.people, r.emotions, r.tags, r.activation, r.situation, r.body, r.thoughts, r.urges, "
    "r.actions, r.needs, r.next_time, r.deleted_ms";
constexpr int kFirstText = 10;  // column index of situation

std::string PeopleToJson(const std::vector<int64_t>& people) {
  json::array a;
  for (int64_t id : people) a.push_back(id);
  return json::serialize(a);
}

std::vector<int64_t> PeopleFromJson(const std::string& text) {
  std::vector<int64_t> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (x.is_int64()) out.push_back(x.as_int64());
  }
  return out;
}

std::string EmotionsToJson(const std::vector<EmotionRating>& emotions) {
  json::array a;
  for (const auto& e : emotions)
    a.push_back(json::object{{"word", e.word}, {"intensity", e.intensity}});
  return json::serialize(a);
}

std::vector<EmotionRating> EmotionsFromJson(const std::string& text) {
  std::vector<EmotionRating> out;
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& x : v.as_array()) {
    if (!x.is_object()) continue;
    const auto* w = x.as_object().if_contains("word");
    const auto* i = x.as_object().if_contains("intensity");
    if (w && w->is_string() && i && i->is_int64()) {
      out.push_back({std::string(w->as_string()), static_cast<int>(i->as_int64())});
    }
  }
  return out;
}

// Tags are stored one per line, so full-text search sees them as words.
std::string TagsToText(const std::vector<std::string>& tags) {
  std::string out;
  for (const auto& t : tags) out += (out.empty() ? "" : "\n") + t;
  return out;
}

std::vector<std::string> TagsFromText(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

Reflection FromRow(const db::Statement& st) {
  Reflection r;
  r.id = st.Int(0);
  r.happened = Instant{st.Int(1), static_cast<int32_t>(st.Int(2))};
  r.written = Instant{st.Int(3), static_cast<int32_t>(st.Int(4))};
  r.updated_ms = st.Int(5);
  r.people = PeopleFromJson(st.Text(6));
  r.emotions = EmotionsFromJson(st.Text(7));
  r.tags = TagsFromText(st.Text(8));
  if (auto a = st.OptionalText(9)) r.activation = ParseActivation(*a);
  for (size_t i = 0; i < kTextFields.size(); ++i) {
    r.texts[i] = st.Text(kFirstText + static_cast<int>(i));
  }
  r.deleted_ms = st.OptionalInt(17);
  return r;
}

std::optional<std::string> ActivationText(const std::optional<Activation>& a) {
  if (!a) return std::nullopt;
  return std::string(ActivationName(*a));
}

Result<std::vector<Reflection>> Collect(db::Statement* st) {
  std::vector<Reflection> out;
  for (;;) {
    TRY_ASSIGN(bool row, st->Step());
    if (!row) break;
    out.push_back(FromRow(*st));
  }
  return out;
}

class SqliteReflectionStore final : public ReflectionStore {
 public:
  explicit SqliteReflectionStore(db::Database& db) : db_(db) {}

  Result<Reflection> Insert(int64_t user_id, Reflection r) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("INSERT INTO reflections (user_id, happened_ms, happened_offset, "
                           "written_ms, written_offset, updated_ms, people, emotions, tags, "
                           "activation, situation, body, thoughts, urges, actions, needs, "
                           "next_time) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id"));
      st->BindAll(user_id, r.happened.utc_ms, r.happened.offset_minutes, r.written.utc_ms,
                  r.written.offset_minutes, r.updated_ms, PeopleToJson(r.people),
                  EmotionsToJson(r.emotions), TagsToText(r.tags), ActivationText(r.activation),
                  r.texts[0], r.texts[1], r.texts[2], r.texts[3], r.texts[4], r.texts[5],
                  r.texts[6]);
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      r.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return r;
  }

  Status Update(int64_t user_id, const Reflection& r) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("UPDATE reflections SET happened_ms = ?, happened_offset = ?, "
                           "updated_ms = ?, people = ?, emotions = ?, tags = ?, activation = ?, "
                           "situation = ?, body = ?, thoughts = ?, urges = ?, actions = ?, "
                           "needs = ?, next_time = ? WHERE user_id = ? AND id = ? AND "
                           "deleted_ms IS NULL"));
      st->BindAll(r.happened.utc_ms, r.happened.offset_minutes, r.updated_ms,
                  PeopleToJson(r.people), EmotionsToJson(r.emotions), TagsToText(r.tags),
                  ActivationText(r.activation), r.texts[0], r.texts[1], r.texts[2], r.texts[3],
                  r.texts[4], r.texts[5], r.texts[6], user_id, r.id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no reflection with id {}", r.id));
      return Status::Ok();
    });
  }

  Result<Reflection> Get(int64_t user_id, int64_t id) override {
    TRY_ASSIGN(auto found, GetAny(user_id, id));
    if (!found || found->deleted_ms) {
      return Status::NotFound(fmt::format("no reflection with id {}", id));
    }
    return *found;
  }

  Result<ReflectionPage> List(int64_t user_id, const ReflectionFilter& filter, int limit,
                              const std::string& cursor) override {
    int64_t cursor_ms = INT64_MAX, cursor_id = INT64_MAX;
    if (!cursor.empty() && std::sscanf(cursor.c_str(), "%ld.%ld", &cursor_ms, &cursor_id) != 2) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    limit = std::clamp(limit, 1, 500);
    std::string sql = fmt::format(
        "SELECT {} FROM reflections r WHERE r.user_id = ?1 AND r.deleted_ms IS NULL AND "
        "(r.happened_ms, r.id) < (?2, ?3)",
        kColumns);
    if (filter.about) sql += " AND EXISTS (SELECT 1 FROM json_each(r.people) WHERE value = ?4)";
    if (filter.since_ms) sql += " AND r.happened_ms >= ?5";
    if (filter.until_ms) sql += " AND r.happened_ms < ?6";
    if (filter.tag)
      sql += " AND instr(char(10) || r.tags || char(10), char(10) || ?7 || char(10)) > 0";
    if (filter.emotion) {
      sql += " AND EXISTS (SELECT 1 FROM json_each(r.emotions) WHERE value ->> 'word' = ?8)";
    }
    sql += " ORDER BY r.happened_ms DESC, r.id DESC LIMIT ?9";
    ReflectionPage out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(sql));
      st->Bind(1, user_id).Bind(2, cursor_ms).Bind(3, cursor_id);
      if (filter.about) st->Bind(4, *filter.about);
      if (filter.since_ms) st->Bind(5, *filter.since_ms);
      if (filter.until_ms) st->Bind(6, *filter.until_ms);
      if (filter.tag) st->Bind(7, *filter.tag);
      if (filter.emotion) st->Bind(8, *filter.emotion);
      st->Bind(9, limit + 1);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        if (static_cast<int>(out.items.size()) == limit) {
          const Reflection& last = out.items.back();
          out.next_cursor = fmt::format("{}.{}", last.happened.utc_ms, last.id);
          st->Reset();
          break;
        }
        out.items.push_back(FromRow(*st));
      }
      return Status::Ok();
    }));
    return out;
  }

  Result<std::vector<SearchHit>> Search(int64_t user_id, const std::string& query,
                                        const std::string& substring, int limit) override {
    limit = std::clamp(limit, 1, 500);
    std::vector<SearchHit> hits;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      if (!query.empty()) {
        // Situation and thoughts weigh most; tags a little more than the other fields.
        TRY_ASSIGN(auto* st,
                   c.Prepare(fmt::format(
                       "SELECT {}, snippet(reflections_fts, -1, char(2), char(3), '…', 16), "
                       "bm25(reflections_fts, 3.0, 1.0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.5) AS rank "
                       "FROM reflections_fts JOIN reflections r ON r.id = reflections_fts.rowid "
                       "WHERE reflections_fts MATCH ? AND r.user_id = ? AND r.deleted_ms IS NULL "
                       "ORDER BY rank LIMIT ?",
                       kColumns)));
        st->BindAll(query, user_id, limit);
        for (;;) {
          auto row = st->Step();
          if (!row.ok()) {
            st->Reset();
            return Status::InvalidField("q", "could not be searched; try plain words");
          }
          if (!*row) break;
          hits.push_back({FromRow(*st), st->Text(18), st->Double(19)});
        }
        return Status::Ok();
      }
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format(
                     "SELECT {} FROM reflections r WHERE r.user_id = ? AND r.deleted_ms IS NULL "
                     "AND instr(r.situation || char(10) || r.body || char(10) || r.thoughts || "
                     "char(10) || r.urges || char(10) || r.actions || char(10) || r.needs || "
                     "char(10) || r.next_time || char(10) || r.tags, ?) > 0 "
                     "ORDER BY r.happened_ms DESC, r.id DESC LIMIT ?",
                     kColumns)));
      st->BindAll(user_id, substring, limit);
      TRY_ASSIGN(auto found, Collect(st));
      for (auto& r : found) {
        std::string snippet = SubstringSnippet(r, substring);
        hits.push_back({std::move(r), std::move(snippet), 0});
      }
      return Status::Ok();
    }));
    return hits;
  }

  Result<std::vector<PatternRow>> PatternRows(int64_t user_id) override {
    std::vector<PatternRow> rows;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT happened_ms, happened_offset, people, emotions, tags, "
                                     "activation FROM reflections WHERE user_id = ? AND "
                                     "deleted_ms IS NULL ORDER BY happened_ms, id"));
      st->BindAll(user_id);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        PatternRow p;
        p.happened = Instant{st->Int(0), static_cast<int32_t>(st->Int(1))};
        std::string people = st->Text(2);
        if (people != "[]") p.people = PeopleFromJson(people);
        std::string emotions = st->Text(3);
        if (emotions != "[]") p.emotions = EmotionsFromJson(emotions);
        p.tags = TagsFromText(st->Text(4));
        if (auto a = st->OptionalText(5)) p.activation = ParseActivation(*a);
        rows.push_back(std::move(p));
      }
      return Status::Ok();
    }));
    return rows;
  }

  Result<std::vector<TagCount>> Tags(int64_t user_id, int limit) override {
    std::map<std::string, int64_t> counts;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("SELECT tags FROM reflections WHERE user_id = ? AND "
                                     "deleted_ms IS NULL AND tags != ''"));
      st->BindAll(user_id);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        for (auto& t : TagsFromText(st->Text(0))) ++counts[t];
      }
      return Status::Ok();
    }));
    std::vector<TagCount> out;
    for (auto& [tag, n] : counts) out.push_back({tag, n});
    std::stable_sort(out.begin(), out.end(),
                     [](const TagCount& a, const TagCount& b) { return a.count > b.count; });
    if (static_cast<int>(out.size()) > limit) out.resize(static_cast<size_t>(limit));
    return out;
  }

  Status Delete(int64_t user_id, int64_t id, Instant now) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE reflections SET deleted_ms = ? WHERE user_id = ? AND "
                                     "id = ? AND deleted_ms IS NULL"));
      st->BindAll(now.utc_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no reflection with id {}", id));
      TRY_ASSIGN(auto* purge, c.Prepare("DELETE FROM reflections WHERE user_id = ? AND "
                                        "deleted_ms < ?"));
      purge->BindAll(user_id, now.utc_ms - kRestoreWindowMs);
      return purge->Run();
    });
  }

  Result<Reflection> Restore(int64_t user_id, int64_t id, Instant now) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare("UPDATE reflections SET deleted_ms = NULL WHERE user_id = ? "
                                     "AND id = ? AND deleted_ms >= ?"));
      st->BindAll(user_id, id, now.utc_ms - kRestoreWindowMs);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(
            fmt::format("no deleted reflection with id {} from the last 30 days to restore", id));
      }
      return Status::Ok();
    }));
    return Get(user_id, id);
  }

 private:
  Result<std::optional<Reflection>> GetAny(int64_t user_id, int64_t id) {
    std::optional<Reflection> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format(
                     "SELECT {} FROM reflections r WHERE r.user_id = ? AND r.id = ?", kColumns)));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = FromRow(*st);
      st->Reset();
      return Status::Ok();
    }));
    return found;
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<ReflectionStore> MakeSqliteReflectionStore(db::Database& db) {
  return std::make_unique<SqliteReflectionStore>(db);
}

}  // namespace securebase::reflect
