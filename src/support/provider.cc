#include "support/provider.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <charconv>
#include <cmath>
#include <set>

#include "support/geo.h"

namespace securebase::support {
namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n'))
    --e;
  return std::string(s.substr(b, e - b));
}

bool HasControl(std::string_view s, bool allow_newlines) {
  for (unsigned char c : s) {
    if (c == '\t' || (allow_newlines && (c == '\n' || c == '\r'))) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// Reads the row's fields, remembering an error per bad field.
class RowReader {
 public:
  explicit RowReader(const RawRow& row) : row_(row) {}

  std::string Text(const std::string& name, bool required, size_t max_bytes,
                   bool multiline = false) {
    seen_.insert(name);
    auto it = row_.values.find(name);
    std::string v;
    if (it != row_.values.end()) {
      if (it->second.size() > 1) {
        Error(name, "must be one value, not a list");
        return "";
      }
      if (!it->second.empty()) v = Trim(it->second[0]);
    }
    if (v.empty()) {
      if (required) Error(name, "is required");
      return "";
    }
    if (v.size() > max_bytes) {
      Error(name, fmt::format("is longer than {} characters", max_bytes));
      return "";
    }
    if (HasControl(v, multiline)) Error(name, "has control characters");
    return v;
  }

  std::vector<std::string> List(const std::string& name, const std::vector<std::string>* allowed,
                                const TherapyCatalog* canon = nullptr) {
    seen_.insert(name);
    std::vector<std::string> out;
    auto it = row_.values.find(name);
    if (it == row_.values.end()) return out;
    std::set<std::string> unique;
    for (const auto& whole : it->second) {
      size_t start = 0;
      while (start <= whole.size()) {
        size_t end = whole.find(';', start);
        if (end == std::string::npos) end = whole.size();
        std::string item = NormalizeTag(std::string_view(whole).substr(start, end - start));
        start = end + 1;
        if (item.empty()) continue;
        if (canon) item = canon->Canonical(item);
        if (item.size() > 60) {
          Error(name, fmt::format("'{}' is longer than 60 characters", item.substr(0, 20)));
          continue;
        }
        if (item.find('|') != std::string::npos || HasControl(item, false)) {
          Error(name, fmt::format("'{}' may not hold '|' or control characters", item));
          continue;
        }
        if (allowed && std::find(allowed->begin(), allowed->end(), item) == allowed->end()) {
          std::string choices;
          for (const auto& a : *allowed) choices += (choices.empty() ? "" : ", ") + a;
          Error(name, fmt::format("'{}' is not one of: {}", item, choices));
          continue;
        }
        if (unique.insert(item).second) out.push_back(item);
      }
    }
    if (out.size() > 40) Error(name, "has more than 40 items");
    return out;
  }

  std::optional<double> Number(const std::string& name, double min, double max) {
    std::string t = Text(name, false, 32);
    if (t.empty()) return std::nullopt;
    double v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || !std::isfinite(v) || v < min || v > max) {
      Error(name, fmt::format("must be a number from {} to {} (got '{}')", min, max, t));
      return std::nullopt;
    }
    return v;
  }

  std::optional<int64_t> Whole(const std::string& name, int64_t min, int64_t max) {
    std::string t = Text(name, false, 32);
    if (t.empty()) return std::nullopt;
    int64_t v = 0;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || p != t.data() + t.size() || v < min || v > max) {
      Error(name, fmt::format("must be a whole number from {} to {} (got '{}')", min, max, t));
      return std::nullopt;
    }
    return v;
  }

  std::optional<bool> Flag(const std::string& name) {
    std::string t = NormalizeTag(Text(name, false, 16));
    if (t.empty()) return std::nullopt;
    if (t == "yes" || t == "true" || t == "1" || t == "y") return true;
    if (t == "no" || t == "false" || t == "0" || t == "n") return false;
    Error(name, fmt::format("must be yes or no (got '{}')", t));
    return std::nullopt;
  }

  void Error(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

  Status Finish() {
    for (const auto& [name, v] : row_.values) {
      if (!seen_.count(name)) Error(name, "is not a column of the directory format");
    }
    if (errors_.empty()) return Status::Ok();
    std::string msg = fmt::format("row {}: {}: {}", row_.row, errors_[0].field, errors_[0].message);
    return Status::Invalid(msg, errors_);
  }

 private:
  const RawRow& row_;
  std::set<std::string> seen_;
  std::vector<FieldError> errors_;
};

}  // namespace

const std::vector<std::string>& ProviderTypes() {
  static const std::vector<std::string> v = {"therapist",    "counsellor",       "psychologist",
                                             "psychiatrist", "treatment-centre", "support-group"};
  return v;
}
const std::vector<std::string>& AgeGroups() {
  static const std::vector<std::string> v = {"children", "teens", "adults", "older-adults"};
  return v;
}
const std::vector<std::string>& Participants() {
  static const std::vector<std::string> v = {"individuals", "couples", "families", "groups"};
  return v;
}

const std::vector<std::string>& ProviderColumns() {
  static const std::vector<std::string> v = {"id",
                                             "name",
                                             "credentials",
                                             "licence",
                                             "practice",
                                             "type",
                                             "address",
                                             "city",
                                             "region",
                                             "postcode",
                                             "country",
                                             "latitude",
                                             "longitude",
                                             "telehealth",
                                             "in_person",
                                             "specialties",
                                             "therapy_types",
                                             "populations",
                                             "participants",
                                             "languages",
                                             "fee_min",
                                             "fee_max",
                                             "currency",
                                             "sliding_scale",
                                             "insurance",
                                             "accepting_new_clients",
                                             "gender",
                                             "faith",
                                             "ethnicity",
                                             "website",
                                             "phone",
                                             "email",
                                             "about"};
  return v;
}

std::string NormalizeTag(std::string_view text) {
  std::string t = Trim(text), out;
  bool dash = false;
  for (char c : t) {
    if (c == ' ' || c == '_' || c == '\t') {
      dash = !out.empty();
      continue;
    }
    if (dash) out += '-';
    dash = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string PostcodeKey(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '\t') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

Result<Provider> BuildProvider(const RawRow& row, const TherapyCatalog* therapies) {
  RowReader r(row);
  Provider p;
  p.key = r.Text("id", true, 100);
  p.name = r.Text("name", true, 200);
  p.credentials = r.Text("credentials", false, 200);
  p.licence = r.Text("licence", false, 200);
  p.practice = r.Text("practice", false, 200);
  p.provider_type = NormalizeTag(r.Text("type", false, 40));
  if (p.provider_type.empty()) p.provider_type = "therapist";
  const auto& types = ProviderTypes();
  if (std::find(types.begin(), types.end(), p.provider_type) == types.end()) {
    std::string choices;
    for (const auto& a : types) choices += (choices.empty() ? "" : ", ") + a;
    r.Error("type", fmt::format("'{}' is not one of: {}", p.provider_type, choices));
  }
  p.address = r.Text("address", false, 300);
  p.city = r.Text("city", false, 120);
  p.region = r.Text("region", false, 120);
  p.postcode = r.Text("postcode", false, 20);
  p.country = PostcodeKey(r.Text("country", false, 2));
  if (!p.country.empty() &&
      (p.country.size() != 2 || !std::isalpha(static_cast<unsigned char>(p.country[0])) ||
       !std::isalpha(static_cast<unsigned char>(p.country[1])))) {
    r.Error("country", "must be a two-letter country code such as GB or US");
  }
  p.lat = r.Number("latitude", -90, 90);
  p.lon = r.Number("longitude", -180, 180);
  if (p.lat.has_value() != p.lon.has_value()) {
    r.Error(p.lat ? "longitude" : "latitude", "is needed when the other coordinate is given");
  }
  if (p.lat && p.lon) p.coords_from = "file";
  p.telehealth = r.Flag("telehealth").value_or(false);
  p.in_person = r.Flag("in_person").value_or(!p.telehealth || !p.address.empty());
  p.specialties = r.List("specialties", nullptr);
  p.therapy_types = r.List("therapy_types", nullptr, therapies);
  p.populations = r.List("populations", &AgeGroups());
  p.participants = r.List("participants", &Participants());
  p.languages = r.List("languages", nullptr);
  p.insurance = r.List("insurance", nullptr);
  p.fee_min = r.Whole("fee_min", 0, 100000);
  p.fee_max = r.Whole("fee_max", 0, 100000);
  if (p.fee_min && p.fee_max && *p.fee_max < *p.fee_min) {
    r.Error("fee_max", "must not be less than fee_min");
  }
  if (p.fee_max && !p.fee_min) p.fee_min = p.fee_max;
  p.currency = PostcodeKey(r.Text("currency", false, 3));
  p.sliding_scale = r.Flag("sliding_scale").value_or(false);
  p.accepting = r.Flag("accepting_new_clients").value_or(true);
  p.gender = NormalizeTag(r.Text("gender", false, 40));
  p.faith = NormalizeTag(r.Text("faith", false, 60));
  p.ethnicity = r.Text("ethnicity", false, 100);
  p.website = r.Text("website", false, 300);
  if (!p.website.empty() && p.website.rfind("https://", 0) != 0 &&
      p.website.rfind("http://", 0) != 0) {
    r.Error("website", "must start with https:// or http://");
  }
  p.phone = r.Text("phone", false, 40);
  p.email = r.Text("email", false, 200);
  if (!p.email.empty() && p.email.find('@') == std::string::npos) {
    r.Error("email", "must be an email address");
  }
  p.about = r.Text("about", false, 4000, /*multiline=*/true);
  if (!p.telehealth && !p.in_person) {
    r.Error("in_person", "a provider must offer telehealth, in-person sessions or both");
  }
  TRY(r.Finish());
  return p;
}

Result<TherapyCatalog> TherapyCatalog::Parse(std::string_view json_text,
                                             const std::string& origin) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(json_text, ec);
  if (ec) return Status::Invalid(fmt::format("{}: not valid JSON ({})", origin, ec.message()));
  const auto* root = v.if_object();
  const auto* items =
      root && root->contains("therapies") ? root->at("therapies").if_array() : nullptr;
  if (!items) return Status::Invalid(origin + ": needs a \"therapies\" array");
  TherapyCatalog c;
  for (size_t i = 0; i < items->size(); ++i) {
    const auto* o = (*items)[i].if_object();
    auto bad = [&](const char* what) {
      return Status::Invalid(fmt::format("{}: therapies[{}]: {}", origin, i, what));
    };
    if (!o || !o->contains("id") || !o->at("id").is_string() || !o->contains("name") ||
        !o->at("name").is_string()) {
      return bad("needs text \"id\" and \"name\"");
    }
    Therapy t;
    t.id = NormalizeTag(std::string(o->at("id").as_string()));
    t.name = std::string(o->at("name").as_string());
    if (auto* a = o->if_contains("attachment_informed"); a && a->is_bool()) {
      t.attachment_informed = a->as_bool();
    }
    if (auto* al = o->if_contains("aliases"); al && al->is_array()) {
      for (const auto& x : al->as_array()) {
        if (!x.is_string()) return bad("aliases must be text");
        t.aliases.push_back(NormalizeTag(std::string(x.as_string())));
      }
    }
    size_t index = c.all_.size();
    c.by_alias_[t.id] = index;
    c.by_alias_[NormalizeTag(t.name)] = index;
    for (const auto& a : t.aliases) c.by_alias_[a] = index;
    c.all_.push_back(std::move(t));
  }
  return c;
}

std::string TherapyCatalog::Canonical(std::string_view text) const {
  std::string n = NormalizeTag(text);
  auto it = by_alias_.find(n);
  return it == by_alias_.end() ? n : all_[it->second].id;
}

const Therapy* TherapyCatalog::Find(std::string_view id) const {
  auto it = by_alias_.find(NormalizeTag(id));
  return it == by_alias_.end() ? nullptr : &all_[it->second];
}

bool TherapyCatalog::AttachmentInformed(std::string_view id) const {
  const Therapy* t = Find(id);
  return t && t->attachment_informed;
}

}  // namespace securebase::support
