#include "communicate/feedback.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/json.hpp>

#include "communicate/words.h"

namespace securebase::communicate {
namespace json = boost::json;
namespace {

constexpr const char* kRulesPath = "content/communicate/feedback_rules.json";

Status Errors(std::vector<FieldError> errors) {
  std::string msg = errors.size() == 1 ? errors[0].field + ": " + errors[0].message
                                       : fmt::format("{} problems", errors.size());
  return Status::Invalid("feedback rules: " + msg, std::move(errors));
}

std::string Text(const json::object& o, const char* key, const std::string& field,
                 std::vector<FieldError>& errors) {
  const json::value* v = o.if_contains(key);
  if (!v || !v->is_string() || v->as_string().empty()) {
    errors.push_back({field + "." + key, "is required text"});
    return {};
  }
  return std::string(v->as_string());
}

// Where `pattern` matches at words[i..], the index after the match; -1 when it does not.
int MatchAt(const std::vector<FeedbackRules::Element>& pattern, size_t p, const Sentence& words,
            size_t i, const std::vector<std::unordered_set<std::string>>& classes) {
  if (p == pattern.size()) return static_cast<int>(i);
  const auto& e = pattern[p];
  switch (e.kind) {
    case FeedbackRules::Element::kStart:
      return i == 0 ? MatchAt(pattern, p + 1, words, i, classes) : -1;
    case FeedbackRules::Element::kEnd:
      return i == words.size() ? MatchAt(pattern, p + 1, words, i, classes) : -1;
    case FeedbackRules::Element::kWord:
      if (i < words.size() && words[i].text == e.word) {
        return MatchAt(pattern, p + 1, words, i + 1, classes);
      }
      return -1;
    case FeedbackRules::Element::kClass:
      if (i < words.size() && classes[e.cls].contains(words[i].text)) {
        int end = MatchAt(pattern, p + 1, words, i + 1, classes);
        if (end >= 0) return end;
      }
      return e.optional ? MatchAt(pattern, p + 1, words, i, classes) : -1;
  }
  return -1;
}

void Fill(std::string& text, std::string_view slot, const std::string& value) {
  if (size_t at = text.find(slot); at != std::string::npos) text.replace(at, slot.size(), value);
}

}  // namespace

Result<FeedbackRules> FeedbackRules::Parse(std::string_view json_text) {
  boost::system::error_code ec;
  json::value doc = json::parse(json_text, ec);
  if (ec || !doc.is_object()) return Status::Invalid("feedback rules: not a JSON object");
  const json::object& root = doc.as_object();
  std::vector<FieldError> errors;
  const json::value* format = root.if_contains("format");
  if (!format || *format != "securebase-feedback-rules/1") {
    errors.push_back({"format", "must be \"securebase-feedback-rules/1\""});
  }
  FeedbackRules out;
  auto class_index = [&](std::string_view name) -> int {
    auto it = std::find(out.class_names_.begin(), out.class_names_.end(), name);
    return it == out.class_names_.end() ? -1 : static_cast<int>(it - out.class_names_.begin());
  };
  if (const json::value* c = root.if_contains("classes"); c && c->is_object()) {
    for (const auto& [name, words] : c->as_object()) {
      std::string field = "classes." + std::string(name);
      out.class_names_.emplace_back(name);
      auto& set = out.classes_.emplace_back();
      if (!words.is_array()) {
        errors.push_back({field, "must be a list of words"});
        continue;
      }
      for (size_t i = 0; i < words.as_array().size(); ++i) {
        const json::value& w = words.as_array()[i];
        if (!w.is_string() || w.as_string().empty()) {
          errors.push_back({fmt::format("{}[{}]", field, i), "must be a word"});
        } else {
          set.emplace(w.as_string());
        }
      }
    }
  } else {
    errors.push_back({"classes", "is required: an object of word lists"});
  }
  const json::value* rules = root.if_contains("rules");
  if (!rules || !rules->is_array() || rules->as_array().empty()) {
    errors.push_back({"rules", "is required: a list of rules"});
  } else {
    for (size_t r = 0; r < rules->as_array().size(); ++r) {
      std::string field = fmt::format("rules[{}]", r);
      const json::value& v = rules->as_array()[r];
      if (!v.is_object()) {
        errors.push_back({field, "must be an object"});
        continue;
      }
      const json::object& o = v.as_object();
      Rule rule{Text(o, "id", field, errors),
                Text(o, "title", field, errors),
                Text(o, "message", field, errors),
                Text(o, "rewrite", field, errors),
                {},
                -1,
                -1};
      for (const char* key : {"unless_before", "word_class"}) {
        const json::value* cv = o.if_contains(key);
        if (!cv) continue;
        int idx = cv->is_string() ? class_index(cv->as_string()) : -1;
        if (idx < 0) errors.push_back({field + "." + key, "must name a class"});
        (std::string_view(key) == "word_class" ? rule.word_class : rule.unless_before) = idx;
      }
      const json::value* patterns = o.if_contains("patterns");
      if (!patterns || !patterns->is_array() || patterns->as_array().empty()) {
        errors.push_back({field + ".patterns", "is required: a list of patterns"});
        continue;
      }
      for (size_t p = 0; p < patterns->as_array().size(); ++p) {
        std::string pfield = fmt::format("{}.patterns[{}]", field, p);
        const json::value& pv = patterns->as_array()[p];
        if (!pv.is_string()) {
          errors.push_back({pfield, "must be text"});
          continue;
        }
        std::vector<Element> pattern;
        bool required = false;
        std::string_view rest = pv.as_string();
        while (!rest.empty()) {
          size_t sp = rest.find(' ');
          std::string_view tok = rest.substr(0, sp);
          rest = sp == std::string_view::npos ? "" : rest.substr(sp + 1);
          if (tok.empty()) continue;
          Element e;
          if (tok == "^" || tok == "$") {
            e.kind = tok == "^" ? Element::kStart : Element::kEnd;
          } else if (tok.front() == '{') {
            e.optional = tok.back() == '?';
            if (e.optional) tok.remove_suffix(1);
            e.kind = Element::kClass;
            e.cls = tok.back() == '}' ? class_index(tok.substr(1, tok.size() - 2)) : -1;
            if (e.cls < 0) errors.push_back({pfield, fmt::format("'{}' is not a class", tok)});
          } else {
            e.word = std::string(tok);
          }
          required =
              required || e.kind == Element::kWord || (e.kind == Element::kClass && !e.optional);
          pattern.push_back(std::move(e));
        }
        if (!required) errors.push_back({pfield, "needs at least one word that must be there"});
        rule.patterns.push_back(std::move(pattern));
      }
      out.rules_.push_back(std::move(rule));
    }
  }
  if (const json::value* m = root.if_contains("interpretations"); m && m->is_object()) {
    for (const auto& [word, v] : m->as_object()) {
      std::string field = "interpretations." + std::string(word);
      if (!v.is_object()) {
        errors.push_back({field, "must be an object"});
        continue;
      }
      out.interpretations_[std::string(word)] = {Text(v.as_object(), "feeling", field, errors),
                                                 Text(v.as_object(), "need", field, errors)};
    }
  }
  for (size_t r = 0; r < out.rules_.size(); ++r) {
    const Rule& rule = out.rules_[r];
    if (rule.word_class < 0) continue;
    for (const auto& w : out.classes_[rule.word_class]) {
      if (!out.interpretations_.contains(w)) {
        errors.push_back({fmt::format("rules[{}].word_class", r),
                          fmt::format("'{}' has no entry in interpretations", w)});
      }
    }
  }
  if (!errors.empty()) return Errors(std::move(errors));
  return out;
}

Result<FeedbackRules> FeedbackRules::Load(const ContentLibrary& content) {
  const ContentFile* f = content.Find(kRulesPath);
  if (!f) return Status::NotFound(std::string(kRulesPath) + " is missing");
  auto rules = Parse(f->text);
  if (!rules.ok()) return rules.status().WithContext(f->origin);
  return rules;
}

std::vector<Hint> FeedbackRules::Analyze(std::string_view draft) const {
  std::vector<Hint> hints;
  for (const Sentence& words : SplitWords(draft)) {
    for (const Rule& rule : rules_) {
      size_t covered = 0;  // one hint per rule and place: skip matches inside the last one
      for (size_t i = 0; i < words.size(); ++i) {
        if (i < covered) continue;
        if (rule.unless_before >= 0 && i > 0 &&
            classes_[rule.unless_before].contains(words[i - 1].text)) {
          continue;
        }
        for (const auto& pattern : rule.patterns) {
          int end = MatchAt(pattern, 0, words, i, classes_);
          if (end <= static_cast<int>(i)) continue;
          Hint h{rule.id, rule.title,     rule.message,       rule.rewrite,
                 {},      words[i].start, words[end - 1].end, {},
                 {}};
          h.quote = std::string(draft.substr(h.start, h.end - h.start));
          if (rule.word_class >= 0) {
            for (int k = static_cast<int>(i); k < end; ++k) {
              auto it = interpretations_.find(words[k].text);
              if (it == interpretations_.end()) continue;
              h.feeling = it->second.feeling;
              h.need = it->second.need;
            }
            Fill(h.rewrite, "{feeling}", h.feeling);
            Fill(h.rewrite, "{need}", h.need);
          }
          hints.push_back(std::move(h));
          covered = static_cast<size_t>(end);
          break;
        }
      }
    }
  }
  std::stable_sort(hints.begin(), hints.end(),
                   [](const Hint& a, const Hint& b) { return a.start < b.start; });
  return hints;
}

}  // namespace securebase::communicate
