#include "communicate/message.h"

#include <fmt/format.h>

#include <cctype>
#include <vector>

#include "platform/text.h"

namespace securebase::communicate {
namespace {

bool StartsWithWords(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return s.size() == prefix.size() || s[prefix.size()] == ' ' || s[prefix.size()] == ',';
}

// The part trimmed, without trailing punctuation or any of `openings` the person typed.
std::string Clean(std::string_view part, std::initializer_list<std::string_view> openings) {
  std::string_view s = Trim(part);
  while (!s.empty() && (s.back() == '.' || s.back() == '?' || s.back() == '!' || s.back() == ',')) {
    s.remove_suffix(1);
  }
  for (std::string_view o : openings) {
    if (StartsWithWords(s, o)) {
      s = Trim(s.substr(o.size()));
      if (!s.empty() && s.front() == ',') s = Trim(s.substr(1));
      break;
    }
  }
  return std::string(s);
}

}  // namespace

std::string ComposeMessage(const MessageParts& parts) {
  std::string observation = Clean(parts.observation, {"when"});
  std::string feeling = Clean(parts.feeling, {"i felt", "i feel", "i am feeling", "i'm feeling"});
  std::string need = Clean(parts.need, {"because i need", "i need", "because"});
  std::string request = Clean(parts.request, {"would you be willing to", "could you", "please"});
  std::vector<std::string> clauses;
  if (!observation.empty()) clauses.push_back("When " + observation);
  if (!feeling.empty()) clauses.push_back("I felt " + feeling);
  if (!need.empty()) clauses.push_back((clauses.empty() ? "I need " : "because I need ") + need);
  std::string out;
  for (size_t i = 0; i < clauses.size(); ++i) out += (i ? ", " : "") + clauses[i];
  if (!out.empty()) out += ".";
  if (!request.empty())
    out += (out.empty() ? "" : " ") + ("Would you be willing to " + request + "?");
  return out;
}

Status ValidateMessage(const Message& m) {
  std::vector<FieldError> errors;
  auto check = [&](const char* field, const std::string& text, size_t max) {
    if (!IsValidUtf8(text)) {
      errors.push_back({field, "is not valid UTF-8 text"});
    } else if (text.size() > max) {
      errors.push_back({field, fmt::format("is {} bytes; the limit is {}", text.size(), max)});
    }
  };
  check("observation", m.parts.observation, kMaxPartLength);
  check("feeling", m.parts.feeling, kMaxPartLength);
  check("need", m.parts.need, kMaxPartLength);
  check("request", m.parts.request, kMaxPartLength);
  check("text", m.text, kMaxMessageLength);
  if (IsValidUtf8(m.text) && Trim(m.text).empty()) {
    errors.push_back({"text", "is empty: write the message or fill in some of its parts"});
  }
  if (m.person_id && *m.person_id <= 0) errors.push_back({"person", "must be an id"});
  if (errors.empty()) return Status::Ok();
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : "some fields need attention";
  return Status::Invalid(msg, std::move(errors));
}

Result<Message> ApplyEdit(Message m, const MessageEdit& edit) {
  if (edit.person) m.person_id = *edit.person;
  if (edit.observation) m.parts.observation = *edit.observation;
  if (edit.feeling) m.parts.feeling = *edit.feeling;
  if (edit.need) m.parts.need = *edit.need;
  if (edit.request) m.parts.request = *edit.request;
  if (edit.text) m.text = *edit.text;
  TRY(ValidateMessage(m));
  return m;
}

}  // namespace securebase::communicate
