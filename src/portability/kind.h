#pragma once
// What the exporter and importer know about one kind of user data: the table it lives in
// and the columns that need more than copying (references to other kinds, JSON held as
// text). Every other column of the table is copied as it is, found at run time (PRAGMA
// table_info), so a column added by a later migration is exported without code changes.
//
// Adding a kind: one file under kinds/ returning its Kind, plus one line in kinds.cc
// (after every kind it refers to), plus its section in docs/export-format.md.
#include <string>
#include <vector>

namespace securebase::portability {

enum class ColumnRule {
  kJson,       // text holding JSON: exported as the JSON value itself
  kRef,        // the id of a row of `target` (NULL allowed when the column allows it)
  kRefOrZero,  // like kRef, but 0 means "none"
  kRefList,    // text holding a JSON array of ids of `target`
  kExternal,   // the id of a row of the table `target`, shared by all users (the therapist
               // directory): kept as it is, and the row is rejected when no such row exists
};

struct SpecialColumn {
  std::string column;
  ColumnRule rule;
  std::string target;  // the referenced kind's name, for the kRef* rules
};

struct Kind {
  std::string name;    // "people": data/people.json, csv/people.csv
  std::string table;   // the SQLite table, with a user_id column
  int version = 1;     // of this kind's JSON document; bump on incompatible changes
  bool has_id = true;  // an INTEGER PRIMARY KEY "id" (renumbered on import)
  // Columns (besides user_id) that identify a row when there is no id: a row whose key
  // already exists is skipped as a duplicate ("settings": {"key"}).
  std::vector<std::string> natural_key;
  std::vector<SpecialColumn> special;
  // For a table without user_id whose rows belong to a row of another kind: the column
  // that refers to it and that kind's table ("entry_id", "shortlist"). The column must also
  // be listed in `special` as a kRef.
  std::string owner_column, owner_table;
  std::string about;  // one plain line, for the manifest
};

// Every kind, in an order where each comes after the kinds it refers to.
const std::vector<Kind>& AllKinds();
// The kind called `name`, or nullptr.
const Kind* FindKind(const std::string& name);
// The rule for `column` of `kind`, or nullptr when it is copied as it is.
const SpecialColumn* SpecialFor(const Kind& kind, const std::string& column);

// One function per file under kinds/.
Kind SettingsKind();
Kind PeopleKind();
Kind AssessmentsKind();
Kind ReflectionsKind();
Kind PracticesKind();
Kind RegulationSessionsKind();
Kind MessagesKind();
Kind ConflictsKind();
Kind RepairsKind();
Kind BoundariesKind();
Kind BoundaryPracticesKind();
Kind BoundaryIncidentsKind();
Kind CommitmentsKind();
Kind CommitmentOutcomesKind();
Kind BidsKind();
Kind CheckinsKind();
Kind CheckinPlansKind();
Kind CheckupsKind();
Kind ShortlistKind();
Kind ShortlistHistoryKind();

}  // namespace securebase::portability
