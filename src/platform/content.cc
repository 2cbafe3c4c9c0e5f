#include "platform/content.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace securebase {

ContentLibrary::ContentLibrary(std::span<const EmbeddedFile> embedded,
                               const std::string& override_dir) {
  for (const auto& f : embedded) {
    files_[std::string(f.path)] = {std::string(f.path), std::string(f.data), "built-in"};
  }
  if (override_dir.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_directory(override_dir, ec)) return;
  for (auto it = std::filesystem::recursive_directory_iterator(override_dir, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    std::string rel = std::filesystem::relative(it->path(), override_dir).generic_string();
    std::string path = "content/" + rel;
    files_[path] = {path, text.str(), it->path().string()};
  }
}

std::vector<const ContentFile*> ContentLibrary::List(const std::string& prefix,
                                                     const std::string& suffix) const {
  std::vector<const ContentFile*> out;
  for (auto it = files_.lower_bound(prefix); it != files_.end() && it->first.starts_with(prefix);
       ++it) {
    if (it->first.ends_with(suffix)) out.push_back(&it->second);
  }
  return out;
}

const ContentFile* ContentLibrary::Find(const std::string& path) const {
  auto it = files_.find(path);
  return it == files_.end() ? nullptr : &it->second;
}

}  // namespace securebase
