#pragma once
// Where an interactive command gets its key presses: raw keys from a terminal, or one
// line at a time from a stream (pipes, files, tests), where a line's first character is
// the key and an empty line is Enter.
#include <istream>
#include <memory>

#include "platform/terminal.h"

namespace securebase::cli {

class KeySource {
 public:
  virtual ~KeySource() = default;
  virtual KeyPress Next() = 0;
};

// Keys from terminal `fd`, in raw mode for the source's lifetime.
std::unique_ptr<KeySource> TerminalKeys(int fd);
// Keys from lines of `in`.
std::unique_ptr<KeySource> LineKeys(std::istream& in);

}  // namespace securebase::cli
