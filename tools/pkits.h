// Runs NIST PKITS (third_party/nist-pkits/pkits.json and its DER files) through a Validator under
// Profile::kRfc5280, each test with its own RFC 5280 6.1.1 policy inputs.
//
// Shared by //tests:pkits_conformance_test and `certval pkits`, so both print the same table.
#ifndef CERTVAL_TOOLS_PKITS_H_
#define CERTVAL_TOOLS_PKITS_H_

#include <functional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "certval/validator/request.h"
#include "certval/validator/result.h"

namespace certval {

enum class PkitsOutcome { kPassed, kFailed, kSkipped };
// Why a test is not run: its expected result depends on CRL processing, which certval does not do
// yet; or it needs DSA, which certval's signature verifier does not support.
enum class PkitsSkip { kNone, kRevocation, kDsa };

struct PkitsTestResult {
  std::string id;       // "4.1.1", or "4.8.1/2" for a subpart
  std::string number;   // the PKITS test number: "4.8.1" for all its subparts
  std::string section;  // "4.8"
  std::string name;     // "All Certificates Same Policy Test1"
  bool expected_valid = false;
  bool actual_valid = false;  // meaningless when skipped
  PkitsOutcome outcome = PkitsOutcome::kSkipped;
  PkitsSkip skip = PkitsSkip::kNone;
  std::string skip_reason;  // skipped: why, the same text for every test skipped for that reason
  // Skipped: the test's own part of the reason. Rejected: the first error finding. Failed on the
  // policy sets: both sets.
  std::string detail;
};

struct PkitsTally {
  int passed = 0, failed = 0, skipped = 0;
};

struct PkitsReport {
  std::vector<PkitsTestResult> results;  // in the file's order
  PkitsTally total;
  // Sections in numeric order (4.1, 4.2, ..., 4.10), with their titles.
  struct Section {
    std::string number, title;
    PkitsTally tally;
  };
  std::vector<Section> sections;
  // Indices into `results` (not pointers, so that a copy of the report stays whole).
  std::vector<size_t> false_accepts;      // expected invalid, validated
  std::vector<size_t> false_rejects;      // expected valid, rejected
  std::vector<size_t> policy_mismatches;  // validated, other user-constrained set

  // The per-section table, the skips by reason, the false accepts, false rejects and policy-set
  // mismatches, and a summary line.
  std::string Summary() const;
};

struct PkitsRunOptions {
  // Compare the user-constrained policy set of every validated test, also where PKITS states none
  // and the converter recorded the generator's default ({NIST-test-policy-1}). Off until the
  // Validator processes certificate policies (issue 14): today it reports no policies at all.
  bool check_implied_policy_sets = false;
  // Called after every test that ran (skipped ones are not), with its outcome, the input exactly
  // as the Validator got it (the request and the DER of the trust anchor) and the result: for
  // differential testing (//tests/oracle).
  std::function<void(const PkitsTestResult&, const ValidationRequest&,
                     const std::vector<std::string>& anchors, const ValidationResult&)>
      observer;
};

// Reads pkits.json (or DIR/pkits.json; "-": standard input, with the certificates and CRLs it names
// relative to the working directory) and the files it names, and runs every test.
// Errors: an unreadable or malformed file, a missing or unreadable certificate or CRL, or a
// Validator that refuses its configuration. A missing file is an error, never a skip.
absl::StatusOr<PkitsReport> RunPkits(const std::string& path, const PkitsRunOptions& options = {});

// Where the suite is by default: $CERTVAL_PKITS, else the vendored copy
// third_party/nist-pkits/pkits.json (in a test's runfiles, or from the repository root found
// through BUILD_WORKSPACE_DIRECTORY or the working directory).
std::string DefaultPkitsPath();

// Dotted OID text to its DER contents ("2.5.29.32.0" -> 55 1D 20 00); an error for malformed text.
absl::StatusOr<std::string> EncodeDottedOid(const std::string& dotted);

}  // namespace certval

#endif  // CERTVAL_TOOLS_PKITS_H_
