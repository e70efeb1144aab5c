#include "certval/fetch/http_fetcher.h"

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "certval/fetch/url.h"
#include "certval/tls/resolve.h"

namespace certval::fetch {
namespace {

constexpr size_t kReadChunk = 16384;

absl::Status Malformed(absl::string_view why) {
  return absl::UnavailableError(absl::StrCat("malformed HTTP response: ", why));
}

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Waits until `fd` is ready for `events`, or fails at `deadline`.
absl::Status WaitFor(int fd, short events, absl::Time deadline) {
  for (;;) {
    const absl::Duration left = deadline - absl::Now();
    if (left <= absl::ZeroDuration()) return absl::DeadlineExceededError("timed out");
    pollfd p{fd, events, 0};
    // Rounded up, so that a wait never ends a little before the deadline and spins.
    const int64_t ms = std::min<int64_t>(absl::ToInt64Milliseconds(left) + 1, 60000);
    const int n = poll(&p, 1, static_cast<int>(ms));
    if (n > 0) return absl::OkStatus();
    if (n < 0 && errno != EINTR)
      return absl::UnavailableError(absl::StrCat("poll: ", std::strerror(errno)));
  }
}

absl::StatusOr<Fd> ConnectOne(const addrinfo& a, absl::Time deadline) {
  Fd fd(socket(a.ai_family, a.ai_socktype | SOCK_CLOEXEC | SOCK_NONBLOCK, a.ai_protocol));
  if (fd.get() < 0) return absl::UnavailableError(absl::StrCat("socket: ", std::strerror(errno)));
  if (connect(fd.get(), a.ai_addr, a.ai_addrlen) != 0 && errno != EINPROGRESS) {
    return absl::UnavailableError(std::strerror(errno));
  }
  if (absl::Status s = WaitFor(fd.get(), POLLOUT, deadline); !s.ok()) return s;
  int so_error = 0;
  socklen_t len = sizeof so_error;
  if (getsockopt(fd.get(), SOL_SOCKET, SO_ERROR, &so_error, &len) != 0) so_error = errno;
  if (so_error != 0) return absl::UnavailableError(std::strerror(so_error));
  return fd;
}

absl::StatusOr<Fd> Connect(const HttpUrl& url, absl::Time deadline) {
  absl::StatusOr<tls::AddrInfoList> list = tls::ResolveTcp(url.host, url.port, deadline);
  if (!list.ok()) return list.status();
  absl::Status last = absl::UnavailableError("no address");
  for (addrinfo* a = list->get(); a != nullptr; a = a->ai_next) {
    absl::StatusOr<Fd> fd = ConnectOne(*a, deadline);
    if (fd.ok()) return fd;
    last = fd.status();
    if (absl::IsDeadlineExceeded(last)) break;
  }
  return last;
}

// One connection's reads, buffered, each bounded by the deadline.
class Reader {
 public:
  Reader(int fd, absl::Time deadline) : fd_(fd), deadline_(deadline) {}

  absl::Status SendAll(absl::string_view data) {
    while (!data.empty()) {
      if (absl::Status s = WaitFor(fd_, POLLOUT, deadline_); !s.ok()) return s;
      const ssize_t n = send(fd_, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
      if (n > 0) {
        data.remove_prefix(static_cast<size_t>(n));
      } else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return absl::UnavailableError(absl::StrCat("send: ", std::strerror(errno)));
      }
    }
    return absl::OkStatus();
  }

  // A line ending in CRLF, without it; at most `*budget` bytes with its CRLF (charged).
  absl::StatusOr<std::string> ReadLine(size_t* budget, absl::string_view what) {
    for (;;) {
      const size_t lf = buf_.find('\n', pos_);
      if (lf != std::string::npos) {
        const size_t len = lf + 1 - pos_;
        if (len > *budget) return Malformed(absl::StrCat(what, " over the size limit"));
        *budget -= len;
        if (lf == pos_ || buf_[lf - 1] != '\r')
          return Malformed(absl::StrCat("a bare LF in ", what));
        std::string line = buf_.substr(pos_, lf - 1 - pos_);
        pos_ = lf + 1;
        return line;
      }
      if (buf_.size() - pos_ >= *budget)
        return Malformed(absl::StrCat(what, " over the size limit"));
      if (eof_) return Malformed(absl::StrCat("the connection closed in ", what));
      if (absl::Status s = Fill(); !s.ok()) return s;
    }
  }

  // Exactly `n` bytes appended to `out`.
  absl::Status ReadExact(size_t n, std::string* out) {
    while (n > 0) {
      if (pos_ == buf_.size()) {
        if (eof_) return Malformed("the connection closed before the end of the body");
        if (absl::Status s = Fill(); !s.ok()) return s;
        continue;
      }
      const size_t take = std::min(n, buf_.size() - pos_);
      out->append(buf_, pos_, take);
      pos_ += take;
      n -= take;
    }
    return absl::OkStatus();
  }

  // Everything until the peer closes, appended to `out`; more than `max` bytes in all is an error.
  absl::Status ReadToEof(size_t max, std::string* out) {
    for (;;) {
      const size_t take = buf_.size() - pos_;
      if (take > max - std::min(max, out->size())) {
        return absl::ResourceExhaustedError(absl::StrCat("body over ", max, " bytes"));
      }
      out->append(buf_, pos_, take);
      pos_ = buf_.size();
      if (eof_) return absl::OkStatus();
      if (absl::Status s = Fill(); !s.ok()) return s;
    }
  }

 private:
  absl::Status Fill() {
    if (pos_ > 0 && pos_ == buf_.size()) {
      buf_.clear();
      pos_ = 0;
    }
    char tmp[kReadChunk];
    for (;;) {
      if (absl::Status s = WaitFor(fd_, POLLIN, deadline_); !s.ok()) return s;
      const ssize_t n = recv(fd_, tmp, sizeof tmp, MSG_DONTWAIT);
      if (n > 0) {
        buf_.append(tmp, static_cast<size_t>(n));
        return absl::OkStatus();
      }
      if (n == 0) {
        eof_ = true;
        return absl::OkStatus();
      }
      if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return absl::UnavailableError(absl::StrCat("recv: ", std::strerror(errno)));
      }
    }
  }

  int fd_;
  absl::Time deadline_;
  std::string buf_;
  size_t pos_ = 0;
  bool eof_ = false;
};

struct Head {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased

  std::vector<absl::string_view> All(absl::string_view name) const {
    std::vector<absl::string_view> out;
    for (const auto& h : headers) {
      if (h.first == name) out.push_back(h.second);
    }
    return out;
  }
};

bool TokenChar(char c) {
  return absl::ascii_isalnum(c) || (c != 0 && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
}

absl::StatusOr<Head> ReadHead(Reader& reader, size_t max_header_bytes) {
  size_t budget = max_header_bytes;
  absl::StatusOr<std::string> line = reader.ReadLine(&budget, "the status line");
  if (!line.ok()) return line.status();
  // HTTP/1.x SP 3DIGIT [SP reason]
  const absl::string_view status_line = *line;
  if (!(absl::StartsWith(status_line, "HTTP/1.1 ") || absl::StartsWith(status_line, "HTTP/1.0 ")) ||
      status_line.size() < 12 || !absl::ascii_isdigit(status_line[9]) ||
      !absl::ascii_isdigit(status_line[10]) || !absl::ascii_isdigit(status_line[11]) ||
      (status_line.size() > 12 && status_line[12] != ' ')) {
    return Malformed("not an HTTP/1.x status line");
  }
  Head head;
  head.status =
      (status_line[9] - '0') * 100 + (status_line[10] - '0') * 10 + (status_line[11] - '0');
  for (;;) {
    line = reader.ReadLine(&budget, "the headers");
    if (!line.ok()) return line.status();
    if (line->empty()) break;
    const size_t colon = line->find(':');
    if (colon == 0 || colon == std::string::npos) return Malformed("a header line without a name");
    absl::string_view name = absl::string_view(*line).substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), TokenChar)) {
      return Malformed("a header name with a space or separator (or a folded line)");
    }
    absl::string_view value =
        absl::StripAsciiWhitespace(absl::string_view(*line).substr(colon + 1));
    for (char c : value) {
      const unsigned char u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\t') || u == 0x7f)
        return Malformed("a control byte in a header value");
    }
    head.headers.emplace_back(absl::AsciiStrToLower(name), std::string(value));
  }
  return head;
}

// Cache-Control: the shortest max-age given, zero for no-store / no-cache.
std::optional<absl::Duration> MaxAge(const Head& head) {
  std::optional<absl::Duration> out;
  auto bound = [&out](absl::Duration d) { out = out ? std::min(*out, d) : d; };
  for (absl::string_view value : head.All("cache-control")) {
    for (absl::string_view directive : absl::StrSplit(value, ',')) {
      directive = absl::StripAsciiWhitespace(directive);
      if (absl::EqualsIgnoreCase(directive, "no-store") ||
          absl::EqualsIgnoreCase(directive, "no-cache")) {
        bound(absl::ZeroDuration());
      } else if (absl::StartsWithIgnoreCase(directive, "max-age=")) {
        absl::string_view digits = directive.substr(8);
        uint64_t seconds = 0;
        if (!digits.empty() && digits.size() <= 12 &&
            digits.find_first_not_of("0123456789") == absl::string_view::npos &&
            absl::SimpleAtoi(digits, &seconds)) {
          bound(absl::Seconds(seconds));
        }
      }
    }
  }
  return out;
}

absl::Status ReadChunked(Reader& reader, size_t max_bytes, size_t max_header_bytes,
                         std::string* body) {
  size_t line_budget = max_header_bytes;  // chunk-size lines and trailers
  for (;;) {
    absl::StatusOr<std::string> line = reader.ReadLine(&line_budget, "a chunk size line");
    if (!line.ok()) return line.status();
    absl::string_view size_text = *line;
    size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions are ignored
    size_text = absl::StripTrailingAsciiWhitespace(size_text);
    if (size_text.empty() || size_text.size() > 15 ||
        size_text.find_first_not_of("0123456789abcdefABCDEF") != absl::string_view::npos) {
      return Malformed("a chunk size that is not hexadecimal");
    }
    uint64_t size = 0;
    for (char c : size_text)
      size = size * 16 + static_cast<uint64_t>(absl::ascii_isdigit(c)
                                                   ? c - '0'
                                                   : (absl::ascii_tolower(c) - 'a' + 10));
    if (size == 0) break;
    if (size > max_bytes - std::min(max_bytes, body->size())) {
      return absl::ResourceExhaustedError(absl::StrCat("body over ", max_bytes, " bytes"));
    }
    if (absl::Status s = reader.ReadExact(static_cast<size_t>(size), body); !s.ok()) return s;
    line = reader.ReadLine(&line_budget, "a chunk's end");
    if (!line.ok()) return line.status();
    if (!line->empty()) return Malformed("a chunk longer than its size");
  }
  for (;;) {  // trailer fields, then the empty line
    absl::StatusOr<std::string> line = reader.ReadLine(&line_budget, "the trailers");
    if (!line.ok()) return line.status();
    if (line->empty()) return absl::OkStatus();
  }
}

absl::Status ReadBody(Reader& reader, const Head& head, size_t max_bytes, size_t max_header_bytes,
                      std::string* body) {
  const std::vector<absl::string_view> te = head.All("transfer-encoding");
  const std::vector<absl::string_view> cl = head.All("content-length");
  if (!te.empty()) {
    // RFC 9112 6.1: a sender must not send both; a message with both is a smuggling attempt.
    if (!cl.empty()) return Malformed("both Transfer-Encoding and Content-Length");
    if (te.size() != 1 || !absl::EqualsIgnoreCase(te[0], "chunked")) {
      return Malformed("a Transfer-Encoding other than chunked");
    }
    return ReadChunked(reader, max_bytes, max_header_bytes, body);
  }
  if (!cl.empty()) {
    for (absl::string_view v : cl) {
      if (v != cl[0]) return Malformed("conflicting Content-Length headers");
    }
    uint64_t length = 0;
    if (cl[0].empty() || cl[0].size() > 18 ||
        cl[0].find_first_not_of("0123456789") != absl::string_view::npos ||
        !absl::SimpleAtoi(cl[0], &length)) {
      return Malformed("a Content-Length that is not a number");
    }
    if (length > max_bytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat("body over ", max_bytes, " bytes (Content-Length ", length, ")"));
    }
    return reader.ReadExact(static_cast<size_t>(length), body);
  }
  return reader.ReadToEof(max_bytes, body);
}

bool IsRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

}  // namespace

absl::StatusOr<FetchResponse> HttpFetcher::Fetch(const FetchRequest& request) const {
  const absl::Time deadline = std::min(request.deadline, absl::Now() + options_.max_time);
  absl::StatusOr<HttpUrl> url = ParseHttpUrl(request.url);
  if (!url.ok()) return url.status();
  std::optional<std::string> post = request.post_body;
  for (int redirects = 0;; ++redirects) {
    absl::StatusOr<Fd> fd = Connect(*url, deadline);
    if (!fd.ok()) return fd.status();
    Reader reader(fd->get(), deadline);
    std::string head = absl::StrCat(
        post ? "POST " : "GET ", url->target, " HTTP/1.1\r\nHost: ", url->HostHeader(),
        "\r\nUser-Agent: ", options_.user_agent, "\r\nAccept: */*\r\nConnection: close\r\n");
    if (post) {
      absl::StrAppend(&head, "Content-Type: ", request.content_type,
                      "\r\nContent-Length: ", post->size(), "\r\n");
    }
    absl::StrAppend(&head, "\r\n");
    if (absl::Status s = reader.SendAll(head); !s.ok()) return s;
    if (post) {
      if (absl::Status s = reader.SendAll(*post); !s.ok()) return s;
    }
    absl::StatusOr<Head> response = ReadHead(reader, options_.max_header_bytes);
    if (!response.ok()) return response.status();
    if (IsRedirect(response->status)) {
      const std::vector<absl::string_view> location = response->All("location");
      if (location.size() != 1)
        return Malformed(absl::StrCat("a redirect (", response->status, ") without one Location"));
      if (redirects >= options_.max_redirects) {
        return absl::UnavailableError(
            absl::StrCat("more than ", options_.max_redirects, " redirects"));
      }
      // A POST is repeated only where HTTP says the method stays (307, 308).
      if (post && response->status != 307 && response->status != 308) {
        return absl::UnavailableError(
            absl::StrCat("a POST redirected with status ", response->status));
      }
      absl::StatusOr<HttpUrl> next = ResolveRedirect(*url, location[0]);
      if (!next.ok())
        return absl::InvalidArgumentError(absl::StrCat("redirect: ", next.status().message()));
      url = *std::move(next);
      continue;
    }
    if (response->status != 200) {
      return absl::UnavailableError(absl::StrCat("HTTP status ", response->status));
    }
    FetchResponse out;
    if (absl::Status s =
            ReadBody(reader, *response, request.max_bytes, options_.max_header_bytes, &out.body);
        !s.ok()) {
      return s;
    }
    out.max_age = MaxAge(*response);
    return out;
  }
}

}  // namespace certval::fetch
