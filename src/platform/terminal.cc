#include "platform/terminal.h"

#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>

namespace securebase {

struct RawMode::Saved {
  termios attrs;
};

bool IsTerminal(int fd) { return ::isatty(fd) == 1; }

int TerminalColumns(int fd, int fallback) {
  winsize ws{};
  if (::ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return fallback;
}

RawMode::RawMode(int fd) : fd_(fd), saved_(std::make_unique<Saved>()) {
  if (!IsTerminal(fd) || ::tcgetattr(fd, &saved_->attrs) != 0) return;
  termios raw = saved_->attrs;
  raw.c_lflag &= static_cast<tcflag_t>(~(ECHO | ICANON | ISIG | IEXTEN));
  raw.c_iflag &= static_cast<tcflag_t>(~(IXON | ICRNL));
  raw.c_cc[VMIN] = 1;
  raw.c_cc[VTIME] = 0;
  active_ = ::tcsetattr(fd, TCSAFLUSH, &raw) == 0;
}

RawMode::~RawMode() {
  if (active_) ::tcsetattr(fd_, TCSAFLUSH, &saved_->attrs);
}

namespace {
bool ReadByte(int fd, char* c) {
  for (;;) {
    ssize_t n = ::read(fd, c, 1);
    if (n == 1) return true;
    if (n < 0 && errno == EINTR) continue;
    return false;
  }
}
}  // namespace

KeyPress ReadKey(int fd) {
  char c;
  if (!ReadByte(fd, &c)) return {Key::kEndOfInput};
  switch (c) {
    case 3:
      return {Key::kInterrupt};
    case 4:
      return {Key::kEndOfInput};
    case '\r':
    case '\n':
      return {Key::kEnter};
    case 127:
    case 8:
      return {Key::kBackspace};
    case 27: {
      char a, b;
      if (!ReadByte(fd, &a)) return {Key::kEscape};
      if (a != '[' && a != 'O') return {Key::kEscape};
      if (!ReadByte(fd, &b)) return {Key::kEscape};
      switch (b) {
        case 'A':
          return {Key::kUp};
        case 'B':
          return {Key::kDown};
        case 'C':
          return {Key::kRight};
        case 'D':
          return {Key::kLeft};
        default:
          return {Key::kEscape};
      }
    }
    default:
      return {Key::kChar, c};
  }
}

}  // namespace securebase
