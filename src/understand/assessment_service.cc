#include "understand/assessment_service.h"

#include <fmt/format.h>

namespace securebase::understand {

Status AssessmentService::CheckTarget(int64_t user_id, const Instrument& ins,
                                      std::optional<int64_t> about) {
  if (ins.target == TargetKind::kGeneral && about) {
    return Status::InvalidField(
        "about", fmt::format("{} is about relationships in general, not one person", ins.id));
  }
  if (ins.target == TargetKind::kPerson && !about) {
    return Status::InvalidField("about", fmt::format("{} is about one person: say who", ins.id));
  }
  if (about) {
    auto person = people_.Get(user_id, *about);
    if (!person.ok()) {
      return Status::InvalidField("about", fmt::format("there is no person with id {}", *about));
    }
  }
  return Status::Ok();
}

Status AssessmentService::ScoreInto(const Instrument& ins, Assessment& a) {
  TRY_ASSIGN(Scores s, catalog_.KeyFor(ins).ScoreAnswers(a.answers));
  a.anxiety = s.anxiety;
  a.avoidance = s.avoidance;
  if (a.status == AssessmentStatus::kComplete) {
    bool scored = ins.rule == ScoringRule::kRq ? s.model_of_self.has_value()
                                               : s.anxiety.has_value() && s.avoidance.has_value();
    if (!scored) {
      return Status::InvalidField(
          "answers",
          fmt::format("{} of {} questions are answered; too many are missing to give a score "
                      "(at most one in five of each part may be skipped)",
                      a.answers.size(), ins.items.size()));
    }
  }
  return Status::Ok();
}

Result<AssessmentView> AssessmentService::Create(int64_t user_id, const AssessmentInput& input,
                                                 std::optional<double> cut) {
  auto found = catalog_.Find(input.instrument);
  if (!found.ok()) return Status::InvalidField("instrument", found.status().message());
  const Instrument& ins = **found;
  TRY(CheckTarget(user_id, ins, input.about));
  Instant now = clock_.Now();
  Assessment a;
  a.instrument = ins.id;
  a.about = input.about;
  a.answers = input.answers;
  a.status = input.complete ? AssessmentStatus::kComplete : AssessmentStatus::kDraft;
  a.started = now;
  a.updated_ms = now.utc_ms;
  if (input.complete) a.completed = now;
  TRY(ScoreInto(ins, a));
  TRY_ASSIGN(a, store_.Insert(user_id, std::move(a)));
  return ViewOf(user_id, a, cut);
}

Result<AssessmentView> AssessmentService::Update(int64_t user_id, int64_t id,
                                                 const std::map<std::string, int>& answers,
                                                 bool complete, std::optional<double> cut) {
  TRY_ASSIGN(Assessment a, store_.Get(user_id, id));
  if (a.status == AssessmentStatus::kComplete) {
    return Status::Conflict(
        "this questionnaire is already complete; take it again to record a new result");
  }
  auto found = catalog_.Find(a.instrument);
  if (!found.ok()) return found.status();
  for (const auto& [k, v] : answers) a.answers[k] = v;
  Instant now = clock_.Now();
  a.updated_ms = now.utc_ms;
  if (complete) {
    a.status = AssessmentStatus::kComplete;
    a.completed = now;
  }
  TRY(ScoreInto(**found, a));
  TRY(store_.Update(user_id, a));
  return ViewOf(user_id, a, cut);
}

Result<AssessmentView> AssessmentService::View(int64_t user_id, int64_t id,
                                               std::optional<double> cut) {
  TRY_ASSIGN(Assessment a, store_.Get(user_id, id));
  return ViewOf(user_id, a, cut);
}

Result<AssessmentView> AssessmentService::ViewOf(int64_t user_id, const Assessment& a,
                                                 std::optional<double> cut) {
  AssessmentView v;
  v.assessment = a;
  auto found = catalog_.Find(a.instrument);
  if (!found.ok()) {
    return Status::NotFound(
        fmt::format("assessment {} used the questionnaire '{}', which is no longer installed", a.id,
                    a.instrument));
  }
  v.instrument = *found;
  if (a.about) {
    auto person = people_.Get(user_id, *a.about);
    if (person.ok()) v.about = *person;
  }
  const ScoringKey& key = catalog_.KeyFor(*v.instrument);
  // Stored scores spare re-scoring complete results; they were computed from the answers.
  auto scores_of = [&](const Assessment& x) -> Result<Scores> {
    if (v.instrument->rule == ScoringRule::kMean && x.anxiety && x.avoidance) {
      return Scores{x.anxiety, x.avoidance, std::nullopt, std::nullopt};
    }
    return key.ScoreAnswers(x.answers);
  };
  auto scores = scores_of(a);
  if (scores.ok()) v.scores = *scores;
  v.cut =
      v.instrument->rule == ScoringRule::kRq ? 0.0 : cut.value_or(v.instrument->scale.Midpoint());
  if (a.status == AssessmentStatus::kComplete) {
    v.placement = Place(v.scores, v.instrument->rule, v.cut);
    TRY_ASSIGN(auto previous, store_.Previous(user_id, a));
    if (previous) {
      v.previous_id = previous->id;
      auto before = scores_of(*previous);
      if (before.ok()) v.change = CompareScores(*v.instrument, *before, v.scores);
    }
  }
  return v;
}

Result<std::optional<Assessment>> AssessmentService::FindDraft(int64_t user_id,
                                                               const std::string& instrument,
                                                               std::optional<int64_t> about) {
  AssessmentFilter f;
  f.about = about;
  f.status = AssessmentStatus::kDraft;
  f.instrument = instrument;
  TRY_ASSIGN(auto page, store_.List(user_id, f, Page{1, ""}));
  if (page.items.empty()) return std::optional<Assessment>();
  return std::optional<Assessment>(page.items.front());
}

}  // namespace securebase::understand
