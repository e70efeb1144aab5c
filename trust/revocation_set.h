// A pushed revocation set: revoked (issuer SPKI SHA-256, serial) pairs and blocked keys, in one
// compact, versioned, checksummed file (docs/revocation-set.md), generated from CRLs by
// `certval revocation build` and pushed to clients the way CRLSets and CRLite are.
//
// RevocationSet is immutable once loaded and safe to share across threads (a
// shared_ptr<const RevocationSet>); it is a RevocationSource that answers directly:
//   - a certificate whose own key is blocked: revoked (keyCompromise), whoever issued it;
//   - a certificate whose issuer's key is covered by the set: revoked when its serial is listed,
//     good otherwise (the set holds every entry of the issuer's CRLs when it was built);
//   - any other certificate: not covered (the other sources decide).
// Lookups are two binary searches over fixed-width records, with no allocation.
#ifndef CERTVAL_TRUST_REVOCATION_SET_H_
#define CERTVAL_TRUST_REVOCATION_SET_H_

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"
#include "certval/validator/revocation.h"

namespace certval {

class RevocationSet : public RevocationSource {
 public:
  static constexpr uint32_t kVersion = 1;
  // A serial longer than this is refused by the builder (RFC 5280 allows 20 octets; some CAs use
  // 21 with a sign octet).
  static constexpr size_t kMaxSerialLength = 32;

  // What to build a set from.
  struct Contents {
    uint64_t sequence = 0;  // the publisher's version of the data (newer sets have larger numbers)
    absl::Time created;
    // Per issuer (its SubjectPublicKeyInfo's SHA-256): the serials (INTEGER contents) revoked.
    struct Issuer {
      Sha256Digest spki_sha256;
      std::vector<std::string> serials;
    };
    std::vector<Issuer> issuers;
    std::vector<Sha256Digest> blocked_spki_sha256;
  };

  // The file's bytes. Fails on a serial that is empty or longer than kMaxSerialLength.
  static absl::StatusOr<std::string> Build(const Contents& contents);

  // Checks the whole file (magic, version, structure, order, checksum) before answering anything.
  static absl::StatusOr<std::shared_ptr<const RevocationSet>> Load(std::string bytes);
  static absl::StatusOr<std::shared_ptr<const RevocationSet>> LoadFile(const std::string& path);

  absl::string_view name() const override { return name_; }
  std::optional<RevocationStatus> Lookup(const Certificate& cert,
                                         const Certificate& issuer) const override;

  // The same, on raw keys: nullopt when the issuer is not covered, else whether it is listed.
  std::optional<bool> IsRevoked(const Sha256Digest& issuer_spki_sha256, Der serial) const;
  bool IsBlocked(const Sha256Digest& spki_sha256) const;

  uint64_t sequence() const { return sequence_; }
  absl::Time created() const { return created_; }
  size_t issuer_count() const { return issuer_count_; }
  size_t serial_count() const { return serial_count_; }
  size_t blocked_count() const { return blocked_count_; }
  size_t memory_bytes() const { return bytes_.capacity() + sizeof(*this); }

  explicit RevocationSet(std::string bytes) : bytes_(std::move(bytes)) {}

 private:
  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(bytes_.data()); }

  std::string bytes_;  // the whole file; every table below is an offset into it
  std::string name_;
  uint64_t sequence_ = 0;
  absl::Time created_;
  size_t issuer_count_ = 0, blocked_count_ = 0, serial_count_ = 0;
  size_t issuers_at_ = 0, blocked_at_ = 0;
};

}  // namespace certval

#endif  // CERTVAL_TRUST_REVOCATION_SET_H_
