#include "certval/trust/system_store.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace certval {
namespace {

namespace fs = std::filesystem;

bool IsFile(const std::string& path) {
  std::error_code ec;
  return fs::is_regular_file(path, ec);  // follows symlinks
}

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

// An unset variable and an empty one mean the same: "not configured".
std::optional<std::string> NonEmptyEnv(const SystemStoreOptions& options, const std::string& name) {
  if (!options.getenv) return std::nullopt;
  std::optional<std::string> value = options.getenv(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

absl::StatusOr<SystemStoreLocation> FromCertFile(const std::string& path) {
  if (!IsFile(path)) {
    return absl::NotFoundError(absl::StrCat(
        "SSL_CERT_FILE=", path, ": no such file (unset SSL_CERT_FILE to use the defaults)"));
  }
  return SystemStoreLocation{"SSL_CERT_FILE", {path}, {}};
}

absl::StatusOr<SystemStoreLocation> FromCertDir(const std::string& list) {
  SystemStoreLocation location{"SSL_CERT_DIR", {}, {}};
  for (absl::string_view dir : absl::StrSplit(list, ':', absl::SkipEmpty())) {
    if (IsDirectory(std::string(dir))) location.directories.emplace_back(dir);
  }
  if (location.directories.empty()) {
    return absl::NotFoundError(absl::StrCat("SSL_CERT_DIR=", list,
                                            ": none of its directories exists (unset SSL_CERT_DIR "
                                            "to use the defaults)"));
  }
  return location;
}

std::optional<SystemStoreLocation> FromDefaults(const SystemStoreOptions& options) {
  for (const std::string& file : options.bundle_files) {
    if (IsFile(file)) return SystemStoreLocation{"default", {file}, {}};
  }
  SystemStoreLocation location{"default", {}, {}};
  for (const std::string& dir : options.directories) {
    if (IsDirectory(dir)) location.directories.push_back(dir);
  }
  if (location.directories.empty()) return std::nullopt;
  return location;
}

absl::Status NothingFound(const SystemStoreOptions& options) {
  std::vector<std::string> looked = {"$SSL_CERT_FILE (unset)", "$SSL_CERT_DIR (unset)"};
  looked.insert(looked.end(), options.bundle_files.begin(), options.bundle_files.end());
  for (const std::string& dir : options.directories) looked.push_back(absl::StrCat(dir, "/"));
  return absl::NotFoundError(
      absl::StrCat("no system trust store found; looked at: ", absl::StrJoin(looked, ", ")));
}

}  // namespace

const std::vector<std::string>& DefaultBundleFiles() {
  static const auto* const files = new std::vector<std::string>{
      "/etc/ssl/certs/ca-certificates.crt",                 // Debian, Ubuntu, Gentoo
      "/etc/pki/tls/certs/ca-bundle.crt",                   // Fedora, RHEL 6
      "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem",  // CentOS, RHEL 7+
      "/etc/ssl/cert.pem",                                  // Alpine, FreeBSD, OpenBSD, macOS
      "/etc/ssl/ca-bundle.pem",                             // openSUSE
      "/var/lib/ca-certificates/ca-bundle.pem",             // SUSE
      "/etc/ca-certificates/extracted/tls-ca-bundle.pem",   // Arch
      "/usr/local/share/certs/ca-root-nss.crt",             // FreeBSD (ca_root_nss port)
  };
  return *files;
}

const std::vector<std::string>& DefaultCertificateDirectories() {
  static const auto* const dirs = new std::vector<std::string>{
      "/etc/ssl/certs",                // Debian, SUSE, Alpine (hashed links)
      "/etc/pki/tls/certs",            // Fedora, RHEL
      "/system/etc/security/cacerts",  // Android
  };
  return *dirs;
}

std::optional<std::string> ProcessEnv(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

absl::StatusOr<SystemStoreLocation> FindSystemStore(const SystemStoreOptions& options) {
  if (std::optional<std::string> file = NonEmptyEnv(options, "SSL_CERT_FILE")) {
    return FromCertFile(*file);
  }
  if (std::optional<std::string> dirs = NonEmptyEnv(options, "SSL_CERT_DIR")) {
    return FromCertDir(*dirs);
  }
  if (std::optional<SystemStoreLocation> found = FromDefaults(options)) return *std::move(found);
  return NothingFound(options);
}

absl::StatusOr<LoadStats> LoadSystemStoreLocation(const SystemStoreLocation& location,
                                                  TrustStore& store, const LoadOptions& options) {
  LoadStats total;
  for (const std::string& file : location.files) {
    absl::StatusOr<LoadStats> stats = LoadPath(file, store, options);
    if (!stats.ok()) return stats.status();  // the one chosen bundle must load
    total.Merge(*stats);
  }
  // Of several directories, one that holds nothing is a note; all of them failing is the error.
  std::vector<std::string> failures;
  for (const std::string& dir : location.directories) {
    absl::StatusOr<LoadStats> stats = LoadDirectory(dir, store, options);
    if (stats.ok()) {
      total.Merge(*stats);
    } else {
      failures.emplace_back(stats.status().message());
    }
  }
  if (total.added + total.duplicates == 0) {
    return absl::NotFoundError(
        absl::StrCat(location.origin, ": no certificates loaded: ", absl::StrJoin(failures, "; ")));
  }
  total.notes.insert(total.notes.end(), failures.begin(), failures.end());
  return total;
}

absl::StatusOr<std::shared_ptr<TrustStore>> SystemTrustStore(const SystemStoreOptions& options,
                                                             LoadStats* stats) {
  absl::StatusOr<SystemStoreLocation> location = FindSystemStore(options);
  if (!location.ok()) return location.status();
  auto store = std::make_shared<TrustStore>("system");
  absl::StatusOr<LoadStats> loaded = LoadSystemStoreLocation(*location, *store, options.load);
  if (!loaded.ok()) return loaded.status();
  if (stats != nullptr) *stats = *std::move(loaded);
  return store;
}

}  // namespace certval
