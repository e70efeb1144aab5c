#include "certval/trust/root_store_file.h"

#include <arpa/inet.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "certval/trust/loaders.h"

namespace certval {
namespace {

// "<source>:<line>: <what>", what every error of the file reads.
class Errors {
 public:
  explicit Errors(absl::string_view source) : source_(source) {}
  absl::Status At(int line, absl::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat(source_, ":", line, ": ", what));
  }

 private:
  std::string source_;
};

// The word as the file wrote it, escaped: file text is untrusted when printed.
std::string Quote(absl::string_view word) {
  return absl::StrCat("\"", absl::CHexEscape(word), "\"");
}

std::optional<Sha256Digest> ParseFingerprint(absl::string_view text) {
  const std::string hex = absl::StrReplaceAll(text, {{":", ""}});
  if (hex.size() != 64) return std::nullopt;
  for (char c : hex) {
    if (!absl::ascii_isxdigit(static_cast<unsigned char>(c))) return std::nullopt;
  }
  const std::string bytes = absl::HexStringToBytes(hex);
  Sha256Digest d;
  std::copy(bytes.begin(), bytes.end(), d.begin());
  return d;
}

// "10.0.0.0/8" or "2001:db8::/32" -> address||mask (the nameConstraints iPAddress form).
std::optional<std::string> ParseCidr(absl::string_view text) {
  std::pair<std::string, std::string> parts = absl::StrSplit(text, absl::MaxSplits('/', 1));
  int bits = 0;
  if (parts.second.empty() || !absl::SimpleAtoi(parts.second, &bits)) return std::nullopt;
  unsigned char addr[16];
  size_t len = 0;
  if (inet_pton(AF_INET, parts.first.c_str(), addr) == 1) {
    len = 4;
  } else if (inet_pton(AF_INET6, parts.first.c_str(), addr) == 1) {
    len = 16;
  } else {
    return std::nullopt;
  }
  if (bits < 0 || bits > static_cast<int>(len * 8)) return std::nullopt;
  std::string out(reinterpret_cast<const char*>(addr), len);
  std::string mask(len, '\0');
  for (int i = 0; i < bits; ++i) mask[i / 8] |= static_cast<char>(0x80 >> (i % 8));
  for (size_t i = 0; i < len; ++i) out[i] &= mask[i];
  return out + mask;
}

std::optional<absl::Duration> ParseDays(absl::string_view text) {
  if (text.size() < 2) return std::nullopt;
  int64_t n = 0;
  if (!absl::SimpleAtoi(text.substr(0, text.size() - 1), &n) || n <= 0 || n > 100000) {
    return std::nullopt;
  }
  switch (text.back()) {
    case 'd':
      return absl::Hours(24 * n);
    case 'h':
      return absl::Hours(n);
    default:
      return std::nullopt;
  }
}

// One `key value...` line inside an anchor block.
absl::Status ParseConstraint(const std::vector<absl::string_view>& words, int line,
                             const Errors& err, AnchorConstraints& c, bool& purposes_seen) {
  const absl::string_view key = words[0];
  if (key == "purposes") {
    if (purposes_seen) return err.At(line, "purposes given twice in one anchor");
    purposes_seen = true;
    if (words.size() < 2) return err.At(line, "purposes needs server and/or email");
    c.trusted_for_server = c.trusted_for_email = false;
    for (size_t i = 1; i < words.size(); ++i) {
      if (words[i] == "server") {
        c.trusted_for_server = true;
      } else if (words[i] == "email") {
        c.trusted_for_email = true;
      } else {
        return err.At(
            line, absl::StrCat("unknown purpose ", Quote(words[i]), " (expected server or email)"));
      }
    }
    return absl::OkStatus();
  }
  if (key == "permit" || key == "exclude") {
    if (words.size() != 3) return err.At(line, absl::StrCat(key, " needs a kind and a name"));
    const bool permit = key == "permit";
    const absl::string_view kind = words[1], value = words[2];
    if (kind == "dns") {
      (permit ? c.permitted_dns : c.excluded_dns).emplace_back(value);
    } else if (kind == "email") {
      (permit ? c.permitted_email : c.excluded_email).emplace_back(value);
    } else if (kind == "ip") {
      std::optional<std::string> cidr = ParseCidr(value);
      if (!cidr) return err.At(line, absl::StrCat(Quote(value), " is not an address/prefix"));
      (permit ? c.permitted_ip : c.excluded_ip).push_back(*std::move(cidr));
    } else {
      return err.At(
          line, absl::StrCat("unknown name kind ", Quote(kind), " (expected dns, ip or email)"));
    }
    return absl::OkStatus();
  }
  if (key == "distrust-after") {
    if (words.size() != 3) return err.At(line, "distrust-after needs a purpose and a date");
    absl::Time t;
    std::string why;
    if (!absl::ParseTime("%Y-%m-%dT%H:%M:%SZ", std::string(words[2]), absl::UTCTimeZone(), &t,
                         &why)) {
      return err.At(line,
                    absl::StrCat(Quote(words[2]), " is not a date like 2027-01-01T00:00:00Z"));
    }
    std::optional<absl::Time>* field = words[1] == "server"  ? &c.server_distrust_after
                                       : words[1] == "email" ? &c.email_distrust_after
                                                             : nullptr;
    if (field == nullptr) return err.At(line, absl::StrCat("unknown purpose ", Quote(words[1])));
    if (field->has_value()) return err.At(line, "distrust-after given twice for one purpose");
    *field = t;
    return absl::OkStatus();
  }
  if (key == "max-leaf-validity") {
    std::optional<absl::Duration> d = words.size() == 2 ? ParseDays(words[1]) : std::nullopt;
    if (!d) return err.At(line, "max-leaf-validity needs a duration like 398d or 24h");
    if (c.max_leaf_validity) return err.At(line, "max-leaf-validity given twice in one anchor");
    c.max_leaf_validity = d;
    return absl::OkStatus();
  }
  return err.At(line, absl::StrCat("unknown constraint ", Quote(key)));
}

absl::StatusOr<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": read failed"));
  return out.str();
}

}  // namespace

absl::StatusOr<RootStoreFile> ParseRootStoreFile(absl::string_view text, absl::string_view source,
                                                 absl::string_view base_dir) {
  const Errors err(source);
  RootStoreFile file;
  file.source = std::string(source);
  file.base_dir = std::string(base_dir);
  std::vector<absl::string_view> lines = absl::StrSplit(text, '\n');
  std::optional<AnchorConstraints> open;  // the block being read
  bool purposes_seen = false;
  int open_line = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const int number = static_cast<int>(i) + 1;
    absl::string_view line = lines[i];
    line = line.substr(0, line.find('#'));
    std::vector<absl::string_view> words =
        absl::StrSplit(line, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
    if (words.empty()) continue;
    if (open) {
      if (words.size() == 1 && words[0] == "}") {
        file.anchors.back().constraints =
            std::make_shared<const AnchorConstraints>(*std::move(open));
        open.reset();
        continue;
      }
      if (absl::Status s = ParseConstraint(words, number, err, *open, purposes_seen); !s.ok())
        return s;
      continue;
    }
    if (words[0] == "anchor") {
      const bool block = words.back() == "{";
      if (block) words.pop_back();
      if (words.size() != 3) {
        return err.At(number, "expected: anchor file PATH [{] or anchor sha256 HEX [{]");
      }
      RootStoreAnchor anchor;
      anchor.line = number;
      if (words[1] == "file") {
        anchor.file = std::string(words[2]);
      } else if (words[1] == "sha256") {
        std::optional<Sha256Digest> fp = ParseFingerprint(words[2]);
        if (!fp) return err.At(number, absl::StrCat(Quote(words[2]), " is not a SHA-256 in hex"));
        anchor.fingerprint = *fp;
        anchor.by_fingerprint = true;
      } else {
        return err.At(number, absl::StrCat("unknown anchor kind ", Quote(words[1]),
                                           " (expected file or sha256)"));
      }
      file.anchors.push_back(std::move(anchor));
      if (block) {
        open.emplace();
        purposes_seen = false;
        open_line = number;
      }
      continue;
    }
    if (words[0] == "exclude") {
      if (words.size() != 3 || words[1] != "sha256")
        return err.At(number, "expected: exclude sha256 HEX");
      std::optional<Sha256Digest> fp = ParseFingerprint(words[2]);
      if (!fp) return err.At(number, absl::StrCat(Quote(words[2]), " is not a SHA-256 in hex"));
      file.excluded.push_back(*fp);
      continue;
    }
    return err.At(number, absl::StrCat("unknown statement ", Quote(words[0]),
                                       " (expected anchor or exclude)"));
  }
  if (open) return err.At(open_line, "anchor block without a closing }");
  return file;
}

absl::Status ApplyRootStoreFile(const RootStoreFile& file, TrustStore& store,
                                const std::vector<CertificatePtr>& others) {
  const Errors err(file.source);
  // Everything is read and checked before the store changes.
  std::vector<std::pair<CertificatePtr, std::shared_ptr<const AnchorConstraints>>> anchors;
  for (const RootStoreAnchor& a : file.anchors) {
    if (a.by_fingerprint) {
      CertificatePtr found;
      for (const CertificatePtr& c : others) {
        if (c->der_sha256() == a.fingerprint) found = c;
      }
      if (found == nullptr) {
        return err.At(a.line, "no root with this SHA-256 in the other stores (built-in, system)");
      }
      anchors.emplace_back(found, a.constraints);
      continue;
    }
    std::filesystem::path path(a.file);
    if (path.is_relative()) path = std::filesystem::path(file.base_dir) / path;
    absl::StatusOr<ParsedCertificates> parsed = ParseCertificateFile(path.string());
    if (!parsed.ok()) return err.At(a.line, parsed.status().message());
    for (CertificatePtr& c : parsed->certs) anchors.emplace_back(std::move(c), a.constraints);
  }
  for (const auto& [cert, constraints] : anchors) {
    store.AddRoot(cert, constraints, AnchorOrigin::kPrivate);
  }
  for (const Sha256Digest& fp : file.excluded) store.DistrustCertificateSha256(fp);
  return absl::OkStatus();
}

absl::Status LoadRootStoreFile(const std::string& path, TrustStore& store,
                               const std::vector<CertificatePtr>& others) {
  absl::StatusOr<std::string> text = ReadText(path);
  if (!text.ok()) return text.status();
  const std::string dir = std::filesystem::path(path).parent_path().string();
  absl::StatusOr<RootStoreFile> file = ParseRootStoreFile(*text, path, dir.empty() ? "." : dir);
  if (!file.ok()) return file.status();
  return ApplyRootStoreFile(*file, store, others);
}

}  // namespace certval
