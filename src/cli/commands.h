#pragma once
// One Register function per feature's commands; each lives in its own file.
#include <CLI/CLI.hpp>

#include "cli/context.h"

namespace securebase::cli {

void RegisterPeopleCommands(CLI::App& app, Context& ctx);       // people_command.cc
void RegisterAssessCommands(CLI::App& app, Context& ctx);       // assess_command.cc
void RegisterLearnCommand(CLI::App& app, Context& ctx);         // learn_command.cc
void RegisterServeCommand(CLI::App& app, Context& ctx);         // serve_command.cc
void RegisterBackupCommands(CLI::App& app, Context& ctx);       // backup_command.cc
void RegisterHelpNowCommand(CLI::App& app, Context& ctx);       // help_now_command.cc
void RegisterReflectCommands(CLI::App& app, Context& ctx);      // reflect_command.cc
void RegisterRegulateCommands(CLI::App& app, Context& ctx);     // regulate_command.cc
void RegisterCommunicateCommands(CLI::App& app, Context& ctx);  // communicate_command.cc
void RegisterBoundaryCommands(CLI::App& app, Context& ctx);     // boundary_command.cc
void RegisterTrustCommands(CLI::App& app, Context& ctx);        // trust_command.cc
void RegisterConnectCommands(CLI::App& app, Context& ctx);      // connect_command.cc
void RegisterSupportCommands(CLI::App& app, Context& ctx);      // support_command.cc
void RegisterReportCommands(CLI::App& app, Context& ctx);       // report_command.cc
void RegisterDataCommands(CLI::App& app, Context& ctx);         // data_command.cc
// Adds "score" to the "assess" subcommand, creating "assess" when it is not there yet.
void RegisterAssessScoreCommand(CLI::App& app, Context& ctx);  // assess_score_command.cc

// Calls every Register function above.
inline void RegisterCommands(CLI::App& app, Context& ctx) {
  RegisterAssessCommands(app, ctx);
  RegisterPeopleCommands(app, ctx);
  RegisterLearnCommand(app, ctx);
  RegisterServeCommand(app, ctx);
  RegisterBackupCommands(app, ctx);
  RegisterHelpNowCommand(app, ctx);
  RegisterReflectCommands(app, ctx);
  RegisterRegulateCommands(app, ctx);
  RegisterCommunicateCommands(app, ctx);
  RegisterBoundaryCommands(app, ctx);
  RegisterTrustCommands(app, ctx);
  RegisterConnectCommands(app, ctx);
  RegisterSupportCommands(app, ctx);
  RegisterReportCommands(app, ctx);
  RegisterDataCommands(app, ctx);
  RegisterAssessScoreCommand(app, ctx);
}

}  // namespace securebase::cli
