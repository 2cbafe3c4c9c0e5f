// securebase serve: the web app and the JSON API on this machine.
#include <fmt/format.h>

#include <condition_variable>
#include <filesystem>
#include <optional>
#include <stop_token>
#include <thread>

#include "cli/commands.h"
#include "http/api_context.h"
#include "platform/db/backup.h"
#include "platform/http/security.h"
#include "platform/http/server.h"
#include "platform/http/static_files.h"

namespace securebase::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8642;
  std::string token;
  std::string web_root;
  int keep_backups = 7;
};

// Keeps `keep` daily backups beside the database: one at start, then checks every hour
// until destroyed. Failures are reported on `err` and never stop the server.
class DailyBackups {
 public:
  DailyBackups(std::string db_path, int keep, const Clock& clock, std::ostream& err)
      : thread_([=, &clock, &err](std::stop_token stop) {
          std::string dir = (std::filesystem::path(db_path).parent_path() / "backups").string();
          std::mutex mu;
          std::condition_variable_any cv;
          while (!stop.stop_requested()) {
            auto made = db::DailyBackup(db_path, dir, clock.Now(), keep);
            if (!made.ok())
              err << "securebase: daily backup failed: " << made.status().message() << "\n";
            std::unique_lock lock(mu);
            cv.wait_for(lock, stop, std::chrono::hours(1), [] { return false; });
          }
        }) {}

 private:
  std::jthread thread_;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host.rfind("127.", 0) == 0;
}

Status Serve(Context& ctx, const ServeArgs& args) {
  if (args.port < 0 || args.port > 65535) {
    return Status::InvalidField("--port", fmt::format("{} is not a port (0 to 65535)", args.port));
  }
  std::string token = args.token.empty() ? ctx.env().Get("SECUREBASE_TOKEN") : args.token;
  if (token.empty()) token = http::GenerateToken();
  if (token.size() < 16) {
    return Status::InvalidField("--token",
                                "must be at least 16 characters, so it cannot be guessed");
  }
  TRY_ASSIGN(app::Services * services, ctx.Services());
  http::Idempotency idempotency(services->db, services->clock);
  http::ApiContext api{*services, idempotency, ctx.user_id()};
  http::Router router(http::BodyRule::kJsonOnly);
  http::AddApiRoutes(router, api);
  http::StaticFiles web = args.web_root.empty()
                              ? http::StaticFiles::FromEmbedded(embedded::WebFiles(), "web/")
                              : http::StaticFiles::FromDirectory(args.web_root);
  router.SetFallback(web.AsHandler());

  http::SecurityOptions security_options;
  security_options.token = token;
  // A calendar app cannot send the cookie; the feed checks its own key (?key=).
  security_options.public_paths.push_back("/api/v1/commitments.ics");
  if (!IsLoopback(args.host)) security_options.allowed_hosts.push_back(args.host);
  http::Security security(security_options);
  http::ServerOptions options;
  options.host = args.host;
  options.port = static_cast<uint16_t>(args.port);
  // Enough handlers blocked on a commit to fill a group-commit batch, few enough that two
  // cores do not spend their time switching (measured: docs/benchmarks.md).
  options.worker_threads = 8;
  options.response_hook = security.ResponseHook();
  options.access_log = http::AccessLogTo(ctx.err());
  http::Server server(options, security.Wrap(router.AsHandler()));
  TRY(server.Start());
  server.StopOnSignals();
  std::optional<DailyBackups> backups;
  if (args.keep_backups > 0) {
    backups.emplace(services->db.path(), args.keep_backups, services->clock, ctx.err());
  }
  std::string shown_host =
      args.host.find(':') != std::string::npos ? "[" + args.host + "]" : args.host;
  ctx.out() << fmt::format("SecureBase is running at http://{}:{}/?token={}\n", shown_host,
                           server.port(), token)
            << "Open that address in your browser. Press Ctrl-C to stop.\n";
  if (!IsLoopback(args.host)) {
    ctx.out() << "Note: listening beyond this machine; only the token protects your data.\n";
  }
  if (embedded::WebFiles().empty() && args.web_root.empty()) {
    ctx.out() << "Note: this build has no web app inside (web/dist was not built); the API "
                 "still works.\n";
  }
  ctx.out() << std::flush;
  server.Run();
  ctx.out() << "Stopped. Everything you saved is on disk.\n";
  return Status::Ok();
}

}  // namespace

void RegisterServeCommand(CLI::App& app, Context& ctx) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve = app.add_subcommand("serve", "Start the web app on this machine");
  serve->add_option("--host", args->host, "Address to listen on (default: this machine only)");
  serve->add_option("--port", args->port, "Port (0 picks a free one)");
  serve->add_option("--token", args->token,
                    "Sign-in token (default: $SECUREBASE_TOKEN, or a new random one)");
  serve->add_option("--web-root", args->web_root,
                    "Serve the web app from this folder (development)");
  serve
      ->add_option("--keep-backups", args->keep_backups,
                   "Daily backups to keep in the backups folder beside the database (0: none)")
      ->check(CLI::Range(0, 365));
  serve->callback([&ctx, args] {
    Status s = Serve(ctx, *args);
    if (!s.ok()) ctx.Fail(s);
  });
}

}  // namespace securebase::cli
