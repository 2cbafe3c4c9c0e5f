#include "reflect/reflect_service.h"

#include <fmt/format.h>

#include "platform/text.h"
#include "reflect/search_text.h"

namespace securebase::reflect {

Result<std::unique_ptr<ReflectService>> ReflectService::Create(
    ReflectionStore& store, people::PeopleStore& people, understand::AssessmentStore& assessments,
    const understand::Catalog& catalog, const ContentLibrary& content, const Clock& clock) {
  TRY_ASSIGN(auto vocabulary, EmotionVocabulary::Load(content));
  TRY_ASSIGN(auto prompts, Prompts::Load(content));
  TRY_ASSIGN(auto danger, safety::DangerDetector::Load(content));
  return std::unique_ptr<ReflectService>(new ReflectService(store, people, assessments, catalog,
                                                            clock, std::move(vocabulary),
                                                            std::move(prompts), std::move(danger)));
}

Status ReflectService::CheckPeople(int64_t user_id, const ReflectionEdit& edit) {
  if (!edit.people) return Status::Ok();
  std::vector<FieldError> errors;
  for (size_t i = 0; i < edit.people->size(); ++i) {
    int64_t id = (*edit.people)[i];
    if (!people_.Get(user_id, id).ok()) {
      errors.push_back(
          {fmt::format("people[{}]", i), fmt::format("there is no person with id {}", id)});
    }
  }
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : fmt::format("{} fields need attention", errors.size());
  return Status::Invalid(msg, std::move(errors));
}

Result<Saved> ReflectService::Add(int64_t user_id, ReflectionEdit edit) {
  Instant now = clock_.Now();
  TRY(ValidateReflectionEdit(edit, /*creating=*/true, now));
  TRY(CheckPeople(user_id, edit));
  Reflection r;
  r.happened = now;
  r.written = now;
  r.updated_ms = now.utc_ms;
  ApplyEdit(edit, r);
  TRY_ASSIGN(r, store_.Insert(user_id, std::move(r)));
  bool danger = danger_.Check(r.AllText()).danger();
  return Saved{std::move(r), danger};
}

Result<Saved> ReflectService::Edit(int64_t user_id, int64_t id, ReflectionEdit edit) {
  Instant now = clock_.Now();
  TRY(ValidateReflectionEdit(edit, /*creating=*/false, now));
  TRY(CheckPeople(user_id, edit));
  TRY_ASSIGN(Reflection r, store_.Get(user_id, id));
  ApplyEdit(edit, r);
  r.updated_ms = now.utc_ms;
  TRY(store_.Update(user_id, r));
  bool danger = danger_.Check(r.AllText()).danger();
  return Saved{std::move(r), danger};
}

Result<std::vector<SearchHit>> ReflectService::Search(int64_t user_id, const std::string& text,
                                                      int limit) {
  std::string_view trimmed = Trim(text);
  if (trimmed.empty()) return Status::InvalidField("q", "is empty; type a word to look for");
  if (!IsValidUtf8(trimmed)) return Status::InvalidField("q", "is not valid UTF-8 text");
  if (trimmed.size() > 1000) return Status::InvalidField("q", "is longer than 1000 bytes");
  std::string query = MakeFtsQuery(std::string(trimmed));
  return store_.Search(user_id, query, query.empty() ? std::string(trimmed) : "", limit);
}

Result<Patterns> ReflectService::PatternsFor(int64_t user_id) {
  TRY_ASSIGN(auto rows, store_.PatternRows(user_id));
  TRY_ASSIGN(auto people, people_.List(user_id));
  std::map<int64_t, std::string> names;
  for (const auto& p : people) names[p.id] = p.name;
  return ComputePatterns(rows, vocabulary_, names, clock_.Now());
}

Result<FittedPrompts> ReflectService::PromptsFor(int64_t user_id) {
  understand::AssessmentFilter filter;
  filter.about = std::optional<int64_t>();
  filter.status = understand::AssessmentStatus::kComplete;
  TRY_ASSIGN(auto page, assessments_.List(user_id, filter, understand::Page{20, ""}));
  FittedPrompts out;
  for (const auto& a : page.items) {
    if (!a.anxiety || !a.avoidance) continue;
    auto ins = catalog_.Find(a.instrument);
    if (!ins.ok()) continue;
    out.lean = LeanFromScores(a.anxiety, a.avoidance, (*ins)->scale.Midpoint());
    break;
  }
  out.prompts = prompts_.For(out.lean);
  return out;
}

std::vector<people::Person> ReflectService::PeopleOf(int64_t user_id, const Reflection& r) {
  std::vector<people::Person> out;
  for (int64_t id : r.people) {
    auto p = people_.Get(user_id, id);
    if (p.ok()) out.push_back(std::move(*p));
  }
  return out;
}

}  // namespace securebase::reflect
