#include "understand/learn.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace securebase::understand {
namespace {

constexpr const char* kPrefix = "content/learn/";
const std::vector<std::string> kFirst = {"about-this-app", "dimensions",      "styles",
                                         "secure",         "preoccupied",     "dismissing",
                                         "fearful",        "toward-security", "measuring-change"};

LearnPage Parse(const ContentFile& f) {
  LearnPage p;
  p.topic = f.path.substr(std::string(kPrefix).size());
  p.topic.resize(p.topic.size() - 3);
  p.markdown = f.text;
  std::istringstream lines(f.text);
  std::string line;
  while (std::getline(lines, line)) {
    if (p.title.empty() && line.rfind("# ", 0) == 0) {
      p.title = line.substr(2);
    } else if (!p.title.empty() && !line.empty() && line[0] != '#') {
      p.summary += (p.summary.empty() ? "" : " ") + line;
    } else if (!p.summary.empty()) {
      break;
    }
  }
  if (p.title.empty()) p.title = p.topic;
  return p;
}

size_t Rank(const std::string& topic) {
  auto it = std::find(kFirst.begin(), kFirst.end(), topic);
  return static_cast<size_t>(it - kFirst.begin());
}

}  // namespace

std::vector<LearnPage> LearnPages(const ContentLibrary& content) {
  std::vector<LearnPage> pages;
  for (const ContentFile* f : content.List(kPrefix, ".md")) pages.push_back(Parse(*f));
  std::stable_sort(pages.begin(), pages.end(), [](const LearnPage& a, const LearnPage& b) {
    return std::make_pair(Rank(a.topic), a.topic) < std::make_pair(Rank(b.topic), b.topic);
  });
  return pages;
}

Result<LearnPage> FindLearnPage(const ContentLibrary& content, const std::string& topic) {
  if (const ContentFile* f = content.Find(kPrefix + topic + ".md")) return Parse(*f);
  std::string topics;
  for (const auto& p : LearnPages(content)) topics += (topics.empty() ? "" : ", ") + p.topic;
  return Status::NotFound(fmt::format("no topic '{}'; topics: {}", topic, topics));
}

}  // namespace securebase::understand
