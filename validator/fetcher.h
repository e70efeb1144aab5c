// Fetcher: how a validation may reach the network, when the application grants it.
//
// The validator never opens a socket itself. An application that wants missing intermediates
// (authorityInfoAccess caIssuers), CRLs (cRLDistributionPoints) or OCSP responses fetched hands a
// Fetcher to ValidatorOptions::fetch; certval's own is fetch/http_fetcher.h (plain http://, as the
// web PKI publishes these), usually wrapped in the shared cache of fetch/fetch_cache.h. Everything
// fetched is untrusted input: certificates become untrusted intermediates, CRLs and OCSP responses
// are verified like supplied ones.
//
// Implementations must be safe for concurrent calls, must return by `deadline` and must not
// return more than `max_bytes` of body (an error instead).
#ifndef CERTVAL_VALIDATOR_FETCHER_H_
#define CERTVAL_VALIDATOR_FETCHER_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

namespace certval {

// What a fetch is for: a cache may derive freshness from the content (a CRL's nextUpdate).
enum class FetchKind { kIssuers, kCrl, kOcsp };
absl::string_view FetchKindName(FetchKind kind);  // "issuers", "crl", "ocsp"

struct FetchRequest {
  std::string url;  // http://host[:port]/path
  FetchKind kind = FetchKind::kIssuers;
  // POST with this body and Content-Type when set (an OCSP request, RFC 6960 A.1); GET otherwise.
  std::optional<std::string> post_body;
  std::string content_type;  // for the POST body, e.g. "application/ocsp-request"
  // The whole fetch, redirects included. A fetcher may bound it further (HttpFetcher: 15 s).
  absl::Time deadline = absl::InfiniteFuture();
  size_t max_bytes = 1 << 20;  // largest body accepted
};

struct FetchResponse {
  std::string body;
  // How long the body may be reused, as the server said (Cache-Control max-age; Expires is not
  // read). Unset: the server said nothing.
  std::optional<absl::Duration> max_age;
  bool from_cache = false;  // set by caches, for reports
};

// What a validation granted a Fetcher may fetch (ValidatorOptions::fetch_policy).
struct FetchPolicy {
  // A missing issuer, from its child's authorityInfoAccess caIssuers URL, when no path reaches a
  // trust anchor. The certificates fetched are untrusted intermediates like any other.
  bool issuers = true;
  // Revocation data the configured sources do not have: an OCSP response (POST to the
  // authorityInfoAccess OCSP URL), then the CRL of a cRLDistributionPoints URL. Turning it on asks
  // for revocation checking (the "revocation" check runs as if revocation data had been given).
  bool revocation = false;
};

// One fetch made (or answered by a cache) during a validation, for reports (ValidationResult::
// fetches). `url` is the certificate's text: escape it before printing.
struct FetchRecord {
  std::string url;
  FetchKind kind = FetchKind::kIssuers;
  bool ok = false;
  bool from_cache = false;
  size_t bytes = 0;
  std::string error;  // when !ok
};

class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // The body, or an error whose message says what went wrong in words ("timed out", "body over
  // 65536 bytes", "5 redirects"). Error codes: DeadlineExceeded for time, ResourceExhausted for
  // size, InvalidArgument for a URL refused, Unavailable for anything else.
  virtual absl::StatusOr<FetchResponse> Fetch(const FetchRequest& request) const = 0;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_FETCHER_H_
