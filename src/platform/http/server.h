#pragma once
// An HTTP/1.1 server (Boost.Beast underneath; this header shows plain types only).
//
// One I/O thread (the one calling Run) does all socket work: accepting, reading, writing,
// timeouts. Each complete request is handed to a worker pool, where the handler runs and
// may block; the response goes back to the I/O thread to be written. Idle keep-alive
// connections cost a socket, a timer and a small object, and no read buffer, so thousands
// are cheap.
//
//   Server server(ServerOptions{.port = 0}, router.AsHandler());
//   TRY(server.Start());            // binds; server.port() is now the real port
//   server.StopOnSignals();         // SIGINT, SIGTERM -> Stop()
//   server.Run();                   // blocks until Stop() and the graceful shutdown end
//
// The server itself answers, as problem+json: 400 for a malformed request (then closes the
// connection), 413 when the body is over `body_limit`, 431 when the header is too large,
// and 500 when a handler throws. HEAD responses carry the GET response's headers without
// its body.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "platform/http/access_log.h"
#include "platform/http/handler.h"
#include "platform/result.h"

namespace securebase::http {

namespace detail {
struct ServerImpl;
}

struct ServerOptions {
  std::string host = "127.0.0.1";  // an IP address to bind
  uint16_t port = 8642;            // 0 binds an ephemeral port; see Server::port()
  size_t body_limit = 1 << 20;     // bytes; a larger body answers 413
  size_t header_limit = 16 << 10;  // bytes; a larger header answers 431
  // Time allowed to receive a whole request once its first byte has arrived, and to write
  // a response; the connection is closed when it runs out.
  std::chrono::milliseconds read_timeout{30'000};
  // Time a keep-alive connection may wait for its next request (and a new connection for
  // its first) before the server closes it.
  std::chrono::milliseconds idle_timeout{60'000};
  // On Stop(): how long in-flight requests may take to finish before their connections
  // are closed anyway.
  std::chrono::milliseconds shutdown_timeout{10'000};
  int worker_threads = 16;
  size_t max_connections = 10'000;  // further connections are accepted and closed at once
  // Called on the I/O thread for every response, including the ones the server makes
  // itself (for those the request may hold only what could be parsed). Sets headers such
  // as the security headers (Security::ResponseHook). Must be thread-safe and quick.
  std::function<void(const Request&, Response&)> response_hook = nullptr;
  // Called on the I/O thread once per response written (or given up on).
  AccessLogSink access_log = nullptr;
};

class Server {
 public:
  // `handler` answers every request; it is called on worker threads, concurrently.
  Server(ServerOptions options, Handler handler);
  // REQUIRES: Run() is not running (call Stop() and wait for Run() to return). Waits for
  // handlers still running on the worker pool.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Errors: kInvalidArgument for a bad host, kIo when the address
  // cannot be bound ("127.0.0.1:8642 is already in use").
  Status Start();
  // The bound port (the real one when options.port was 0). REQUIRES: Start() succeeded.
  uint16_t port() const;
  // Makes SIGINT and SIGTERM call Stop(). Call before Run().
  void StopOnSignals();
  // Serves on the calling thread until Stop() has finished the graceful shutdown.
  // REQUIRES: Start() succeeded. Call once.
  void Run();
  // Graceful stop, from any thread (also from a handler or before Run): stops accepting,
  // closes idle connections, lets requests in flight finish and be answered (with
  // Connection: close) for up to shutdown_timeout, then closes what is left and makes
  // Run() return once running handlers have returned. Idempotent.
  void Stop();

 private:
  std::unique_ptr<detail::ServerImpl> impl_;
};

}  // namespace securebase::http
