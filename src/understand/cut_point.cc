#include "understand/cut_point.h"

#include <cstdlib>

namespace securebase::understand {
namespace {
std::optional<double> ParseCut(const std::string& text) {
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !(v >= 1 && v <= 7)) return std::nullopt;
  return v;
}
}  // namespace

Result<std::optional<double>> LoadCutPoint(SettingsStore& settings, int64_t user_id) {
  TRY_ASSIGN(auto value, settings.Get(user_id, kCutPointKey));
  if (!value || *value == "midpoint") return std::optional<double>();
  return ParseCut(*value);
}

Status SaveCutPoint(SettingsStore& settings, int64_t user_id, const std::string& text) {
  if (text == "midpoint") return settings.Unset(user_id, kCutPointKey);
  if (!ParseCut(text)) {
    return Status::InvalidField("cut_point",
                                "'" + text + "' is not 'midpoint' or a number from 1 to 7");
  }
  return settings.Set(user_id, kCutPointKey, text);
}

}  // namespace securebase::understand
