// Certificates named on the command line: a file (PEM or DER), a directory of such files, or "-"
// for standard input.
//
// What counts as usable input (anything else is an input error, exit 2):
//   - the path can be read and is at most kMaxFileBytes; a directory only where the caller allows;
//   - a file holds PEM CERTIFICATE blocks, or is one DER certificate;
//   - each certificate is framed as one: a single DER SEQUENCE. Its contents are the validator's
//     business (a malformed certificate is rejected, exit 1), unless the caller asks for every
//     certificate to parse (trust anchors, inspect).
// A directory is read like the library's LoadDirectory: its regular files (and symlinks to them),
// not recursively, in name order; entries that hold no usable certificate are skipped with a note,
// and a directory that yields none is an error.
#ifndef CERTVAL_TOOLS_INPUTS_H_
#define CERTVAL_TOOLS_INPUTS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace certval {

struct InputCertificate {
  std::string der;
  std::string
      origin;  // "chain.pem: certificate at line 12", "cert.der", "<stdin>: certificate at line 1"
};

struct InputSet {
  std::vector<InputCertificate> certs;
  std::vector<std::string> notes;  // one per skipped directory entry: "<path>: skipped: <why>"
  int files = 0;                   // files that gave certificates
};

struct ReadOptions {
  // Empty: a directory is read. Otherwise a directory is refused with this reason.
  std::string refuse_directory;
  // Every certificate must parse with Certificate::Parse; in a directory, a file holding one that
  // does not is skipped.
  bool require_parse = false;
};

class InputReader {
 public:
  // Larger than any honest bundle (Debian's holds ~150 roots in 200 KB); reading stops there, so
  // /dev/zero or a wrong path cannot exhaust memory.
  static constexpr size_t kMaxFileBytes = 16u << 20;

  // Errors name the path. "-" is standard input, readable once per process.
  absl::StatusOr<InputSet> Read(const std::string& path, const ReadOptions& options = {});

 private:
  bool stdin_read_ = false;
};

// The bytes of one file (a device such as /dev/stdin too), up to InputReader::kMaxFileBytes: the
// tools' one reader of whole files. Errors name the path.
absl::StatusOr<std::string> ReadInputFile(const std::string& path);

// "<stdin>" for "-", else the path: how messages name an input.
std::string InputName(const std::string& path);

}  // namespace certval

#endif  // CERTVAL_TOOLS_INPUTS_H_
