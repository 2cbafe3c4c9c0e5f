#include "platform/http/server.h"

// <utility> before Asio: g++ 12 needs it.
#include <algorithm>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <csignal>
#include <exception>
#include <optional>
#include <unordered_map>
#include <utility>

namespace securebase::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;
using Clock = std::chrono::steady_clock;

namespace {

// After a response that closes the connection, unread request bytes are drained for this
// long, so the peer reads the response instead of a connection reset.
constexpr std::chrono::milliseconds kLingerTime{2000};
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

bool HasControlChars(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7f) return true;
  }
  return false;
}

Response ServerProblem(int status) {
  switch (status) {
    case 413:
      return Problem(413, "payload-too-large", "Request too large",
                     "The request body is larger than this server accepts.");
    case 431:
      return Problem(431, "headers-too-large", "Request headers too large",
                     "The request headers are larger than this server accepts.");
    case 500:
      return Problem(500, "internal", "Something went wrong",
                     "The server could not complete the request. Please try again.");
    default:
      return Problem(400, "bad-request", "Bad request", "The request could not be read.");
  }
}

}  // namespace

namespace detail {

class Session;

struct ServerImpl {
  ServerImpl(ServerOptions opts, Handler h) : options(std::move(opts)), handler(std::move(h)) {
    workers.emplace(static_cast<size_t>(std::max(1, options.worker_threads)));
  }

  void DoAccept();
  void OnAccept(error_code ec, tcp::socket socket);
  void BeginStop();
  void ForceCloseAll();
  void MaybeFinishStop();
  void Register(const std::shared_ptr<Session>& s);
  void Unregister(Session* s);

  ServerOptions options;
  Handler handler;
  // Declaration order matters: the worker pool is destroyed (joined) before the sockets and
  // timers, and those before the io_context they belong to.
  asio::io_context ioc{1};
  tcp::acceptor acceptor{ioc};
  asio::steady_timer accept_retry{ioc};
  asio::steady_timer shutdown_timer{ioc};
  std::optional<asio::signal_set> signals;
  std::optional<asio::thread_pool> workers;
  uint16_t bound_port = 0;
  bool started = false;
  // Touched only on the I/O thread.
  bool stopping = false;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

}  // namespace detail

using detail::ServerImpl;
using detail::Session;

namespace detail {

// One connection. Every member function runs on the I/O thread, except that a worker
// reads `request_` while the state is kHandling (the I/O thread leaves it alone then).
class Session : public std::enable_shared_from_this<Session> {
 public:
  enum class State { kIdle, kReading, kHandling, kWriting, kLingering, kClosed };

  Session(ServerImpl& impl, tcp::socket socket)
      : impl_(impl), socket_(std::move(socket)), timer_(impl.ioc) {
    error_code ec;
    tcp::endpoint remote = socket_.remote_endpoint(ec);
    if (!ec) remote_addr_ = remote.address().to_string();
    tcp::endpoint local = socket_.local_endpoint(ec);
    if (!ec) local_port_ = local.port();
    socket_.set_option(tcp::no_delay(true), ec);
  }

  void Start() { WaitForRequest(); }
  State state() const { return state_; }

  void Close() {
    if (state_ == State::kClosed) return;
    state_ = State::kClosed;
    ++timer_generation_;
    timer_.cancel();
    error_code ec;
    socket_.close(ec);
    impl_.Unregister(this);
  }

 private:
  void ArmTimer(std::chrono::milliseconds after) {
    uint64_t generation = ++timer_generation_;
    timer_.expires_after(after);
    timer_.async_wait([self = shared_from_this(), generation](error_code ec) {
      if (ec || generation != self->timer_generation_) return;
      self->Close();  // Timed out: pending reads and writes end with operation_aborted.
    });
  }
  void DisarmTimer() {
    ++timer_generation_;
    timer_.cancel();
  }

  // Waits until the next request's first byte arrives, without holding a read buffer.
  void WaitForRequest() {
    state_ = State::kIdle;
    if (impl_.stopping) return Close();
    if (buffer_.size() > 0) return ReadHeader();
    buffer_.shrink_to_fit();
    ArmTimer(impl_.options.idle_timeout);
    socket_.async_wait(tcp::socket::wait_read, [self = shared_from_this()](error_code ec) {
      if (self->state_ == State::kClosed) return;
      if (ec || self->impl_.stopping) return self->Close();
      self->ReadHeader();
    });
  }

  void ReadHeader() {
    state_ = State::kReading;
    ArmTimer(impl_.options.read_timeout);
    request_ = Request{};
    request_.remote_addr = remote_addr_;
    request_.local_port = local_port_;
    start_ = Clock::now();
    parser_.emplace();
    parser_->body_limit(impl_.options.body_limit);
    parser_->header_limit(static_cast<uint32_t>(impl_.options.header_limit));
    bhttp::async_read_header(socket_, buffer_, *parser_,
                             [self = shared_from_this()](error_code ec, size_t) {
                               if (self->state_ == State::kClosed) return;
                               if (ec) return self->OnReadError(ec);
                               self->OnHeader();
                             });
  }

  void OnHeader() {
    start_ = Clock::now();
    const auto& msg = parser_->get();
    request_.method = std::string(msg.method_string());
    if (!ParseTarget(msg.target(), &request_.path, &request_.query)) {
      request_.path.clear();
      return RespondAndClose(400);
    }
    auto expect = msg.find(bhttp::field::expect);
    if (expect != msg.end() && EqualsIgnoreCase(expect->value(), "100-continue") &&
        !parser_->is_done()) {
      asio::async_write(socket_, asio::buffer(kContinue.data(), kContinue.size()),
                        [self = shared_from_this()](error_code ec, size_t) {
                          if (self->state_ == State::kClosed) return;
                          if (ec) return self->Close();
                          self->ReadBody();
                        });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    if (parser_->is_done()) return Dispatch();
    bhttp::async_read(socket_, buffer_, *parser_,
                      [self = shared_from_this()](error_code ec, size_t) {
                        if (self->state_ == State::kClosed) return;
                        if (ec) return self->OnReadError(ec);
                        self->Dispatch();
                      });
  }

  void OnReadError(error_code ec) {
    if (ec == bhttp::error::body_limit) return RespondAndClose(413);
    if (ec == bhttp::error::header_limit) return RespondAndClose(431);
    if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() &&
        ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
      return RespondAndClose(400);
    }
    Close();  // The peer went away (or the read timed out).
  }

  // Hands the complete request to a worker; the response comes back to the I/O thread.
  void Dispatch() {
    DisarmTimer();
    state_ = State::kHandling;
    auto& msg = parser_->get();
    keep_alive_ = msg.keep_alive();
    version_ = msg.version();
    for (const auto& field : msg) {
      request_.headers.Add(std::string(field.name_string()), std::string(field.value()));
    }
    request_.body = std::move(msg.body());
    parser_.reset();
    asio::post(*impl_.workers,
               [self = shared_from_this(), work = asio::make_work_guard(impl_.ioc)]() mutable {
                 Response response = self->RunHandler();
                 asio::post(self->impl_.ioc, [self, response = std::move(response)]() mutable {
                   if (self->state_ == State::kClosed) return;
                   self->Write(std::move(response), self->keep_alive_);
                 });
                 work.reset();
               });
  }

  Response RunHandler() {
    try {
      return impl_.handler(request_);
    } catch (const std::exception&) {
      return ServerProblem(500);
    } catch (...) {
      return ServerProblem(500);
    }
  }

  void RespondAndClose(int status) {
    DisarmTimer();
    // What of the request line was parsed, for the response hook and the access log.
    if (parser_ && request_.method.empty()) {
      const auto& msg = parser_->get();
      if (msg.method() != bhttp::verb::unknown || !msg.method_string().empty()) {
        request_.method = std::string(msg.method_string());
      }
      if (!msg.target().empty() && !ParseTarget(msg.target(), &request_.path, &request_.query)) {
        request_.path.clear();
      }
      version_ = msg.version();
    }
    parser_.reset();
    Write(ServerProblem(status), /*keep_alive=*/false);
  }

  void Write(Response response, bool keep_alive) {
    if (impl_.options.response_hook) impl_.options.response_hook(request_, response);
    status_ = (response.status >= 100 && response.status <= 599) ? response.status : 500;
    bool keep = keep_alive && !impl_.stopping;

    bhttp::response<bhttp::string_body>& msg = message_.emplace();
    msg.version(version_ == 10 ? 10 : 11);
    msg.result(static_cast<unsigned>(status_));
    for (const Headers::Field& f : response.headers) {
      // A name or value with CR or LF would split the header: drop it.
      if (f.name.empty() || HasControlChars(f.name) || HasControlChars(f.value)) continue;
      msg.insert(f.name, f.value);
    }
    if (!response.content_type.empty() && !response.headers.Has("Content-Type")) {
      msg.set(bhttp::field::content_type, response.content_type);
    }
    bool no_body = status_ < 200 || status_ == 204 || status_ == 304;
    if (no_body) {
      msg.erase(bhttp::field::content_length);
    } else {
      msg.content_length(response.body.size());
      if (request_.method != "HEAD") msg.body() = std::move(response.body);
    }
    msg.keep_alive(keep);
    state_ = State::kWriting;
    ArmTimer(impl_.options.read_timeout);
    bhttp::async_write(socket_, msg, [self = shared_from_this(), keep](error_code ec, size_t) {
      self->AfterWrite(ec, keep);
    });
  }

  void AfterWrite(error_code ec, bool keep) {
    message_.reset();
    if (impl_.options.access_log) {
      double ms = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
      impl_.options.access_log(AccessLogEntry{request_.method, request_.path, status_, ms});
    }
    if (state_ == State::kClosed) return;
    DisarmTimer();
    if (ec) return Close();
    request_ = Request{};
    if (keep) return WaitForRequest();
    Linger();
  }

  // Half-closes, then reads and discards what the peer still sends, until it closes or
  // kLingerTime passes.
  void Linger() {
    state_ = State::kLingering;
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    buffer_.clear();
    ArmTimer(kLingerTime);
    Drain();
  }
  void Drain() {
    socket_.async_read_some(buffer_.prepare(8192),
                            [self = shared_from_this()](error_code ec, size_t) {
                              if (self->state_ == State::kClosed) return;
                              if (ec) return self->Close();
                              self->buffer_.clear();
                              self->Drain();
                            });
  }

  ServerImpl& impl_;
  tcp::socket socket_;
  asio::steady_timer timer_;
  uint64_t timer_generation_ = 0;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::optional<bhttp::response<bhttp::string_body>> message_;
  Request request_;
  std::string remote_addr_;
  uint16_t local_port_ = 0;
  State state_ = State::kIdle;
  bool keep_alive_ = true;
  unsigned version_ = 11;
  int status_ = 0;
  Clock::time_point start_;
};

}  // namespace detail

void ServerImpl::Register(const std::shared_ptr<Session>& s) { sessions[s.get()] = s; }

void ServerImpl::Unregister(Session* s) {
  sessions.erase(s);
  MaybeFinishStop();
}

void ServerImpl::DoAccept() {
  acceptor.async_accept(
      ioc, [this](error_code ec, tcp::socket socket) { OnAccept(ec, std::move(socket)); });
}

void ServerImpl::OnAccept(error_code ec, tcp::socket socket) {
  if (stopping || ec == asio::error::operation_aborted) return;
  if (ec) {
    // Out of file descriptors, or a connection reset before it was accepted: pause, so a
    // persistent error does not spin.
    accept_retry.expires_after(std::chrono::milliseconds(50));
    accept_retry.async_wait([this](error_code wait_ec) {
      if (!wait_ec && !stopping) DoAccept();
    });
    return;
  }
  if (sessions.size() >= options.max_connections) {
    error_code ignored;
    socket.close(ignored);
  } else {
    auto session = std::make_shared<Session>(*this, std::move(socket));
    Register(session);
    session->Start();
  }
  DoAccept();
}

void ServerImpl::BeginStop() {
  if (stopping) return;
  stopping = true;
  error_code ignored;
  acceptor.close(ignored);
  accept_retry.cancel();
  if (signals) {
    // A second SIGINT or SIGTERM gets the default action (ends the process at once).
    signals->clear(ignored);
    signals->cancel(ignored);
  }
  std::vector<std::shared_ptr<Session>> idle;
  for (auto& [ptr, weak] : sessions) {
    if (auto s = weak.lock(); s && s->state() == Session::State::kIdle) idle.push_back(s);
  }
  for (auto& s : idle) s->Close();
  if (sessions.empty()) return;
  shutdown_timer.expires_after(options.shutdown_timeout);
  shutdown_timer.async_wait([this](error_code ec) {
    if (!ec) ForceCloseAll();
  });
}

void ServerImpl::ForceCloseAll() {
  std::vector<std::shared_ptr<Session>> all;
  for (auto& [ptr, weak] : sessions) {
    if (auto s = weak.lock()) all.push_back(s);
  }
  for (auto& s : all) s->Close();
  sessions.clear();
}

void ServerImpl::MaybeFinishStop() {
  if (stopping && sessions.empty()) shutdown_timer.cancel();
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<ServerImpl>(std::move(options), std::move(handler))) {}

Server::~Server() {
  // Handlers may still run (Run() never called, or the shutdown deadline passed); they
  // post into the io_context, so it must outlive them.
  impl_->workers->join();
  error_code ignored;
  impl_->acceptor.close(ignored);
}

Status Server::Start() {
  ServerImpl& impl = *impl_;
  if (impl.started) return Status::Precondition("the server is already started");
  error_code ec;
  asio::ip::address address = asio::ip::make_address(impl.options.host, ec);
  if (ec) return Status::Invalid("host must be an IP address, not \"" + impl.options.host + "\"");
  tcp::endpoint endpoint(address, impl.options.port);
  std::string where = (address.is_v6() ? "[" + impl.options.host + "]" : impl.options.host) + ":" +
                      std::to_string(impl.options.port);
  impl.acceptor.open(endpoint.protocol(), ec);
  if (ec) return Status::Io("cannot open a socket for " + where + ": " + ec.message());
  impl.acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  impl.acceptor.bind(endpoint, ec);
  if (ec == asio::error::address_in_use) {
    impl.acceptor.close(ec);
    return Status::Io(where + " is already in use (is SecureBase already running?)");
  }
  if (ec) {
    error_code ignored;
    impl.acceptor.close(ignored);
    return Status::Io("cannot listen on " + where + ": " + ec.message());
  }
  impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    error_code ignored;
    impl.acceptor.close(ignored);
    return Status::Io("cannot listen on " + where + ": " + ec.message());
  }
  impl.bound_port = impl.acceptor.local_endpoint(ec).port();
  impl.started = true;
  impl.DoAccept();
  return Status::Ok();
}

uint16_t Server::port() const { return impl_->bound_port; }

void Server::StopOnSignals() {
  ServerImpl& impl = *impl_;
  if (impl.signals) return;
  impl.signals.emplace(impl.ioc, SIGINT, SIGTERM);
  impl.signals->async_wait([&impl](error_code ec, int) {
    if (!ec) impl.BeginStop();
  });
}

void Server::Run() {
  if (!impl_->started) return;
  impl_->ioc.run();
  impl_->workers->join();
}

void Server::Stop() {
  ServerImpl* impl = impl_.get();
  asio::post(impl->ioc, [impl] { impl->BeginStop(); });
}

}  // namespace securebase::http
