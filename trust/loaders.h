// Loading trust anchors from files: PEM bundles, DER files and certificate directories (plain, or
// the OpenSSL `c_rehash` layout of `<hash>.<n>` symlinks).
//
// Every loader parses everything first and adds the roots to the store in one AddRoots() call at
// the end, so a failed load adds nothing and a concurrent validation sees all or none of a file.
// Errors name the file (and, for PEM, the line of the broken block).
#ifndef CERTVAL_TRUST_LOADERS_H_
#define CERTVAL_TRUST_LOADERS_H_

#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate.h"

namespace certval {

struct LoadOptions {
  // A block whose PEM is well formed but whose certificate certval's strict parser rejects:
  // false (default) fails the load naming the file and line; true skips it and counts it in
  // LoadStats::unparsable. The system store uses true, so one odd root does not disable all others.
  bool skip_unparsable = false;
};

struct LoadStats {
  int added = 0;           // new roots in the store
  int duplicates = 0;      // certificates that were already roots (e.g. a hash link and its target)
  int skipped_blocks = 0;  // PEM blocks of other types (PRIVATE KEY, X509 CRL, ...)
  int unparsable = 0;      // certificates skipped under LoadOptions::skip_unparsable
  int files = 0;           // files that contributed at least one certificate
  int skipped_files = 0;   // directory entries that are not certificate files, or are broken
  // One line per skipped file or certificate: "<path>: <why>", so a quiet skip stays explainable.
  std::vector<std::string> notes;

  // Adds `other` into this (for loaders that combine several sources).
  void Merge(const LoadStats& other);
};

// Certificates parsed from files, not yet in a store: what the loaders below add.
struct ParsedCertificates {
  std::vector<CertificatePtr> certs;
  LoadStats stats;  // `added` and `duplicates` are filled only once the certificates are added
};

// Parses a PEM text. `source` names it in errors ("<source>:<line>: ..."). A text without any
// CERTIFICATE block is an error.
ABSL_MUST_USE_RESULT
absl::StatusOr<ParsedCertificates> ParsePemBundle(absl::string_view text, absl::string_view source,
                                                  const LoadOptions& options = {});
// Reads a file of PEM blocks or of one DER certificate: PEM when it contains "-----BEGIN",
// DER otherwise. Errors name `path`.
ABSL_MUST_USE_RESULT
absl::StatusOr<ParsedCertificates> ParseCertificateFile(const std::string& path,
                                                        const LoadOptions& options = {});

// A PEM bundle file (e.g. /etc/ssl/certs/ca-certificates.crt).
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadPemBundle(const std::string& path, TrustStore& store,
                                        const LoadOptions& options = {});
// PEM text already in memory. `source` names it in errors.
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadPemBundleText(absl::string_view text, TrustStore& store,
                                            absl::string_view source = "<PEM text>",
                                            const LoadOptions& options = {});
// A file holding exactly one DER certificate (which must parse: there is nothing to skip to).
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadDerFile(const std::string& path, TrustStore& store);
// Every regular file (or symlink to one) of `dir`, not recursive, that parses as PEM or DER;
// other entries (subdirectories, CRL-only files, README, broken files) are skipped and counted.
// An empty directory, or one where no file holds a certificate, is an error.
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadDirectory(const std::string& dir, TrustStore& store,
                                        const LoadOptions& options = {});
// A file (PEM or DER) or a directory, whichever `path` is.
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadStats> LoadPath(const std::string& path, TrustStore& store,
                                   const LoadOptions& options = {});

// Adds parsed certificates as roots and completes their stats (`added`, `duplicates`).
LoadStats AddParsedRoots(ParsedCertificates parsed, TrustStore& store);

}  // namespace certval

#endif  // CERTVAL_TRUST_LOADERS_H_
