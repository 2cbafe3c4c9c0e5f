#pragma once
// Writing, reading, searching and learning from reflections. Both the CLI and the HTTP API
// go through this, so the rules live in one place.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "people/people_store.h"
#include "platform/clock.h"
#include "platform/content.h"
#include "reflect/emotions.h"
#include "reflect/patterns.h"
#include "reflect/prompts.h"
#include "reflect/reflection_store.h"
#include "safety/danger.h"
#include "understand/assessment.h"
#include "understand/catalog.h"

namespace securebase::reflect {

// A reflection as saved, and whether its words suggest danger (show crisis resources
// beside it at once; saving is never blocked).
struct Saved {
  Reflection reflection;
  bool danger = false;
};

struct FittedPrompts {
  Lean lean = Lean::kUnknown;
  PromptSet prompts;
};

class ReflectService {
 public:
  // Loads the emotion vocabulary, the prompts and the danger phrases from `content`.
  // Every reference must outlive the service.
  static Result<std::unique_ptr<ReflectService>> Create(
      ReflectionStore& store, people::PeopleStore& people, understand::AssessmentStore& assessments,
      const understand::Catalog& catalog, const ContentLibrary& content, const Clock& clock);

  // `happened` defaults to now. People must exist ("people[0]" names one that does not).
  Result<Saved> Add(int64_t user_id, ReflectionEdit edit);
  Result<Saved> Edit(int64_t user_id, int64_t id, ReflectionEdit edit);
  Result<Reflection> Get(int64_t user_id, int64_t id) { return store_.Get(user_id, id); }
  Result<ReflectionPage> List(int64_t user_id, const ReflectionFilter& filter, int limit,
                              const std::string& cursor) {
    return store_.List(user_id, filter, limit, cursor);
  }
  // Ranked full-text search of what a person typed (see search_text.h); text without
  // letters or digits (an emoji) is looked for as it is. An empty query is an
  // InvalidArgument on "q".
  Result<std::vector<SearchHit>> Search(int64_t user_id, const std::string& text, int limit);
  Status Delete(int64_t user_id, int64_t id) { return store_.Delete(user_id, id, clock_.Now()); }
  Result<Reflection> Restore(int64_t user_id, int64_t id) {
    return store_.Restore(user_id, id, clock_.Now());
  }
  Result<Patterns> PatternsFor(int64_t user_id);
  // Prompts fitted to the latest complete general assessment with both scores.
  Result<FittedPrompts> PromptsFor(int64_t user_id);
  Result<std::vector<TagCount>> TagSuggestions(int64_t user_id, int limit) {
    return store_.Tags(user_id, limit);
  }
  // Names of the people (still present) that `r` refers to, in its order.
  std::vector<people::Person> PeopleOf(int64_t user_id, const Reflection& r);

  const EmotionVocabulary& vocabulary() const { return vocabulary_; }
  ReflectionStore& store() { return store_; }

 private:
  ReflectService(ReflectionStore& store, people::PeopleStore& people,
                 understand::AssessmentStore& assessments, const understand::Catalog& catalog,
                 const Clock& clock, EmotionVocabulary vocabulary, Prompts prompts,
                 safety::DangerDetector danger)
      : store_(store),
        people_(people),
        assessments_(assessments),
        catalog_(catalog),
        clock_(clock),
        vocabulary_(std::move(vocabulary)),
        prompts_(std::move(prompts)),
        danger_(std::move(danger)) {}
  Status CheckPeople(int64_t user_id, const ReflectionEdit& edit);

  ReflectionStore& store_;
  people::PeopleStore& people_;
  understand::AssessmentStore& assessments_;
  const understand::Catalog& catalog_;
  const Clock& clock_;
  EmotionVocabulary vocabulary_;
  Prompts prompts_;
  safety::DangerDetector danger_;
};

}  // namespace securebase::reflect
