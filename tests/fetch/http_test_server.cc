#include "tests/fetch/http_test_server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"

namespace certval::testfetch {
namespace {

constexpr absl::Duration kIoTimeout = absl::Seconds(5);
constexpr size_t kMaxHead = 65536;

// Waits for `events` on `fd` in short slices, so that a stopping server is noticed.
bool Wait(int fd, short events, absl::Time deadline, const std::atomic<bool>& stopping) {
  while (!stopping.load() && absl::Now() < deadline) {
    pollfd p{fd, events, 0};
    const int n = poll(&p, 1, 50);
    if (n > 0) return true;
    if (n < 0 && errno != EINTR) return false;
  }
  return false;
}

bool SendAll(int fd, absl::string_view data, const std::atomic<bool>& stopping) {
  const absl::Time deadline = absl::Now() + kIoTimeout;
  while (!data.empty()) {
    if (!Wait(fd, POLLOUT, deadline, stopping)) return false;
    const ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
    } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
      return false;
    }
  }
  return true;
}

std::string ReasonFor(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 307:
      return "Temporary Redirect";
    case 404:
      return "Not Found";
    default:
      return "Status";
  }
}

}  // namespace

Reply Reply::Ok(std::string body, std::string content_type) {
  Reply r;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Type", std::move(content_type));
  return r;
}

Reply Reply::Redirect(std::string location, int status) {
  Reply r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

absl::StatusOr<std::unique_ptr<HttpTestServer>> HttpTestServer::Start() {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return absl::InternalError(absl::StrCat("socket: ", std::strerror(errno)));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  int pipefd[2];
  if (bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || listen(fd, 64) != 0 ||
      getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0 ||
      pipe2(pipefd, O_CLOEXEC) != 0) {
    const std::string why = std::strerror(errno);
    close(fd);
    return absl::InternalError(absl::StrCat("listening on 127.0.0.1: ", why));
  }
  std::unique_ptr<HttpTestServer> server(
      new HttpTestServer(fd, ntohs(addr.sin_port), pipefd[0], pipefd[1]));
  server->acceptor_ = std::thread([s = server.get()] { s->AcceptLoop(); });
  return server;
}

HttpTestServer::HttpTestServer(int listener, uint16_t port, int wake_read, int wake_write)
    : listener_(listener), port_(port), wake_read_(wake_read), wake_write_(wake_write) {}

HttpTestServer::~HttpTestServer() {
  stopping_.store(true);
  const char byte = 0;
  (void)!write(wake_write_, &byte, 1);
  acceptor_.join();
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mu_);
    threads.swap(connections_);
  }
  for (std::thread& t : threads) t.join();
  close(listener_);
  close(wake_read_);
  close(wake_write_);
}

std::string HttpTestServer::Url(const std::string& target) const {
  return absl::StrCat("http://127.0.0.1:", port_, target);
}

void HttpTestServer::Serve(const std::string& target, Reply reply) {
  Route(target, [reply](const SeenRequest&) { return reply; });
}

void HttpTestServer::Route(const std::string& target, Handler handler) {
  std::lock_guard<std::mutex> lock(mu_);
  routes_[target] = std::move(handler);
}

int64_t HttpTestServer::Requests(const std::string& target) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = counts_.find(target);
  return it == counts_.end() ? 0 : it->second;
}

std::map<std::string, int64_t> HttpTestServer::RequestCounts() const {
  std::lock_guard<std::mutex> lock(mu_);
  return counts_;
}

int64_t HttpTestServer::TotalRequests() const {
  std::lock_guard<std::mutex> lock(mu_);
  int64_t n = 0;
  for (const auto& [target, count] : counts_) n += count;
  return n;
}

void HttpTestServer::AcceptLoop() {
  while (!Stopping()) {
    pollfd p[2] = {{listener_, POLLIN, 0}, {wake_read_, POLLIN, 0}};
    if (poll(p, 2, -1) < 0 && errno != EINTR) return;
    if (Stopping()) return;
    if (!(p[0].revents & POLLIN)) continue;
    const int fd = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
    if (fd < 0) continue;
    std::lock_guard<std::mutex> lock(mu_);
    connections_.emplace_back([this, fd] {
      ServeConnection(fd);
      close(fd);
    });
  }
}

void HttpTestServer::ServeConnection(int fd) {
  // The request head, then a Content-Length body.
  std::string in;
  const absl::Time deadline = absl::Now() + kIoTimeout;
  size_t head_end = std::string::npos;
  char buf[4096];
  while ((head_end = in.find("\r\n\r\n")) == std::string::npos) {
    if (in.size() > kMaxHead || !Wait(fd, POLLIN, deadline, stopping_)) return;
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0) return;
    if (n > 0) in.append(buf, static_cast<size_t>(n));
  }
  std::vector<std::string> lines = absl::StrSplit(in.substr(0, head_end), "\r\n");
  std::vector<std::string> request_line = absl::StrSplit(lines[0], ' ');
  if (request_line.size() != 3) return;
  SeenRequest seen{request_line[0], request_line[1], in.substr(head_end + 4)};
  size_t length = 0;
  for (size_t i = 1; i < lines.size(); ++i) {
    if (absl::StartsWithIgnoreCase(lines[i], "content-length:")) {
      (void)absl::SimpleAtoi(absl::StripAsciiWhitespace(lines[i].substr(15)), &length);
    }
  }
  while (seen.body.size() < length && length <= kMaxHead) {
    if (!Wait(fd, POLLIN, deadline, stopping_)) return;
    const ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n == 0) return;
    if (n > 0) seen.body.append(buf, static_cast<size_t>(n));
  }
  Handler handler;
  {
    std::lock_guard<std::mutex> lock(mu_);
    ++counts_[seen.target];
    auto it = routes_.find(seen.target);
    if (it != routes_.end()) handler = it->second;
  }
  Reply reply;
  if (handler) {
    reply = handler(seen);
  } else {
    reply.status = 404;
  }
  const absl::Time wake = absl::Now() + reply.delay;
  while (!Stopping() && absl::Now() < wake) absl::SleepFor(absl::Milliseconds(5));
  if (Stopping()) return;
  if (reply.raw) {
    SendAll(fd, *reply.raw, stopping_);
    return;
  }
  std::string head = absl::StrCat("HTTP/1.1 ", reply.status, " ", ReasonFor(reply.status), "\r\n");
  for (const auto& [name, value] : reply.headers) absl::StrAppend(&head, name, ": ", value, "\r\n");
  const uint64_t length_out = reply.stream_bytes > 0 ? reply.stream_bytes : reply.body.size();
  if (reply.framing == Reply::Framing::kContentLength) {
    absl::StrAppend(&head, "Content-Length: ", length_out, "\r\n");
  } else if (reply.framing == Reply::Framing::kChunked) {
    absl::StrAppend(&head, "Transfer-Encoding: chunked\r\n");
  }
  absl::StrAppend(&head, "Connection: close\r\n\r\n");
  if (!SendAll(fd, head, stopping_)) return;
  const bool chunked = reply.framing == Reply::Framing::kChunked;
  auto send_piece = [&](absl::string_view piece) {
    if (!chunked) return SendAll(fd, piece, stopping_);
    return SendAll(fd, absl::StrCat(absl::Hex(piece.size()), "\r\n", piece, "\r\n"), stopping_);
  };
  if (reply.stream_bytes > 0) {
    const std::string block(16384, 'x');
    for (uint64_t sent = 0; sent < reply.stream_bytes; sent += block.size()) {
      if (!send_piece(block)) return;  // the client hung up, as it should
    }
  } else if (!reply.body.empty() && !send_piece(reply.body)) {
    return;
  }
  if (chunked) SendAll(fd, "0\r\n\r\n", stopping_);
}

}  // namespace certval::testfetch
