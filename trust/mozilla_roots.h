// The Mozilla root set, compiled into certval.
//
// The roots come from Debian's ca-certificates package (/usr/share/ca-certificates/mozilla/*.crt)
// at build time (@certval_mozilla_roots, see bazel/system_repos.bzl), so the set is exactly the one
// the build machine's package held, and its version says which: e.g. "20230311+deb12u1". Rebuilding
// after a package upgrade (Bazel refetches local repositories on a server restart) picks up the new
// set. Use it where the system store is absent or must not be relied on (containers, tests).
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
  absl::string_view name;  // the ca-certificates file name without ".crt", e.g. "ISRG_Root_X1"
  Der der;
};

struct MozillaRootSet {
  std::string version;                 // the ca-certificates package version
  std::vector<EmbeddedCertificate> embedded;  // every root compiled in, in file-name order
  std::vector<CertificatePtr> roots;   // those certval's parser accepts
  // "<name>: <parse error>" for the others. In 20230311+deb12u1 one: Certum_Trusted_Network_CA_2,
  // whose GeneralizedTime notBefore before 2050 the strict parser rejects.
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
