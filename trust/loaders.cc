#include "certval/trust/loaders.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "certval/validator/pem.h"

namespace certval {
namespace {

namespace fs = std::filesystem;

// Certificate files are small; anything larger is a mistake (or /dev/zero behind a symlink).
constexpr std::uintmax_t kMaxFileBytes = 64u << 20;

absl::Status Prefixed(absl::string_view source, const absl::Status& status) {
  return absl::Status(status.code(), absl::StrCat(source, ": ", status.message()));
}

// Parses one certificate; under skip_unparsable a failure becomes a note instead of an error.
absl::Status ParseInto(std::string der, absl::string_view where, const LoadOptions& options,
                       ParsedCertificates* out) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(std::move(der));
  if (cert.ok()) {
    out->certs.push_back(*std::move(cert));
    return absl::OkStatus();
  }
  if (!options.skip_unparsable) return Prefixed(where, cert.status());
  ++out->stats.unparsable;
  out->stats.notes.push_back(absl::StrCat(where, ": skipped: ", cert.status().message()));
  return absl::OkStatus();
}

absl::StatusOr<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);  // follows symlinks
  if (ec) return absl::NotFoundError(absl::StrCat(path, ": ", ec.message()));
  if (!fs::is_regular_file(status)) {
    return absl::InvalidArgumentError(absl::StrCat(path, ": not a regular file"));
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return absl::NotFoundError(absl::StrCat(path, ": ", ec.message()));
  if (size > kMaxFileBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", size, " bytes, more than a certificate file can hold"));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::PermissionDeniedError(absl::StrCat(path, ": cannot open for reading"));
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read error"));
  return std::move(contents).str();
}

bool LooksLikePem(absl::string_view data) { return absl::StrContains(data, "-----BEGIN "); }

// A DER file is one certificate: if it does not parse there is nothing to skip to, so this fails
// whatever LoadOptions say.
absl::StatusOr<ParsedCertificates> ParseDer(std::string der, absl::string_view source) {
  if (der.empty()) return absl::InvalidArgumentError(absl::StrCat(source, ": empty file"));
  if (static_cast<unsigned char>(der[0]) != 0x30) {  // every certificate is a SEQUENCE
    return absl::InvalidArgumentError(
        absl::StrCat(source, ": neither PEM nor a DER certificate (no BEGIN line, no SEQUENCE)"));
  }
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(std::move(der));
  if (!cert.ok()) return Prefixed(source, cert.status());
  ParsedCertificates parsed;
  parsed.certs.push_back(*std::move(cert));
  parsed.stats.files = 1;
  return parsed;
}

absl::StatusOr<LoadStats> AddOrError(absl::StatusOr<ParsedCertificates> parsed, TrustStore& store) {
  if (!parsed.ok()) return parsed.status();
  return AddParsedRoots(*std::move(parsed), store);
}

// One directory entry: parsed certificates, or a reason to skip it (recorded in `stats`).
void ParseDirectoryEntry(const fs::directory_entry& entry, const LoadOptions& options,
                         ParsedCertificates* out) {
  const std::string path = entry.path().string();
  std::error_code ec;
  if (!entry.is_regular_file(ec)) {  // follows symlinks: a dangling link or a subdirectory skips
    ++out->stats.skipped_files;
    out->stats.notes.push_back(absl::StrCat(path, ": skipped: not a regular file"));
    return;
  }
  absl::StatusOr<ParsedCertificates> file = ParseCertificateFile(path, options);
  if (!file.ok()) {
    ++out->stats.skipped_files;
    out->stats.notes.push_back(absl::StrCat("skipped: ", file.status().message()));
    return;
  }
  for (CertificatePtr& cert : file->certs) out->certs.push_back(std::move(cert));
  out->stats.Merge(file->stats);
}

}  // namespace

void LoadStats::Merge(const LoadStats& other) {
  added += other.added;
  duplicates += other.duplicates;
  skipped_blocks += other.skipped_blocks;
  unparsable += other.unparsable;
  files += other.files;
  skipped_files += other.skipped_files;
  notes.insert(notes.end(), other.notes.begin(), other.notes.end());
}

absl::StatusOr<ParsedCertificates> ParsePemBundle(absl::string_view text, absl::string_view source,
                                                  const LoadOptions& options) {
  int skipped = 0;
  absl::StatusOr<std::vector<std::string>> ders = DecodePemCertificates(text, &skipped);
  if (!ders.ok()) return Prefixed(source, ders.status());  // "<source>: line N: why"
  const std::vector<int> lines = PemCertificateLines(text);
  ParsedCertificates parsed;
  parsed.stats.skipped_blocks = skipped;
  for (size_t i = 0; i < ders->size(); ++i) {
    const std::string where = i < lines.size()
                                  ? absl::StrCat(source, ": certificate at line ", lines[i])
                                  : absl::StrCat(source, ": certificate #", i + 1);
    if (absl::Status s = ParseInto(std::move((*ders)[i]), where, options, &parsed); !s.ok())
      return s;
  }
  if (parsed.certs.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(source, ": no certificate certval can parse"));
  }
  parsed.stats.files = 1;
  return parsed;
}

absl::StatusOr<ParsedCertificates> ParseCertificateFile(const std::string& path,
                                                        const LoadOptions& options) {
  absl::StatusOr<std::string> data = ReadFile(path);
  if (!data.ok()) return data.status();
  if (LooksLikePem(*data)) return ParsePemBundle(*data, path, options);
  return ParseDer(*std::move(data), path);
}

LoadStats AddParsedRoots(ParsedCertificates parsed, TrustStore& store) {
  const int offered = static_cast<int>(parsed.certs.size());
  const int added = static_cast<int>(store.AddRoots(parsed.certs));
  parsed.stats.added += added;
  parsed.stats.duplicates += offered - added;
  return std::move(parsed.stats);
}

absl::StatusOr<LoadStats> LoadPemBundle(const std::string& path, TrustStore& store,
                                        const LoadOptions& options) {
  absl::StatusOr<std::string> data = ReadFile(path);
  if (!data.ok()) return data.status();
  return AddOrError(ParsePemBundle(*data, path, options), store);
}

absl::StatusOr<LoadStats> LoadPemBundleText(absl::string_view text, TrustStore& store,
                                            absl::string_view source, const LoadOptions& options) {
  return AddOrError(ParsePemBundle(text, source, options), store);
}

absl::StatusOr<LoadStats> LoadDerFile(const std::string& path, TrustStore& store) {
  absl::StatusOr<std::string> data = ReadFile(path);
  if (!data.ok()) return data.status();
  return AddOrError(ParseDer(*std::move(data), path), store);
}

absl::StatusOr<LoadStats> LoadDirectory(const std::string& dir, TrustStore& store,
                                        const LoadOptions& options) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return absl::NotFoundError(absl::StrCat(dir, ": ", ec.message()));
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) return absl::UnavailableError(absl::StrCat(dir, ": ", ec.message()));
    entries.push_back(*it);
  }
  if (entries.empty()) {
    return absl::NotFoundError(
        absl::StrCat(dir, ": the directory is empty, no certificates to load"));
  }
  // Sorted, so that the notes and the first-added order do not depend on the file system.
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path() < b.path(); });
  ParsedCertificates parsed;
  for (const fs::directory_entry& entry : entries) ParseDirectoryEntry(entry, options, &parsed);
  if (parsed.certs.empty()) {
    return absl::NotFoundError(absl::StrCat(dir, ": no certificate in any of its ", entries.size(),
                                            " entries (", parsed.stats.skipped_files, " skipped)"));
  }
  return AddParsedRoots(std::move(parsed), store);
}

absl::StatusOr<LoadStats> LoadPath(const std::string& path, TrustStore& store,
                                   const LoadOptions& options) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return LoadDirectory(path, store, options);
  return AddOrError(ParseCertificateFile(path, options), store);
}

}  // namespace certval
