#include "platform/paths.h"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

namespace securebase {

std::string ProcessEnvironment::Get(const std::string& name) const {
  const char* v = std::getenv(name.c_str());
  return v ? std::string(v) : std::string();
}

namespace {
std::string XdgDir(const Environment& env, const char* var, const char* fallback) {
  std::string base = env.Get(var);
  if (base.empty()) {
    std::string home = env.Get("HOME");
    base = (home.empty() ? std::string(".") : home) + "/" + fallback;
  }
  return base + "/securebase";
}
}  // namespace

std::string DataDir(const Environment& env) { return XdgDir(env, "XDG_DATA_HOME", ".local/share"); }
std::string ConfigDir(const Environment& env) { return XdgDir(env, "XDG_CONFIG_HOME", ".config"); }

std::string DatabasePath(const Environment& env, const std::string& flag) {
  if (!flag.empty()) return flag;
  std::string from_env = env.Get("SECUREBASE_DB");
  if (!from_env.empty()) return from_env;
  return DataDir(env) + "/securebase.db";
}

Status EnsurePrivateDir(const std::string& dir) {
  std::error_code ec;
  if (std::filesystem::is_directory(dir, ec)) return Status::Ok();
  std::filesystem::path p(dir);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::Io(fmt::format("cannot create folder {}: {}", dir, std::strerror(errno)));
  }
  return Status::Ok();
}

}  // namespace securebase
