#pragma once
// A provider in the therapist directory, the vocabulary of its fields, and the rules that
// turn one row of an import file into a provider (with an error per bad field).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/result.h"

namespace securebase::support {

// Provider types, as in the file format ("therapist", "psychiatrist", ...).
const std::vector<std::string>& ProviderTypes();
// Who a provider works with, and with whom in the room.
const std::vector<std::string>& AgeGroups();     // children, teens, adults, older-adults
const std::vector<std::string>& Participants();  // individuals, couples, families, groups

struct Provider {
  int64_t id = 0;   // database id
  std::string key;  // the file's "id": stable across re-imports
  std::string name, credentials, licence, practice, provider_type;
  std::string address, city, region, postcode, country;
  std::optional<double> lat, lon;
  std::string coords_from = "none";  // "file", "postcode" or "none"
  bool telehealth = false, in_person = true;
  std::vector<std::string> specialties, therapy_types, populations, participants, languages,
      insurance;  // lower case, as normalised
  std::optional<int64_t> fee_min, fee_max;
  std::string currency;
  bool sliding_scale = false, accepting = true;
  std::string gender, faith, ethnicity, website, phone, email, about;
  int64_t updated_ms = 0;
};

// One record of an import file: its row number (the first data row is 1; for CSV the
// header is row 0) and its values by column. A list value may be given as one text with
// ";" between items, or as several values.
struct RawRow {
  int64_t row = 0;
  std::map<std::string, std::vector<std::string>> values;
};

// Every column the format knows (docs/directory-format.md).
const std::vector<std::string>& ProviderColumns();

// Builds a provider from a row. Errors name the field ("latitude", "fee_min", ...), one
// FieldError each; unknown columns are errors too, so nothing written is silently lost.
// Coordinates may be missing (then resolved from the postcode by the importer). Therapy
// types are mapped to catalogue ids through `therapies` when given.
class TherapyCatalog;
Result<Provider> BuildProvider(const RawRow& row, const TherapyCatalog* therapies);

// Lower case, trimmed, inner runs of space or '_' turned into '-' ("Older adults" ->
// "older-adults"); used for every list value and for filter values.
std::string NormalizeTag(std::string_view text);
// "SW1A 1AA" -> "SW1A1AA": upper case without spaces or dashes.
std::string PostcodeKey(std::string_view text);

// The therapy-type catalogue (content/support/therapies.json): id, name, aliases, and
// whether it is attachment-informed.
struct Therapy {
  std::string id, name;
  std::vector<std::string> aliases;  // normalised
  bool attachment_informed = false;
};
class TherapyCatalog {
 public:
  static Result<TherapyCatalog> Parse(std::string_view json_text, const std::string& origin);
  // The catalogue id for an id, name or alias (normalised); otherwise the normalised text.
  std::string Canonical(std::string_view text) const;
  const Therapy* Find(std::string_view id) const;
  bool AttachmentInformed(std::string_view id) const;
  const std::vector<Therapy>& all() const { return all_; }

 private:
  std::vector<Therapy> all_;
  std::map<std::string, size_t, std::less<>> by_alias_;
};

}  // namespace securebase::support
