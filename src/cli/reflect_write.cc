// Writing reflections from the terminal: flags, guided questions, or $EDITOR.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "cli/reflect_text.h"
#include "platform/text.h"
#include "reflect/when.h"

namespace securebase::cli {
namespace {
using reflect::TextField;

// "anxious:7" or "anxious" (intensity 5). Errors name `flag`.
Result<reflect::EmotionRating> ParseEmotion(const std::string& text, const std::string& flag) {
  size_t colon = text.rfind(':');
  if (colon == std::string::npos) return reflect::EmotionRating{text, 5};
  std::string word = text.substr(0, colon), level = std::string(Trim(text.substr(colon + 1)));
  char* end = nullptr;
  long n = std::strtol(level.c_str(), &end, 10);
  if (level.empty() || *end != '\0' || n < 0 || n > 10) {
    return Status::InvalidField(flag,
                                fmt::format("'{}': the intensity after ':' must be 0 to 10", text));
  }
  return reflect::EmotionRating{word, static_cast<int>(n)};
}

// Splits "a, b,c" into trimmed, non-empty parts.
std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string part; std::getline(in, part, ',');) {
    std::string_view t = Trim(part);
    if (!t.empty()) out.emplace_back(t);
  }
  return out;
}

Result<std::vector<int64_t>> FindPeople(Context& ctx, app::Services& s,
                                        const std::vector<std::string>& names) {
  std::vector<int64_t> ids;
  for (const auto& n : names) {
    auto p = s.people->Find(ctx.user_id(), n);
    if (!p.ok()) return Status::InvalidField("about", p.status().message());
    ids.push_back(p->id);
  }
  return ids;
}

Result<std::vector<reflect::EmotionRating>> ParseEmotions(const std::vector<std::string>& items,
                                                          const std::string& flag) {
  std::vector<reflect::EmotionRating> out;
  for (const auto& item : items) {
    TRY_ASSIGN(auto e, ParseEmotion(item, flag));
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::optional<reflect::Activation>> ParseMoved(const std::string& text) {
  std::string t = reflect::NormalizeWord(text);
  if (t == "none" || t.empty()) return std::optional<reflect::Activation>();
  auto a = reflect::ParseActivation(t);
  if (!a) return Status::InvalidField("moved", "must be toward, away, neither or none");
  return std::optional<reflect::Activation>(a);
}

std::string Ask(Context& ctx, const std::string& question) {
  ctx.out() << question << "\n> " << std::flush;
  std::string line;
  if (!std::getline(ctx.in(), line)) return "";
  return std::string(Trim(line));
}

}  // namespace

bool NoFlags(const ReflectFlags& f) {
  return f.situation.empty() && f.when.empty() && f.about.empty() && f.emotions.empty() &&
         f.tags.empty() && f.moved.empty() && f.thoughts.empty() && f.body.empty() &&
         f.urges.empty() && f.actions.empty() && f.needs.empty() && f.next_time.empty();
}

Result<reflect::ReflectionEdit> EditFromFlags(Context& ctx, app::Services& s,
                                              const ReflectFlags& f) {
  reflect::ReflectionEdit e;
  if (!f.when.empty()) {
    TRY_ASSIGN(e.happened, reflect::ParseWhen(f.when, ctx.clock().Now()));
  }
  if (!f.about.empty()) {
    TRY_ASSIGN(e.people, FindPeople(ctx, s, f.about));
  }
  if (!f.emotions.empty()) {
    TRY_ASSIGN(e.emotions, ParseEmotions(f.emotions, "emotion"));
  }
  if (!f.tags.empty()) e.tags = f.tags;
  if (!f.moved.empty()) {
    TRY_ASSIGN(auto moved, ParseMoved(f.moved));
    e.activation.emplace(moved);  // set, possibly to "not said"
  }
  auto set = [&](TextField field, const std::string& text) {
    if (!text.empty()) e.text(field) = text;
  };
  set(TextField::kSituation, f.situation);
  set(TextField::kThoughts, f.thoughts);
  set(TextField::kBody, f.body);
  set(TextField::kUrges, f.urges);
  set(TextField::kActions, f.actions);
  set(TextField::kNeeds, f.needs);
  set(TextField::kNextTime, f.next_time);
  return e;
}

Result<reflect::ReflectionEdit> AskGuided(Context& ctx, app::Services& s) {
  auto& service = *s.reflections;
  TRY_ASSIGN(auto fitted, service.PromptsFor(ctx.user_id()));
  reflect::ReflectionEdit e;
  ctx.out() << "A few questions. Press Enter to skip any of them.\n\n";
  for (;;) {
    std::string when = Ask(ctx, "When did it happen? (now, yesterday evening, 2026-11-27 21:00)");
    if (when.empty()) break;
    auto at = reflect::ParseWhen(when, ctx.clock().Now());
    if (at.ok()) {
      e.happened = *at;
      break;
    }
    ctx.out() << at.status().fields().at(0).message << "\n";
  }
  for (;;) {
    std::string who = Ask(ctx, "Who was involved? (names or ids, separated by commas)");
    if (who.empty()) break;
    auto ids = FindPeople(ctx, s, SplitList(who));
    if (ids.ok()) {
      e.people = *ids;
      break;
    }
    ctx.out() << ids.status().message() << "\n";
  }
  for (;;) {
    std::string feelings =
        Ask(ctx, "What did you feel, and how strongly from 0 to 10? (anxious:7, hurt:4)");
    if (feelings.empty()) break;
    auto list = ParseEmotions(SplitList(feelings), "emotions");
    if (list.ok()) {
      e.emotions = *list;
      break;
    }
    ctx.out() << list.status().fields().at(0).message << "\n";
  }
  for (TextField f : reflect::kTextFields) {
    std::string answer = Ask(ctx, fitted.prompts.fields.at(std::string(reflect::TextFieldName(f))));
    if (!answer.empty()) e.text(f) = answer;
  }
  std::string hint;
  auto tags = service.TagSuggestions(ctx.user_id(), 8);
  if (tags.ok() && !tags->empty()) {
    for (const auto& t : *tags) hint += (hint.empty() ? " Used before: " : ", ") + t.tag;
  }
  std::string tag_line = Ask(ctx, "What set it off? Short tags, separated by commas." + hint);
  if (!tag_line.empty()) e.tags = SplitList(tag_line);
  for (;;) {
    std::string moved =
        Ask(ctx,
            "Did you move toward them (seeking reassurance, protesting, checking),\n"
            "away (going quiet, pulling back, handling it alone), or neither?\n"
            "Type toward, away or neither");
    if (moved.empty()) break;
    auto a = ParseMoved(moved);
    if (a.ok()) {
      e.activation.emplace(*a);
      break;
    }
    ctx.out() << "Type toward, away or neither, or press Enter to skip.\n";
  }
  if (!fitted.prompts.extra.empty()) {
    ctx.out() << "\nSomething to think about: " << fitted.prompts.extra.back() << "\n";
  }
  return e;
}

namespace {

constexpr const char* kMarker = "== ";

std::string Template(app::Services& s, const reflect::PromptSet& prompts,
                     const reflect::Reflection* r, Context& ctx) {
  std::string out =
      "# Write under each heading; leave a part empty to skip it. Lines starting with #\n"
      "# are ignored. Save and close the editor when you are done.\n";
  std::string people, emotions, tags;
  if (r) {
    for (const auto& p : s.reflections->PeopleOf(ctx.user_id(), *r)) {
      people += (people.empty() ? "" : ", ") + p.name;
    }
    for (const auto& e : r->emotions) {
      emotions += (emotions.empty() ? "" : ", ") + fmt::format("{}:{}", e.word, e.intensity);
    }
    for (const auto& t : r->tags) tags += (tags.empty() ? "" : ", ") + t;
  }
  out += fmt::format("when: {}\n", r ? Iso8601(r->happened) : "now");
  out += "# who was involved: names or ids, separated by commas\n";
  out += fmt::format("people: {}\n", people);
  out += "# feelings with how strong they were, 0 to 10: anxious:7, hurt:4\n";
  out += fmt::format("emotions: {}\n", emotions);
  out += "# what set it off, as short tags\n";
  out += fmt::format("tags: {}\n", tags);
  out += "# did you move toward them, away, or neither?\n";
  out +=
      fmt::format("moved: {}\n",
                  r && r->activation ? std::string(reflect::ActivationName(*r->activation)) : "");
  for (TextField f : reflect::kTextFields) {
    std::string name(reflect::TextFieldName(f));
    out += fmt::format("\n{}{}\n# {}\n", kMarker, name, prompts.fields.at(name));
    if (r && !r->text(f).empty()) out += r->text(f) + "\n";
  }
  return out;
}

Result<reflect::ReflectionEdit> ParseTemplate(Context& ctx, app::Services& s,
                                              const std::string& text) {
  ReflectFlags f;
  std::optional<TextField> section;
  std::map<TextField, std::string> texts;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line[0] == '#') continue;
    if (line.rfind(kMarker, 0) == 0) {
      section.reset();
      std::string name(Trim(line.substr(3)));
      for (TextField tf : reflect::kTextFields) {
        if (reflect::TextFieldName(tf) == name) section = tf;
      }
      continue;
    }
    if (section) {
      texts[*section] += line + "\n";
      continue;
    }
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string key(Trim(line.substr(0, colon))), value(Trim(line.substr(colon + 1)));
    if (key == "when") f.when = value;
    if (key == "people") f.about = SplitList(value);
    if (key == "emotions") f.emotions = SplitList(value);
    if (key == "tags") f.tags = SplitList(value);
    if (key == "moved") f.moved = value.empty() ? "none" : value;
  }
  TRY_ASSIGN(auto e, EditFromFlags(ctx, s, f));
  // The file says everything: empty parts clear what was there.
  if (!e.people) e.people = std::vector<int64_t>{};
  if (!e.emotions) e.emotions = std::vector<reflect::EmotionRating>{};
  if (!e.tags) e.tags = std::vector<std::string>{};
  for (TextField tf : reflect::kTextFields) e.text(tf) = std::string(Trim(texts[tf]));
  return e;
}

}  // namespace

Result<reflect::ReflectionEdit> WriteInEditor(Context& ctx, app::Services& s,
                                              const reflect::Reflection* existing) {
  TRY_ASSIGN(auto fitted, s.reflections->PromptsFor(ctx.user_id()));
  std::string dir = ctx.env().Get("TMPDIR");
  std::string path = (dir.empty() ? std::string("/tmp") : dir) + "/securebase-reflection-XXXXXX";
  int fd = ::mkstemp(path.data());  // mode 0600
  if (fd < 0) return Status::Io("could not create a temporary file for the editor");
  std::string text = Template(s, fitted.prompts, existing, ctx);
  bool wrote = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!wrote) {
    ::unlink(path.c_str());
    return Status::Io("could not write the template for the editor");
  }
  std::string editor = ctx.env().Get("VISUAL");
  if (editor.empty()) editor = ctx.env().Get("EDITOR");
  if (editor.empty()) editor = "vi";
  // The editor command may carry arguments ("code --wait"); the shell splits them.
  std::string command = editor + " '" + path + "'";
  int rc = std::system(command.c_str());
  std::ifstream in(path);
  std::stringstream back;
  back << in.rdbuf();
  ::unlink(path.c_str());
  if (rc != 0) {
    return Status::Precondition(
        fmt::format("the editor ({}) did not finish cleanly; nothing saved", editor));
  }
  if (back.str() == text && !existing) {
    return Status::Precondition("nothing was written; nothing saved");
  }
  return ParseTemplate(ctx, s, back.str());
}

}  // namespace securebase::cli
