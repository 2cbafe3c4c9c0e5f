#include "http/reflect_views.h"

#include <fmt/format.h>

#include "http/json_body.h"
#include "reflect/when.h"

namespace securebase::http {
namespace json = boost::json;
using reflect::TextField;

json::object ReflectionJson(const reflect::Reflection& r, const std::vector<people::Person>& people,
                            const reflect::EmotionVocabulary& vocabulary) {
  json::array who;
  for (const auto& p : people) who.push_back(json::object{{"id", p.id}, {"name", p.name}});
  json::array emotions;
  for (const auto& e : r.emotions) {
    json::object o{{"word", e.word}, {"intensity", e.intensity}};
    const reflect::Emotion* known = vocabulary.Find(e.word);
    o["own_word"] = known == nullptr;
    emotions.push_back(std::move(o));
  }
  json::array tags;
  for (const auto& t : r.tags) tags.push_back(json::string(t));
  json::object o{{"id", r.id},
                 {"happened_at", Iso8601(r.happened)},
                 {"written_at", Iso8601(r.written)},
                 {"updated_at", Iso8601(Instant{r.updated_ms, r.written.offset_minutes})},
                 {"people", std::move(who)},
                 {"emotions", std::move(emotions)},
                 {"tags", std::move(tags)},
                 {"activation", r.activation ? json::value(reflect::ActivationName(*r.activation))
                                             : json::value(nullptr)},
                 {"intensity", r.Intensity()}};
  for (TextField f : reflect::kTextFields) o[reflect::TextFieldName(f)] = r.text(f);
  return o;
}

json::array SnippetJson(const std::string& marked) {
  json::array parts;
  std::string cur;
  bool hit = false;
  auto flush = [&] {
    if (!cur.empty()) parts.push_back(json::object{{"text", cur}, {"hit", hit}});
    cur.clear();
  };
  for (char c : marked) {
    if (c == reflect::kHitStart || c == reflect::kHitEnd) {
      flush();
      hit = c == reflect::kHitStart;
    } else {
      cur += c;
    }
  }
  flush();
  return parts;
}

namespace {

json::object Counts(const reflect::ActivationCounts& a) {
  return {{"toward", a.toward}, {"away", a.away}, {"neither", a.neither}};
}

json::array Triggers(const std::vector<reflect::TriggerStat>& ts) {
  json::array out;
  for (const auto& t : ts) {
    out.push_back(json::object{{"tag", t.tag},
                               {"entries", t.entries},
                               {"last_30_days", t.last_30},
                               {"last_90_days", t.last_90}});
  }
  return out;
}

json::array Emotions(const std::vector<reflect::EmotionStat>& es) {
  json::array out;
  for (const auto& e : es) {
    out.push_back(json::object{{"word", e.word},
                               {"entries", e.entries},
                               {"mean_intensity", std::round(e.mean_intensity * 10) / 10}});
  }
  return out;
}

json::value Rounded(const std::optional<double>& v) {
  if (!v) return nullptr;
  return std::round(*v * 1000) / 1000;
}

}  // namespace

json::object PatternsJson(const reflect::Patterns& p) {
  json::object o{
      {"entries", p.entries}, {"min_entries", reflect::kMinEntries}, {"enough", p.enough()}};
  if (!p.enough()) {
    o["summary"] = json::array{
        json::string(fmt::format("Patterns appear after {} reflections; there {} {} so far.",
                                 reflect::kMinEntries, p.entries == 1 ? "is" : "are", p.entries))};
    return o;
  }
  o["first_date"] = p.first_date;
  o["last_date"] = p.last_date;
  o["triggers"] = json::object{{"items", Triggers(p.triggers)},
                               {"entries_last_30_days", p.triggers_last_30_entries},
                               {"entries_last_90_days", p.triggers_last_90_entries}};
  o["emotions"] = Emotions(p.emotions);
  json::array people;
  for (const auto& person : p.people) {
    people.push_back(
        json::object{{"person", json::object{{"id", person.person}, {"name", person.name}}},
                     {"entries", person.entries},
                     {"triggers", Triggers(person.triggers)},
                     {"emotions", Emotions(person.emotions)},
                     {"activation", Counts(person.activation)}});
  }
  o["people"] = std::move(people);
  o["activation"] = Counts(p.activation);
  json::array buckets;
  for (const auto& b : p.over_time) {
    buckets.push_back(json::object{{"start", b.start},
                                   {"entries", b.entries},
                                   {"rated", b.rated},
                                   {"pleasantness", Rounded(b.pleasantness)},
                                   {"energy", Rounded(b.energy)},
                                   {"activation", Counts(b.activation)}});
  }
  o["over_time"] = json::object{{"bucket", p.bucket_size}, {"items", std::move(buckets)}};
  json::array hours(p.by_hour.begin(), p.by_hour.end());
  json::object parts;
  for (int i = 0; i < 4; ++i) parts[reflect::PartOfDayName(i)] = p.by_part[static_cast<size_t>(i)];
  json::array weekdays;
  for (int i = 0; i < 7; ++i) {
    weekdays.push_back(json::object{
        {"day", reflect::WeekdayName(i)},
        {"entries", p.by_weekday[static_cast<size_t>(i)]},
        {"mean_intensity", std::round(p.weekday_intensity[static_cast<size_t>(i)] * 10) / 10}});
  }
  o["time"] = json::object{{"by_hour", std::move(hours)},
                           {"by_part_of_day", std::move(parts)},
                           {"by_weekday", std::move(weekdays)}};
  json::array days;
  for (const auto& d : p.calendar) {
    days.push_back(
        json::object{{"date", d.date}, {"entries", d.entries}, {"intensity", d.intensity}});
  }
  o["calendar"] = std::move(days);
  json::array summary;
  for (const auto& line : p.summary) summary.push_back(json::string(line));
  o["summary"] = std::move(summary);
  return o;
}

json::object EmotionJson(const reflect::Emotion& e) {
  std::string quadrant = std::string(e.pleasantness >= 0 ? "pleasant" : "unpleasant") + "-" +
                         (e.energy > 0 ? "high" : "low") + "-energy";
  return {{"word", e.word},
          {"definition", e.definition},
          {"pleasantness", e.pleasantness},
          {"energy", e.energy},
          {"quadrant", quadrant}};
}

std::variant<reflect::ReflectionEdit, Response> ReadReflectionEdit(const Request& req,
                                                                   bool creating, Instant now) {
  auto parsed = ParseJsonObject(req);
  if (auto* problem = std::get_if<Response>(&parsed)) return std::move(*problem);
  const json::object& body = std::get<json::object>(parsed);
  FieldReader r(body);
  reflect::ReflectionEdit edit;
  std::set<std::string> allowed{"happened_at", "people", "emotions", "tags", "activation"};
  for (TextField f : reflect::kTextFields) {
    std::string name(reflect::TextFieldName(f));
    allowed.insert(name);
    edit.text(f) = r.String(name.c_str(), false, reflect::kMaxTextBytes);
  }
  if (auto when = r.String("happened_at", false, 100)) {
    auto at = reflect::ParseWhen(*when, now);
    if (at.ok()) {
      edit.happened = *at;
    } else {
      r.Error("happened_at",
              "must be a date (2026-11-27) or a date and time "
              "(2026-11-27T21:05:00+01:00)");
    }
  }
  if (const auto* v = body.if_contains("people")) {
    if (!v->is_array()) {
      r.Error("people", "must be a list of person ids");
    } else {
      std::vector<int64_t> ids;
      for (size_t i = 0; i < v->as_array().size(); ++i) {
        const auto& x = v->as_array()[i];
        if (x.is_int64() && x.as_int64() > 0) {
          ids.push_back(x.as_int64());
        } else {
          r.Error(fmt::format("people[{}]", i), "must be a person's id");
        }
      }
      edit.people = std::move(ids);
    }
  }
  if (const auto* v = body.if_contains("emotions")) {
    if (!v->is_array()) {
      r.Error("emotions", "must be a list of {\"word\", \"intensity\"}");
    } else {
      std::vector<reflect::EmotionRating> list;
      for (size_t i = 0; i < v->as_array().size(); ++i) {
        const auto& x = v->as_array()[i];
        const json::object* o = x.if_object();
        const json::value* word = o ? o->if_contains("word") : nullptr;
        const json::value* intensity = o ? o->if_contains("intensity") : nullptr;
        if (!word || !word->is_string()) {
          r.Error(fmt::format("emotions[{}].word", i), "is required (text)");
          continue;
        }
        int level = 5;
        if (intensity && intensity->is_int64() && intensity->as_int64() >= -1000 &&
            intensity->as_int64() <= 1000) {
          level = static_cast<int>(intensity->as_int64());
        } else if (intensity) {
          r.Error(fmt::format("emotions[{}].intensity", i), "must be a whole number from 0 to 10");
          continue;
        }
        list.push_back({std::string(word->as_string()), level});
      }
      edit.emotions = std::move(list);
    }
  }
  if (const auto* v = body.if_contains("tags")) {
    if (!v->is_array()) {
      r.Error("tags", "must be a list of words");
    } else {
      std::vector<std::string> tags;
      for (size_t i = 0; i < v->as_array().size(); ++i) {
        const auto& x = v->as_array()[i];
        if (!x.is_string()) {
          r.Error(fmt::format("tags[{}]", i), "must be text");
          continue;
        }
        tags.emplace_back(x.as_string());
      }
      edit.tags = std::move(tags);
    }
  }
  if (const auto* v = body.if_contains("activation")) {
    if (v->is_null()) {
      edit.activation = std::optional<reflect::Activation>();
    } else if (v->is_string() && reflect::ParseActivation(v->as_string())) {
      edit.activation = reflect::ParseActivation(v->as_string());
    } else {
      r.Error("activation", "must be 'toward', 'away', 'neither' or null");
    }
  }
  Status s =
      MergeFieldErrors(r.Finish(allowed), reflect::ValidateReflectionEdit(edit, creating, now));
  if (!s.ok()) return ProblemFromStatus(s);
  return edit;
}

}  // namespace securebase::http
