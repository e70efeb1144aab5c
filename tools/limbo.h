// Runs an x509-limbo file (the public path-validation conformance suite) through a Validator.
//
// Shared by the conformance test target and `certval limbo`, so both print the same figures.
#ifndef CERTVAL_TOOLS_LIMBO_H_
#define CERTVAL_TOOLS_LIMBO_H_

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "certval/validator/certificate_cache.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "certval/validator/signature_verifier.h"

namespace certval {

struct LimboCaseResult {
  std::string id;
  std::string expected;     // "SUCCESS" / "FAILURE"
  std::string actual;       // "SUCCESS" / "FAILURE" / "SKIPPED"
  std::string context;      // skip reason, or the findings that decided
  double milliseconds = 0;  // wall time of the validation (parsing the case's PEM included)
};

struct LimboTally {
  int passed = 0, failed = 0, skipped = 0;
};

struct LimboReport {
  std::vector<LimboCaseResult> results;
  LimboTally total;
  std::map<std::string, LimboTally> by_namespace;  // "rfc5280", "webpki", ...
  // Indices into `results` (not pointers, so that a copy of the report stays whole).
  std::vector<size_t> false_accepts;  // expected FAILURE, got SUCCESS
  std::vector<size_t> false_rejects;  // expected SUCCESS, got FAILURE
  std::optional<size_t> slowest;      // the case that took longest to run

  // "N passed, N failed, N skipped", the per-namespace table, and the false accepts/rejects.
  std::string Summary() const;
  // {"version": 1, "harness": "certval", "results": [{"id", "actual_result", "context"}]}
  std::string ResultsJson() const;
};

// What every case's Validator gets besides its own trust store: shared caches, to show that they
// never change a verdict (//tests/cache:cache_limbo_test). Default: none.
struct LimboRunOptions {
  std::shared_ptr<const SignatureVerifier> verifier;
  std::shared_ptr<CertificateCache> certificate_cache;
  // Called after every case that ran (skipped ones are not), with the input exactly as the
  // Validator got it (the request and the DER of the case's trust anchors) and its result: for
  // differential testing (//tests/oracle).
  std::function<void(const LimboCaseResult&, const ValidationRequest&,
                     const std::vector<std::string>& anchors, const ValidationResult&)>
      observer;
};

// Reads and runs a limbo JSON file. Errors: unreadable file or malformed JSON.
absl::StatusOr<LimboReport> RunLimboFile(const std::string& path,
                                         const LimboRunOptions& options = {});

// Where the suite is by default: $CERTVAL_LIMBO, else the vendored copy
// third_party/x509-limbo/limbo.json (in a test's runfiles, or from the repository root found
// through BUILD_WORKSPACE_DIRECTORY or the working directory).
std::string DefaultLimboPath();

}  // namespace certval

#endif  // CERTVAL_TOOLS_LIMBO_H_
