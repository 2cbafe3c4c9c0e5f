#pragma once
// Learn pages: short explanations in content/learn/TOPIC.md. The first line is "# Title";
// the first paragraph after it is the summary.
#include <string>
#include <vector>

#include "platform/content.h"
#include "platform/result.h"

namespace securebase::understand {

struct LearnPage {
  std::string topic;  // file name without ".md"
  std::string title;
  std::string summary;
  std::string markdown;
};

// Every page, in a reading order: dimensions and styles first, then the rest by name.
std::vector<LearnPage> LearnPages(const ContentLibrary& content);
// NotFound lists the topics.
Result<LearnPage> FindLearnPage(const ContentLibrary& content, const std::string& topic);

}  // namespace securebase::understand
