#pragma once
// Guiding questions for a reflection, shipped as data (content/reflect/prompts.json) and
// chosen to fit the person's latest general assessment: more "what did I tell myself
// about their silence?" when anxiety is high, more "what did I want from them that I did
// not ask for?" when avoidance is high.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"
#include "reflect/reflection.h"

namespace securebase::reflect {

// Which way the person's latest scores lean.
enum class Lean { kUnknown, kAnxiety, kAvoidance, kBoth, kNeither };
std::string_view LeanName(Lean lean);  // "unknown", "anxiety", "avoidance", "both", "neither"

// From scores on a scale whose midpoint is `cut`: a dimension counts as high at or above
// the cut; when both are high, the one ahead by half a point or more wins, else kBoth.
Lean LeanFromScores(std::optional<double> anxiety, std::optional<double> avoidance, double cut);

struct PromptSet {
  std::map<std::string, std::string> fields;  // text field name -> question
  std::vector<std::string> extra;             // further questions to think about
};

class Prompts {
 public:
  static Result<Prompts> Load(const ContentLibrary& content);

  // The question for each field and the extra questions, fitted to `lean`: the variant
  // for the leaning dimension where a field has one; for kBoth the fields alternate
  // between the two variants. Extras: those for everyone plus those for the lean.
  PromptSet For(Lean lean) const;

 private:
  struct Variants {
    std::string any, anxiety, avoidance;
  };
  std::map<std::string, Variants> fields_;
  std::vector<std::pair<std::string, std::string>> extra_;  // lean name, text
};

}  // namespace securebase::reflect
