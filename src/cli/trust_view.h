#pragma once
// Printing commitments and reliability for 'securebase commit', and the check-in command
// that 'commit' registers beside itself.
#include <string>

#include "cli/commands.h"
#include "trust/commitment_store.h"

namespace securebase::cli {

// "call Mum, 2027-01-31 at 18:30 (Europe/Berlin), on the 31st of each month".
std::string Describe(const trust::Commitment& c);
// Due today, overdue, every commitment with its streak, and reliability over 30/90/365 days.
Status List(Context& ctx, app::Services& s, bool include_archived);
// securebase checkin  (checkin_command.cc)
void RegisterCheckinCommand(CLI::App& app, Context& ctx);

}  // namespace securebase::cli
