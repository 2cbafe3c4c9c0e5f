#pragma once
// Serves the web front end: embedded files, or a folder on disk (--web-root).
//
//   GET /            -> index.html
//   GET /app.js      -> the file, with its content type, an ETag and Cache-Control
//   GET /people/7    -> index.html (SPA fallback: a path with no file extension that is not
//                       a file and not under /api)
//   GET /missing.js  -> 404 problem; anything under /api -> 404 problem
//   POST /...        -> 405 problem (Allow: GET, HEAD)
// If-None-Match with the current ETag answers 304. Files under /assets/ (content-hashed by
// the bundler) are cached for a year as immutable; the rest must be revalidated (no-cache).
// Thread-safe.
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "platform/embedded_file.h"
#include "platform/http/handler.h"

namespace securebase::http {

class StaticFiles {
 public:
  // Serves the files of `files` whose path starts with `prefix` ("web/"): the file
  // "web/app.js" answers "/app.js". The data must outlive this object (embedded data does).
  static StaticFiles FromEmbedded(std::span<const EmbeddedFile> files, std::string_view prefix);
  // Serves the regular files below `root`, read on each request (edits show at once).
  // Paths with "." or ".." segments are refused.
  static StaticFiles FromDirectory(std::filesystem::path root);

  Response Serve(const Request& request) const;
  // A Handler that calls Serve(); it shares this object's state.
  Handler AsHandler() const;

 private:
  struct State;
  explicit StaticFiles(std::shared_ptr<const State> state) : state_(std::move(state)) {}
  std::shared_ptr<const State> state_;
};

// The Content-Type for a file name by its extension ("text/html; charset=utf-8" for
// ".html"); "application/octet-stream" when unknown.
std::string_view ContentTypeFor(std::string_view file_name);

}  // namespace securebase::http
