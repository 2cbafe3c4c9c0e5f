#include "support/checkup.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <set>

namespace securebase::support {
namespace {

namespace json = boost::json;

Result<std::string> Str(const json::object& o, const char* key, const std::string& where,
                        bool required = true) {
  const json::value* v = o.if_contains(key);
  if (!v) {
    if (!required) return std::string();
    return Status::Invalid(fmt::format("{}.{}: is required", where, key));
  }
  if (!v->is_string()) return Status::Invalid(fmt::format("{}.{}: must be text", where, key));
  return std::string(v->as_string());
}

Result<int> Int(const json::object& o, const char* key, const std::string& where) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_int64())
    return Status::Invalid(fmt::format("{}.{}: must be a whole number", where, key));
  return static_cast<int>(v->as_int64());
}

const json::array* Arr(const json::object& o, const char* key) {
  const json::value* v = o.if_contains(key);
  return v ? v->if_array() : nullptr;
}

}  // namespace

Result<CheckupDefinition> CheckupDefinition::Load(const ContentLibrary& content) {
  const ContentFile* f = content.Find(kCheckupPath);
  if (!f) return Status::Internal(std::string(kCheckupPath) + " is missing");
  return Parse(f->text, f->origin);
}

Result<CheckupDefinition> CheckupDefinition::Parse(std::string_view json_text,
                                                   const std::string& origin) {
  boost::system::error_code ec;
  json::value doc = json::parse(json_text, ec);
  if (ec || !doc.is_object()) return Status::Invalid(origin + ": not a JSON object");
  const json::object& o = doc.as_object();
  CheckupDefinition d;
  TRY_ASSIGN(d.title, Str(o, "title", origin));
  TRY_ASSIGN(d.intro, Str(o, "intro", origin));
  TRY_ASSIGN(d.note, Str(o, "note", origin));
  TRY_ASSIGN(d.period, Str(o, "period", origin));
  TRY_ASSIGN(d.safety_message, Str(o, "safety_message", origin));
  const json::array* scale = Arr(o, "scale");
  const json::array* questions = Arr(o, "questions");
  const json::array* bands = Arr(o, "bands");
  if (!scale || scale->size() < 2)
    return Status::Invalid(origin + ": scale needs two or more choices");
  if (!questions || questions->empty()) return Status::Invalid(origin + ": questions are missing");
  if (!bands || bands->empty()) return Status::Invalid(origin + ": bands are missing");
  for (size_t i = 0; i < scale->size(); ++i) {
    std::string where = fmt::format("{}: scale[{}]", origin, i);
    const json::object* c = (*scale)[i].if_object();
    if (!c) return Status::Invalid(where + ": must be an object");
    CheckupChoice choice;
    TRY_ASSIGN(choice.value, Int(*c, "value", where));
    TRY_ASSIGN(choice.label, Str(*c, "label", where));
    if (!d.scale.empty() && choice.value <= d.scale.back().value) {
      return Status::Invalid(where + ": values must go up");
    }
    d.scale.push_back(std::move(choice));
  }
  std::set<std::string> ids;
  for (size_t i = 0; i < questions->size(); ++i) {
    std::string where = fmt::format("{}: questions[{}]", origin, i);
    const json::object* q = (*questions)[i].if_object();
    if (!q) return Status::Invalid(where + ": must be an object");
    CheckupQuestion question;
    TRY_ASSIGN(question.id, Str(*q, "id", where));
    TRY_ASSIGN(question.text, Str(*q, "text", where));
    TRY_ASSIGN(std::string kind, Str(*q, "kind", where, false));
    if (!kind.empty() && kind != "safety")
      return Status::Invalid(where + ".kind: must be \"safety\"");
    question.safety = kind == "safety";
    TRY_ASSIGN(question.lifts_to, Str(*q, "lifts_to", where, false));
    if (!ids.insert(question.id).second) return Status::Invalid(where + ".id: appears twice");
    d.questions.push_back(std::move(question));
  }
  for (size_t i = 0; i < bands->size(); ++i) {
    std::string where = fmt::format("{}: bands[{}]", origin, i);
    const json::object* b = (*bands)[i].if_object();
    if (!b) return Status::Invalid(where + ": must be an object");
    CheckupBand band;
    TRY_ASSIGN(band.id, Str(*b, "id", where));
    TRY_ASSIGN(band.title, Str(*b, "title", where));
    TRY_ASSIGN(band.guidance, Str(*b, "guidance", where));
    TRY_ASSIGN(band.min, Int(*b, "min", where));
    if (i == 0 && band.min != 0) return Status::Invalid(where + ".min: the first band starts at 0");
    if (i > 0 && band.min <= d.bands.back().min) return Status::Invalid(where + ".min: must go up");
    d.bands.push_back(std::move(band));
  }
  for (const auto& q : d.questions) {
    if (!q.lifts_to.empty() && !d.Band(q.lifts_to)) {
      return Status::Invalid(
          fmt::format("{}: question {}: lifts_to '{}' is not a band", origin, q.id, q.lifts_to));
    }
  }
  return d;
}

int CheckupDefinition::MaxScore() const {
  int n = 0;
  for (const auto& q : questions) n += q.safety ? 0 : scale.back().value;
  return n;
}

const CheckupBand* CheckupDefinition::Band(std::string_view id) const {
  for (const auto& b : bands) {
    if (b.id == id) return &b;
  }
  return nullptr;
}

Result<CheckupResult> ScoreCheckup(const CheckupDefinition& def,
                                   const std::map<std::string, int>& answers) {
  std::vector<FieldError> errors;
  CheckupResult r;
  r.max_score = def.MaxScore();
  std::set<std::string> known;
  size_t band_index = 0;
  std::vector<std::pair<size_t, std::string>> lifts;
  for (const auto& q : def.questions) {
    known.insert(q.id);
    auto it = answers.find(q.id);
    std::string field = "answers." + q.id;
    if (it == answers.end()) {
      errors.push_back({field, "needs an answer"});
      continue;
    }
    bool on_scale = false;
    for (const auto& c : def.scale) on_scale |= c.value == it->second;
    if (!on_scale) {
      errors.push_back({field, fmt::format("must be {} to {}", def.scale.front().value,
                                           def.scale.back().value)});
      continue;
    }
    if (q.safety) {
      if (it->second > def.scale.front().value) r.safety_concern = true;
      continue;
    }
    r.score += it->second;
    if (!q.lifts_to.empty() && it->second == def.scale.back().value) {
      for (size_t i = 0; i < def.bands.size(); ++i) {
        if (def.bands[i].id == q.lifts_to) lifts.emplace_back(i, q.id);
      }
    }
  }
  for (const auto& [id, v] : answers) {
    if (!known.count(id)) errors.push_back({"answers." + id, "is not a question of this check"});
  }
  if (!errors.empty()) {
    return Status::Invalid(errors[0].field + ": " + errors[0].message, errors);
  }
  for (size_t i = 0; i < def.bands.size(); ++i) {
    if (r.score >= def.bands[i].min) band_index = i;
  }
  for (const auto& [index, id] : lifts) {
    if (index > band_index) {
      band_index = index;
      r.lifted_by.push_back(id);
    }
  }
  r.band = &def.bands[band_index];
  return r;
}

}  // namespace securebase::support
