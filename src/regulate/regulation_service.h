#pragma once
// Step 3 as the CLI and the API use it: the practices (built-in, from the config folder and
// the person's own), recording sessions, statistics and the practice to offer right now.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "people/people_store.h"
#include "platform/clock.h"
#include "platform/content.h"
#include "regulate/practice.h"
#include "regulate/practice_store.h"
#include "regulate/schedule.h"
#include "regulate/session.h"
#include "regulate/stats.h"

namespace securebase::regulate {

// Loads "*.json" under content/practices/ (built in, overlaid by <config>/content/practices/).
// A bad file fails the whole load, naming the file and field; so does a repeated id.
Result<std::vector<Practice>> LoadPractices(const ContentLibrary& content);

class RegulationService {
 public:
  // All references must outlive the service.
  RegulationService(std::vector<Practice> built_in, PracticeStore& practices,
                    SessionStore& sessions, people::PeopleStore& people, const Clock& clock)
      : built_in_(std::move(built_in)),
        practices_(practices),
        sessions_(sessions),
        people_(people),
        clock_(clock) {}

  // Built-in practices (each replaced by the person's version when there is one), then the
  // person's own.
  Result<std::vector<Practice>> Practices(int64_t user_id);
  // NotFound names the known ids.
  Result<Practice> Find(int64_t user_id, const std::string& id);
  // True when `id` is one of the built-in (or config folder) practices.
  bool IsBuiltIn(const std::string& id) const;

  // Adds the person's own practice from a document in the file format. Conflict when the id
  // is already taken (use Save to replace a version).
  Result<Practice> Add(int64_t user_id, std::string_view json, const std::string& origin);
  // Saves the person's version of practice `id` (own or built-in) from a full document.
  // The document's id must be `id` (field error "id").
  Result<Practice> Save(int64_t user_id, const std::string& id, std::string_view json);
  // Saves a re-timed version of practice `id`.
  Result<Practice> Retime(int64_t user_id, const std::string& id, const Retiming& r);
  // Removes the person's practice or version (a built-in one comes back as it was).
  Status Remove(int64_t user_id, const std::string& id);

  // Records a session (validated; errors name the field: "practice", "person", ...).
  Result<Session> Record(int64_t user_id, const SessionInput& input);
  SessionStore& sessions() { return sessions_; }

  Result<Stats> ComputeStats(int64_t user_id);
  Result<Recommendation> Recommend(int64_t user_id, int distress, Energy energy);

 private:
  std::vector<Practice> built_in_;
  PracticeStore& practices_;
  SessionStore& sessions_;
  people::PeopleStore& people_;
  const Clock& clock_;
};

}  // namespace securebase::regulate
