// `certval roots` and `--root-store F` (issue 19): the command-line side of trust as data.
#ifndef CERTVAL_TOOLS_ROOTS_H_
#define CERTVAL_TOOLS_ROOTS_H_

#include <memory>
#include <ostream>
#include <string>

#include "absl/status/statusor.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/trust_source.h"

namespace certval {

// `base` with the root-store file at `path` layered before it (so that the file's limits on a root
// it names by fingerprint apply, and its exclusions remove roots of `base`). `description` receives
// a few words for the trust summary. Errors name the file and line.
absl::StatusOr<std::shared_ptr<const TrustSource>> LayerRootStoreFile(
    const std::string& path, std::shared_ptr<TrustStore> base, std::string* description);

// `certval roots`: every anchor of the built-in set and of the system store with its trust bits,
// distrust-after dates and source, then the difference between the two. Writes to `out`; returns
// the exit status (0, or 3 when the system store cannot be loaded; the built-in set is listed
// regardless).
int ListRoots(std::ostream& out, std::ostream& err);

}  // namespace certval

#endif  // CERTVAL_TOOLS_ROOTS_H_
