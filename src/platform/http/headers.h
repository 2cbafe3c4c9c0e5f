#pragma once
// HTTP header fields: an ordered list of (name, value) with case-insensitive names.
// A name may repeat (Set-Cookie). Thread-compatible.
#include <string>
#include <string_view>
#include <vector>

namespace securebase::http {

// True when a and b are equal ignoring ASCII case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// `s` in ASCII lower case.
std::string ToLowerAscii(std::string_view s);

class Headers {
 public:
  struct Field {
    std::string name;
    std::string value;
  };

  // The value of the first field named `name`, or nullptr.
  const std::string* Find(std::string_view name) const;
  // The value of the first field named `name`, or "" when there is none.
  std::string_view Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  // Every value of fields named `name`, in order.
  std::vector<std::string_view> GetAll(std::string_view name) const;

  // Replaces every field named `name` with one field.
  void Set(std::string name, std::string value);
  // Appends a field, keeping existing ones of the same name.
  void Add(std::string name, std::string value);
  // Sets the field only when no field of that name exists.
  void SetIfAbsent(std::string name, std::string value);
  void Remove(std::string_view name);

  std::vector<Field>::const_iterator begin() const { return fields_.begin(); }
  std::vector<Field>::const_iterator end() const { return fields_.end(); }
  size_t size() const { return fields_.size(); }
  bool empty() const { return fields_.empty(); }

 private:
  std::vector<Field> fields_;
};

}  // namespace securebase::http
