// The certval tool's revocation pieces: reading CRL and OCSP files for verify/connect, and
// `certval revocation build`, which turns CRLs into a pushed revocation set
// (docs/revocation-set.md).
#ifndef CERTVAL_TOOLS_REVOCATION_H_
#define CERTVAL_TOOLS_REVOCATION_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "certval/trust/revocation_set.h"
#include "certval/validator/certificate.h"

namespace certval {

// A CRL file: PEM ("X509 CRL" blocks, every one) or one DER CRL. An OCSP file: one DER response.
// Errors (unreadable, empty, over 64 MiB, PEM without a CRL block) name the file.
absl::StatusOr<std::vector<std::string>> ReadCrlFile(const std::string& path);
absl::StatusOr<std::string> ReadOcspFile(const std::string& path);

// The contents of a revocation set built from `crls` (DER), each attributed to the certificate
// among `issuers` whose subject is the CRL's issuer and whose key verifies its signature; the
// certificates in `blocked` have their keys blocked. Entries an indirect CRL lists for other
// issuers are left out, and said so in `notes`. A CRL that no issuer verifies is an error.
absl::StatusOr<RevocationSet::Contents> RevocationSetFromCrls(
    const std::vector<std::string>& crls, const std::vector<CertificatePtr>& issuers,
    const std::vector<CertificatePtr>& blocked, std::vector<std::string>* notes);

}  // namespace certval

#endif  // CERTVAL_TOOLS_REVOCATION_H_
