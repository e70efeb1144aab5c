// A parsed X.509 certificate revocation list (RFC 5280 section 5), immutable after Parse.
//
// Parse is strict DER, like Certificate::Parse, and rejects what RFC 5280 says a relying party must
// not use: an unknown critical CRL or entry extension, a critical cRLNumber, a missing cRLNumber
// (5.2.3: conforming issuers MUST include it; x509-limbo expects its absence to be refused),
// certificateIssuer entries in a CRL that is not indirect. The revoked entries are indexed once,
// sorted by (issuer group, serial), so a lookup is a binary search whatever the CRL's size.
//
// A Crl owns its DER; every Der view points into it. Share it as CrlPtr; it is safe to read from
// many threads. Whether a CRL covers a certificate and who may sign it is the revocation
// checker's business (validator/revocation_checker.h), not this parser's.
#ifndef CERTVAL_VALIDATOR_CRL_H_
#define CERTVAL_VALIDATOR_CRL_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "certval/validator/certificate.h"

namespace certval {

// CRLReason (RFC 5280 5.3.1). 7 is not used.
enum class RevocationReason : uint8_t {
  kUnspecified = 0,
  kKeyCompromise = 1,
  kCaCompromise = 2,
  kAffiliationChanged = 3,
  kSuperseded = 4,
  kCessationOfOperation = 5,
  kCertificateHold = 6,
  kRemoveFromCrl = 8,
  kPrivilegeWithdrawn = 9,
  kAaCompromise = 10,
};
absl::string_view RevocationReasonName(RevocationReason reason);  // "keyCompromise", ...

// ReasonFlags (RFC 5280 4.2.1.13) as a mask: bit n is the BIT STRING's named bit n
// (1 keyCompromise ... 8 aACompromise). Bit 0 ("unused") is never set by the parser.
using ReasonMask = uint16_t;
inline constexpr ReasonMask kAllReasons = 0x1fe;  // bits 1..8

// One GeneralName, kept as its type and contents (directoryName: the Name TLV).
struct GeneralNameView {
  GeneralNameType type;
  Der value;
};

// Parses the contents of a GeneralNames SEQUENCE (or an implicitly tagged one) into views.
absl::Status ParseGeneralNameViews(Der contents, std::vector<GeneralNameView>* out);

// A DistributionPointName (RFC 5280 4.2.1.13): fullName, or a name relative to the CRL issuer.
struct DistributionPointName {
  std::vector<GeneralNameView> full_name;
  std::optional<Der> relative_name;  // the RelativeDistinguishedName's contents (its attributes)
};

// One DistributionPoint of a certificate's cRLDistributionPoints.
struct DistributionPoint {
  std::optional<DistributionPointName> name;
  std::optional<ReasonMask> reasons;
  std::vector<GeneralNameView> crl_issuer;  // empty when absent
};

// The cRLDistributionPoints extension of `cert`, or an empty list when it has none. An error when
// it is malformed (the certificate parser keeps the extension unparsed).
absl::StatusOr<std::vector<DistributionPoint>> ParseCrlDistributionPoints(const Certificate& cert);

// The DER of the directoryName a nameRelativeToCRLIssuer stands for: `issuer` (a Name TLV) with one
// more RDN, whose SET contents are `rdn`. Empty if `issuer` is not a Name.
std::string AppendRdn(Der issuer, Der rdn);

struct IssuingDistributionPoint {
  std::optional<DistributionPointName> name;
  bool only_user_certs = false;
  bool only_ca_certs = false;
  std::optional<ReasonMask> only_some_reasons;
  bool indirect = false;
  bool only_attribute_certs = false;
  Der der;  // the extension value, to compare a delta CRL's scope with its base's
};

struct CrlEntry {
  Der serial;  // INTEGER contents, as encoded (compare with Certificate::serial())
  // The serial's first 8 octets, big-endian, zero-padded: most comparisons of a lookup end here,
  // without touching the DER.
  uint64_t prefix = 0;
  absl::Time revocation_date;
  std::optional<RevocationReason> reason;
  // Which issuer the entry is about: -1 the CRL issuer, else an index into certificate_issuers()
  // (indirect CRLs, RFC 5280 5.3.3: an entry's certificateIssuer holds for the entries after it).
  int32_t issuer_group = -1;
};

class Crl {
  struct PassKey {
    explicit PassKey() = default;
  };

 public:
  // Called with the number of entries about to be parsed; returning false stops the parse with an
  // error (the caller's budget ran out).
  using ChargeFn = absl::FunctionRef<bool(int64_t)>;

  static absl::StatusOr<std::shared_ptr<const Crl>> Parse(std::string der);
  static absl::StatusOr<std::shared_ptr<const Crl>> Parse(std::string der, ChargeFn charge);

  explicit Crl(PassKey) {}
  Crl(const Crl&) = delete;
  Crl& operator=(const Crl&) = delete;

  const std::string& der() const { return der_; }
  Der tbs() const { return tbs_; }
  int version() const { return version_; }  // 1 or 2
  SignatureAlgorithm signature_algorithm() const { return signature_algorithm_; }
  Der signature() const { return signature_; }
  const Name& issuer() const { return issuer_; }
  absl::Time this_update() const { return this_update_; }
  const std::optional<absl::Time>& next_update() const { return next_update_; }
  Der crl_number() const { return crl_number_; }  // INTEGER contents
  // deltaCRLIndicator's BaseCRLNumber: set exactly when this is a delta CRL.
  const std::optional<Der>& delta_base() const { return delta_base_; }
  bool is_delta() const { return delta_base_.has_value(); }
  const std::optional<IssuingDistributionPoint>& issuing_distribution_point() const { return idp_; }
  bool indirect() const { return idp_ && idp_->indirect; }
  const std::optional<Der>& authority_key_id() const { return authority_key_id_; }

  // The entries, sorted by (issuer_group, serial).
  const std::vector<CrlEntry>& entries() const { return entries_; }
  // The normalized names of each certificateIssuer group's directoryNames.
  const std::vector<std::vector<std::string>>& certificate_issuers() const { return groups_; }

  // The entry for serial `serial` of a certificate issued by `cert_issuer`, or null. A binary
  // search.
  const CrlEntry* Find(Der serial, const Name& cert_issuer) const;

 private:
  friend class CrlParser;
  const CrlEntry* FindInGroup(int32_t group, Der serial) const;

  std::string der_;
  Der tbs_;
  int version_ = 1;
  SignatureAlgorithm signature_algorithm_ = SignatureAlgorithm::kUnknown;
  Der signature_;
  Name issuer_;
  absl::Time this_update_;
  std::optional<absl::Time> next_update_;
  Der crl_number_;
  std::optional<Der> delta_base_;
  std::optional<IssuingDistributionPoint> idp_;
  std::optional<Der> authority_key_id_;
  std::vector<CrlEntry> entries_;
  std::vector<std::vector<std::string>> groups_;
  std::vector<std::pair<std::string, int32_t>> group_index_;  // (normalized name, group), sorted
  // entries_[group_begin_[g + 1]] is the first entry of group g (-1 included); one past the end
  // last.
  std::vector<size_t> group_begin_;
  // The prefix of every kSampleStride-th entry: a compact first level for the binary search, which
  // otherwise misses the cache at every step of a large CRL (1 MiB for 1,000,000 entries; with a
  // stride of 8 a 1,000,000-entry lookup measured half the time of 32).
  static constexpr size_t kSampleStride = 8;
  std::vector<uint64_t> samples_;
  // Every entry's prefix, in entry order: the second level, one cache line per block.
  std::vector<uint64_t> prefixes_;
};

using CrlPtr = std::shared_ptr<const Crl>;

// Compares two non-negative INTEGER contents by value (CRL numbers): <0, 0, >0. A negative
// number (which RFC 5280 forbids for a CRL number) sorts below every non-negative one.
int CompareIntegers(Der a, Der b);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CRL_H_
