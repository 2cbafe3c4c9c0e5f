#pragma once
// Where SecureBase keeps its files, following the XDG base directory convention.
#include <string>

#include "platform/result.h"

namespace securebase {

// A view of the environment variables the app reads, so tests can supply their own.
class Environment {
 public:
  virtual ~Environment() = default;
  // Empty when unset.
  virtual std::string Get(const std::string& name) const = 0;
};

class ProcessEnvironment final : public Environment {
 public:
  std::string Get(const std::string& name) const override;
};

// $XDG_DATA_HOME/securebase, or ~/.local/share/securebase.
std::string DataDir(const Environment& env);
// $XDG_CONFIG_HOME/securebase, or ~/.config/securebase.
std::string ConfigDir(const Environment& env);
// The database file: `flag` when not empty, else $SECUREBASE_DB, else DataDir/securebase.db.
std::string DatabasePath(const Environment& env, const std::string& flag);
// Creates `dir` and its missing parents; the last one gets mode 0700.
Status EnsurePrivateDir(const std::string& dir);

}  // namespace securebase
