#include "support/search.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace securebase::support {
namespace {

bool Has(const std::vector<std::string>& list, const std::string& v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

Status CheckChoice(std::string& value, const std::vector<std::string>& allowed, const char* field,
                   std::vector<FieldError>& errors) {
  if (value.empty()) return Status::Ok();
  value = NormalizeTag(value);
  if (!Has(allowed, value)) {
    std::string choices;
    for (const auto& a : allowed) choices += (choices.empty() ? "" : ", ") + a;
    errors.push_back({field, fmt::format("'{}' is not one of: {}", value, choices)});
  }
  return Status::Ok();
}

std::string Km(double km) {
  return km < 10 ? fmt::format("{:.1f} km", km) : fmt::format("{:.0f} km", km);
}

}  // namespace

Status NormalizeQuery(SearchQuery& q, const TherapyCatalog& therapies) {
  std::vector<FieldError> errors;
  if (q.near && !ValidLatLon(q.near->lat, q.near->lon)) {
    errors.push_back({"lat", "latitude must be -90 to 90 and longitude -180 to 180"});
  }
  if (!std::isfinite(q.radius_km) || q.radius_km <= 0 || q.radius_km > kMaxRadiusKm) {
    errors.push_back(
        {"radius_km", fmt::format("must be more than 0 and at most {}", kMaxRadiusKm)});
  }
  (void)CheckChoice(q.provider_type, ProviderTypes(), "type", errors);
  (void)CheckChoice(q.age_group, AgeGroups(), "age", errors);
  (void)CheckChoice(q.participants, Participants(), "participants", errors);
  if (q.max_fee && *q.max_fee < 0) errors.push_back({"max_fee", "must be 0 or more"});
  for (auto& s : q.specialties) s = NormalizeTag(s);
  for (auto& t : q.therapy_types) t = therapies.Canonical(t);
  for (auto& i : q.insurance) i = NormalizeTag(i);
  std::erase_if(q.specialties, [](const std::string& s) { return s.empty(); });
  std::erase_if(q.therapy_types, [](const std::string& s) { return s.empty(); });
  std::erase_if(q.insurance, [](const std::string& s) { return s.empty(); });
  q.gender = NormalizeTag(q.gender);
  q.language = NormalizeTag(q.language);
  q.faith = NormalizeTag(q.faith);
  q.postcode_country = PostcodeKey(q.postcode_country);
  if (q.text.size() > 200) errors.push_back({"q", "is longer than 200 characters"});
  if (errors.empty()) return Status::Ok();
  return Status::Invalid(errors[0].field + ": " + errors[0].message, errors);
}

std::vector<Ranked> Rank(std::vector<Candidate> candidates, const SearchQuery& q,
                         const TherapyCatalog& therapies) {
  std::vector<Ranked> out;
  out.reserve(candidates.size());
  // bm25 ranks are negative, better ones more so; scale to 0..1 within this result set.
  double best_text = 0;
  for (const auto& c : candidates) {
    if (c.text_rank) best_text = std::min(best_text, *c.text_rank);
  }
  for (auto& c : candidates) {
    Ranked r;
    const Provider& p = c.provider;
    if (q.near && p.lat && p.lon) {
      r.distance_km = DistanceKm(*q.near, {*p.lat, *p.lon});
      if (*r.distance_km > q.radius_km) continue;
    } else if (q.near && !(q.mode == Mode::kOnline && p.telehealth)) {
      continue;  // no coordinates: only online providers qualify for an online search
    }
    double score = 0;
    std::vector<std::string> asked, attachment;
    for (const auto& t : q.therapy_types) {
      if (!Has(p.therapy_types, t)) continue;
      const Therapy* th = therapies.Find(t);
      std::string name = th ? th->name : t;
      if (therapies.AttachmentInformed(t)) {
        score += 4;
        attachment.push_back(name);
      } else {
        score += 2;
        asked.push_back(name);
      }
    }
    for (const auto& name : attachment) {
      r.reasons.push_back(
          fmt::format("Offers {}, which you asked for (attachment-informed)", name));
    }
    for (const auto& name : asked)
      r.reasons.push_back(fmt::format("Offers {}, which you asked for", name));
    if (q.prefer_attachment && attachment.empty()) {
      std::vector<std::string> names;
      for (const auto& t : p.therapy_types) {
        if (therapies.AttachmentInformed(t)) names.push_back(therapies.Find(t)->name);
      }
      if (!names.empty()) {
        score += 3;
        r.reasons.push_back(
            fmt::format("Works in an attachment-informed way: {}", fmt::join(names, ", ")));
      }
    }
    if (!q.specialties.empty()) {
      score += static_cast<double>(q.specialties.size());
      r.reasons.push_back(fmt::format("Works with {}", fmt::join(q.specialties, ", ")));
    }
    if (!q.insurance.empty()) {
      for (const auto& i : q.insurance) {
        if (Has(p.insurance, i)) {
          r.reasons.push_back(fmt::format("Takes {}", i));
          break;
        }
      }
    }
    if (p.accepting) {
      score += 1;
      r.reasons.push_back("Accepting new clients");
    } else {
      r.reasons.push_back("Not taking new clients at the moment (you may join a waitlist)");
    }
    if (c.text_rank && best_text < 0) {
      double rel = *c.text_rank / best_text;  // 1 for the best match
      score += 2 * rel;
      r.reasons.push_back(fmt::format("Profile matches \"{}\"", q.text));
    }
    if (r.distance_km) {
      score -= 2 * std::min(1.0, *r.distance_km / q.radius_km);
      r.reasons.push_back(fmt::format("{} away", Km(*r.distance_km)));
    } else if (q.near) {
      score -= 1;  // distance unknown: counted as halfway to the edge
      r.reasons.push_back("Sees clients online (no location given)");
    } else if (q.mode == Mode::kOnline && p.telehealth) {
      r.reasons.push_back("Sees clients online");
    }
    r.score = std::round(score * 100) / 100;
    r.provider = std::move(c.provider);
    out.push_back(std::move(r));
  }
  std::stable_sort(out.begin(), out.end(), [](const Ranked& a, const Ranked& b) {
    if (a.score != b.score) return a.score > b.score;
    double da = a.distance_km.value_or(1e9), db = b.distance_km.value_or(1e9);
    if (da != db) return da < db;
    if (a.provider.name != b.provider.name) return a.provider.name < b.provider.name;
    return a.provider.id < b.provider.id;
  });
  return out;
}

}  // namespace securebase::support
