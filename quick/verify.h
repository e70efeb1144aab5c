// The commonest job in one call: a PEM chain as a server sent it, the host name it must be valid
// for, the operating system's trust store, and a ValidationResult.
//
//   absl::StatusOr<certval::ValidationResult> result =
//       certval::VerifyPemChain(pem, "www.example.com");
//   if (!result.ok()) ...          // nothing was validated: no certificate, no system store, ...
//   else if (!result->valid) ...   // validated and rejected: result->ErrorSummary() says why
//
// Each call finds and loads the system store and builds a Validator, which costs milliseconds: an
// application that validates often builds its TrustStore (SystemTrustStore) and Validator
// (Validator::Create) once and shares them; Validate() is thread-safe. This header sits above
// validator/ and trust/ (as hooks/simple.h does) so that the core library has no system-store
// dependency; it links the system-store loader only, not the built-in Mozilla root set.
// Stateless and thread-safe.
#ifndef CERTVAL_QUICK_VERIFY_H_
#define CERTVAL_QUICK_VERIFY_H_

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/trust/system_store.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "certval/validator/validator.h"

namespace certval {

struct VerifyPemOptions {
  // Where the system's roots are found: SSL_CERT_FILE, SSL_CERT_DIR, then the distribution's
  // bundle (trust/system_store.h).
  SystemStoreOptions system_store;
  // Policy, hooks, limits and caches, as for Validator::Create (which refuses a bad configuration).
  ValidatorOptions validator;
  // The rest of the request: purpose (serverAuth), profile (webpki), time (now), policy inputs.
  // Its leaf, intermediates and peer name are ignored: they come from the arguments.
  ValidationRequest request;
};

// Validates `pem_chain` (PEM CERTIFICATE blocks, leaf first, then intermediates in any order) for
// `host` against the system's trust store. `host` is a DNS name (U-labels are converted with IDNA
// 2008) or an IP address literal, which is matched as an IP address.
//
// An error status means no validation took place: an empty host, a PEM text without a certificate
// or with a broken block, no system store found, a configuration Validator::Create refuses.
// Otherwise the result is the Validator's, with every finding.
ABSL_MUST_USE_RESULT
absl::StatusOr<ValidationResult> VerifyPemChain(absl::string_view pem_chain, absl::string_view host,
                                                const VerifyPemOptions& options = {});

}  // namespace certval

#endif  // CERTVAL_QUICK_VERIFY_H_
