#include "http/support_json.h"

#include "platform/clock.h"

namespace securebase::http {
namespace json = boost::json;

namespace {

json::array Strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

json::value OptInt(const std::optional<int64_t>& v) { return v ? json::value(*v) : nullptr; }
json::value OptDouble(const std::optional<double>& v) { return v ? json::value(*v) : nullptr; }

}  // namespace

json::object ProviderJson(const support::Provider& p, const support::TherapyCatalog& t) {
  json::array therapies;
  for (const auto& id : p.therapy_types) {
    const auto* th = t.Find(id);
    therapies.push_back(json::object{{"id", id},
                                     {"name", th ? th->name : id},
                                     {"attachment_informed", th && th->attachment_informed}});
  }
  return {{"id", p.id},
          {"key", p.key},
          {"name", p.name},
          {"credentials", p.credentials},
          {"licence", p.licence},
          {"practice", p.practice},
          {"type", p.provider_type},
          {"address", p.address},
          {"city", p.city},
          {"region", p.region},
          {"postcode", p.postcode},
          {"country", p.country},
          {"latitude", OptDouble(p.lat)},
          {"longitude", OptDouble(p.lon)},
          {"coordinates_from", p.coords_from},
          {"telehealth", p.telehealth},
          {"in_person", p.in_person},
          {"specialties", Strings(p.specialties)},
          {"therapy_types", std::move(therapies)},
          {"populations", Strings(p.populations)},
          {"participants", Strings(p.participants)},
          {"languages", Strings(p.languages)},
          {"insurance", Strings(p.insurance)},
          {"fee_min", OptInt(p.fee_min)},
          {"fee_max", OptInt(p.fee_max)},
          {"currency", p.currency},
          {"sliding_scale", p.sliding_scale},
          {"accepting_new_clients", p.accepting},
          {"gender", p.gender},
          {"faith", p.faith},
          {"ethnicity", p.ethnicity},
          {"website", p.website},
          {"phone", p.phone},
          {"email", p.email},
          {"about", p.about}};
}

json::object RankedJson(const support::Ranked& r, const support::TherapyCatalog& t) {
  json::object o = ProviderJson(r.provider, t);
  o["distance_km"] = r.distance_km ? json::value(std::round(*r.distance_km * 10) / 10) : nullptr;
  o["score"] = r.score;
  o["reasons"] = Strings(r.reasons);
  return o;
}

json::object ShortlistJson(const support::ShortlistEntry& e) {
  json::array history;
  for (const auto& h : e.history) {
    history.push_back(json::object{{"status", support::StatusId(h.status)}, {"at", Iso8601(h.at)}});
  }
  return {{"id", e.id},
          {"therapist", e.provider_id},
          {"therapist_name", e.provider_name},
          {"status", support::StatusId(e.status)},
          {"status_label", support::StatusLabel(e.status)},
          {"notes", e.notes},
          {"next_date", e.next_date ? json::value(support::FormatDate(*e.next_date)) : nullptr},
          {"added", Iso8601(e.added)},
          {"status_since", Iso8601(e.status_since)},
          {"history", std::move(history)}};
}

json::object SignalJson(const support::Signal& s) {
  json::object numbers;
  for (const auto& [k, v] : s.numbers) numbers[k] = v;
  return {{"id", s.id},       {"title", s.title},
          {"fired", s.fired}, {"enough_data", s.enough_data},
          {"text", s.text},   {"numbers", std::move(numbers)},
          {"link", s.link}};
}

}  // namespace securebase::http
