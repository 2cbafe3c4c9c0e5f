#pragma once
// Reflections as terminal text, and writing them: guided questions, $EDITOR, or flags.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "cli/context.h"
#include "reflect/reflect_service.h"

namespace securebase::cli {

// What `reflect add` and `reflect edit` take on the command line.
struct ReflectFlags {
  std::string situation;  // the one-line entry (positional)
  std::string when;
  std::vector<std::string> about, emotions, tags;
  std::string moved;  // toward, away, neither, or "none" to clear
  std::string thoughts, body, urges, actions, needs, next_time;
  bool editor = false;
  bool guided = false;
};

// The edit the flags ask for; people are found by id or name. Errors name the flag.
Result<reflect::ReflectionEdit> EditFromFlags(Context& ctx, app::Services& s,
                                              const ReflectFlags& flags);
// True when no flag asks for any change.
bool NoFlags(const ReflectFlags& flags);

// Asks each question on ctx's streams (guided prompts fitted to the person's latest
// assessment); an empty answer skips a question.
Result<reflect::ReflectionEdit> AskGuided(Context& ctx, app::Services& s);
// Writes a template (filled from `existing` when editing) to a private temporary file,
// opens $VISUAL or $EDITOR (vi when neither is set) on it, and reads it back.
Result<reflect::ReflectionEdit> WriteInEditor(Context& ctx, app::Services& s,
                                              const reflect::Reflection* existing);

// "12  2026-11-17 20:00  with Alex  anxious 7, hurt 4  — They did not reply…"
void PrintLine(std::ostream& out, const reflect::Reflection& r,
               const std::vector<people::Person>& people);
// Every field, with headings.
void PrintFull(std::ostream& out, const reflect::Reflection& r,
               const std::vector<people::Person>& people);

}  // namespace securebase::cli
