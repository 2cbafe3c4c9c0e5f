#pragma once
// A file compiled into the binary (see cmake/embed.cmake).
#include <span>
#include <string_view>

namespace securebase {

struct EmbeddedFile {
  std::string_view path;  // "content/instruments/crr.json", "schema/sqlite/0001_init.sql"
  std::string_view data;
};

namespace embedded {
// Every file below content/, as "content/...". Defined in the generated library.
std::span<const EmbeddedFile> ContentFiles();
// Every file below src/schema/, as "schema/...".
std::span<const EmbeddedFile> MigrationFiles();
// The built web app below web/dist/, as "web/...". Empty when it was not built.
std::span<const EmbeddedFile> WebFiles();
}  // namespace embedded

}  // namespace securebase
