// The parsed X.509 certificate that every check reads.
//
// A Certificate is parsed once, strictly (RFC 5280 DER, with BoringSSL's CBS), and is immutable
// afterwards. It owns its DER; every `Der` field below is a view into that buffer, valid for the
// Certificate's lifetime. Share it as `std::shared_ptr<const Certificate>`; it is safe to read from
// many threads at once.
#ifndef CERTVAL_VALIDATOR_CERTIFICATE_H_
#define CERTVAL_VALIDATOR_CERTIFICATE_H_

#include <openssl/evp.h>

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "certval/validator/name.h"

namespace certval {

using Sha256Digest = std::array<uint8_t, 32>;

// Signature algorithms certval can name. Anything else parses as kUnknown and fails the signature
// check.
enum class SignatureAlgorithm {
  kUnknown,
  kRsaPkcs1Md5,
  kRsaPkcs1Sha1,
  kRsaPkcs1Sha256,
  kRsaPkcs1Sha384,
  kRsaPkcs1Sha512,
  kRsaPssSha256,
  kRsaPssSha384,
  kRsaPssSha512,
  kEcdsaSha1,
  kEcdsaSha256,
  kEcdsaSha384,
  kEcdsaSha512,
  kEd25519,
  kDsaSha1,
  kDsaSha256,
};

enum class KeyType {
  kUnknown,
  kRsa,
  kEcP256,
  kEcP384,
  kEcP521,
  kEcOtherCurve,     // a named curve other than the three above (e.g. P-192)
  kEcExplicitCurve,  // explicit curve parameters instead of a named curve
  kEd25519,
  kDsa,
};

struct PublicKeyInfo {
  Der spki;       // the whole SubjectPublicKeyInfo TLV (what SPKI pins hash)
  Der algorithm;  // the AlgorithmIdentifier TLV
  Der key;        // the subjectPublicKey BIT STRING contents, without the unused-bits byte
  KeyType type = KeyType::kUnknown;
  int bits = 0;  // RSA modulus size, EC field size, 255 for Ed25519, 0 if unknown
};

// GeneralName choices (RFC 5280 4.2.1.6), numbered by their context tag.
enum class GeneralNameType {
  kOtherName = 0,
  kRfc822Name = 1,
  kDnsName = 2,
  kX400Address = 3,
  kDirectoryName = 4,
  kEdiPartyName = 5,
  kUri = 6,
  kIpAddress = 7,
  kRegisteredId = 8,
};

// The names of one GeneralNames value (a subjectAltName), sorted by kind.
struct GeneralNames {
  absl::InlinedVector<Der, 2> dns_names;  // IA5String contents, as presented
  std::vector<Der> emails;                // IA5String contents
  std::vector<Der> uris;                  // IA5String contents
  std::vector<Der> ip_addresses;          // 4 or 16 raw bytes
  std::vector<Der> directory_names;       // Name TLVs (parse with ParseName)
  // Kinds present that certval keeps no value for (otherName, x400Address, ediPartyName,
  // registeredID).
  std::vector<GeneralNameType> other_kinds;
};

struct Extension {
  Der oid;  // OID contents
  bool critical = false;
  Der value;  // the extnValue OCTET STRING contents
};

struct BasicConstraints {
  bool is_ca = false;
  std::optional<int> path_len;  // pathLenConstraint, when present
};

// keyUsage bits (RFC 5280 4.2.1.3), as bit masks.
enum KeyUsageBit : uint16_t {
  kDigitalSignature = 1 << 0,
  kNonRepudiation = 1 << 1,
  kKeyEncipherment = 1 << 2,
  kDataEncipherment = 1 << 3,
  kKeyAgreement = 1 << 4,
  kKeyCertSign = 1 << 5,
  kCrlSign = 1 << 6,
  kEncipherOnly = 1 << 7,
  kDecipherOnly = 1 << 8,
};

struct ExtKeyUsage {
  absl::InlinedVector<Der, 2> oids;  // OID contents, in order
  bool server_auth = false;
  bool client_auth = false;
  bool any = false;  // anyExtendedKeyUsage
};

// One GeneralSubtree of a nameConstraints extension.
struct GeneralSubtree {
  GeneralNameType type;
  Der value;  // DNS/email/URI: the IA5String contents; IP: 8 or 32 bytes (address then mask);
              // directoryName: the Name TLV; other kinds: the raw contents
};

struct NameConstraints {
  std::vector<GeneralSubtree> permitted;
  std::vector<GeneralSubtree> excluded;
  bool has_permitted = false;  // the permittedSubtrees field was present
  bool has_excluded = false;
};

// certificatePolicies (RFC 5280 4.2.1.4): one entry per PolicyInformation, in order.
struct PolicyInformation {
  Der oid;  // policyIdentifier contents
  // A qualifier other than id-qt-cps and id-qt-unotice: RFC 5280 4.2.1.4 lets a verifier ignore
  // what it does not know, unless the extension is critical.
  bool has_unknown_qualifier = false;
};

// policyMappings (RFC 5280 4.2.1.5): issuerDomainPolicy -> subjectDomainPolicy pairs.
struct PolicyMapping {
  Der issuer_domain;
  Der subject_domain;
};

// policyConstraints (RFC 5280 4.2.1.11): SkipCerts values, each 0..255 or absent.
struct PolicyConstraints {
  std::optional<int> require_explicit_policy;
  std::optional<int> inhibit_policy_mapping;
};

struct AuthorityKeyIdentifier {
  std::optional<Der> key_id;
  bool has_issuer = false;  // authorityCertIssuer present
  bool has_serial = false;  // authorityCertSerialNumber present
};

class Certificate {
  struct PassKey {  // private: see the constructor
    explicit PassKey() = default;
  };

 public:
  // Parses one DER certificate. Errors name the field and the byte offset, e.g.
  // "tbsCertificate.validity.notBefore at offset 140: UTCTime seconds missing".
  ABSL_MUST_USE_RESULT
  static absl::StatusOr<std::shared_ptr<const Certificate>> Parse(std::string der);

  // Public for std::make_shared (one allocation with its control block), but only Parse can name
  // the private PassKey it takes.
  explicit Certificate(PassKey);
  ~Certificate();
  Certificate(const Certificate&) = delete;
  Certificate& operator=(const Certificate&) = delete;

  const std::string& der() const { return der_; }
  Der tbs() const { return tbs_; }          // the TBSCertificate TLV: what the signature covers
  int version() const { return version_; }  // 1, 2 or 3
  Der serial() const { return serial_; }    // INTEGER contents, as encoded

  // Outer (Certificate.signatureAlgorithm) and inner (TBSCertificate.signature) algorithms. Parse
  // rejects a certificate whose two AlgorithmIdentifier encodings differ.
  SignatureAlgorithm signature_algorithm() const { return signature_algorithm_; }
  Der signature_algorithm_der() const {
    return signature_algorithm_der_;
  }                                             // AlgorithmIdentifier TLV
  Der signature() const { return signature_; }  // BIT STRING contents without the unused-bits byte

  const Name& issuer() const { return issuer_; }
  const Name& subject() const { return subject_; }
  absl::Time not_before() const { return not_before_; }
  absl::Time not_after() const { return not_after_; }
  const PublicKeyInfo& public_key() const { return public_key_; }

  // Every extension, in order; the typed views below are filled for the ones certval understands.
  absl::Span<const Extension> extensions() const { return extensions_; }
  const Extension* FindExtension(Der oid) const;

  const std::optional<BasicConstraints>& basic_constraints() const { return basic_constraints_; }
  std::optional<uint16_t> key_usage() const { return key_usage_; }
  const std::optional<ExtKeyUsage>& ext_key_usage() const { return ext_key_usage_; }
  const std::optional<GeneralNames>& subject_alt_names() const { return subject_alt_names_; }
  const std::optional<NameConstraints>& name_constraints() const { return name_constraints_; }
  const std::optional<Der>& subject_key_id() const { return subject_key_id_; }
  const std::optional<AuthorityKeyIdentifier>& authority_key_id() const {
    return authority_key_id_;
  }
  const std::optional<std::vector<PolicyInformation>>& certificate_policies() const {
    return certificate_policies_;
  }
  const std::optional<std::vector<PolicyMapping>>& policy_mappings() const {
    return policy_mappings_;
  }
  const std::optional<PolicyConstraints>& policy_constraints() const { return policy_constraints_; }
  std::optional<int> inhibit_any_policy() const { return inhibit_any_policy_; }  // SkipCerts 0..255
  bool has_certificate_policies() const { return certificate_policies_.has_value(); }
  bool has_policy_constraints() const { return policy_constraints_.has_value(); }
  bool has_inhibit_any_policy() const { return inhibit_any_policy_.has_value(); }
  bool has_policy_mappings() const { return policy_mappings_.has_value(); }
  bool has_authority_info_access() const { return has_authority_info_access_; }

  // Issuer and subject are the same name (RFC 5280 "self-issued").
  bool self_issued() const { return issuer_.normalized == subject_.normalized; }

  // SHA-256 of der() and of public_key().spki: the keys of the verification caches. Computed on
  // first use and kept, so a certificate shared through a cache is hashed once. Thread-safe.
  const Sha256Digest& der_sha256() const;
  const Sha256Digest& spki_sha256() const;

  // The subject public key as BoringSSL parsed it, for verifying the signatures this certificate's
  // key made; null if BoringSSL cannot parse it (or bytes trail the SPKI). Parsed on first use and
  // kept, so a long-lived issuer (a trust anchor, a cached intermediate) is parsed once and RSA
  // keeps its Montgomery context between verifications. Thread-safe.
  EVP_PKEY* verification_key() const;

 private:
  friend class CertificateParser;

  std::string der_;
  Der tbs_;
  int version_ = 1;
  Der serial_;
  SignatureAlgorithm signature_algorithm_ = SignatureAlgorithm::kUnknown;
  Der signature_algorithm_der_;
  Der signature_;
  Name issuer_;
  Name subject_;
  absl::Time not_before_;
  absl::Time not_after_;
  PublicKeyInfo public_key_;
  absl::InlinedVector<Extension, 10> extensions_;  // a typical certificate has 5 to 10
  std::optional<BasicConstraints> basic_constraints_;
  std::optional<uint16_t> key_usage_;
  std::optional<ExtKeyUsage> ext_key_usage_;
  std::optional<GeneralNames> subject_alt_names_;
  std::optional<NameConstraints> name_constraints_;
  std::optional<Der> subject_key_id_;
  std::optional<AuthorityKeyIdentifier> authority_key_id_;
  std::optional<std::vector<PolicyInformation>> certificate_policies_;
  std::optional<std::vector<PolicyMapping>> policy_mappings_;
  std::optional<PolicyConstraints> policy_constraints_;
  std::optional<int> inhibit_any_policy_;
  bool has_authority_info_access_ = false;

  // Computed on first use, each on its own (a child needs only its DER digest, an issuer only its
  // key's). std::call_once (pthread_once) is visible to ThreadSanitizer.
  struct LazyDigest {
    std::once_flag once;
    Sha256Digest value;
  };
  mutable LazyDigest der_digest_, spki_digest_;
  // Not std::call_once: glibc's once makes a futex system call on every first run, which a freshly
  // parsed certificate always is. Racing threads each parse; the first to publish wins.
  mutable std::atomic<EVP_PKEY*> verification_key_{nullptr};
  mutable std::atomic<bool> verification_key_unusable_{false};
};

using CertificatePtr = std::shared_ptr<const Certificate>;

// Shared by certval's DER parsers, so that every parse error reads alike: an InvalidArgumentError
// "<path> at offset <offset>: <what>".
ABSL_MUST_USE_RESULT
absl::Status DerError(absl::string_view path, size_t offset, absl::string_view what);

// Why the bytes at the start of `input` are not one DER element with tag `tag` (a BoringSSL
// CBS_ASN1_* tag value; 0 stands for any tag): "missing SEQUENCE", "expected SET, found SEQUENCE",
// "length not minimally encoded (BER, not DER)", "truncated or malformed SEQUENCE". For error paths
// only.
std::string DescribeDerFault(Der input, unsigned tag);

// Shared with certval's other DER parsers (CRLs, OCSP responses), so that they read signature
// algorithms and times exactly as certificates do.
// The algorithm an AlgorithmIdentifier TLV names (kUnknown for anything certval does not name).
SignatureAlgorithm ParseSignatureAlgorithmIdentifier(Der algorithm_identifier);
// An RFC 5280 UTCTime (tag CBS_ASN1_UTCTIME) or GeneralizedTime contents; "" on success, else why
// not.
std::string ParseX509Time(unsigned tag, Der contents, absl::Time* out);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CERTIFICATE_H_
