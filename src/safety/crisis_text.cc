#include "safety/crisis_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "platform/text.h"

namespace securebase::safety {
namespace {

// "call or text 988", "call 116 123", "text 741741".
std::string HowToReach(const CrisisLine& line) {
  if (!line.phone.empty() && line.phone == line.text) return "call or text " + line.phone;
  std::string how;
  if (!line.phone.empty()) how = "call " + line.phone;
  if (!line.text.empty()) how += (how.empty() ? "text " : ", or text ") + line.text;
  return how;
}

}  // namespace

std::string CrisisText(const CrisisResources& resources, std::string_view region) {
  std::string out = "Get help now\n\n";
  out += Wrap(
      "If you might be in danger, or you are thinking about ending your life, please reach "
      "out now. You deserve support, and talking to someone can help.",
      78, "");
  out += "\nTalk to someone now:\n";
  std::string last_checked;
  auto ordered = resources.Ordered(region);
  for (const CrisisRegion* r : ordered) {
    for (const auto& line : r->lines) {
      std::string hours = line.hours.empty() ? "" : " (" + line.hours + ")";
      if (!hours.empty())
        hours[2] = static_cast<char>(std::tolower(static_cast<unsigned char>(hours[2])));
      out +=
          Wrap(fmt::format("{}: {}, {}{}.", r->name, line.name, HowToReach(line), hours), 76, "  ");
    }
    if (last_checked < r->last_checked) last_checked = r->last_checked;
  }
  out += "\nIn danger right now? Call your emergency number:\n";
  // One line per number, naming every region that uses it, in the same order.
  std::vector<std::pair<std::string, std::string>> numbers;
  for (const CrisisRegion* r : ordered) {
    if (r->emergency.empty()) continue;
    auto it = std::find_if(numbers.begin(), numbers.end(),
                           [&](const auto& n) { return n.first == r->emergency; });
    if (it == numbers.end())
      numbers.push_back({r->emergency, r->name});
    else
      it->second += ", " + r->name;
  }
  for (const auto& [number, where] : numbers) out += fmt::format("  {:<5} {}\n", number, where);
  for (const CrisisRegion* r : ordered) {
    if (!r->note.empty()) out += Wrap(r->note, 76, "  ");
  }
  if (!last_checked.empty()) out += "\nNumbers last checked " + last_checked + ".\n";
  return out;
}

}  // namespace securebase::safety
