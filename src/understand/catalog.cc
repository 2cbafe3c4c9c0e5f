#include "understand/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

namespace securebase::understand {

Result<Catalog> Catalog::Load(const ContentLibrary& content) {
  Catalog c;
  for (const ContentFile* f : content.List("content/instruments/", ".json")) {
    TRY_ASSIGN(Instrument ins,
               ParseInstrument(f->text, f->origin == "built-in" ? f->path : f->origin));
    for (const auto& other : c.instruments_) {
      if (other.id == ins.id) {
        return Status::Invalid(
            fmt::format("{}: id '{}' is also used by {}", ins.origin, ins.id, other.origin));
      }
    }
    c.instruments_.push_back(std::move(ins));
  }
  for (const ContentFile* f : content.List("content/wording/", ".json")) {
    std::string origin = f->origin == "built-in" ? f->path : f->origin;
    boost::system::error_code ec;
    auto doc = boost::json::parse(f->text, ec);
    std::string target;
    if (!ec && doc.is_object() && doc.as_object().if_contains("wording_for") &&
        doc.as_object().at("wording_for").is_string()) {
      target = std::string(doc.as_object().at("wording_for").as_string());
    }
    auto key = std::find_if(c.instruments_.begin(), c.instruments_.end(),
                            [&](const Instrument& i) { return i.id == target; });
    if (key == c.instruments_.end()) {
      return Status::InvalidField(
          "wording_for", fmt::format("{}: names no known questionnaire ('{}')", origin, target));
    }
    TRY(ApplyWording(f->text, origin, *key));
  }
  for (const auto& ins : c.instruments_) c.keys_.emplace_back(ins);
  return c;
}

const ScoringKey& Catalog::KeyFor(const Instrument& instrument) const {
  return keys_[static_cast<size_t>(&instrument - instruments_.data())];
}

Result<const Instrument*> Catalog::Find(const std::string& id) const {
  for (const auto& ins : instruments_) {
    if (ins.id == id) return &ins;
  }
  std::string ids;
  for (const auto& ins : instruments_) ids += (ids.empty() ? "" : ", ") + ins.id;
  return Status::NotFound(fmt::format("no questionnaire called '{}'; known: {}", id, ids));
}

const Instrument* Catalog::Default(TargetKind target) const {
  auto found = Find(target == TargetKind::kGeneral ? "crr-general" : "crr-person");
  return found.ok() ? *found : nullptr;
}

}  // namespace securebase::understand
