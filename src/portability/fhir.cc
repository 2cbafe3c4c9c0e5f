#include "portability/fhir.h"

#include <fmt/format.h>

#include "platform/clock.h"

namespace securebase::portability {
namespace json = boost::json;
namespace {

// FHIR ids: [A-Za-z0-9\-\.]{1,64}.
std::string FhirId(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    out.push_back(ok ? c : '-');
  }
  return out.substr(0, 64);
}

std::string When(const json::object& a, const char* ms, const char* offset) {
  auto m = a.if_contains(ms);
  if (!m || !m->is_int64()) return "";
  auto o = a.if_contains(offset);
  int off = o && o->is_int64() ? static_cast<int>(o->as_int64()) : 0;
  return Iso8601(Instant{m->as_int64(), off});
}

}  // namespace

std::string QuestionnaireUrl(const std::string& instrument_id) {
  return "https://securebase.app/fhir/Questionnaire/" + FhirId(instrument_id);
}

json::object QuestionnaireResource(const understand::Instrument& ins) {
  json::array items;
  for (const auto& item : ins.items) {
    json::object i{{"linkId", item.id},
                   {"text", item.text.empty() ? fmt::format("Item {}", item.number) : item.text},
                   {"type", "integer"},
                   {"required", false}};
    i["extension"] =
        json::array{json::object{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"},
                                 {"valueInteger", ins.scale.min}},
                    json::object{{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"},
                                 {"valueInteger", ins.scale.max}}};
    items.push_back(std::move(i));
  }
  json::object q{{"resourceType", "Questionnaire"},
                 {"id", FhirId(ins.id)},
                 {"url", QuestionnaireUrl(ins.id)},
                 {"title", ins.name},
                 {"status", "active"},
                 {"subjectType", json::array{"Patient"}},
                 {"item", std::move(items)}};
  if (!ins.description.empty()) q["description"] = ins.description;
  if (!ins.citation.empty()) q["copyright"] = ins.citation;
  return q;
}

json::object QuestionnaireResponseResource(const json::object& a,
                                           const understand::Instrument* ins) {
  std::string instrument = a.contains("instrument") && a.at("instrument").is_string()
                               ? std::string(a.at("instrument").as_string())
                               : "";
  bool complete = a.contains("status") && a.at("status") == "complete";
  json::object answers;
  if (auto v = a.if_contains("answers"); v && v->is_object()) answers = v->as_object();
  json::array items;
  auto add = [&](const std::string& link, const json::value& v) {
    if (!v.is_int64()) return;
    items.push_back(
        json::object{{"linkId", link}, {"answer", json::array{json::object{{"valueInteger", v}}}}});
  };
  if (ins) {
    for (const auto& item : ins->items)
      if (auto v = answers.if_contains(item.id)) add(item.id, *v);
    for (const auto& [k, v] : answers)
      if (!ins->FindItem(k)) add(std::string(k), v);
  } else {
    for (const auto& [k, v] : answers) add(std::string(k), v);
  }
  std::string authored = complete ? When(a, "completed_ms", "completed_offset")
                                  : When(a, "started_ms", "started_offset");
  json::object r{
      {"resourceType", "QuestionnaireResponse"},
      {"id", fmt::format("assessment-{}", a.contains("id") ? json::serialize(a.at("id")) : "0")},
      {"questionnaire", QuestionnaireUrl(instrument)},
      {"status", complete ? "completed" : "in-progress"}};
  if (!authored.empty()) r["authored"] = authored;
  json::array ext;
  for (const char* dim : {"anxiety", "avoidance"}) {
    if (auto v = a.if_contains(dim); v && v->is_number()) {
      ext.push_back(json::object{
          {"url", fmt::format("https://securebase.app/fhir/StructureDefinition/{}", dim)},
          {"valueDecimal", v->to_number<double>()}});
    }
  }
  if (!ext.empty()) r["extension"] = std::move(ext);
  r["item"] = std::move(items);
  return r;
}

json::object Bundle(std::vector<json::object> resources) {
  json::array entries;
  for (auto& r : resources) entries.push_back(json::object{{"resource", std::move(r)}});
  return {{"resourceType", "Bundle"},
          {"type", "collection"},
          {"total", static_cast<int64_t>(entries.size())},
          {"entry", std::move(entries)}};
}

}  // namespace securebase::portability
