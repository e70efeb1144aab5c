// Test-only: runs Chromium's certificate verifier (BoringSSL's pki/, @boringssl//:pki) on the same
// input as a certval ValidationRequest, as a differential oracle (issue 20, docs/differential.md).
//
// The trust anchors are Chromium TRUSTED_ANCHORs with the constraints certval applies to its own
// anchors enforced: the anchor's validity period (certval's validity check covers every certificate
// of the path) and its extensions, basicConstraints required of a v3 anchor (certval's
// basic_constraints check judges the anchor as an issuer, and its name-constraints, EKU,
// key-usage and policy checks read the anchor's extensions; RFC 5937).
//
// Chromium's verifier checks paths, not peer names: the name (DNS, IP, email) is checked against
// the leaf with libcrypto's X509_check_host / X509_check_ip_asc / X509_check_email, subjectAltName
// only unless the request allows the common-name fallback.
#ifndef CERTVAL_TESTS_ORACLE_CHROMIUM_VERIFIER_H_
#define CERTVAL_TESTS_ORACLE_CHROMIUM_VERIFIER_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "certval/validator/request.h"

namespace certval {
namespace oracle {

struct ChromiumInput {
  std::string leaf;                        // DER
  std::vector<std::string> intermediates;  // DER, any order
  std::vector<std::string> anchors;        // DER
  absl::Time time = absl::UnixEpoch();
  PeerName peer_name = PeerName::Any();
  Purpose purpose = Purpose::kServerAuth;
  bool allow_common_name_fallback = false;
  PolicyInputs policy;
  std::optional<int> max_intermediates;  // certval's request.max_depth, if set
};

struct ChromiumVerdict {
  bool accepted = false;
  bool path_valid = false;   // a path was built and verified (the name aside)
  bool name_matched = true;  // meaningful when path_valid
  // "" if accepted; else "PATH_NOT_FOUND" (no path reached an anchor), "SEARCH_LIMIT" (the
  // iteration limit or deadline stopped the search), "CHAIN_INVALID" (a path to an anchor failed
  // verification: see `errors`), "NAME_MISMATCH" (a valid path, the wrong name) or
  // "CERTIFICATE_INVALID" (Chromium cannot parse the leaf).
  std::string status;
  // The best path's high-severity error ids ("Time is after notAfter", ...), as Chromium names
  // them.
  std::vector<std::string> errors;
  // One line: status, then the errors with the certificate they are about.
  std::string error;
  size_t path_length = 0;  // certificates in the best path (accepted or not)
  // Chromium's parse diagnostic for each anchor it cannot parse (and so does not trust).
  std::vector<std::string> unparseable_anchors;

  bool HasError(const std::string& id) const;
};

// Never throws; input Chromium cannot parse (a leaf, an anchor) is a rejection with its diagnostic.
ChromiumVerdict RunChromium(const ChromiumInput& input);

// The same input as a certval request: `anchors` are the DER roots of its TrustStore, `now` the
// time to use when the request leaves it unset.
ChromiumInput InputFromRequest(const ValidationRequest& request,
                               const std::vector<std::string>& anchors, absl::Time now);

}  // namespace oracle
}  // namespace certval

#endif  // CERTVAL_TESTS_ORACLE_CHROMIUM_VERIFIER_H_
