// Finding and loading the operating system's trust store.
//
// Order, first match wins (an explicit setting is never silently replaced by another store):
//   1. SSL_CERT_FILE, if set: that PEM/DER file only. Set but unreadable or broken: an error.
//   2. SSL_CERT_DIR, if set: every directory of the colon-separated list that exists (missing ones
//      are skipped, as OpenSSL does); none usable: an error.
//   3. The first bundle file of kDefaultBundleFiles that exists (Debian/Ubuntu, Fedora/RHEL,
//      Alpine, SUSE, Arch, FreeBSD).
//   4. The directories of kDefaultDirectories that exist.
// Nothing found: a NotFound error naming every place looked at.
//
// The environment is read through SystemStoreOptions::getenv, so tests (and embedders) can point
// discovery at their own files without setenv races; the default reads the process environment.
#ifndef CERTVAL_TRUST_SYSTEM_STORE_H_
#define CERTVAL_TRUST_SYSTEM_STORE_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/trust/loaders.h"
#include "certval/trust/trust_store.h"

namespace certval {

// The usual bundle files, in the order discovery tries them.
const std::vector<std::string>& DefaultBundleFiles();
// The usual certificate directories (OpenSSL hashed layout or plain).
const std::vector<std::string>& DefaultCertificateDirectories();

// Returns the value of an environment variable, or nullopt when it is unset.
using EnvLookup = std::function<std::optional<std::string>(const std::string& name)>;

// Reads the process environment (getenv).
std::optional<std::string> ProcessEnv(const std::string& name);

struct SystemStoreOptions {
  EnvLookup getenv = ProcessEnv;
  std::vector<std::string> bundle_files = DefaultBundleFiles();
  std::vector<std::string> directories = DefaultCertificateDirectories();
  // Lenient by default: one root certval cannot parse is skipped (and counted), not fatal.
  LoadOptions load{/*skip_unparsable=*/true};
};

// Where discovery found the store.
struct SystemStoreLocation {
  std::string origin;                    // "SSL_CERT_FILE", "SSL_CERT_DIR" or "default"
  std::vector<std::string> files;        // bundle files to load
  std::vector<std::string> directories;  // directories to load
};

// Step 1-4 above, without loading anything.
ABSL_MUST_USE_RESULT
absl::StatusOr<SystemStoreLocation> FindSystemStore(const SystemStoreOptions& options = {});

// Loads a found location into `store`; errors name the failing path.
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadSystemStoreLocation(const SystemStoreLocation& location,
                                                  TrustStore& store, const LoadOptions& options);

// A new store holding the system's roots. `stats`, when given, receives what the load did.
ABSL_MUST_USE_RESULT
absl::StatusOr<std::shared_ptr<TrustStore>> SystemTrustStore(const SystemStoreOptions& options = {},
                                                             LoadStats* stats = nullptr);

}  // namespace certval

#endif  // CERTVAL_TRUST_SYSTEM_STORE_H_
