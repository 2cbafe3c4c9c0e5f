#pragma once
// The terminal: raw key input and screen size. Used by interactive commands only.
#include <memory>
#include <string>

namespace securebase {

enum class Key {
  kNone,
  kChar,  // a printable character; see KeyPress::ch
  kEnter,
  kBackspace,
  kLeft,
  kRight,
  kUp,
  kDown,
  kEscape,
  kInterrupt,   // Ctrl-C
  kEndOfInput,  // Ctrl-D or the input closed
};

struct KeyPress {
  Key key = Key::kNone;
  char ch = 0;
};

// True when `fd` is a terminal.
bool IsTerminal(int fd);
// Columns of the terminal on `fd`, or `fallback` when unknown.
int TerminalColumns(int fd, int fallback = 80);

// Puts a terminal into raw mode (no echo, no line buffering, Ctrl-C as a key) for its
// lifetime, restoring the previous mode when destroyed.
class RawMode {
 public:
  explicit RawMode(int fd);
  ~RawMode();
  RawMode(const RawMode&) = delete;
  RawMode& operator=(const RawMode&) = delete;
  bool active() const { return active_; }

 private:
  int fd_;
  bool active_ = false;
  struct Saved;
  std::unique_ptr<Saved> saved_;
};

// Reads one key press from `fd` (blocking), decoding arrow-key escape sequences.
KeyPress ReadKey(int fd);

}  // namespace securebase
