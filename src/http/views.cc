#include "http/views.h"

namespace securebase::http {
namespace json = boost::json;
using namespace understand;

namespace {
json::value Optional(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}
}  // namespace

json::object PersonJson(const people::Person& p) {
  return {{"id", p.id},
          {"name", p.name},
          {"relationship", people::RelationshipName(p.relationship)},
          {"notes", p.notes},
          {"created_at", Iso8601(p.created)}};
}

json::object InstrumentSummaryJson(const Instrument& ins) {
  json::array anchors;
  for (const auto& a : ins.scale.anchors)
    anchors.push_back({{"value", a.value}, {"label", a.label}});
  json::array domains;
  for (const auto& d : ins.domains) domains.push_back(json::value(d));
  return {
      {"id", ins.id},
      {"name", ins.name},
      {"short_name", ins.short_name},
      {"description", ins.description},
      {"citation", ins.citation},
      {"validated", ins.validated},
      {"target", ins.target == TargetKind::kGeneral ? "general" : "person"},
      {"domains", std::move(domains)},
      {"item_count", ins.items.size()},
      {"has_wording", ins.HasWording()},
      {"scale", {{"min", ins.scale.min}, {"max", ins.scale.max}, {"anchors", std::move(anchors)}}}};
}

json::object InstrumentJson(const Instrument& ins) {
  json::object o = InstrumentSummaryJson(ins);
  json::array items;
  for (const auto& item : ins.items) {
    items.push_back({{"id", item.id}, {"number", item.number}, {"text", item.text}});
  }
  o["items"] = std::move(items);
  return o;
}

json::object AssessmentJson(const AssessmentView& v) {
  const Assessment& a = v.assessment;
  json::object answers;
  for (const auto& [k, val] : a.answers) answers[k] = val;
  json::object o{
      {"id", a.id},
      {"instrument", a.instrument},
      {"about", v.about ? json::value({{"id", v.about->id}, {"name", v.about->name}})
                        : json::value(nullptr)},
      {"status", a.status == AssessmentStatus::kComplete ? "complete" : "draft"},
      {"answers", std::move(answers)},
      {"started_at", Iso8601(a.started)},
      {"completed_at", a.completed ? json::value(Iso8601(*a.completed)) : json::value(nullptr)},
      {"cut_point", v.cut},
  };
  json::object scores{{"anxiety", Optional(v.scores.anxiety)},
                      {"avoidance", Optional(v.scores.avoidance)}};
  if (v.instrument && v.instrument->rule == ScoringRule::kRq) {
    scores["model_of_self"] = Optional(v.scores.model_of_self);
    scores["model_of_other"] = Optional(v.scores.model_of_other);
  }
  o["scores"] = std::move(scores);
  if (v.placement) {
    o["placement"] = {{"style", StyleId(v.placement->style)},
                      {"style_name", StyleName(v.placement->style)},
                      {"anxiety_from_cut", v.placement->anxiety_from_cut},
                      {"avoidance_from_cut", v.placement->avoidance_from_cut}};
  } else {
    o["placement"] = nullptr;
  }
  if (v.change) {
    json::array dims;
    for (const auto& d : v.change->dimensions) {
      dims.push_back({{"dimension", d.dimension},
                      {"before", d.before},
                      {"after", d.after},
                      {"difference", d.difference},
                      {"rci", Optional(d.rci)},
                      {"threshold", Optional(d.threshold)},
                      {"reliable", d.reliable}});
    }
    o["change"] = {{"previous_id", *v.previous_id},
                   {"direction", DirectionId(v.change->direction)},
                   {"summary", v.change->summary},
                   {"assumed_figures", v.change->assumed_figures},
                   {"dimensions", std::move(dims)}};
  } else {
    o["change"] = nullptr;
  }
  return o;
}

json::object LearnSummaryJson(const LearnPage& page) {
  return {{"topic", page.topic}, {"title", page.title}, {"summary", page.summary}};
}

}  // namespace securebase::http
