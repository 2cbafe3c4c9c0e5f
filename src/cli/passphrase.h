#pragma once
// Getting an export passphrase: from --passphrase-file, $SECUREBASE_PASSPHRASE, or typed
// on the terminal without echo (twice when choosing a new one).
#include <string>

#include "cli/context.h"

namespace securebase::cli {

enum class PassphraseUse { kChoose, kEnter };

// The passphrase, or an error that says how to give one (no terminal and nothing set).
// A file's trailing newline is not part of the passphrase.
Result<std::string> GetPassphrase(Context& ctx, const std::string& file, PassphraseUse use);

}  // namespace securebase::cli
