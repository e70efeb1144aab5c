// Shared fixtures for the trust tests: certificates minted with the test PKI, and scratch files.
#ifndef CERTVAL_TESTS_TRUST_TRUST_TEST_UTIL_H_
#define CERTVAL_TESTS_TRUST_TRUST_TEST_UTIL_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"

namespace certval::trusttest {

// A fixed validation time, so no test depends on the clock.
absl::Time Now();

// Parses DER the test built; aborts on failure (a broken fixture, not a test result).
CertificatePtr ParseOrDie(const std::string& der);

// A self-signed CA "CN=<common_name>, O=certval test" on the cached P-256 key `key_index`.
std::string RootDer(absl::string_view common_name, int key_index = 0);
std::string RootPem(absl::string_view common_name, int key_index = 0);

// A new, empty directory under TEST_TMPDIR, unique per call.
std::string MakeTempDir();
// Writes (or replaces) a file; aborts on failure.
void WriteFile(const std::string& path, absl::string_view contents);

}  // namespace certval::trusttest

#endif  // CERTVAL_TESTS_TRUST_TRUST_TEST_UTIL_H_
