#pragma once
// An attachment questionnaire as data: items, scale, subscales with reverse keys, scoring
// rule, missing-data rule, target and reliability figures. The file format is documented in
// docs/instruments.md; files live in content/instruments/ and the config folder.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::understand {

// Whom the questions are about.
enum class TargetKind {
  kGeneral,  // close relationships in general
  kPerson,   // one person in the person's life (or one relationship domain)
};

enum class ScoringRule {
  kMean,  // each dimension is the mean of its items after reversing
  kRq,    // Relationship Questionnaire: four prototype ratings -> model of self / other
};

struct ScaleAnchor {
  int value = 0;
  std::string label;  // "Strongly disagree"
};

struct Scale {
  int min = 1;
  int max = 7;
  std::vector<ScaleAnchor> anchors;  // labels for some or all points; may be empty
  int Reverse(int x) const { return min + max - x; }
  bool Contains(int x) const { return x >= min && x <= max; }
  double Midpoint() const { return (min + max) / 2.0; }
};

struct Item {
  std::string id;    // stable across versions: "ecrr_01", "crr_g_07"
  int number = 0;    // 1-based position in the published numbering
  std::string text;  // empty when the wording is not shipped (licensed elsewhere)
};

// For kMean: dimension is "anxiety" or "avoidance".
// For kRq: dimension is "secure", "preoccupied", "dismissing" or "fearful" (one item each).
struct Subscale {
  std::string dimension;
  std::vector<std::string> items;  // item ids
  std::set<std::string> reversed;  // subset of items
};

// Figures for the Reliable Change Index on one dimension.
struct Reliability {
  double sd = 0;         // standard deviation of the dimension score in a reference sample
  double retest_r = 0;   // test-retest correlation
  std::string source;    // citation, or why the figures were assumed
  bool assumed = false;  // true when not measured for this instrument (said with every verdict)
};

struct Instrument {
  std::string id;          // "crr-general", "ecr-r"
  std::string name;        // "Close Relationships Reflection (general)"
  std::string short_name;  // "CRR"
  std::string description;
  std::string citation;    // for keys from research; empty for our own
  bool validated = false;  // false: a reflection tool, not a validated clinical instrument
  TargetKind target = TargetKind::kGeneral;
  std::vector<std::string> domains;  // kPerson: optional domain names ("mother", ...)
  Scale scale;
  std::vector<Item> items;
  std::vector<Subscale> subscales;
  ScoringRule rule = ScoringRule::kMean;
  double max_missing_fraction = 0.2;  // prorate when at most this share of a subscale is missing
  std::map<std::string, Reliability> reliability;  // by dimension ("anxiety", "avoidance")
  std::string origin;                              // "built-in" or the file path it came from

  // True when every item has text, so the questionnaire can be taken in the app.
  bool HasWording() const;
  const Item* FindItem(std::string_view item_id) const;
  int ItemIndex(std::string_view item_id) const;  // -1 when absent
};

// Parses and validates one instrument file. Errors name the file (`origin`), the field
// ("subscales[1].reversed[2]") and what is wrong.
Result<Instrument> ParseInstrument(std::string_view json, const std::string& origin);

// A wording file supplies item text for an instrument shipped as a key only:
// {"wording_for": "ecr-r", "items": {"ecrr_01": "text", ...}, "anchors": [...]}
// Applies it to `key`; fails (naming the file and item) for unknown ids or empty text.
Status ApplyWording(std::string_view json, const std::string& origin, Instrument& key);

}  // namespace securebase::understand
