#include "report/brief_sources.h"

#include <algorithm>
#include <map>

#include "boundaries/boundary_store.h"
#include "trust/civil.h"
#include "trust/commitment_store.h"
#include "understand/cut_point.h"

namespace securebase::report {
namespace {

bool InPeriod(const BriefOptions& o, int64_t utc_ms) {
  return !o.since_ms || utc_ms >= *o.since_ms;
}

Status LoadScores(BriefSources& src, int64_t user_id, const BriefOptions& o, BriefInputs& in) {
  understand::AssessmentFilter f;
  f.status = understand::AssessmentStatus::kComplete;
  f.about = std::optional<int64_t>();  // in general
  std::vector<std::pair<understand::Assessment, const understand::Instrument*>> rows;
  understand::Page page{500, ""};
  for (;;) {
    TRY_ASSIGN(auto batch, src.assessments.List(user_id, f, page));
    for (auto& a : batch.items) {
      if (!a.anxiety || !a.avoidance || !a.completed) continue;
      if (!InPeriod(o, a.completed->utc_ms)) continue;
      auto ins = src.catalog.Find(a.instrument);
      if (!ins.ok()) continue;
      rows.emplace_back(std::move(a), *ins);
    }
    if (batch.next_cursor.empty()) break;
    page.cursor = batch.next_cursor;
  }
  std::sort(rows.begin(), rows.end(), [](const auto& x, const auto& y) {
    return x.first.completed->utc_ms < y.first.completed->utc_ms;
  });
  TRY_ASSIGN(auto cut, understand::LoadCutPoint(src.settings, user_id));
  for (const auto& [a, ins] : rows) {
    in.scores.points.push_back({a.id, *a.completed,
                                ins->short_name.empty() ? ins->id : ins->short_name, *a.anxiety,
                                *a.avoidance});
  }
  if (rows.empty()) return Status::Ok();
  const understand::Instrument* latest = rows.back().second;
  in.scores.min = latest->scale.min;
  in.scores.max = latest->scale.max;
  in.scores.cut = cut.value_or(latest->scale.Midpoint());
  // First against latest of the latest's questionnaire, when it was taken twice or more.
  const understand::Assessment* first = nullptr;
  for (const auto& [a, ins] : rows) {
    if (ins == latest) {
      first = &a;
      break;
    }
  }
  const auto& last = rows.back().first;
  if (first && first->id != last.id) {
    understand::Scores before{first->anxiety, first->avoidance, {}, {}};
    understand::Scores after{last.anxiety, last.avoidance, {}, {}};
    in.change = understand::CompareScores(*latest, before, after);
    in.change_instrument = in.scores.points.back().instrument;
  }
  return Status::Ok();
}

}  // namespace

Result<BriefInputs> LoadBriefInputs(BriefSources& src, int64_t user_id, const BriefOptions& o) {
  BriefInputs in;
  in.now = src.clock.Now();
  in.since_ms = o.since_ms;

  TRY_ASSIGN(auto people, src.people.List(user_id));
  std::map<int64_t, std::string> names;
  for (const auto& p : people)
    names[p.id] = o.names == Names::kInitials ? Initials(p.name) : p.name;
  auto name_of = [&](std::optional<int64_t> id) -> std::string {
    if (!id) return "";
    auto it = names.find(*id);
    return it == names.end() ? "Someone removed" : it->second;
  };

  TRY(LoadScores(src, user_id, o, in));

  TRY_ASSIGN(auto rows, src.reflections.store().PatternRows(user_id));
  std::erase_if(rows,
                [&](const reflect::PatternRow& r) { return !InPeriod(o, r.happened.utc_ms); });
  in.patterns = reflect::ComputePatterns(rows, src.reflections.vocabulary(), names, in.now);

  TRY_ASSIGN(auto sessions, src.regulation.sessions().All(user_id));
  std::erase_if(sessions,
                [&](const regulate::Session& s) { return !InPeriod(o, s.started.utc_ms); });
  TRY_ASSIGN(auto practices, src.regulation.Practices(user_id));
  in.regulation = regulate::ComputeStats(sessions, practices);

  // Commitments: my own promises, by the day each occurrence fell due.
  auto commitments = trust::MakeSqliteCommitmentStore(src.db);
  TRY_ASSIGN(auto all, commitments->List(user_id, true));
  TRY_ASSIGN(auto outcomes, commitments->Outcomes(user_id));
  std::optional<int64_t> since_day;
  if (o.since_ms) since_day = trust::LocalDay(*o.since_ms, in.now.offset_minutes);
  std::map<int64_t, const trust::Commitment*> by_id;
  for (const auto& c : all) by_id[c.id] = &c;
  std::map<std::optional<int64_t>, BriefInputs::Promises> per_person;
  for (const auto& oc : outcomes) {
    auto it = by_id.find(oc.commitment_id);
    if (it == by_id.end() || it->second->direction != trust::Direction::kMine) continue;
    if (since_day && oc.day < *since_day) continue;
    auto& p = per_person[it->second->person_id];
    p.person = name_of(it->second->person_id);
    if (oc.outcome == trust::Outcome::kKept) ++p.kept;
    if (oc.outcome == trust::Outcome::kRenegotiated) ++p.renegotiated;
    if (oc.outcome == trust::Outcome::kBroken) ++p.broken;
  }
  for (auto& [id, p] : per_person) in.commitments.push_back(std::move(p));
  std::stable_sort(in.commitments.begin(), in.commitments.end(), [](const auto& a, const auto& b) {
    return a.kept + a.renegotiated + a.broken > b.kept + b.renegotiated + b.broken;
  });

  // Boundaries: incidents in the period, most crossed first.
  TRY_ASSIGN(auto bounds, boundaries::MakeSqliteBoundaryStore(src.db)->List(user_id));
  for (auto& b : bounds)
    std::erase_if(b.incidents,
                  [&](const boundaries::Incident& i) { return !InPeriod(o, i.at.utc_ms); });
  for (const auto& b : bounds) {
    BriefInputs::BoundaryLine line{b.limit, name_of(b.person_id)};
    for (const auto& i : b.incidents) {
      if (i.kind == boundaries::IncidentKind::kHeld) ++line.held;
      if (i.kind == boundaries::IncidentKind::kCrossedByThem) ++line.crossed_by_them;
      if (i.kind == boundaries::IncidentKind::kCrossedByMe) ++line.crossed_by_me;
    }
    in.boundaries.push_back(std::move(line));
  }
  std::stable_sort(in.boundaries.begin(), in.boundaries.end(), [](const auto& a, const auto& b) {
    int ca = a.crossed_by_them + a.crossed_by_me, cb = b.crossed_by_them + b.crossed_by_me;
    if (ca != cb) return ca > cb;
    return a.held > b.held;
  });
  return in;
}

Result<Brief> MakeBrief(BriefSources& src, int64_t user_id, const BriefOptions& options) {
  TRY_ASSIGN(auto in, LoadBriefInputs(src, user_id, options));
  return BuildBrief(in, options);
}

}  // namespace securebase::report
