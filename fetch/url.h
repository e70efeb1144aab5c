// Strict parsing of the http:// URLs that certificates name (caIssuers, CRL distribution points,
// OCSP responders).
//
// Only what the web PKI uses is accepted: scheme "http", a host name, IPv4 address or bracketed
// IPv6 address, an optional port, a path and query. Refused: any other scheme (https would need a
// validation inside the validation), userinfo ("user@"), fragments, whitespace, control or
// non-ASCII bytes, and anything over kMaxUrlLength. What reaches the request line is exactly what
// was checked here, so a certificate cannot inject headers.
#ifndef CERTVAL_FETCH_URL_H_
#define CERTVAL_FETCH_URL_H_

#include <cstdint>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval::fetch {

inline constexpr size_t kMaxUrlLength = 2048;

struct HttpUrl {
  std::string host;  // lower-cased; an IPv6 address without its brackets
  uint16_t port = 80;
  std::string target;  // the request target: path (at least "/") and query, as written
  // The Host header's value: host, bracketed when IPv6, with ":port" unless 80.
  std::string HostHeader() const;
  std::string ToString() const;  // http://HostHeader()target
};

ABSL_MUST_USE_RESULT
absl::StatusOr<HttpUrl> ParseHttpUrl(absl::string_view text);

// The target of a redirect from `base`: an absolute http:// URL, or an absolute path on the same
// host ("/x"). Anything else (https://, a relative path, "//host") is refused.
ABSL_MUST_USE_RESULT
absl::StatusOr<HttpUrl> ResolveRedirect(const HttpUrl& base, absl::string_view location);

}  // namespace certval::fetch

#endif  // CERTVAL_FETCH_URL_H_
