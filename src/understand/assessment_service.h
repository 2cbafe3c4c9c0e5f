#pragma once
// Taking questionnaires: creating drafts, saving answers, completing, and reading a result
// with its scores, style region and change since the previous time. Both the CLI and the
// HTTP API go through this, so the rules live in one place.
#include <map>
#include <optional>
#include <string>

#include "people/people_store.h"
#include "understand/assessment.h"
#include "understand/catalog.h"
#include "understand/change.h"
#include "understand/style.h"

namespace securebase::understand {

struct AssessmentInput {
  std::string instrument;
  std::optional<int64_t> about;  // person id, for "person" instruments
  std::map<std::string, int> answers;
  bool complete = false;
};

// An assessment with everything a person sees about it.
struct AssessmentView {
  Assessment assessment;
  const Instrument* instrument = nullptr;
  std::optional<people::Person> about;
  Scores scores;
  double cut = 4;
  std::optional<Placement> placement;
  std::optional<int64_t> previous_id;
  std::optional<Change> change;  // set when there is a previous complete one to compare
};

class AssessmentService {
 public:
  // All references must outlive the service.
  AssessmentService(AssessmentStore& store, people::PeopleStore& people, const Catalog& catalog,
                    const Clock& clock)
      : store_(store), people_(people), catalog_(catalog), clock_(clock) {}

  // `cut`: the cut point for style regions; empty = the scale midpoint.
  // Errors name the field: "instrument", "about", "answers.<item>", "complete".
  Result<AssessmentView> Create(int64_t user_id, const AssessmentInput& input,
                                std::optional<double> cut);
  // Merges `answers` into a draft, and completes it when `complete`. A complete assessment
  // cannot change (Conflict).
  Result<AssessmentView> Update(int64_t user_id, int64_t id,
                                const std::map<std::string, int>& answers, bool complete,
                                std::optional<double> cut);
  Result<AssessmentView> View(int64_t user_id, int64_t id, std::optional<double> cut);
  Result<AssessmentView> ViewOf(int64_t user_id, const Assessment& a, std::optional<double> cut);
  // The newest draft of `instrument` about `about`, if any.
  Result<std::optional<Assessment>> FindDraft(int64_t user_id, const std::string& instrument,
                                              std::optional<int64_t> about);

  AssessmentStore& store() { return store_; }

 private:
  Status CheckTarget(int64_t user_id, const Instrument& ins, std::optional<int64_t> about);
  // Scores `a`; when completing, fails if a dimension cannot be scored.
  Status ScoreInto(const Instrument& ins, Assessment& a);

  AssessmentStore& store_;
  people::PeopleStore& people_;
  const Catalog& catalog_;
  const Clock& clock_;
};

}  // namespace securebase::understand
