// Shared plumbing for the check unit tests: mint a small path with the test PKI, run one check on a
// PathContext, and read back the findings as "code@index" strings, e.g. "validity.expired@0".
#ifndef CERTVAL_TESTS_CHECKS_CHECK_TEST_UTIL_H_
#define CERTVAL_TESTS_CHECKS_CHECK_TEST_UTIL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/validator/certificate.h"
#include "certval/validator/check.h"
#include "certval/validator/request.h"
#include "certval/validator/trust_source.h"

namespace certval::checktest {

// A fixed validation time, so that no test depends on the clock.
absl::Time Now();

// Parses DER that the test built; aborts on failure (a broken fixture, not a test result).
CertificatePtr ParseOrDie(const std::string& der);

// leaf <- intermediate <- root, from editable specs. Defaults: the test PKI's web-PKI shapes.
struct ChainSpec {
  ChainSpec();
  testpki::CertSpec root, intermediate, leaf;
  testpki::Key root_key, intermediate_key, leaf_key;
  bool with_intermediate = true;  // false: leaf <- root

  // [leaf, intermediate, root] or [leaf, root].
  std::vector<CertificatePtr> Build() const;
};

// How to run a check.
struct RunOptions {
  RunOptions() { request.peer_name = PeerName::Any(); }
  Profile profile = Profile::kWebPki;
  absl::Time time = Now();
  ValidationRequest request;             // purpose serverAuth, no required key usage, any peer name
  TrustInfo anchor{TrustKind::kAnchor};  // path.back() is a root program's trust anchor
  std::vector<EdgeSignature> edge_verified;  // empty: nothing known
  bool no_request = false;                   // leave PathContext::request null
};

// Runs `check` on `path` (under ENFORCE) and returns the findings as "code@index", in report order;
// an advisory finding (a warning, FindingReporter::Advise) as "code@index (advisory)".
std::vector<std::string> RunCheck(const Check& check, const std::vector<CertificatePtr>& path,
                                  const RunOptions& options = {});

// SubjectPublicKeyInfo DER for keys the test PKI cannot mint (for CertSpec::spki_override). The key
// material is made up: the checks read the key's type and size, never use it. (RSA of any size:
// testpki::RsaSpki, certval/testing/pki/der_builder.h.)
std::string P192Spki();
std::string ExplicitP256Spki();
std::string DsaSpki();
std::string UnknownAlgorithmSpki();

}  // namespace certval::checktest

#endif  // CERTVAL_TESTS_CHECKS_CHECK_TEST_UTIL_H_
