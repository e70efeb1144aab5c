// The Mozilla root set, compiled into certval.
//
// The roots come from NSS's certdata.txt (third_party/nss, Mozilla's own list) at build time: every
// root Mozilla trusts for TLS servers or for email, with its trust bits and distrust-after dates
// (trust/root_programs.h, FindMozillaRoot), which TrustStore attaches to the root wherever it is
// loaded from. Roots Mozilla lists without trusting them are not anchors. The version names the NSS
// revision, e.g. "nss-dev/nss 9d75dfde2e79... (builtins 2.86)". Use the set where the system store
// is absent or must not be relied on (containers, tests).
#ifndef CERTVAL_TRUST_MOZILLA_ROOTS_H_
#define CERTVAL_TRUST_MOZILLA_ROOTS_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate.h"

namespace certval {

// One embedded root, unparsed.
struct EmbeddedCertificate {
  absl::string_view name;  // certdata.txt's label, e.g. "ISRG Root X1"
  Der der;
};

struct MozillaRootSet {
  std::string version;                        // the NSS revision certdata.txt was taken from
  std::vector<EmbeddedCertificate> embedded;  // every root compiled in, in certdata.txt's order
  std::vector<CertificatePtr> roots;          // those certval's parser accepts
  // "<name>: <parse error>" for the others (e.g. a GeneralizedTime notBefore before 2050, which the
  // strict parser rejects).
  std::vector<std::string> unparsable;
};

// The set, parsed on first use (thread-safe) and shared: the certificates are immutable.
const MozillaRootSet& MozillaRoots();

// Shorthands for MozillaRoots().version and the number of roots compiled in.
absl::string_view MozillaRootsVersion();
size_t MozillaRootCount();

// A new, independent store holding the Mozilla roots (callers may add to or distrust in it without
// affecting others). Fails only if no root could be parsed.
ABSL_MUST_USE_RESULT
absl::StatusOr<std::shared_ptr<TrustStore>> MozillaTrustStore();

}  // namespace certval

#endif  // CERTVAL_TRUST_MOZILLA_ROOTS_H_
