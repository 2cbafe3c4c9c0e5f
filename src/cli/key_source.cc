#include "cli/key_source.h"

#include <string>

namespace securebase::cli {
namespace {

class TerminalKeySource final : public KeySource {
 public:
  explicit TerminalKeySource(int fd) : fd_(fd), raw_(fd) {}
  KeyPress Next() override { return ReadKey(fd_); }

 private:
  int fd_;
  RawMode raw_;
};

class LineKeySource final : public KeySource {
 public:
  explicit LineKeySource(std::istream& in) : in_(in) {}
  KeyPress Next() override {
    std::string line;
    if (!std::getline(in_, line)) return {Key::kEndOfInput};
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) return {Key::kEnter};
    return {Key::kChar, line[0]};
  }

 private:
  std::istream& in_;
};

}  // namespace

std::unique_ptr<KeySource> TerminalKeys(int fd) { return std::make_unique<TerminalKeySource>(fd); }
std::unique_ptr<KeySource> LineKeys(std::istream& in) {
  return std::make_unique<LineKeySource>(in);
}

}  // namespace securebase::cli
