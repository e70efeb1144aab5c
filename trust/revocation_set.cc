// The revocation set file format is documented in docs/revocation-set.md; keep the two together.
#include "certval/trust/revocation_set.h"

#include <openssl/sha.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/str_cat.h"

namespace certval {
namespace {

constexpr char kMagic[8] = {'C', 'V', 'R', 'E', 'V', 'S', 'E', 'T'};
constexpr size_t kHeaderSize = 48;
constexpr size_t kIssuerRecordSize = 48;
constexpr size_t kTrailerSize = SHA256_DIGEST_LENGTH;
// A set bigger than this is not a pushed set (1,000,000 serials take 18 MB).
constexpr size_t kMaxFileSize = size_t{1} << 30;

void PutU32(std::string* out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((v >> shift) & 0xff));
}
void PutU64(std::string* out, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8)
    out->push_back(static_cast<char>((v >> shift) & 0xff));
}
uint32_t GetU32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}
uint64_t GetU64(const uint8_t* p) { return (uint64_t{GetU32(p)} << 32) | GetU32(p + 4); }

// A serial's fixed-width record: its length, its bytes, zeros up to `width`. Records of one issuer
// compare with memcmp in the order Build sorts them.
void PutRecord(std::string* out, absl::string_view serial, size_t width) {
  out->push_back(static_cast<char>(serial.size()));
  out->append(serial.data(), serial.size());
  out->append(width - serial.size(), '\0');
}

absl::Status Corrupt(absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("revocation set: ", what));
}

}  // namespace

absl::StatusOr<std::string> RevocationSet::Build(const Contents& contents) {
  struct Issuer {
    Sha256Digest key;
    std::vector<std::string> records;
    size_t width = 1;
  };
  std::vector<Issuer> issuers;
  size_t serial_total = 0;
  for (const Contents::Issuer& in : contents.issuers) {
    Issuer* issuer = nullptr;
    for (Issuer& i : issuers) {
      if (i.key == in.spki_sha256) issuer = &i;  // the same issuer twice (two CRLs): merged
    }
    if (issuer == nullptr) {
      issuers.push_back({in.spki_sha256, {}, 1});
      issuer = &issuers.back();
    }
    for (const std::string& serial : in.serials) {
      if (serial.empty() || serial.size() > kMaxSerialLength) {
        return absl::InvalidArgumentError(absl::StrCat(
            "a serial of ", serial.size(), " octets (1 to ", kMaxSerialLength, " allowed)"));
      }
      issuer->width = std::max(issuer->width, serial.size());
      issuer->records.push_back(serial);
    }
  }
  std::sort(issuers.begin(), issuers.end(),
            [](const Issuer& a, const Issuer& b) { return a.key < b.key; });
  for (Issuer& issuer : issuers) {
    std::vector<std::string> records;
    records.reserve(issuer.records.size());
    for (const std::string& serial : issuer.records) {
      std::string record;
      PutRecord(&record, serial, issuer.width);
      records.push_back(std::move(record));
    }
    std::sort(records.begin(), records.end());
    records.erase(std::unique(records.begin(), records.end()), records.end());
    issuer.records = std::move(records);
    serial_total += issuer.records.size();
  }
  std::vector<Sha256Digest> blocked = contents.blocked_spki_sha256;
  std::sort(blocked.begin(), blocked.end());
  blocked.erase(std::unique(blocked.begin(), blocked.end()), blocked.end());
  if (issuers.size() > UINT32_MAX || blocked.size() > UINT32_MAX || serial_total > UINT32_MAX) {
    return absl::InvalidArgumentError("revocation set too large");
  }

  std::string out(kMagic, sizeof kMagic);
  PutU32(&out, kVersion);
  PutU32(&out, 0);  // flags: none defined
  PutU64(&out, contents.sequence);
  PutU64(&out, static_cast<uint64_t>(absl::ToUnixSeconds(contents.created)));
  PutU32(&out, static_cast<uint32_t>(issuers.size()));
  PutU32(&out, static_cast<uint32_t>(blocked.size()));
  PutU32(&out, static_cast<uint32_t>(serial_total));
  PutU32(&out, 0);  // reserved
  uint64_t at = kHeaderSize + issuers.size() * kIssuerRecordSize + blocked.size() * 32;
  for (const Issuer& issuer : issuers) {
    out.append(reinterpret_cast<const char*>(issuer.key.data()), issuer.key.size());
    PutU64(&out, at);
    PutU32(&out, static_cast<uint32_t>(issuer.records.size()));
    out.push_back(static_cast<char>(issuer.width));
    out.append(3, '\0');
    at += issuer.records.size() * (1 + issuer.width);
  }
  for (const Sha256Digest& key : blocked)
    out.append(reinterpret_cast<const char*>(key.data()), key.size());
  out.reserve(at + kTrailerSize);
  for (const Issuer& issuer : issuers) {
    for (const std::string& record : issuer.records) out += record;
  }
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const uint8_t*>(out.data()), out.size(), digest);
  out.append(reinterpret_cast<const char*>(digest), sizeof digest);
  return out;
}

absl::StatusOr<std::shared_ptr<const RevocationSet>> RevocationSet::Load(std::string bytes) {
  if (bytes.size() > kMaxFileSize) return Corrupt("larger than 1 GiB");
  if (bytes.size() < kHeaderSize + kTrailerSize) return Corrupt("truncated");
  auto set = std::make_shared<RevocationSet>(std::move(bytes));
  const uint8_t* p = set->data();
  const size_t size = set->bytes_.size();
  if (std::memcmp(p, kMagic, sizeof kMagic) != 0) return Corrupt("not a certval revocation set");
  const uint32_t version = GetU32(p + 8);
  if (version != kVersion) {
    return Corrupt(
        absl::StrCat("version ", version, " (this certval reads version ", kVersion, ")"));
  }
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(p, size - kTrailerSize, digest);
  if (std::memcmp(digest, p + size - kTrailerSize, kTrailerSize) != 0)
    return Corrupt("checksum mismatch");
  if (GetU32(p + 12) != 0 || GetU32(p + 44) != 0) return Corrupt("unknown flags");
  set->sequence_ = GetU64(p + 16);
  set->created_ = absl::FromUnixSeconds(static_cast<int64_t>(GetU64(p + 24)));
  set->issuer_count_ = GetU32(p + 32);
  set->blocked_count_ = GetU32(p + 36);
  const size_t serial_count = GetU32(p + 40);
  set->issuers_at_ = kHeaderSize;
  set->blocked_at_ = kHeaderSize + set->issuer_count_ * kIssuerRecordSize;
  const size_t body_end = size - kTrailerSize;
  size_t at = set->blocked_at_ + set->blocked_count_ * 32;
  if (at > body_end) return Corrupt("tables run past the end");
  // Every issuer's records: in order, contiguous, well formed and strictly increasing.
  size_t counted = 0;
  for (size_t i = 0; i < set->issuer_count_; ++i) {
    const uint8_t* rec = p + set->issuers_at_ + i * kIssuerRecordSize;
    if (i > 0 && std::memcmp(rec - kIssuerRecordSize, rec, 32) >= 0)
      return Corrupt("issuers out of order");
    const uint64_t first = GetU64(rec + 32);
    const uint32_t count = GetU32(rec + 40);
    const size_t width = rec[44];
    if (rec[45] != 0 || rec[46] != 0 || rec[47] != 0) return Corrupt("nonzero padding");
    if (width < 1 || width > kMaxSerialLength) return Corrupt("bad serial width");
    if (first != at || count > (body_end - at) / (1 + width))
      return Corrupt("serial block out of place");
    for (uint32_t k = 0; k < count; ++k) {
      const uint8_t* s = p + at + k * (1 + width);
      if (s[0] < 1 || s[0] > width) return Corrupt("bad serial length");
      for (size_t z = 1 + s[0]; z <= width; ++z) {
        if (s[z] != 0) return Corrupt("nonzero serial padding");
      }
      if (k > 0 && std::memcmp(s - (1 + width), s, 1 + width) >= 0)
        return Corrupt("serials out of order");
    }
    at += static_cast<size_t>(count) * (1 + width);
    counted += count;
  }
  if (at != body_end) return Corrupt("trailing data");
  if (counted != serial_count) return Corrupt("serial count mismatch");
  for (size_t i = 1; i < set->blocked_count_; ++i) {
    if (std::memcmp(p + set->blocked_at_ + (i - 1) * 32, p + set->blocked_at_ + i * 32, 32) >= 0) {
      return Corrupt("blocked keys out of order");
    }
  }
  set->serial_count_ = counted;
  set->name_ = absl::StrCat("revocation set ", set->sequence_);
  return std::shared_ptr<const RevocationSet>(std::move(set));
}

absl::StatusOr<std::shared_ptr<const RevocationSet>> RevocationSet::LoadFile(
    const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  return Load(buf.str());
}

namespace {

// Binary search over `count` records of `stride` bytes from `base`, sorted by their first
// `key_size` bytes: the record that starts with `key`, or nullptr.
const uint8_t* FindRecord(const uint8_t* base, size_t count, size_t stride, const uint8_t* key,
                          size_t key_size) {
  size_t lo = 0, hi = count;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const uint8_t* record = base + mid * stride;
    const int c = std::memcmp(record, key, key_size);
    if (c == 0) return record;
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return nullptr;
}

}  // namespace

bool RevocationSet::IsBlocked(const Sha256Digest& spki_sha256) const {
  return FindRecord(data() + blocked_at_, blocked_count_, 32, spki_sha256.data(), 32) != nullptr;
}

std::optional<bool> RevocationSet::IsRevoked(const Sha256Digest& issuer_spki_sha256,
                                             Der serial) const {
  const uint8_t* issuer = FindRecord(data() + issuers_at_, issuer_count_, kIssuerRecordSize,
                                     issuer_spki_sha256.data(), 32);
  if (issuer == nullptr) return std::nullopt;
  const size_t width = issuer[44];
  if (serial.empty() || serial.size() > width) return false;
  uint8_t key[1 + kMaxSerialLength] = {0};
  key[0] = static_cast<uint8_t>(serial.size());
  std::memcpy(key + 1, serial.data(), serial.size());
  const uint8_t* first = data() + GetU64(issuer + 32);
  return FindRecord(first, GetU32(issuer + 40), 1 + width, key, 1 + width) != nullptr;
}

std::optional<RevocationStatus> RevocationSet::Lookup(const Certificate& cert,
                                                      const Certificate& issuer) const {
  RevocationStatus status;
  status.source = name_;
  if (IsBlocked(cert.spki_sha256())) {
    status.state = RevocationState::kRevoked;
    status.reason = RevocationReason::kKeyCompromise;
    status.source = absl::StrCat(name_, ": blocked key");
    return status;
  }
  std::optional<bool> revoked = IsRevoked(issuer.spki_sha256(), cert.serial());
  if (!revoked) return std::nullopt;
  status.state = *revoked ? RevocationState::kRevoked : RevocationState::kGood;
  return status;
}

}  // namespace certval
