#include "understand/instrument.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>
#include <set>

namespace securebase::understand {
namespace json = boost::json;

bool Instrument::HasWording() const {
  if (items.empty()) return false;
  for (const auto& item : items) {
    if (item.text.empty()) return false;
  }
  return true;
}

const Item* Instrument::FindItem(std::string_view item_id) const {
  int i = ItemIndex(item_id);
  return i < 0 ? nullptr : &items[static_cast<size_t>(i)];
}

int Instrument::ItemIndex(std::string_view item_id) const {
  for (size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == item_id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Collects errors as "field: message" while walking a JSON document.
class Reader {
 public:
  explicit Reader(std::string origin) : origin_(std::move(origin)) {}

  void Error(const std::string& field, const std::string& message) {
    errors_.push_back({field, message});
  }
  bool ok() const { return errors_.empty(); }
  Status ToStatus() const {
    if (errors_.empty()) return Status::Ok();
    std::string msg = fmt::format("{}: {}: {}", origin_, errors_[0].field, errors_[0].message);
    if (errors_.size() > 1) msg += fmt::format(" (and {} more problems)", errors_.size() - 1);
    return Status::Invalid(msg, errors_);
  }

  const json::value* Field(const json::object& o, const std::string& path, const char* key,
                           bool required) {
    auto* v = o.if_contains(key);
    if (!v && required) Error(Join(path, key), "is required");
    return v;
  }
  std::string String(const json::object& o, const std::string& path, const char* key,
                     bool required) {
    auto* v = Field(o, path, key, required);
    if (!v) return {};
    if (!v->is_string()) {
      Error(Join(path, key), "must be text");
      return {};
    }
    std::string s(v->as_string());
    if (required && s.empty()) Error(Join(path, key), "must not be empty");
    return s;
  }
  std::optional<int64_t> Int(const json::value* v, const std::string& field) {
    if (!v) return std::nullopt;
    if (v->is_int64()) return v->as_int64();
    if (v->is_uint64() && v->as_uint64() < (1ull << 62))
      return static_cast<int64_t>(v->as_uint64());
    Error(field, "must be a whole number");
    return std::nullopt;
  }
  std::optional<double> Number(const json::value* v, const std::string& field) {
    if (!v) return std::nullopt;
    if (v->is_number()) return v->to_number<double>();
    Error(field, "must be a number");
    return std::nullopt;
  }
  const json::array* Array(const json::value* v, const std::string& field) {
    if (!v) return nullptr;
    if (!v->is_array()) {
      Error(field, "must be a list");
      return nullptr;
    }
    return &v->as_array();
  }
  const json::object* Object(const json::value* v, const std::string& field) {
    if (!v) return nullptr;
    if (!v->is_object()) {
      Error(field, "must be an object");
      return nullptr;
    }
    return &v->as_object();
  }

  static std::string Join(const std::string& path, const std::string& key) {
    return path.empty() ? key : path + "." + key;
  }
  static std::string Index(const std::string& path, size_t i) {
    return fmt::format("{}[{}]", path, i);
  }

 private:
  std::string origin_;
  std::vector<FieldError> errors_;
};

Result<json::value> ParseJson(std::string_view text, const std::string& origin) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Status::Invalid(fmt::format("{}: not valid JSON: {}", origin, ec.message()));
  if (!v.is_object()) return Status::Invalid(fmt::format("{}: must be a JSON object", origin));
  return v;
}

void ReadAnchors(Reader& r, const json::value* v, const std::string& field, const Scale& scale,
                 std::vector<ScaleAnchor>& out) {
  const json::array* arr = r.Array(v, field);
  if (!arr) return;
  out.clear();
  for (size_t i = 0; i < arr->size(); ++i) {
    std::string f = Reader::Index(field, i);
    const json::object* a = r.Object(&(*arr)[i], f);
    if (!a) continue;
    auto value = r.Int(r.Field(*a, f, "value", true), f + ".value");
    std::string label = r.String(*a, f, "label", true);
    if (value && !scale.Contains(static_cast<int>(*value))) {
      r.Error(f + ".value",
              fmt::format("{} is outside the scale {} to {}", *value, scale.min, scale.max));
    }
    if (value) out.push_back({static_cast<int>(*value), label});
  }
}

void ReadScale(Reader& r, const json::object& root, Instrument& ins) {
  const json::object* s = r.Object(r.Field(root, "", "scale", true), "scale");
  if (!s) return;
  auto min = r.Int(r.Field(*s, "scale", "min", true), "scale.min");
  auto max = r.Int(r.Field(*s, "scale", "max", true), "scale.max");
  if (min && max) {
    if (*min >= *max) r.Error("scale.max", "must be greater than scale.min");
    if (*min < -100 || *max > 100) r.Error("scale", "min and max must lie within -100 to 100");
    ins.scale.min = static_cast<int>(*min);
    ins.scale.max = static_cast<int>(*max);
  }
  ReadAnchors(r, s->if_contains("anchors"), "scale.anchors", ins.scale, ins.scale.anchors);
}

void ReadItems(Reader& r, const json::object& root, Instrument& ins) {
  const json::array* items = r.Array(r.Field(root, "", "items", true), "items");
  if (!items) return;
  if (items->empty()) r.Error("items", "must list at least one item");
  std::set<std::string> ids;
  for (size_t i = 0; i < items->size(); ++i) {
    std::string f = Reader::Index("items", i);
    const json::object* o = r.Object(&(*items)[i], f);
    if (!o) continue;
    Item item;
    item.id = r.String(*o, f, "id", true);
    auto number = r.Int(o->if_contains("number"), f + ".number");
    item.number = number ? static_cast<int>(*number) : static_cast<int>(i) + 1;
    item.text = r.String(*o, f, "text", false);
    if (!item.id.empty() && !ids.insert(item.id).second) {
      r.Error(f + ".id", fmt::format("'{}' is used by another item", item.id));
    }
    ins.items.push_back(std::move(item));
  }
}

void ReadSubscales(Reader& r, const json::object& root, Instrument& ins) {
  const json::array* subs = r.Array(r.Field(root, "", "subscales", true), "subscales");
  if (!subs) return;
  const std::set<std::string> allowed =
      ins.rule == ScoringRule::kMean
          ? std::set<std::string>{"anxiety", "avoidance"}
          : std::set<std::string>{"secure", "preoccupied", "dismissing", "fearful"};
  std::set<std::string> seen;
  for (size_t i = 0; i < subs->size(); ++i) {
    std::string f = Reader::Index("subscales", i);
    const json::object* o = r.Object(&(*subs)[i], f);
    if (!o) continue;
    Subscale sub;
    sub.dimension = r.String(*o, f, "dimension", true);
    if (!sub.dimension.empty() && !allowed.count(sub.dimension)) {
      std::string names;
      for (auto& a : allowed) names += (names.empty() ? "" : ", ") + a;
      r.Error(f + ".dimension", fmt::format("'{}' is not one of: {}", sub.dimension, names));
    } else if (!sub.dimension.empty() && !seen.insert(sub.dimension).second) {
      r.Error(f + ".dimension", fmt::format("'{}' has another subscale already", sub.dimension));
    }
    if (const json::array* items = r.Array(r.Field(*o, f, "items", true), f + ".items")) {
      if (items->empty()) r.Error(f + ".items", "must list at least one item id");
      for (size_t k = 0; k < items->size(); ++k) {
        std::string fk = Reader::Index(f + ".items", k);
        if (!(*items)[k].is_string()) {
          r.Error(fk, "must be an item id (text)");
          continue;
        }
        std::string id((*items)[k].as_string());
        if (ins.ItemIndex(id) < 0) r.Error(fk, fmt::format("'{}' is not an item id", id));
        sub.items.push_back(id);
      }
    }
    if (const json::array* rev = r.Array(o->if_contains("reversed"), f + ".reversed")) {
      for (size_t k = 0; k < rev->size(); ++k) {
        std::string fk = Reader::Index(f + ".reversed", k);
        if (!(*rev)[k].is_string()) {
          r.Error(fk, "must be an item id (text)");
          continue;
        }
        std::string id((*rev)[k].as_string());
        if (std::find(sub.items.begin(), sub.items.end(), id) == sub.items.end()) {
          r.Error(fk, fmt::format("'{}' is not one of this subscale's items", id));
        }
        sub.reversed.insert(id);
      }
    }
    ins.subscales.push_back(std::move(sub));
  }
  if (r.ok() && seen != allowed) {
    r.Error("subscales", ins.rule == ScoringRule::kMean
                             ? "must have one subscale for anxiety and one for avoidance"
                             : "must have secure, preoccupied, dismissing and fearful");
  }
}

void ReadReliability(Reader& r, const json::object& root, Instrument& ins) {
  const json::object* rel = r.Object(root.if_contains("reliability"), "reliability");
  if (!rel) return;
  for (const auto& [key, value] : *rel) {
    std::string f = "reliability." + std::string(key);
    if (key != "anxiety" && key != "avoidance") {
      r.Error(f, "only anxiety and avoidance can carry reliability figures");
      continue;
    }
    const json::object* o = r.Object(&value, f);
    if (!o) continue;
    Reliability figures;
    auto sd = r.Number(r.Field(*o, f, "sd", true), f + ".sd");
    auto rr = r.Number(r.Field(*o, f, "retest_r", true), f + ".retest_r");
    figures.source = r.String(*o, f, "source", true);
    if (sd && !(*sd > 0)) r.Error(f + ".sd", "must be greater than 0");
    if (rr && !(*rr >= 0 && *rr < 1)) r.Error(f + ".retest_r", "must be at least 0 and below 1");
    if (auto* a = o->if_contains("assumed")) {
      if (a->is_bool()) {
        figures.assumed = a->as_bool();
      } else {
        r.Error(f + ".assumed", "must be true or false");
      }
    }
    figures.sd = sd.value_or(0);
    figures.retest_r = rr.value_or(0);
    ins.reliability[std::string(key)] = figures;
  }
}

}  // namespace

Result<Instrument> ParseInstrument(std::string_view text, const std::string& origin) {
  TRY_ASSIGN(json::value doc, ParseJson(text, origin));
  const json::object& root = doc.as_object();
  Reader r(origin);
  Instrument ins;
  ins.origin = origin;
  std::string format = r.String(root, "", "format", true);
  if (!format.empty() && format != "securebase-instrument/1") {
    r.Error("format", fmt::format("'{}' is not 'securebase-instrument/1'", format));
  }
  ins.id = r.String(root, "", "id", true);
  if (!ins.id.empty() &&
      ins.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos) {
    r.Error("id", "may use only lower-case letters, digits and '-'");
  }
  ins.name = r.String(root, "", "name", true);
  ins.short_name = r.String(root, "", "short_name", false);
  if (ins.short_name.empty()) ins.short_name = ins.name;
  ins.description = r.String(root, "", "description", false);
  ins.citation = r.String(root, "", "citation", false);
  if (auto* v = root.if_contains("validated")) {
    if (v->is_bool()) {
      ins.validated = v->as_bool();
    } else {
      r.Error("validated", "must be true or false");
    }
  }
  if (const json::object* t = r.Object(r.Field(root, "", "target", true), "target")) {
    std::string kind = r.String(*t, "target", "kind", true);
    if (kind == "general") {
      ins.target = TargetKind::kGeneral;
    } else if (kind == "person") {
      ins.target = TargetKind::kPerson;
    } else if (!kind.empty()) {
      r.Error("target.kind", fmt::format("'{}' is not 'general' or 'person'", kind));
    }
    if (const json::array* d = r.Array(t->if_contains("domains"), "target.domains")) {
      for (size_t i = 0; i < d->size(); ++i) {
        if ((*d)[i].is_string()) {
          ins.domains.emplace_back((*d)[i].as_string());
        } else {
          r.Error(Reader::Index("target.domains", i), "must be text");
        }
      }
    }
  }
  if (const json::object* s = r.Object(r.Field(root, "", "scoring", true), "scoring")) {
    std::string rule = r.String(*s, "scoring", "rule", true);
    if (rule == "mean") {
      ins.rule = ScoringRule::kMean;
    } else if (rule == "rq") {
      ins.rule = ScoringRule::kRq;
    } else if (!rule.empty()) {
      r.Error("scoring.rule", fmt::format("'{}' is not 'mean' or 'rq'", rule));
    }
    if (auto f = r.Number(s->if_contains("max_missing_fraction"), "scoring.max_missing_fraction")) {
      if (*f < 0 || *f >= 1)
        r.Error("scoring.max_missing_fraction", "must be at least 0 and below 1");
      ins.max_missing_fraction = *f;
    }
  }
  ReadScale(r, root, ins);
  ReadItems(r, root, ins);
  if (r.ok()) ReadSubscales(r, root, ins);
  ReadReliability(r, root, ins);
  TRY(r.ToStatus());
  return ins;
}

Status ApplyWording(std::string_view text, const std::string& origin, Instrument& key) {
  TRY_ASSIGN(json::value doc, ParseJson(text, origin));
  const json::object& root = doc.as_object();
  Reader r(origin);
  std::string format = r.String(root, "", "format", true);
  if (!format.empty() && format != "securebase-wording/1") {
    r.Error("format", fmt::format("'{}' is not 'securebase-wording/1'", format));
  }
  std::string target = r.String(root, "", "wording_for", true);
  if (!target.empty() && target != key.id) {
    r.Error("wording_for", fmt::format("is '{}', not '{}'", target, key.id));
  }
  Instrument updated = key;
  if (const json::object* items = r.Object(r.Field(root, "", "items", true), "items")) {
    for (const auto& [id, value] : *items) {
      std::string f = "items." + std::string(id);
      int pos = updated.ItemIndex(id);
      if (pos < 0) {
        r.Error(f, fmt::format("'{}' is not an item of {}", std::string(id), key.id));
      } else if (!value.is_string() || value.as_string().empty()) {
        r.Error(f, "must be the item's text");
      } else {
        updated.items[static_cast<size_t>(pos)].text = std::string(value.as_string());
      }
    }
  }
  ReadAnchors(r, root.if_contains("anchors"), "anchors", updated.scale, updated.scale.anchors);
  TRY(r.ToStatus());
  if (!updated.HasWording()) {
    for (const auto& item : updated.items) {
      if (item.text.empty()) {
        std::string field = "items." + item.id;
        std::string message =
            fmt::format("has no text; a wording file must cover every item of {}", key.id);
        return Status::Invalid(fmt::format("{}: {}: {}", origin, field, message),
                               {{field, message}});
      }
    }
  }
  updated.origin = key.origin + " + " + origin;
  key = std::move(updated);
  return Status::Ok();
}

}  // namespace securebase::understand
