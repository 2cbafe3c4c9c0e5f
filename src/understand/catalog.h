#pragma once
// Every instrument the app knows: the built-in files under content/instruments/ and the
// person's own under <config>/content/instruments/, with wording files applied.
#include <string>
#include <vector>

#include "platform/content.h"
#include "understand/instrument.h"
#include "understand/scoring.h"

namespace securebase::understand {

class Catalog {
 public:
  // Loads "*.json" under content/instruments/ (instruments) and content/wording/
  // (wording files). A bad file fails the whole load, naming the file and field.
  static Result<Catalog> Load(const ContentLibrary& content);

  const std::vector<Instrument>& all() const { return instruments_; }
  // NotFound names the available ids.
  Result<const Instrument*> Find(const std::string& id) const;
  // The default questionnaire for a target ("crr-general" or "crr-person").
  const Instrument* Default(TargetKind target) const;
  // The compiled scoring key of an instrument of this catalog (built once, at load).
  // REQUIRES: `instrument` is one of all().
  const ScoringKey& KeyFor(const Instrument& instrument) const;

 private:
  std::vector<Instrument> instruments_;
  std::vector<ScoringKey> keys_;  // parallel to instruments_
};

}  // namespace securebase::understand
