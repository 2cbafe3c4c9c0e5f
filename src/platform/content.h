#pragma once
// The content the app ships (instruments, learn pages, ...): embedded in the binary, and
// overridable file by file from the person's config folder (<config>/content/...).
#include <map>
#include <span>
#include <string>
#include <vector>

#include "platform/embedded_file.h"
#include "platform/result.h"

namespace securebase {

struct ContentFile {
  std::string path;    // "content/learn/styles.md"
  std::string text;
  std::string origin;  // "built-in" or the file's path on disk
};

class ContentLibrary {
 public:
  // `override_dir` may be empty or missing; files found below it as "<override_dir>/x/y"
  // appear as "content/x/y", replacing a built-in file of the same path.
  ContentLibrary(std::span<const EmbeddedFile> embedded, const std::string& override_dir);

  // Files whose path starts with `prefix` and ends with `suffix`, sorted by path.
  std::vector<const ContentFile*> List(const std::string& prefix,
                                       const std::string& suffix = "") const;
  // The file at `path`, or nullptr.
  const ContentFile* Find(const std::string& path) const;

 private:
  std::map<std::string, ContentFile> files_;
};

}  // namespace securebase
