#include "tools/inputs.h"

#include <fcntl.h>
#include <openssl/bytestring.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/pem.h"

namespace certval {
namespace {

namespace fs = std::filesystem;

absl::Status Errno(const std::string& name, int err) {
  const std::string why = std::strerror(err);
  return err == ENOENT ? absl::NotFoundError(absl::StrCat(name, ": ", why))
                       : absl::FailedPreconditionError(absl::StrCat(name, ": ", why));
}

// Reads `fd` to its end, or fails past kMaxFileBytes.
absl::StatusOr<std::string> ReadAll(int fd, const std::string& name) {
  std::string data;
  char buf[65536];
  for (;;) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno(name, errno);
    if (n == 0) return data;
    if (data.size() + static_cast<size_t>(n) > InputReader::kMaxFileBytes) {
      return absl::FailedPreconditionError(absl::StrCat(name, ": more than ",
                                                        InputReader::kMaxFileBytes >> 20,
                                                        " MiB, larger than any certificate file"));
    }
    data.append(buf, static_cast<size_t>(n));
  }
}

// One DER SEQUENCE and nothing after it: framed as a certificate.
bool IsOneSequence(absl::string_view der) {
  CBS cbs, element;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return CBS_get_asn1_element(&cbs, &element, CBS_ASN1_SEQUENCE) && CBS_len(&cbs) == 0;
}

// The certificates of one file's contents; errors name `name`.
absl::StatusOr<std::vector<InputCertificate>> Decode(std::string data, const std::string& name,
                                                     bool require_parse) {
  std::vector<InputCertificate> out;
  if (data.empty()) return absl::FailedPreconditionError(absl::StrCat(name, ": empty file"));
  if (absl::StrContains(data, "-----BEGIN ")) {
    absl::StatusOr<std::vector<std::string>> ders = DecodePemCertificates(data);
    if (!ders.ok()) {
      return absl::FailedPreconditionError(absl::StrCat(name, ": ", ders.status().message()));
    }
    if (ders->empty()) {  // DecodePemCertificates refuses this already; kept for clarity
      return absl::FailedPreconditionError(absl::StrCat(name, ": no CERTIFICATE block"));
    }
    const std::vector<int> lines = PemCertificateLines(data);
    for (size_t i = 0; i < ders->size(); ++i) {
      std::string origin = i < lines.size() ? absl::StrCat(name, ": certificate at line ", lines[i])
                                            : absl::StrCat(name, ": certificate #", i + 1);
      out.push_back({std::move((*ders)[i]), std::move(origin)});
    }
  } else {
    out.push_back({std::move(data), name});
  }
  for (const InputCertificate& cert : out) {
    if (!IsOneSequence(cert.der)) {
      return absl::FailedPreconditionError(absl::StrCat(
          cert.origin,
          out.size() == 1 && cert.origin == name
              ? ": neither PEM nor a DER certificate (no BEGIN line, not one DER SEQUENCE)"
              : ": not a certificate (not one DER SEQUENCE)"));
    }
    if (require_parse) {
      absl::StatusOr<CertificatePtr> parsed = Certificate::Parse(cert.der);
      if (!parsed.ok()) {
        return absl::FailedPreconditionError(
            absl::StrCat(cert.origin, ": ", parsed.status().message()));
      }
    }
  }
  return out;
}

absl::StatusOr<InputSet> ReadDirectory(const std::string& dir, const ReadOptions& options) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return absl::FailedPreconditionError(absl::StrCat(dir, ": ", ec.message()));
  std::vector<fs::path> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return absl::FailedPreconditionError(absl::StrCat(dir, ": ", ec.message()));
    entries.push_back(it->path());
  }
  if (entries.empty()) {
    return absl::FailedPreconditionError(absl::StrCat(dir, ": empty directory, no certificates"));
  }
  std::sort(entries.begin(), entries.end());  // notes and order independent of the file system
  InputSet set;
  for (const fs::path& entry : entries) {
    const std::string path = entry.string();
    if (!fs::is_regular_file(entry, ec)) {  // follows symlinks: subdirectories, dangling links
      set.notes.push_back(absl::StrCat(path, ": skipped: not a regular file"));
      continue;
    }
    absl::StatusOr<std::string> data = ReadInputFile(path);
    absl::StatusOr<std::vector<InputCertificate>> certs =
        data.ok() ? Decode(*std::move(data), path, options.require_parse) : data.status();
    if (!certs.ok()) {
      set.notes.push_back(absl::StrCat("skipped: ", certs.status().message()));
      continue;
    }
    ++set.files;
    for (InputCertificate& cert : *certs) set.certs.push_back(std::move(cert));
  }
  if (set.certs.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(dir, ": no certificate in any of its ", entries.size(), " entries"));
  }
  return set;
}

}  // namespace

absl::StatusOr<std::string> ReadInputFile(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Errno(path, errno);
  absl::StatusOr<std::string> data = ReadAll(fd, path);
  close(fd);
  return data;
}

std::string InputName(const std::string& path) { return path == "-" ? "<stdin>" : path; }

absl::StatusOr<InputSet> InputReader::Read(const std::string& path, const ReadOptions& options) {
  std::string data;
  const std::string name = InputName(path);
  if (path == "-") {
    if (stdin_read_) {
      return absl::FailedPreconditionError("-: standard input can be read only once");
    }
    stdin_read_ = true;
    absl::StatusOr<std::string> read = ReadAll(STDIN_FILENO, name);
    if (!read.ok()) return read.status();
    data = *std::move(read);
  } else {
    struct stat st;
    if (path.empty()) return absl::NotFoundError("empty file name");
    if (stat(path.c_str(), &st) != 0) return Errno(path, errno);
    if (S_ISDIR(st.st_mode)) {
      if (!options.refuse_directory.empty()) {
        return absl::FailedPreconditionError(
            absl::StrCat(path, ": a directory; ", options.refuse_directory));
      }
      return ReadDirectory(path, options);
    }
    absl::StatusOr<std::string> read = ReadInputFile(path);
    if (!read.ok()) return read.status();
    data = *std::move(read);
  }
  absl::StatusOr<std::vector<InputCertificate>> certs =
      Decode(std::move(data), name, options.require_parse);
  if (!certs.ok()) return certs.status();
  InputSet set;
  set.certs = *std::move(certs);
  set.files = 1;
  return set;
}

}  // namespace certval
