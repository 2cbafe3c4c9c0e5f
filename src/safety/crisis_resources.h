#pragma once
// Crisis lines and emergency numbers per region, shipped as data
// (content/safety/crisis_resources.json, overridable from the config folder).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::safety {

inline constexpr const char* kCrisisResourcesPath = "content/safety/crisis_resources.json";
// The settings key (platform/settings.h) holding the person's region code.
inline constexpr const char* kRegionSettingKey = "region";
// The catch-all region, always present and always listed last.
inline constexpr const char* kAnywhere = "ANY";

struct CrisisLine {
  std::string name;   // "Samaritans"
  std::string phone;  // as people dial it: "116 123"; may be empty when only text works
  std::string text;   // a number to text, or empty
  std::string hours;  // "Free, day and night"
};

struct CrisisRegion {
  std::string code;                  // "GB": upper case, 2 or 3 letters
  std::vector<std::string> aliases;  // other codes that mean this region: "UK"
  std::string name;                  // "United Kingdom"
  std::string emergency;             // "999"; empty for the catch-all
  std::vector<CrisisLine> lines;
  std::string note;          // optional advice in our words
  std::string last_checked;  // "2026-11"
  std::string source;        // where the numbers come from
};

struct CrisisResources {
  std::vector<CrisisRegion> regions;  // in file order; "ANY" is present

  // Parses and validates a crisis_resources.json text; errors name `origin` and the field
  // ("regions[2].lines[0].phone: ...").
  static Result<CrisisResources> Parse(std::string_view json_text, const std::string& origin);
  // Reads kCrisisResourcesPath from `content`.
  static Result<CrisisResources> Load(const ContentLibrary& content);

  // The canonical code for `code` or one of its aliases, case-insensitive
  // ("uk" -> "GB", "fr" -> "EU"); nullopt when no region matches.
  std::optional<std::string> Resolve(std::string_view code) const;
  // Every region, the one for `region` first (when it resolves), "ANY" last.
  std::vector<const CrisisRegion*> Ordered(std::string_view region) const;
};

// The country code in a locale such as "en_GB.UTF-8" ("GB"), or "" when there is none.
std::string CountryFromLocale(std::string_view locale);

}  // namespace securebase::safety
