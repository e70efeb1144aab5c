// The root-store file: an administrator's list of trust anchors with per-anchor constraints, and
// exclusions of roots the other stores hold. Documented in docs/root-store.md:
//
//   # comments and blank lines are ignored
//   anchor file corp-root.pem {            # a PEM or DER file (relative: to this file's directory)
//     purposes server                      # server (TLS), email; default: both
//     permit dns corp.example              # permit/exclude dns NAME | ip CIDR | email DOMAIN
//     exclude dns legacy.corp.example
//     distrust-after server 2027-01-01T00:00:00Z   # server | email, UTC
//     max-leaf-validity 398d               # Nd or Nh
//   }
//   anchor sha256 <hex> { ... }            # a root of the other stores (built-in, system), limited
//   exclude sha256 <hex>                   # a root of the other stores that must not anchor
//
// A block may be left out (`anchor file x.pem` alone: no constraints). Loading is all or nothing:
// the whole file is parsed and every certificate read before the store changes, so a malformed
// file (its error reads "<file>:<line>: <what>") changes nothing.
#ifndef CERTVAL_TRUST_ROOT_STORE_FILE_H_
#define CERTVAL_TRUST_ROOT_STORE_FILE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate.h"
#include "certval/validator/trust_source.h"

namespace certval {

struct RootStoreAnchor {
  std::string file;            // `anchor file`: the path as written
  Sha256Digest fingerprint{};  // `anchor sha256`
  bool by_fingerprint = false;
  std::shared_ptr<const AnchorConstraints> constraints;  // null: the line had no block
  int line = 0;
};

struct RootStoreFile {
  std::string source;    // the file name, for errors
  std::string base_dir;  // relative anchor files are read from here
  std::vector<RootStoreAnchor> anchors;
  std::vector<Sha256Digest> excluded;
};

// Parses the text only (no certificate is read). `source` names it in errors.
ABSL_MUST_USE_RESULT
absl::StatusOr<RootStoreFile> ParseRootStoreFile(absl::string_view text, absl::string_view source,
                                                 absl::string_view base_dir = ".");

// Parses the file and reads every anchor it names, then adds them all to `store` with their
// constraints and marks the excluded roots distrusted; on any error, `store` is unchanged.
// `others` are the roots an `anchor sha256` line may name (e.g. the built-in and system sets).
ABSL_MUST_USE_RESULT
absl::Status LoadRootStoreFile(const std::string& path, TrustStore& store,
                               const std::vector<CertificatePtr>& others = {});

// The same for a file already parsed (its anchor files are read now).
ABSL_MUST_USE_RESULT
absl::Status ApplyRootStoreFile(const RootStoreFile& file, TrustStore& store,
                                const std::vector<CertificatePtr>& others = {});

}  // namespace certval

#endif  // CERTVAL_TRUST_ROOT_STORE_FILE_H_
