#include "regulate/session.h"

#include <fmt/format.h>

namespace securebase::regulate {

std::string_view EnergyName(Energy e) { return e == Energy::kHigh ? "high" : "low"; }

std::optional<Energy> ParseEnergy(std::string_view text) {
  if (text == "high") return Energy::kHigh;
  if (text == "low") return Energy::kLow;
  return std::nullopt;
}

std::string_view HelpedName(Helped h) {
  switch (h) {
    case Helped::kYes:
      return "yes";
    case Helped::kALittle:
      return "a-little";
    case Helped::kNo:
      return "no";
  }
  return "no";
}

std::optional<Helped> ParseHelped(std::string_view text) {
  if (text == "yes") return Helped::kYes;
  if (text == "a-little") return Helped::kALittle;
  if (text == "no") return Helped::kNo;
  return std::nullopt;
}

Status ValidateSessionInput(const SessionInput& in) {
  std::vector<FieldError> errors;
  auto distress = [&](const char* field, const std::optional<int64_t>& v, bool required) {
    if (!v) {
      if (required) errors.push_back({field, "is required: how strong is the distress, 0 to 10"});
    } else if (*v < kMinDistress || *v > kMaxDistress) {
      errors.push_back({field, fmt::format("is {}; use 0 (none) to 10 (the most)", *v)});
    }
  };
  if (in.practice.empty()) errors.push_back({"practice", "is required"});
  distress("distress_before", in.distress_before, true);
  distress("distress_after", in.distress_after, false);
  if (!in.energy) {
    errors.push_back({"energy", "is required: 'high' or 'low'"});
  } else if (!ParseEnergy(*in.energy)) {
    errors.push_back({"energy", fmt::format("'{}' is not 'high' or 'low'", *in.energy)});
  }
  if (in.helped && !ParseHelped(*in.helped)) {
    errors.push_back({"helped", fmt::format("'{}' is not 'yes', 'a-little' or 'no'", *in.helped)});
  }
  if (in.practiced_ms < 0 || in.practiced_ms > 24LL * 3600 * 1000) {
    errors.push_back({"practiced_ms", "must be from 0 to 24 hours in milliseconds"});
  }
  if (in.reflection && *in.reflection <= 0) errors.push_back({"reflection", "must be an id"});
  if (in.person && *in.person <= 0) errors.push_back({"person", "must be an id"});
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some fields need attention";
  return Status::Invalid(msg, std::move(errors));
}

}  // namespace securebase::regulate
