#include "cli/passphrase.h"

#include <termios.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

namespace securebase::cli {
namespace {

std::string Chomp(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  return s;
}

// Reads one line from ctx.in() with echo off on stdin (when it is a terminal).
std::string ReadHidden(Context& ctx, const std::string& prompt) {
  ctx.out() << prompt << std::flush;
  termios old{};
  bool tty = ::tcgetattr(STDIN_FILENO, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(ctx.in(), line);
  if (tty) ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
  ctx.out() << "\n";
  return Chomp(line);
}

}  // namespace

Result<std::string> GetPassphrase(Context& ctx, const std::string& file, PassphraseUse use) {
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Status::InvalidField("--passphrase-file", "cannot read " + file);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string p = Chomp(ss.str());
    if (p.empty()) return Status::InvalidField("--passphrase-file", file + " is empty");
    return p;
  }
  std::string env = ctx.env().Get("SECUREBASE_PASSPHRASE");
  if (!env.empty()) return env;
  if (!ctx.terminal) {
    return Status::Invalid(
        "a passphrase is needed: set SECUREBASE_PASSPHRASE or use --passphrase-file");
  }
  if (use == PassphraseUse::kEnter) {
    std::string p = ReadHidden(ctx, "Passphrase: ");
    if (p.empty()) return Status::InvalidField("passphrase", "must not be empty");
    return p;
  }
  std::string p = ReadHidden(ctx, "Choose a passphrase: ");
  if (p.size() < 8) return Status::InvalidField("passphrase", "use at least 8 characters");
  if (ReadHidden(ctx, "Type it again: ") != p) {
    return Status::InvalidField("passphrase", "the two did not match; nothing was written");
  }
  return p;
}

}  // namespace securebase::cli
