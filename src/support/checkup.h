#pragma once
// "Is it time to talk to someone?": the self-check's questions (content/support/checkup.json),
// how answers become gentle guidance (never a diagnosis), and where results are kept.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/clock.h"
#include "platform/content.h"
#include "platform/db/database.h"
#include "platform/result.h"

namespace securebase::support {

inline constexpr const char* kCheckupPath = "content/support/checkup.json";

struct CheckupQuestion {
  std::string id, text;
  bool safety = false;   // any answer above 0 shows crisis help at once
  std::string lifts_to;  // a band id this question lifts the result to when answered 3
};
struct CheckupChoice {
  int value = 0;
  std::string label;
};
struct CheckupBand {
  std::string id, title, guidance;
  int min = 0;  // lowest score in this band
};

struct CheckupDefinition {
  std::string title, intro, note, period, safety_message;
  std::vector<CheckupChoice> scale;  // ascending values
  std::vector<CheckupQuestion> questions;
  std::vector<CheckupBand> bands;  // ascending min

  // Loads and checks content/support/checkup.json; errors name the file and field.
  static Result<CheckupDefinition> Load(const ContentLibrary& content);
  static Result<CheckupDefinition> Parse(std::string_view json_text, const std::string& origin);
  int MaxScore() const;  // of the questions that count toward the score
  const CheckupBand* Band(std::string_view id) const;
};

struct CheckupResult {
  int score = 0, max_score = 0;
  const CheckupBand* band = nullptr;
  bool safety_concern = false;
  std::vector<std::string> lifted_by;  // question ids that lifted the band
};

// Scores a complete set of answers: every question needs one value on the scale. Errors
// name "answers.<id>" (missing, not on the scale) or an unknown id.
Result<CheckupResult> ScoreCheckup(const CheckupDefinition& def,
                                   const std::map<std::string, int>& answers);

struct SavedCheckup {
  int64_t id = 0;
  std::map<std::string, int> answers;
  int score = 0;
  std::string band;
  bool safety_concern = false;
  Instant taken;
};

class CheckupStore {
 public:
  virtual ~CheckupStore() = default;
  virtual Result<SavedCheckup> Save(int64_t user_id, SavedCheckup c) = 0;
  // Newest first; `before_id` 0 = from the newest.
  virtual Result<std::vector<SavedCheckup>> List(int64_t user_id, int limit, int64_t before_id) = 0;
};
std::unique_ptr<CheckupStore> MakeSqliteCheckupStore(db::Database& db);

}  // namespace securebase::support
