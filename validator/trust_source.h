// The narrow interfaces through which the path builder asks for issuers and trust.
//
// `validator/` never includes a concrete store: `trust/TrustStore` implements TrustSource, and the
// untrusted intermediates of a request are another IssuerSource. Implementations must be safe for
// concurrent calls.
#ifndef CERTVAL_VALIDATOR_TRUST_SOURCE_H_
#define CERTVAL_VALIDATOR_TRUST_SOURCE_H_

#include <memory>
#include <string>
#include <vector>

#include "certval/validator/certificate.h"

namespace certval {

// How a certificate is trusted (a small closed set, in the manner of BoringSSL's CertificateTrust).
enum class TrustKind {
  kUnspecified,  // not trusted by itself; may be an intermediate
  kAnchor,       // a trust anchor: paths may end here (AddRoot)
  kLeaf,         // trusted exactly as this end-entity certificate, as a one-element path (AddCert)
  kDistrusted,   // never part of an accepted path (Distrust)
};

// Extra limits an application puts on everything below one anchor (AddRoot with constraints).
// Names use the same forms as the nameConstraints extension.
struct AnchorConstraints {
  std::vector<std::string> permitted_dns, excluded_dns;
  std::vector<std::string> permitted_ip, excluded_ip;  // address||mask bytes (8 or 32)
  std::vector<std::string> permitted_email, excluded_email;
  std::vector<std::string> allowed_ekus;  // EKU OID contents; empty = no restriction
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
};

class IssuerSource {
 public:
  virtual ~IssuerSource() = default;
  // Appends the certificates whose subject equals `child.issuer()` (normalized comparison).
  virtual void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const = 0;
};

class TrustSource : public IssuerSource {
 public:
  // The trust of `cert`: exact-certificate trust and distrust first, then anchors by subject and key.
  virtual TrustInfo GetTrust(const Certificate& cert) const = 0;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_TRUST_SOURCE_H_
