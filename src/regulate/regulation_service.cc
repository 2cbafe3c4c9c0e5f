#include "regulate/regulation_service.h"

#include <fmt/format.h>

#include <algorithm>

namespace securebase::regulate {

Result<std::vector<Practice>> LoadPractices(const ContentLibrary& content) {
  std::vector<Practice> out;
  for (const ContentFile* f : content.List("content/practices/", ".json")) {
    std::string origin = f->origin == "built-in" ? f->path : f->origin;
    TRY_ASSIGN(Practice p, ParsePractice(f->text, origin));
    for (const auto& other : out) {
      if (other.id == p.id) {
        return Status::Invalid(
            fmt::format("{}: id '{}' is also used by {}", origin, p.id, other.origin));
      }
    }
    out.push_back(std::move(p));
  }
  // Breathing first, then grounding, body, self-compassion, pauses; by file within a kind.
  std::stable_sort(out.begin(), out.end(),
                   [](const Practice& a, const Practice& b) { return a.kind < b.kind; });
  return out;
}

bool RegulationService::IsBuiltIn(const std::string& id) const {
  for (const auto& p : built_in_) {
    if (p.id == id) return true;
  }
  return false;
}

Result<std::vector<Practice>> RegulationService::Practices(int64_t user_id) {
  TRY_ASSIGN(auto own, practices_.List(user_id));
  std::vector<Practice> out;
  for (const auto& p : built_in_) {
    auto mine =
        std::find_if(own.begin(), own.end(), [&](const Practice& o) { return o.id == p.id; });
    out.push_back(mine != own.end() ? *mine : p);
  }
  for (auto& o : own) {
    if (!IsBuiltIn(o.id)) out.push_back(std::move(o));
  }
  return out;
}

Result<Practice> RegulationService::Find(int64_t user_id, const std::string& id) {
  TRY_ASSIGN(auto all, Practices(user_id));
  for (auto& p : all) {
    if (p.id == id) return std::move(p);
  }
  std::string ids;
  for (const auto& p : all) ids += (ids.empty() ? "" : ", ") + p.id;
  return Status::NotFound(fmt::format("no practice called '{}'; known: {}", id, ids));
}

Result<Practice> RegulationService::Add(int64_t user_id, std::string_view json,
                                        const std::string& origin) {
  TRY_ASSIGN(Practice p, ParsePractice(json, origin));
  if (Find(user_id, p.id).ok()) {
    return Status::Conflict(fmt::format(
        "there is already a practice called '{}'; choose another id, or save your version "
        "of it instead",
        p.id));
  }
  p.own = true;
  p.origin = "yours";
  TRY(practices_.Put(user_id, p, clock_.Now()));
  return p;
}

Result<Practice> RegulationService::Save(int64_t user_id, const std::string& id,
                                         std::string_view json) {
  TRY_ASSIGN(Practice p, ParsePractice(json, "your practice"));
  if (p.id != id) {
    return Status::InvalidField("id", fmt::format("is '{}', but this is practice '{}'", p.id, id));
  }
  p.own = true;
  p.origin = "yours";
  TRY(practices_.Put(user_id, p, clock_.Now()));
  return p;
}

Result<Practice> RegulationService::Retime(int64_t user_id, const std::string& id,
                                           const Retiming& r) {
  TRY_ASSIGN(Practice p, Find(user_id, id));
  TRY_ASSIGN(Practice retimed, regulate::Retime(p, r));
  TRY(practices_.Put(user_id, retimed, clock_.Now()));
  return retimed;
}

Status RegulationService::Remove(int64_t user_id, const std::string& id) {
  return practices_.Remove(user_id, id);
}

Result<Session> RegulationService::Record(int64_t user_id, const SessionInput& in) {
  TRY(ValidateSessionInput(in));
  auto practice = Find(user_id, in.practice);
  if (!practice.ok()) return Status::InvalidField("practice", practice.status().message());
  if (in.person) {
    auto person = people_.Get(user_id, *in.person);
    if (!person.ok()) {
      return Status::InvalidField("person", fmt::format("no person with id {}", *in.person));
    }
  }
  Session s;
  s.practice_id = practice->id;
  s.practice_name = practice->name;
  s.distress_before = static_cast<int>(*in.distress_before);
  if (in.distress_after) s.distress_after = static_cast<int>(*in.distress_after);
  s.energy = *ParseEnergy(*in.energy);
  if (in.helped) s.helped = ParseHelped(*in.helped);
  s.planned_ms = practice->TotalMs();
  s.practiced_ms = std::min(in.practiced_ms, s.planned_ms);
  s.stopped_early = in.stopped_early;
  s.person_id = in.person;
  s.reflection_id = in.reflection;
  s.ended = clock_.Now();
  s.started = s.ended;
  s.started.utc_ms -= s.practiced_ms;
  return sessions_.Insert(user_id, std::move(s));
}

Result<Stats> RegulationService::ComputeStats(int64_t user_id) {
  TRY_ASSIGN(auto all, sessions_.All(user_id));
  TRY_ASSIGN(auto practices, Practices(user_id));
  return regulate::ComputeStats(all, practices);
}

Result<Recommendation> RegulationService::Recommend(int64_t user_id, int distress, Energy energy) {
  TRY_ASSIGN(auto stats, ComputeStats(user_id));
  TRY_ASSIGN(auto practices, Practices(user_id));
  return regulate::Recommend(stats, practices, distress, energy);
}

}  // namespace securebase::regulate
