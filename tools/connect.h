// `certval connect HOST:PORT`: a BoringSSL handshake whose certificate check is a certval
// Validator, reported the way `certval verify` reports a chain, plus what happened on the wire.
#ifndef CERTVAL_TOOLS_CONNECT_H_
#define CERTVAL_TOOLS_CONNECT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "certval/tls/transport.h"
#include "certval/validator/request.h"
#include "certval/validator/validator.h"
#include "tools/describe.h"

namespace certval {

struct ConnectConfig {
  std::string host;
  uint16_t port = 0;
  std::string servername;  // SNI to send; empty: `host` unless it is an IP address
  std::shared_ptr<const Validator> validator;
  // purpose, profile, time, extra intermediates; its peer name, when set, is the name to check
  // (else the SNI, else the IP address dialed).
  ValidationRequest request;
  bool legacy = false;  // tls::EnableLegacyCompatibility instead of tls::ApplyModernProfile
  // Counted from RunConnect's start, for resolution, connect, handshake and validation together.
  absl::Duration timeout = absl::Seconds(10);
  TrustSummary trust;  // what the validator trusts, for the report
};

struct ConnectReport {
  std::string target;  // "host:port"
  std::string sni;     // sent, or empty
  PeerName checked_name;
  tls::DialResult dial;
  TrustSummary trust;
};

// Runs the handshake. An error status is an input or network error (exit 2): bad
// configuration, unresolvable host, refused or timed-out connection; its message names host:port.
absl::StatusOr<ConnectReport> RunConnect(const ConnectConfig& config);

// Text and JSON renderings: the verify-style result (with the trust used and, when no path was
// found, hints) plus a "tls" section.
std::string ConnectText(const ConnectReport& report);
nlohmann::json ConnectJson(const ConnectReport& report);

// 0: validated and the handshake completed. 1: certval rejected the certificate. 2: no verdict or
// a handshake failure that is not certval's (protocol mismatch, not TLS, the server refused us).
int ConnectExitCode(const ConnectReport& report);

}  // namespace certval

#endif  // CERTVAL_TOOLS_CONNECT_H_
