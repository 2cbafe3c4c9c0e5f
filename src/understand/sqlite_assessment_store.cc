#include <fmt/format.h>

#include <boost/json.hpp>

#include "understand/assessment.h"

namespace securebase::understand {
namespace {

constexpr const char* kColumns =
    "a.id, a.instrument, a.about_person_id, a.status, a.answers, a.anxiety, a.avoidance, "
    "a.started_ms, a.started_offset, a.updated_ms, a.completed_ms, a.completed_offset";
// Newest first: by completion time, or start time for drafts.
// kColumns, but the answers only when the stored scores are missing (cheaper to read).
constexpr const char* kColumnsForScores =
    "a.id, a.instrument, a.about_person_id, a.status, CASE WHEN a.anxiety IS NULL OR "
    "a.avoidance IS NULL THEN a.answers ELSE '{}' END, a.anxiety, a.avoidance, "
    "a.started_ms, a.started_offset, a.updated_ms, a.completed_ms, a.completed_offset";
constexpr const char* kOrderKey = "a.sort_ms";

int64_t SortMs(const Assessment& a) { return a.completed ? a.completed->utc_ms : a.started.utc_ms; }

std::string AnswersToJson(const std::map<std::string, int>& answers) {
  boost::json::object o;
  for (const auto& [k, v] : answers) o[k] = v;
  return boost::json::serialize(o);
}

std::map<std::string, int> AnswersFromJson(const std::string& text) {
  std::map<std::string, int> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_object()) return out;
  for (const auto& [k, val] : v.as_object()) {
    if (val.is_int64()) out[std::string(k)] = static_cast<int>(val.as_int64());
  }
  return out;
}

Assessment FromRow(const db::Statement& st) {
  Assessment a;
  a.id = st.Int(0);
  a.instrument = st.Text(1);
  a.about = st.OptionalInt(2);
  a.status = st.Text(3) == "complete" ? AssessmentStatus::kComplete : AssessmentStatus::kDraft;
  a.answers = AnswersFromJson(st.Text(4));
  a.anxiety = st.OptionalDouble(5);
  a.avoidance = st.OptionalDouble(6);
  a.started = Instant{st.Int(7), static_cast<int32_t>(st.Int(8))};
  a.updated_ms = st.Int(9);
  if (!st.IsNull(10)) a.completed = Instant{st.Int(10), static_cast<int32_t>(st.Int(11))};
  return a;
}

const char* StatusText(AssessmentStatus s) {
  return s == AssessmentStatus::kComplete ? "complete" : "draft";
}

class SqliteAssessmentStore final : public AssessmentStore {
 public:
  explicit SqliteAssessmentStore(db::Database& db) : db_(db) {}

  Result<Assessment> Insert(int64_t user_id, Assessment a) override {
    TRY(db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(
          auto* st,
          c.Prepare("INSERT INTO assessments (user_id, instrument, about_person_id, status, "
                    "answers, anxiety, avoidance, started_ms, started_offset, updated_ms, "
                    "completed_ms, completed_offset, sort_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    "RETURNING id"));
      st->BindAll(user_id, a.instrument, a.about, StatusText(a.status), AnswersToJson(a.answers),
                  a.anxiety, a.avoidance, a.started.utc_ms, a.started.offset_minutes, a.updated_ms,
                  a.completed ? std::optional<int64_t>(a.completed->utc_ms) : std::nullopt,
                  a.completed ? std::optional<int64_t>(a.completed->offset_minutes) : std::nullopt,
                  SortMs(a));
      TRY_ASSIGN(bool row, st->Step());
      if (!row) return Status::Internal("insert returned no id");
      a.id = st->Int(0);
      st->Reset();
      return Status::Ok();
    }));
    return a;
  }

  Status Update(int64_t user_id, const Assessment& a) override {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare("UPDATE assessments SET status = ?, answers = ?, anxiety = ?, "
                           "avoidance = ?, updated_ms = ?, completed_ms = ?, "
                           "completed_offset = ?, sort_ms = ? WHERE user_id = ? AND id = ?"));
      st->BindAll(StatusText(a.status), AnswersToJson(a.answers), a.anxiety, a.avoidance,
                  a.updated_ms,
                  a.completed ? std::optional<int64_t>(a.completed->utc_ms) : std::nullopt,
                  a.completed ? std::optional<int64_t>(a.completed->offset_minutes) : std::nullopt,
                  SortMs(a), user_id, a.id);
      TRY(st->Run());
      if (c.Changes() == 0) return Status::NotFound(fmt::format("no assessment with id {}", a.id));
      return Status::Ok();
    });
  }

  Result<Assessment> Get(int64_t user_id, int64_t id) override {
    std::optional<Assessment> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(fmt::format("SELECT {} FROM assessments a LEFT JOIN people p ON p.id = "
                                       "a.about_person_id WHERE a.user_id = ? AND a.id = ? AND "
                                       "p.deleted_ms IS NULL AND a.deleted_ms IS NULL",
                                       kColumns)));
      st->BindAll(user_id, id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = FromRow(*st);
      st->Reset();
      return Status::Ok();
    }));
    if (!found) return Status::NotFound(fmt::format("no assessment with id {}", id));
    return *found;
  }

  Result<AssessmentPage> List(int64_t user_id, const AssessmentFilter& filter,
                              const Page& page) override {
    int64_t cursor_ms = INT64_MAX, cursor_id = INT64_MAX;
    if (!page.cursor.empty() &&
        std::sscanf(page.cursor.c_str(), "%ld.%ld", &cursor_ms, &cursor_id) != 2) {
      return Status::InvalidField("cursor", "is not a cursor this server gave out");
    }
    int limit = std::clamp(page.limit, 1, 500);
    std::string sql = fmt::format(
        "SELECT {} FROM assessments a LEFT JOIN people p ON p.id = a.about_person_id "
        "WHERE a.user_id = ?1 AND p.deleted_ms IS NULL AND a.deleted_ms IS NULL AND "
        "({}, a.id) < (?2, ?3)",
        kColumns, kOrderKey);
    if (filter.about) {
      sql += *filter.about ? " AND a.about_person_id = ?4" : " AND a.about_person_id IS NULL";
    }
    if (filter.status) sql += " AND a.status = ?5";
    if (filter.instrument) sql += " AND a.instrument = ?6";
    sql += fmt::format(" ORDER BY {} DESC, a.id DESC LIMIT ?7", kOrderKey);
    AssessmentPage out;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st, c.Prepare(sql));
      st->Bind(1, user_id).Bind(2, cursor_ms).Bind(3, cursor_id);
      if (filter.about && *filter.about) st->Bind(4, **filter.about);
      if (filter.status) st->Bind(5, StatusText(*filter.status));
      if (filter.instrument) st->Bind(6, *filter.instrument);
      st->Bind(7, limit + 1);
      for (;;) {
        TRY_ASSIGN(bool row, st->Step());
        if (!row) break;
        if (static_cast<int>(out.items.size()) == limit) {
          const Assessment& last = out.items.back();
          int64_t key = last.completed ? last.completed->utc_ms : last.started.utc_ms;
          out.next_cursor = fmt::format("{}.{}", key, last.id);
          st->Reset();
          break;
        }
        out.items.push_back(FromRow(*st));
      }
      return Status::Ok();
    }));
    return out;
  }

  Status Remove(int64_t user_id, int64_t id, Instant now) override {
    return SetDeleted(user_id, id, now.utc_ms);
  }
  Status Restore(int64_t user_id, int64_t id) override {
    return SetDeleted(user_id, id, std::nullopt);
  }

  Result<std::optional<Assessment>> Previous(int64_t user_id, const Assessment& a) override {
    if (!a.completed) return std::optional<Assessment>();
    std::optional<Assessment> found;
    TRY(db_.Read([&](db::Connection& c) -> Status {
      TRY_ASSIGN(
          auto* st,
          c.Prepare(fmt::format(
              "SELECT {} FROM assessments a WHERE a.user_id = ? AND a.instrument = ? AND "
              "a.about_person_id IS ? AND a.status = 'complete' AND a.deleted_ms IS NULL AND "
              "(a.completed_ms, a.id) < (?, ?) "
              "ORDER BY a.completed_ms DESC, a.id DESC LIMIT 1",
              kColumnsForScores)));
      st->BindAll(user_id, a.instrument, a.about, a.completed->utc_ms, a.id);
      TRY_ASSIGN(bool row, st->Step());
      if (row) found = FromRow(*st);
      st->Reset();
      return Status::Ok();
    }));
    return found;
  }

 private:
  // Sets deleted_ms (nullopt restores); NotFound when nothing changed.
  Status SetDeleted(int64_t user_id, int64_t id, std::optional<int64_t> deleted_ms) {
    return db_.Write([&](db::Connection& c) -> Status {
      TRY_ASSIGN(auto* st,
                 c.Prepare(deleted_ms ? "UPDATE assessments SET deleted_ms = ? WHERE user_id = ? "
                                        "AND id = ? AND deleted_ms IS NULL"
                                      : "UPDATE assessments SET deleted_ms = ? WHERE user_id = ? "
                                        "AND id = ? AND deleted_ms IS NOT NULL"));
      st->BindAll(deleted_ms, user_id, id);
      TRY(st->Run());
      if (c.Changes() == 0) {
        return Status::NotFound(deleted_ms ? fmt::format("no assessment with id {}", id)
                                           : fmt::format("no deleted assessment with id {}", id));
      }
      return Status::Ok();
    });
  }

  db::Database& db_;
};

}  // namespace

std::unique_ptr<AssessmentStore> MakeSqliteAssessmentStore(db::Database& db) {
  return std::make_unique<SqliteAssessmentStore>(db);
}

}  // namespace securebase::understand
