#pragma once
// `securebase assess take`: one question per screen, keys for the scale, back, skip and
// quit; answers are saved as they are given, so quitting (or a closed terminal) keeps them
// and the next `take` resumes.
#include <optional>
#include <string>

#include "cli/context.h"

namespace securebase::cli {

struct TakeOptions {
  std::string instrument;  // empty: the default for the target
  std::string about;       // person id or name; empty: in general
  bool restart = false;    // ignore an unfinished draft and start again
};

// Runs the questionnaire on ctx's streams (raw keys when ctx.terminal). Returns the Status
// of the whole run; quitting early is not an error.
Status TakeAssessment(Context& ctx, const TakeOptions& options);

// Replaces "{person}" in `text` with `name`.
std::string PersonalizeItem(std::string text, const std::string& name);

}  // namespace securebase::cli
