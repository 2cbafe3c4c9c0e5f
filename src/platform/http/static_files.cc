#include "platform/http/static_files.h"

#include <sodium.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>

namespace securebase::http {

namespace {

struct FileData {
  std::string_view data;  // points into `owned` when read from disk
  std::string etag;
  std::string owned;
};

std::string ETagOf(std::string_view data) {
  unsigned char hash[16];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(data.data()),
                     data.size(), nullptr, 0);
  char hex[sizeof hash * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return "\"" + std::string(hex, sizeof hash * 2) + "\"";
}

bool IsApiPath(std::string_view path) { return path == "/api" || path.starts_with("/api/"); }

// True when the last segment of `path` has a '.' ("/app.js", "/a/b.css").
bool HasExtension(std::string_view path) {
  std::string_view last = path.substr(path.rfind('/') + 1);
  return last.find('.') != std::string_view::npos;
}

// True when If-None-Match lists `etag` (or is "*").
bool EtagMatches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    size_t comma = if_none_match.find(',');
    std::string_view tag = if_none_match.substr(0, comma);
    if_none_match =
        comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

Response NotFound() {
  return Problem(404, "not-found", "Not found", "There is nothing at this address.");
}

}  // namespace

struct StaticFiles::State {
  std::map<std::string, FileData, std::less<>> embedded;  // "/app.js" -> data
  std::optional<std::filesystem::path> root;

  // The file at URL path `path` ("/app.js"), or nullopt.
  std::optional<FileData> Find(std::string_view path) const {
    if (!root) {
      auto it = embedded.find(path);
      if (it == embedded.end()) return std::nullopt;
      return FileData{it->second.data, it->second.etag, {}};
    }
    std::filesystem::path file = *root;
    std::string_view rest = path.substr(1);
    while (!rest.empty()) {
      size_t slash = rest.find('/');
      std::string_view seg = rest.substr(0, slash);
      if (seg.empty() || seg == "." || seg == ".." || seg.find('\\') != std::string_view::npos) {
        return std::nullopt;
      }
      file /= std::string(seg);
      rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    FileData out;
    out.owned.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return std::nullopt;
    out.etag = ETagOf(out.owned);
    return out;
  }
};

StaticFiles StaticFiles::FromEmbedded(std::span<const EmbeddedFile> files,
                                      std::string_view prefix) {
  if (sodium_init() < 0) std::abort();
  auto state = std::make_shared<State>();
  for (const EmbeddedFile& f : files) {
    if (!f.path.starts_with(prefix)) continue;
    std::string url = "/" + std::string(f.path.substr(prefix.size()));
    state->embedded[url] = FileData{f.data, ETagOf(f.data), {}};
  }
  return StaticFiles(std::move(state));
}

StaticFiles StaticFiles::FromDirectory(std::filesystem::path root) {
  if (sodium_init() < 0) std::abort();
  auto state = std::make_shared<State>();
  state->root = std::move(root);
  return StaticFiles(std::move(state));
}

Response StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") {
    Response res = Problem(405, "method-not-allowed", "Method not allowed",
                           "This address does not accept " + request.method + ".");
    res.headers.Set("Allow", "GET, HEAD");
    return res;
  }
  if (request.path.empty() || request.path.front() != '/' || IsApiPath(request.path)) {
    return NotFound();
  }
  std::string path = request.path == "/" ? "/index.html" : request.path;
  std::optional<FileData> file = state_->Find(path);
  if (!file && !HasExtension(path)) {
    path = "/index.html";
    file = state_->Find(path);
  }
  if (!file) return NotFound();

  Response res;
  res.headers.Set("ETag", file->etag);
  res.headers.Set("Cache-Control", path.starts_with("/assets/")
                                       ? "public, max-age=31536000, immutable"
                                       : "no-cache");
  if (EtagMatches(request.headers.Get("If-None-Match"), file->etag)) {
    res.status = 304;
    return res;
  }
  res.status = 200;
  res.content_type = std::string(ContentTypeFor(path));
  res.body = file->owned.empty() ? std::string(file->data) : std::move(file->owned);
  return res;
}

Handler StaticFiles::AsHandler() const {
  return [self = *this](const Request& request) { return self.Serve(request); };
}

std::string_view ContentTypeFor(std::string_view file_name) {
  static const std::map<std::string, std::string_view, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".md", "text/markdown; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".wasm", "application/wasm"},
  };
  std::string_view last = file_name.substr(file_name.rfind('/') + 1);
  size_t dot = last.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  auto it = kTypes.find(ToLowerAscii(last.substr(dot)));
  return it == kTypes.end() ? std::string_view("application/octet-stream") : it->second;
}

}  // namespace securebase::http
