// HttpFetcher: certval's own Fetcher, a minimal HTTP/1.1 client over POSIX sockets.
//
// Why not a library: every flavour of Debian's libcurl (OpenSSL, GnuTLS and NSS builds alike)
// loads OpenSSL's libcrypto.so.3, through libssh2 and its own TLS backend (checked with ldd on
// bookworm, 7.88.1), and OpenSSL's libcrypto must never share a process with BoringSSL. The web PKI
// publishes issuers, CRLs and OCSP over plain http://, so a small client is all that is needed:
//   - http:// only (fetch/url.h); GET, and POST for OCSP; "Connection: close", one request per
//     connection;
//   - every limit explicit: the caller's deadline (name resolution, connect, each read and write),
//     max_bytes of body, max_header_bytes of status line and headers, max_redirects;
//   - strict parsing: HTTP/1.0 or 1.1 status line, header lines "name: value" (no obs-fold, no
//     bare LF), Content-Length (digits only, one value), Transfer-Encoding chunked (and nothing
//     else), or a body up to the connection's close; a response that is anything else is refused.
// Thread-safe: no state is shared between calls.
#ifndef CERTVAL_FETCH_HTTP_FETCHER_H_
#define CERTVAL_FETCH_HTTP_FETCHER_H_

#include <cstddef>
#include <string>

#include "absl/time/time.h"
#include "certval/validator/fetcher.h"

namespace certval::fetch {

struct HttpFetcherOptions {
  int max_redirects = 3;            // followed per fetch; one more is an error
  size_t max_header_bytes = 16384;  // status line and headers (and chunk trailers) together
  // Longest one fetch may take whatever the request's deadline: a fetcher used outside a
  // validation (the CLI, a prefetch) is bounded too.
  absl::Duration max_time = absl::Seconds(15);
  std::string user_agent = "certval";
};

class HttpFetcher : public Fetcher {
 public:
  explicit HttpFetcher(HttpFetcherOptions options = {}) : options_(std::move(options)) {}
  absl::StatusOr<FetchResponse> Fetch(const FetchRequest& request) const override;

 private:
  HttpFetcherOptions options_;
};

}  // namespace certval::fetch

#endif  // CERTVAL_FETCH_HTTP_FETCHER_H_
