// What to validate (ValidationRequest) and the limits that bound the work (Limits).
//
// Plain values whose defaults are the safe behaviour: web PKI profile, serverAuth, enforce
// everything. Time is an input; the Validator reads the clock only when the request leaves it
// unset.
#ifndef CERTVAL_VALIDATOR_REQUEST_H_
#define CERTVAL_VALIDATOR_REQUEST_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"
#include "certval/validator/revocation.h"

namespace certval {

// The name the caller expected the peer to have. Left unset (kNone), validation fails with
// "peer_name.missing": a chain that is valid for *some* name proves nothing about the peer. A
// caller that really means "any name its roots vouch for" (a client-certificate check, a CA tool)
// says so with PeerName::Any().
struct PeerName {
  enum class Kind { kNone, kDns, kIp, kEmail, kAny };
  Kind kind = Kind::kNone;
  std::string value;  // DNS name, IP address text, or email address; empty for kNone and kAny

  static PeerName Any() { return {Kind::kAny, std::string()}; }
  static PeerName Dns(std::string name) { return {Kind::kDns, std::move(name)}; }
  static PeerName Ip(std::string address) { return {Kind::kIp, std::move(address)}; }
  static PeerName Email(std::string address) { return {Kind::kEmail, std::move(address)}; }
};

enum class Purpose { kServerAuth, kClientAuth, kAny };
// Which rules a path is held to (README, "Profiles"):
//   kWebPki        the CA/Browser Forum Baseline Requirements, on top of RFC 5280's algorithm;
//   kRfc5280       RFC 5280 section 6.1's path-validation algorithm exactly (what NIST PKITS
//   tests); kRfc5280Strict kRfc5280 plus section 4's MUSTs on how every certificate of the path is
//                  encoded (critical basicConstraints and policyConstraints, key identifiers,
//                  serials; what x509-limbo's rfc5280:: cases expect).
enum class Profile { kWebPki, kRfc5280, kRfc5280Strict };

// RFC 5280 6.1.1's policy inputs (c), (e), (f), (g). The defaults are RFC 5280's: any policy
// acceptable, no explicit policy required, mapping and anyPolicy allowed.
struct PolicyInputs {
  std::vector<std::string> user_initial_policy_set;  // policy OIDs (contents); empty = {anyPolicy}
  bool initial_explicit_policy = false;
  bool initial_policy_mapping_inhibit = false;
  bool initial_any_policy_inhibit = false;
};

absl::string_view PurposeName(Purpose purpose);  // "serverAuth", "clientAuth", "any"
absl::string_view ProfileName(Profile profile);  // "webpki", "rfc5280", "rfc5280_strict"

// Bounds on the work one validation may do, all drawn from one Budget per validation
// (validator/budget.h). Exceeding one is an error finding, never a hang:
//   max_input_certificates, max_input_bytes   "limits.too_many_certificates",
//   "limits.input_too_large" max_signature_checks                      "limits.too_many_signatures"
//   max_build_steps                           "limits.too_many_build_steps"
//   max_paths_evaluated                       "limits.too_many_paths"
//   max_name_comparisons                      "limits.too_many_name_comparisons"
//   max_policy_nodes                          "limits.too_many_policy_nodes"
//   max_revocation_steps                      "limits.too_many_revocation_steps"
//   max_revocation_inputs, max_revocation_input_bytes
//                                             "limits.too_many_revocation_inputs",
//                                             "limits.revocation_input_too_large"
//   ValidationRequest::deadline               "limits.deadline_exceeded"
//   max_fetches, max_fetch_bytes, max_fetch_time  "fetch.too_many_fetches", "fetch.too_many_bytes",
//                                             "fetch.deadline_exceeded" (warnings: fetching stops)
//   max_intermediates (or request.max_depth)  "trust_anchor.no_trusted_root ... within N
//   intermediates"
// Whatever max_depth says, no path has more than 32 intermediates ("limits.path_too_deep").
// tests/limits_test.cc trips each of them.
struct Limits {
  // The CA/Browser Forum sees no need for more than a few intermediates; 8 is generous, and each
  // level multiplies the candidates a hostile chain can offer.
  int max_intermediates = 8;  // per path, not counting self-issued certificates
  // Real TLS chains have 2 to 5 certificates of 1-2 KB each; 64 certificates and 1 MiB leave room
  // for odd but honest chains (BoringSSL's own default message limit is 100 KB).
  int max_input_certificates = 64;   // leaf + intermediates presented
  size_t max_input_bytes = 1 << 20;  // total DER presented
  // A path of the maximum depth needs 9 verifications; 100 allows a few dead ends per level
  // (cross-signs, expired duplicates) and caps the public-key work at about 2 ms for RSA-2048
  // and 20 ms for P-256 on this project's reference machine.
  int max_signature_checks = 100;
  // Issuer candidates considered across all paths: the search's own time, apart from the keys'.
  int max_build_steps = 20000;
  int max_paths_evaluated = 32;  // complete candidate paths run through the checks
  // Subtrees x names, summed over every CA of every path evaluated (RFC 5280 4.2.1.10 matching is
  // that product); 2^20 takes a few milliseconds, far above any real certificate's needs.
  int64_t max_name_comparisons = 1 << 20;
  // Nodes of the valid policy graph (RFC 5280 6.1.2-6.1.5) built across every path evaluated. A
  // graph, not a tree, keeps honest paths linear (certificates x policies); the limit stops shapes
  // like CVE-2023-0464's that would grow without it. "limits.too_many_policy_nodes".
  int64_t max_policy_nodes = 1 << 16;
  // Revocation data comes apart from the chain, with limits of its own: a CRL of a large CA is
  // megabytes (tens of thousands of entries) where a chain is kilobytes. 16 MiB holds a CRL of
  // about 400,000 entries; 4 Mi steps bound the entries parsed (and the CRLs considered) at well
  // under a second.
  int max_revocation_inputs = 64;  // CRLs + OCSP responses in one request
  size_t max_revocation_input_bytes = 16 << 20;
  int64_t max_revocation_steps = 1 << 22;
  // Fetching (only with ValidatorOptions::fetch; README "Fetching"): per validation, at most this
  // many fetches (caIssuers, OCSP, CRLs together, cache hits included), bytes fetched, and
  // wall-clock time spent on fetches (also bounded by the request's deadline). Running out ends
  // fetching, not the validation: "fetch.too_many_fetches", "fetch.too_many_bytes",
  // "fetch.deadline_exceeded" (warnings), and what was not fetched stays missing.
  int max_fetches = 4;
  size_t max_fetch_bytes = 8 << 20;  // a large CA's CRL is megabytes
  absl::Duration max_fetch_time = absl::Seconds(5);
};

struct ValidationRequest {
  // The peer's certificates as DER: the leaf, and untrusted intermediates in any order.
  std::string leaf;
  std::vector<std::string> intermediates;
  // Already parsed certificates; when `parsed_leaf` is set the DER fields above are ignored.
  CertificatePtr parsed_leaf;
  std::vector<CertificatePtr> parsed_intermediates;

  PeerName peer_name;
  std::optional<absl::Time> time;  // unset: now
  Purpose purpose = Purpose::kServerAuth;
  Profile profile = Profile::kWebPki;
  uint16_t required_key_usage = 0;  // KeyUsageBit mask the leaf must assert, if it has keyUsage
  std::optional<int> max_depth;     // overrides Limits::max_intermediates
  bool allow_common_name_fallback = false;  // match the subject CN when the leaf has no SAN
  // Wall-clock time after which the validation stops with "limits.deadline_exceeded" (e.g. a TLS
  // handshake's timeout). Unset: only the Limits bound the work.
  std::optional<absl::Time> deadline;
  PolicyInputs policy;  // certificate-policy processing inputs (the certificate_policies check)

  // Revocation data for this validation (the "revocation" check; README "Revocation"), apart from
  // the chain and its max_input_bytes: CRLs and OCSP responses as DER, and sources consulted with
  // the Validator's own.
  std::vector<std::string> crls;
  std::vector<std::string> ocsp_responses;
  // Set by a TLS client that asked the server for a stapled OCSP response (status_request): the
  // response the server stapled, or "" when it stapled none. The staple is an OCSP response like
  // the others (tried first); and a leaf whose TLS feature extension asks for status_request (OCSP
  // Must-Staple, RFC 7633) fails with "revocation.must_staple_missing" unless it answers for it.
  std::optional<std::string> stapled_ocsp;
  std::vector<std::shared_ptr<const RevocationSource>> revocation_sources;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_REQUEST_H_
