#pragma once
// Shared pieces of the step 8 commands (support_command.cc, therapists_command.cc,
// shortlist_command.cc).
#include <memory>
#include <string>

#include "cli/context.h"
#include "support/directory.h"
#include "support/provider.h"
#include "support/search.h"
#include "support/shortlist.h"

namespace securebase::cli {

void RegisterTherapistCommands(CLI::App& app, Context& ctx);  // therapists_command.cc
void RegisterShortlistCommands(CLI::App& app, Context& ctx);  // shortlist_command.cc

// The directory over ctx's database and content.
struct DirectoryHandle {
  std::unique_ptr<support::DirectoryStore> store;
  std::unique_ptr<support::Directory> directory;
};
Result<DirectoryHandle> OpenDirectory(app::Services& s);

// "12 km", "3.4 km".
std::string FormatKm(double km);
// One provider in a few lines: name, credentials, practice, where, fees, how they work.
std::string DescribeProvider(const support::Provider& p, const support::TherapyCatalog& therapies,
                             bool full);

// Prints the crisis block (a safety answer or note suggested danger).
void PrintCrisisNow(Context& ctx, const std::string& message);

}  // namespace securebase::cli
