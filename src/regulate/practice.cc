#include "regulate/practice.h"

#include <fmt/format.h>

#include <array>
#include <boost/json.hpp>
#include <cmath>

#include "platform/text.h"

namespace securebase::regulate {
namespace json = boost::json;

namespace {

constexpr std::array<std::pair<PracticeKind, std::string_view>, 5> kKinds{{
    {PracticeKind::kBreathing, "breathing"},
    {PracticeKind::kGrounding, "grounding"},
    {PracticeKind::kBody, "body"},
    {PracticeKind::kSelfCompassion, "self-compassion"},
    {PracticeKind::kPause, "pause"},
}};
constexpr std::array<std::pair<Suits, std::string_view>, 3> kSuits{
    {{Suits::kHigh, "high"}, {Suits::kLow, "low"}, {Suits::kAny, "any"}}};
constexpr std::array<std::pair<PhaseKind, std::string_view>, 4> kPhases{{
    {PhaseKind::kInhale, "inhale"},
    {PhaseKind::kInhaleMore, "inhale-more"},
    {PhaseKind::kHold, "hold"},
    {PhaseKind::kExhale, "exhale"},
}};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E e) {
  for (auto& [value, name] : table) {
    if (value == e) return name;
  }
  return table[0].second;
}

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::pair<E, std::string_view>, N>& table,
                       std::string_view text) {
  for (auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <typename E, size_t N>
std::string Choices(const std::array<std::pair<E, std::string_view>, N>& table) {
  std::string out;
  for (auto& [value, name] : table) out += (out.empty() ? "" : ", ") + std::string(name);
  return out;
}

// Collects "field: message" errors while reading a practice document.
class Reader {
 public:
  explicit Reader(const json::object& root) : root_(root) {}
  std::vector<FieldError> errors;

  void Error(std::string field, std::string message) {
    errors.push_back({std::move(field), std::move(message)});
  }
  std::string String(const json::object& o, const std::string& field, const char* key,
                     bool required) {
    const json::value* v = o.if_contains(key);
    if (!v) {
      if (required) Error(field, "is required");
      return {};
    }
    if (!v->is_string()) {
      Error(field, "must be text");
      return {};
    }
    return std::string(v->as_string());
  }
  std::optional<double> Number(const json::object& o, const std::string& field, const char* key,
                               bool required) {
    const json::value* v = o.if_contains(key);
    if (!v) {
      if (required) Error(field, "is required");
      return std::nullopt;
    }
    if (!v->is_number()) {
      Error(field, "must be a number of seconds");
      return std::nullopt;
    }
    return v->to_number<double>();
  }
  const json::array* Array(const char* key, bool required) {
    const json::value* v = root_.if_contains(key);
    if (!v) {
      if (required) Error(key, "is required");
      return nullptr;
    }
    if (!v->is_array()) {
      Error(key, "must be a list");
      return nullptr;
    }
    return &v->as_array();
  }

 private:
  const json::object& root_;
};

void CheckText(std::vector<FieldError>& errors, const std::string& field, const std::string& text,
               size_t max, bool required) {
  if (!IsValidUtf8(text)) {
    errors.push_back({field, "is not valid UTF-8 text"});
  } else if (required && Trim(text).empty()) {
    errors.push_back({field, "must not be empty"});
  } else if (text.size() > max) {
    errors.push_back({field, fmt::format("is {} bytes; the limit is {}", text.size(), max)});
  }
}

void CheckSeconds(std::vector<FieldError>& errors, const std::string& field, double s, double max) {
  if (!std::isfinite(s) || s <= 0) {
    errors.push_back({field, fmt::format("is {}; a duration must be more than 0 seconds", s)});
  } else if (s < 0.5) {
    errors.push_back({field, "must be at least half a second"});
  } else if (s > max) {
    errors.push_back({field, fmt::format("is {} seconds; the most is {}", s, max)});
  }
}

// Checks the rules a complete practice must meet; appends field errors.
void Validate(const Practice& p, std::vector<FieldError>& errors) {
  if (p.id.empty()) {
    errors.push_back({"id", "is required"});
  } else if (p.id.size() > 64 ||
             p.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos ||
             p.id.front() == '-') {
    errors.push_back({"id", "may use only lower-case letters, digits and '-' (at most 64)"});
  }
  CheckText(errors, "name", p.name, 200, true);
  CheckText(errors, "summary", p.summary, 1000, false);
  CheckText(errors, "intro", p.intro, 5000, false);
  CheckText(errors, "source", p.source, 1000, false);
  if (p.breathing()) {
    if (p.phases.empty())
      errors.push_back({"phases", "a breathing practice needs at least one phase"});
    if (p.phases.size() > 12) errors.push_back({"phases", "may have at most 12 phases"});
    for (size_t i = 0; i < p.phases.size(); ++i) {
      CheckSeconds(errors, fmt::format("phases[{}].seconds", i), p.phases[i].seconds,
                   kMaxPhaseSeconds);
    }
    if (p.duration_seconds < kMinDurationSeconds || p.duration_seconds > kMaxDurationSeconds) {
      errors.push_back({"duration_seconds", fmt::format("must be from {} to {} seconds",
                                                        kMinDurationSeconds, kMaxDurationSeconds)});
    }
    if (!p.steps.empty()) errors.push_back({"steps", "a breathing practice has phases, not steps"});
  } else {
    if (p.steps.empty()) errors.push_back({"steps", "needs at least one step"});
    if (p.steps.size() > 100) errors.push_back({"steps", "may have at most 100 steps"});
    double total = 0;
    for (size_t i = 0; i < p.steps.size(); ++i) {
      std::string f = fmt::format("steps[{}]", i);
      CheckText(errors, f + ".text", p.steps[i].text, 2000, true);
      CheckSeconds(errors, f + ".seconds", p.steps[i].seconds, kMaxStepSeconds);
      total += p.steps[i].seconds;
    }
    if (total > kMaxDurationSeconds) {
      errors.push_back(
          {"steps", fmt::format("add up to more than {} seconds", kMaxDurationSeconds)});
    }
    if (!p.phases.empty())
      errors.push_back({"phases", fmt::format("only breathing practices have phases "
                                              "(this one is '{}')",
                                              PracticeKindName(p.kind))});
  }
}

Status ToStatus(const std::string& origin, std::vector<FieldError> errors) {
  if (errors.empty()) return Status::Ok();
  std::string msg = fmt::format("{}: {}: {}", origin, errors[0].field, errors[0].message);
  if (errors.size() > 1) msg += fmt::format(" (and {} more problems)", errors.size() - 1);
  return Status::Invalid(msg, std::move(errors));
}

}  // namespace

std::string_view PracticeKindName(PracticeKind k) { return NameOf(kKinds, k); }
std::string_view SuitsName(Suits s) { return NameOf(kSuits, s); }
std::string_view PhaseKindName(PhaseKind p) { return NameOf(kPhases, p); }

std::string_view PhaseLabel(PhaseKind p) {
  switch (p) {
    case PhaseKind::kInhale:
      return "Breathe in";
    case PhaseKind::kInhaleMore:
      return "A little more in";
    case PhaseKind::kHold:
      return "Hold";
    case PhaseKind::kExhale:
      return "Breathe out";
  }
  return "";
}

double Practice::CycleSeconds() const {
  double s = 0;
  for (const auto& ph : phases) s += ph.seconds;
  return s;
}

int Practice::Rounds() const {
  double cycle = CycleSeconds();
  if (!breathing() || cycle <= 0) return 1;
  return std::max(1, static_cast<int>(std::lround(duration_seconds / cycle)));
}

int64_t Practice::TotalMs() const {
  int64_t total = 0;
  if (breathing()) {
    int64_t cycle = 0;
    for (const auto& ph : phases) cycle += std::llround(ph.seconds * 1000);
    return cycle * Rounds();
  }
  for (const auto& s : steps) total += std::llround(s.seconds * 1000);
  return total;
}

Result<Practice> ParsePractice(std::string_view text, const std::string& origin) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) return Status::Invalid(fmt::format("{}: not valid JSON: {}", origin, ec.message()));
  if (!doc.is_object()) return Status::Invalid(fmt::format("{}: must be a JSON object", origin));
  const json::object& root = doc.as_object();
  Reader r(root);
  Practice p;
  p.origin = origin;
  std::string format = r.String(root, "format", "format", true);
  if (!format.empty() && format != "securebase-practice/1") {
    r.Error("format", fmt::format("'{}' is not 'securebase-practice/1'", format));
  }
  p.id = r.String(root, "id", "id", true);
  p.name = r.String(root, "name", "name", true);
  std::string kind = r.String(root, "kind", "kind", true);
  if (auto k = Parse(kKinds, kind)) {
    p.kind = *k;
  } else if (!kind.empty()) {
    r.Error("kind", fmt::format("'{}' is not one of: {}", kind, Choices(kKinds)));
  }
  std::string suits = r.String(root, "suits", "suits", false);
  if (auto s = Parse(kSuits, suits)) {
    p.suits = *s;
  } else if (!suits.empty()) {
    r.Error("suits", fmt::format("'{}' is not one of: {}", suits, Choices(kSuits)));
  }
  p.summary = r.String(root, "summary", "summary", false);
  p.intro = r.String(root, "intro", "intro", false);
  p.source = r.String(root, "source", "source", false);
  if (auto d = r.Number(root, "duration_seconds", "duration_seconds", p.breathing())) {
    if (*d != std::floor(*d) || std::fabs(*d) > 1e7) {
      r.Error("duration_seconds", "must be a whole number of seconds");
    } else {
      p.duration_seconds = static_cast<int>(*d);
    }
  }
  if (const json::array* phases = r.Array("phases", p.breathing())) {
    for (size_t i = 0; i < phases->size(); ++i) {
      std::string f = fmt::format("phases[{}]", i);
      if (!(*phases)[i].is_object()) {
        r.Error(f, "must be an object like {\"phase\": \"inhale\", \"seconds\": 4}");
        continue;
      }
      const json::object& o = (*phases)[i].as_object();
      BreathPhase ph;
      std::string name = r.String(o, f + ".phase", "phase", true);
      if (auto k = Parse(kPhases, name)) {
        ph.kind = *k;
      } else if (!name.empty()) {
        r.Error(f + ".phase", fmt::format("'{}' is not one of: {}", name, Choices(kPhases)));
      }
      ph.seconds = r.Number(o, f + ".seconds", "seconds", true).value_or(1);
      p.phases.push_back(ph);
    }
  }
  if (const json::array* steps = r.Array("steps", !p.breathing())) {
    for (size_t i = 0; i < steps->size(); ++i) {
      std::string f = fmt::format("steps[{}]", i);
      if (!(*steps)[i].is_object()) {
        r.Error(f, "must be an object like {\"text\": \"...\", \"seconds\": 30}");
        continue;
      }
      const json::object& o = (*steps)[i].as_object();
      Step s;
      s.text = r.String(o, f + ".text", "text", true);
      s.seconds = r.Number(o, f + ".seconds", "seconds", true).value_or(1);
      p.steps.push_back(std::move(s));
    }
  }
  static const std::array<std::string_view, 11> kKnown = {
      "format", "id",     "name",   "kind",  "suits",           "summary",
      "intro",  "source", "phases", "steps", "duration_seconds"};
  for (const auto& [key, value] : root) {
    if (std::find(kKnown.begin(), kKnown.end(), std::string_view(key)) == kKnown.end()) {
      std::string name(key);
      if (!IsValidUtf8(name) || name.size() > 100) name = "(a field)";
      r.Error(name, "is not a field of a practice (see docs/practices.md)");
    }
  }
  if (r.errors.empty()) Validate(p, r.errors);
  if (!p.breathing() && r.errors.empty()) {
    double total = 0;
    for (const auto& s : p.steps) total += s.seconds;
    p.duration_seconds = static_cast<int>(std::lround(total));
  }
  TRY(ToStatus(origin, std::move(r.errors)));
  return p;
}

std::string PracticeToJson(const Practice& p) {
  json::object o;
  o["format"] = "securebase-practice/1";
  o["id"] = p.id;
  o["name"] = p.name;
  o["kind"] = PracticeKindName(p.kind);
  o["suits"] = SuitsName(p.suits);
  if (!p.summary.empty()) o["summary"] = p.summary;
  if (!p.intro.empty()) o["intro"] = p.intro;
  if (!p.source.empty()) o["source"] = p.source;
  if (p.breathing()) {
    o["duration_seconds"] = p.duration_seconds;
    json::array phases;
    for (const auto& ph : p.phases) {
      phases.push_back({{"phase", PhaseKindName(ph.kind)}, {"seconds", ph.seconds}});
    }
    o["phases"] = std::move(phases);
  } else {
    json::array steps;
    for (const auto& s : p.steps) steps.push_back({{"text", s.text}, {"seconds", s.seconds}});
    o["steps"] = std::move(steps);
  }
  return json::serialize(o);
}

Result<Practice> Retime(const Practice& p, const Retiming& r) {
  Practice out = p;
  std::vector<FieldError> errors;
  for (size_t i = 0; i < r.phase_seconds.size(); ++i) {
    if (!r.phase_seconds[i]) continue;
    if (i >= out.phases.size()) {
      errors.push_back({fmt::format("phases[{}].seconds", i),
                        fmt::format("{} has {} phases", p.name, out.phases.size())});
      continue;
    }
    out.phases[i].seconds = *r.phase_seconds[i];
  }
  for (size_t i = 0; i < r.step_seconds.size(); ++i) {
    if (!r.step_seconds[i]) continue;
    if (i >= out.steps.size()) {
      errors.push_back({fmt::format("steps[{}].seconds", i),
                        fmt::format("{} has {} steps", p.name, out.steps.size())});
      continue;
    }
    out.steps[i].seconds = *r.step_seconds[i];
  }
  if (r.duration_seconds) {
    if (!out.breathing()) {
      errors.push_back({"duration_seconds",
                        "only breathing practices have a set length; "
                        "re-time the steps instead"});
    } else {
      out.duration_seconds = *r.duration_seconds;
    }
  }
  if (errors.empty()) Validate(out, errors);
  if (!out.breathing() && errors.empty()) {
    double total = 0;
    for (const auto& s : out.steps) total += s.seconds;
    out.duration_seconds = static_cast<int>(std::lround(total));
  }
  TRY(ToStatus(p.id, std::move(errors)));
  out.own = true;
  out.origin = "yours";
  return out;
}

}  // namespace securebase::regulate
