// PEM text to DER (RFC 7468): the blocks of one type, with line numbers for errors. Part of
// //validator:certificate.
#ifndef CERTVAL_VALIDATOR_PEM_H_
#define CERTVAL_VALIDATOR_PEM_H_

#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval {

// Splits a PEM text into the DER of its CERTIFICATE blocks, in order. Errors name the line of the
// broken block. `skipped`, when given, receives the number of blocks of other types.
ABSL_MUST_USE_RESULT
absl::StatusOr<std::vector<std::string>> DecodePemCertificates(absl::string_view pem,
                                                               int* skipped = nullptr);

// The same for the blocks of another type ("X509 CRL"): their DER, in order; an error when none.
absl::StatusOr<std::vector<std::string>> DecodePemBlocks(absl::string_view pem,
                                                         absl::string_view type,
                                                         int* skipped = nullptr);

// The 1-based line numbers of the "-----BEGIN CERTIFICATE-----" lines of `pem`, in order (trimmed
// as the decoder trims): the line of DecodePemCertificates' i-th result, for error messages.
std::vector<int> PemCertificateLines(absl::string_view pem);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_PEM_H_
