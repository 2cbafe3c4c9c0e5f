#pragma once
// The cut point that separates "low" from "high" on both dimensions: a person's setting,
// "midpoint" (the default: the middle of each questionnaire's scale) or a number.
// The midpoint is a convention, not a diagnostic cut-off (see facts: Fraley's notes).
#include <optional>
#include <string>

#include "platform/settings.h"

namespace securebase::understand {

inline constexpr const char* kCutPointKey = "cut_point";

// Empty = the midpoint of each scale.
Result<std::optional<double>> LoadCutPoint(SettingsStore& settings, int64_t user_id);
// `text` is "midpoint" or a number from 1 to 7; errors name the field "cut_point".
Status SaveCutPoint(SettingsStore& settings, int64_t user_id, const std::string& text);

}  // namespace securebase::understand
