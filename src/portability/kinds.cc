#include "portability/kind.h"

namespace securebase::portability {

const std::vector<Kind>& AllKinds() {
  static const std::vector<Kind> kinds = {
      SettingsKind(),
      PeopleKind(),
      AssessmentsKind(),  // step 1
      ReflectionsKind(),  // step 2
      PracticesKind(),    // step 3
      RegulationSessionsKind(),
      MessagesKind(),  // step 4
      ConflictsKind(),
      RepairsKind(),
      BoundariesKind(),  // step 7
      BoundaryPracticesKind(),
      BoundaryIncidentsKind(),
      CommitmentsKind(),  // step 5
      CommitmentOutcomesKind(),
      BidsKind(),  // step 6
      CheckinsKind(),
      CheckinPlansKind(),
      CheckupsKind(),  // step 8
      ShortlistKind(),
      ShortlistHistoryKind(),
  };
  return kinds;
}

const Kind* FindKind(const std::string& name) {
  for (const Kind& k : AllKinds())
    if (k.name == name) return &k;
  return nullptr;
}

const SpecialColumn* SpecialFor(const Kind& kind, const std::string& column) {
  for (const SpecialColumn& s : kind.special)
    if (s.column == column) return &s;
  return nullptr;
}

}  // namespace securebase::portability
