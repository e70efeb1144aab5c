// A small HTTP/1.1 server on 127.0.0.1 for the fetching tests and benchmark: it serves issuers,
// CRLs and OCSP responses, and misbehaves on request (slow, huge, redirect loops, garbage).
//
// Each connection is served on its own thread, so a slow route does not hold the others; every
// wait is bounded and the destructor stops and joins everything. It counts the requests per
// target, which is how tests and the benchmark prove that a cache fetched each URL once. It never
// listens on anything but the loopback address.
#ifndef CERTVAL_TESTS_FETCH_HTTP_TEST_SERVER_H_
#define CERTVAL_TESTS_FETCH_HTTP_TEST_SERVER_H_

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace certval::testfetch {

struct SeenRequest {
  std::string method;  // "GET", "POST"
  std::string target;  // "/path?query"
  std::string body;
};

struct Reply {
  enum class Framing { kContentLength, kChunked, kUntilClose };
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  Framing framing = Framing::kContentLength;
  absl::Duration delay;            // before anything is sent (a slow server)
  std::optional<std::string> raw;  // sent verbatim instead of a response (garbage)
  // A huge body: this many bytes streamed after the headers (Content-Length announces them when
  // framing is kContentLength), until the client hangs up.
  uint64_t stream_bytes = 0;

  static Reply Ok(std::string body, std::string content_type = "application/octet-stream");
  static Reply Redirect(std::string location, int status = 302);
};

using Handler = std::function<Reply(const SeenRequest&)>;

class HttpTestServer {
 public:
  static absl::StatusOr<std::unique_ptr<HttpTestServer>> Start();
  ~HttpTestServer();

  uint16_t port() const { return port_; }
  std::string Url(const std::string& target) const;  // "http://127.0.0.1:PORT" + target

  // Routes by exact target; later calls replace earlier ones. Unrouted targets get 404.
  void Serve(const std::string& target, Reply reply);
  void Route(const std::string& target, Handler handler);

  int64_t Requests(const std::string& target) const;
  std::map<std::string, int64_t> RequestCounts() const;
  int64_t TotalRequests() const;

 private:
  HttpTestServer(int listener, uint16_t port, int wake_read, int wake_write);
  void AcceptLoop();
  void ServeConnection(int fd);
  bool Stopping() const { return stopping_.load(); }

  int listener_;
  uint16_t port_;
  int wake_read_, wake_write_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mu_;  // not absl::Mutex: Debian's Abseil is not TSan-instrumented
  std::map<std::string, Handler> routes_;
  std::map<std::string, int64_t> counts_;
  std::vector<std::thread> connections_;
  std::thread acceptor_;
};

}  // namespace certval::testfetch

#endif  // CERTVAL_TESTS_FETCH_HTTP_TEST_SERVER_H_
