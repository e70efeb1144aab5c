// The narrow interfaces through which the path builder asks for issuers and trust.
//
// `validator/` never includes a concrete store: `trust/TrustStore` implements TrustSource, and the
// untrusted intermediates of a request are another IssuerSource. Implementations must be safe for
// concurrent calls.
#ifndef CERTVAL_VALIDATOR_TRUST_SOURCE_H_
#define CERTVAL_VALIDATOR_TRUST_SOURCE_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "certval/validator/certificate.h"

namespace certval {

// How a certificate is trusted (a small closed set, in the manner of BoringSSL's CertificateTrust).
enum class TrustKind {
  kUnspecified,  // not trusted by itself; may be an intermediate
  kAnchor,       // a trust anchor: paths may end here (AddRoot)
  kLeaf,         // trusted exactly as this end-entity certificate, as a one-element path (AddCert)
  kDistrusted,   // never part of an accepted path (Distrust)
};

// Extra limits on everything below one anchor: an application's (AddRoot with constraints), an
// administrator's (a root-store file, trust/root_store_file.h) or a root program's (Mozilla's trust
// bits and distrust-after dates, which trust/TrustStore attaches to Mozilla's roots by
// fingerprint). Names use the same forms as the nameConstraints extension.
struct AnchorConstraints {
  std::vector<std::string> permitted_dns, excluded_dns;
  std::vector<std::string> permitted_ip, excluded_ip;  // address||mask bytes (8 or 32)
  std::vector<std::string> permitted_email, excluded_email;
  std::vector<std::string> allowed_ekus;  // EKU OID contents; empty = no restriction

  // Enforced by the trust_anchor check (validator/checks/trust_anchor_check.h).
  // The purposes the anchor is trusted for, as root programs state them: "server" covers TLS
  // (serverAuth and clientAuth paths), "email" S/MIME. Mozilla's email-only roots have
  // trusted_for_server = false.
  bool trusted_for_server = true;
  bool trusted_for_email = true;
  // A leaf whose notBefore is later than the date is refused for the purpose; older leaves keep
  // working (Mozilla's CKA_NSS_SERVER_DISTRUST_AFTER / CKA_NSS_EMAIL_DISTRUST_AFTER).
  std::optional<absl::Time> server_distrust_after, email_distrust_after;
  // The longest leaf validity (notAfter - notBefore) accepted below the anchor.
  std::optional<absl::Duration> max_leaf_validity;
};

// Whose rules bind the CAs below an anchor. The CA/Browser Forum Baseline Requirements bind the
// CAs of root programs; a private CA is bound by its operator only, so under the web PKI profile
// the BRs' issuance rules are errors on paths to kRootProgram anchors and warnings on paths to
// kPrivate ones (README "Profiles"). Rules with a security effect bind both alike.
enum class AnchorOrigin {
  kRootProgram,  // in a browser root program (trust/: the built-in Mozilla set, or the caller says)
  kPrivate,      // any other anchor, e.g. a corporate CA, also when added to the system store
};

struct TrustInfo {
  TrustKind kind = TrustKind::kUnspecified;
  std::shared_ptr<const AnchorConstraints> constraints;  // only for kAnchor, may be null
  // Only meaningful for kAnchor. A TrustSource that does not say gets the stricter reading.
  AnchorOrigin origin = AnchorOrigin::kRootProgram;
  // Which store the anchor came from, e.g. "system", "mozilla", "root-store" (TrustStore's name);
  // ValidationResult::anchor_source reports it.
  std::string source;
};

class IssuerSource {
 public:
  virtual ~IssuerSource() = default;
  // Appends the certificates whose subject equals `child.issuer()` (normalized comparison).
  virtual void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const = 0;
};

class TrustSource : public IssuerSource {
 public:
  // The trust of `cert`: exact-certificate trust and distrust first, then anchors by subject and
  // key.
  virtual TrustInfo GetTrust(const Certificate& cert) const = 0;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_TRUST_SOURCE_H_
