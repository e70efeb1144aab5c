// Test-PKI builder: mints keys and X.509 certificates at run time.
//
// Unit tests, the TLS loopback tests, the benchmarks and `certval demo` create their own PKI
// with this library, so nothing depends on checked-in certificates that expire or drift.
//
// The DER is assembled by hand with BoringSSL's CBB (not with certval's parser or X509_*
// setters) so that tests control every byte, including deliberately malformed or unusual
// certificates. Signing uses EVP_DigestSign*.
//
// Error policy: this is test tooling, so misuse (an unknown attribute name, a bad OID or IP
// string, RSA-PSS with an EC key, ...) aborts the process with a message naming the problem,
// like a failed CHECK. No function returns an error.
//
// Typical use:
//   auto chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "example.test", now);
//   // or, for anything special:
//   testpki::TestCa root = testpki::TestCa::Root(testpki::RootSpec("Root", now),
//                                                testpki::Key::Cached(KeyKind::kEcP256));
//   testpki::CertSpec spec = testpki::LeafSpec("a.example.test", now);
//   spec.extra.push_back({"1.2.3.4", /*critical=*/true, "\x05\x00"});
//   std::string leaf_der = root.Issue(spec, testpki::Key::Cached(KeyKind::kEcP256, 1));

#ifndef CERTVAL_TESTING_PKI_TEST_PKI_H_
#define CERTVAL_TESTING_PKI_TEST_PKI_H_

#include <openssl/base.h>

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/time/time.h"

namespace certval::testpki {

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

enum class KeyKind { kRsa1024, kRsa2048, kRsa3072, kRsa4096, kEcP256, kEcP384, kEcP521, kEd25519 };

// Short lowercase name ("rsa2048", "p256", "ed25519"), handy for parameterized test names.
std::string_view KeyKindName(KeyKind kind);

// A private key. Copies share the same EVP_PKEY (keys are immutable once made), so passing
// Key by value is cheap. A default-constructed Key is empty; using it aborts.
class Key {
 public:
  Key() = default;

  // A fresh key every call. RSA generation takes from ~50 ms (2048) to seconds (4096):
  // tests should prefer Cached().
  static Key Generate(KeyKind kind);

  // The same key for the same (kind, index) for the life of the process, generated on first
  // use. Thread-safe. Use different indexes where a test needs distinct keys of one kind.
  static Key Cached(KeyKind kind, int index = 0);

  EVP_PKEY* pkey() const { return pkey_.get(); }
  KeyKind kind() const { return kind_; }
  bool empty() const { return pkey_ == nullptr; }

  std::string SpkiDer() const;        // SubjectPublicKeyInfo, DER
  std::string PrivateKeyDer() const;  // PKCS#8 PrivateKeyInfo, DER
  std::string PrivateKeyPem() const;  // PKCS#8 "PRIVATE KEY" PEM, e.g. for a test TLS server

 private:
  Key(std::shared_ptr<EVP_PKEY> pkey, KeyKind kind) : pkey_(std::move(pkey)), kind_(kind) {}

  std::shared_ptr<EVP_PKEY> pkey_;
  KeyKind kind_ = KeyKind::kEcP256;
};

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

// An X.501 Name, encoded as one RDN (a SET with one AttributeTypeAndValue) per entry, in order.
// Attribute types: "CN", "O", "OU", "C", "L", "ST", "street", "serialNumber", "DC", "UID",
// "emailAddress", or a dotted OID. String types follow RFC 5280 practice: PrintableString for
// C and serialNumber, IA5String for emailAddress and DC, UTF8String otherwise.
// If `der` is set it is used verbatim instead (for odd encodings: T61String, multi-valued
// RDNs, garbage...).
//   NameSpec name{{"CN", "example.test"}, {"O", "Example"}};   spec.subject = NameSpec::Cn("x");
struct NameSpec {
  using Attribute = std::pair<std::string, std::string>;  // {type, value}

  NameSpec() = default;
  NameSpec(std::initializer_list<Attribute> attributes) : attrs(attributes) {}

  static NameSpec Cn(std::string common_name) { return {{"CN", std::move(common_name)}}; }
  static NameSpec Raw(std::string name_der) {
    NameSpec name;
    name.der = std::move(name_der);
    return name;
  }

  std::vector<Attribute> attrs;
  // ASN.1 tags overriding the string types above, by position in `attrs` (0 or absent: the usual
  // type). E.g. {0, 0x14}: the second value as a T61String, which carries any bytes verbatim.
  std::vector<unsigned> string_tags;
  std::optional<std::string> der;
};

// DER of the Name. An empty NameSpec gives the empty SEQUENCE (30 00).
std::string EncodeName(const NameSpec& name);

// ---------------------------------------------------------------------------------------------
// Certificate specification
// ---------------------------------------------------------------------------------------------

enum class SigHash { kDefault, kSha1, kSha256, kSha384, kSha512 };

// KeyUsage bits for CertSpec::key_usage: bit i is KeyUsage bit i of RFC 5280 4.2.1.3.
inline constexpr uint16_t kKuDigitalSignature = 1 << 0;
inline constexpr uint16_t kKuNonRepudiation = 1 << 1;  // a.k.a. contentCommitment
inline constexpr uint16_t kKuKeyEncipherment = 1 << 2;
inline constexpr uint16_t kKuDataEncipherment = 1 << 3;
inline constexpr uint16_t kKuKeyAgreement = 1 << 4;
inline constexpr uint16_t kKuKeyCertSign = 1 << 5;
inline constexpr uint16_t kKuCrlSign = 1 << 6;
inline constexpr uint16_t kKuEncipherOnly = 1 << 7;
inline constexpr uint16_t kKuDecipherOnly = 1 << 8;

// An extension emitted exactly as given: `value` is the DER that goes inside extnValue's
// OCTET STRING.
struct RawExtension {
  std::string oid;  // dotted, e.g. "2.5.29.32"
  bool critical = false;
  std::string value;
};

struct CertSpec {
  NameSpec subject;  // empty is allowed

  // Big-endian magnitude; encoded as a positive, minimal INTEGER (leading zeros stripped, a
  // 0x00 prepended if the top bit is set). Default: 16 random bytes with the high bit clear.
  std::optional<std::string> serial;
  bool serial_verbatim = false;  // emit `serial` as the INTEGER contents as-is (negative, padded)

  // Default: now - 1h .. now + 365d. UTCTime for 1950..2049, GeneralizedTime otherwise;
  // absl::InfiniteFuture() encodes 99991231235959Z. Sub-second parts are truncated.
  std::optional<absl::Time> not_before, not_after;

  int version = 3;  // 1, 2 or 3. v1 omits the version field; v1 and v2 carry no extensions.

  // --- Extensions (v3 only). Each is emitted only when set. ---
  // basicConstraints: emitted when `ca` or `path_len` is set (cA defaults to false).
  std::optional<bool> ca;
  std::optional<int> path_len;
  bool basic_constraints_critical = true;

  std::optional<uint16_t> key_usage;  // kKu* bits
  bool key_usage_critical = true;

  // Dotted OIDs or "serverAuth", "clientAuth", "codeSigning", "emailProtection",
  // "timeStamping", "OCSPSigning", "anyExtendedKeyUsage". An empty vector emits an empty SEQUENCE.
  std::optional<std::vector<std::string>> eku;
  bool eku_critical = false;

  // subjectAltName: emitted when any list is non-empty, in the order dns, ip, email, uri, dir.
  std::vector<std::string> dns_sans, email_sans, uri_sans;
  std::vector<std::string> ip_sans;  // "10.0.0.1", "::1"
  std::vector<NameSpec> directory_name_sans;
  bool san_critical = false;

  // nameConstraints: emitted when either side is set (an empty Subtrees emits an empty list).
  struct Subtrees {
    std::vector<std::string> dns, email, uri;
    std::vector<std::string> ip_cidr;  // "10.0.0.0/8", "2001:db8::/32"; no prefix = host
    std::vector<NameSpec> dirs;
  };
  std::optional<Subtrees> nc_permitted, nc_excluded;
  bool nc_critical = true;

  // subjectKeyIdentifier = SHA-1 of the subjectPublicKey bits (RFC 5280 4.2.1.2 method 1);
  // authorityKeyIdentifier = the same hash of the issuer's key. The overrides set raw key-ID
  // bytes (e.g. to break AKI/SKI chaining on purpose).
  bool subject_key_id = true;
  bool authority_key_id = true;
  std::optional<std::string> subject_key_id_override, authority_key_id_override;

  // Anything else (policies, AIA, unknown critical extensions, duplicates...), appended after
  // the extensions above. See PoliciesExtension() etc. below for common values.
  std::vector<RawExtension> extra;

  // --- Signature ---
  // kDefault: SHA-256, SHA-384 for P-384, SHA-512 for P-521, none for Ed25519 (which
  // accepts only kDefault). Chosen by the *issuer's* key.
  SigHash hash = SigHash::kDefault;
  bool rsa_pss = false;  // RSASSA-PSS, MGF1 with the same hash, salt length = hash length

  // --- Deliberate defects ---
  // SubjectPublicKeyInfo DER to emit instead of the subject key's (SKI follows it).
  std::optional<std::string> spki_override;
  // AlgorithmIdentifier DER for the TBS copy only, to make it disagree with the outer one.
  std::optional<std::string> tbs_signature_algorithm_override;
  // Flip a bit of the signature value.
  bool corrupt_signature = false;
};

// Builds and signs a certificate; returns DER. `issuer_name_der` goes verbatim into the issuer
// field (use EncodeName or a CA's name_der()).
std::string IssueCertificate(const CertSpec& spec, const Key& subject_key, const Key& issuer_key,
                             const std::string& issuer_name_der);

// For other signed structures (CRLs, OCSP responses; testing/pki/test_revocation.h): the
// AlgorithmIdentifier DER a certificate signed by `signer` would carry, and a signature over
// `data` in that algorithm.
std::string SignatureAlgorithmDer(const Key& signer, SigHash hash = SigHash::kDefault,
                                  bool pss = false);
std::string SignData(const Key& signer, SigHash hash, bool pss, std::string_view data);

// Self-signed: issuer name = EncodeName(spec.subject), signed by `key`.
std::string SelfSigned(const CertSpec& spec, const Key& key);

// ---------------------------------------------------------------------------------------------
// Values for CertSpec::extra
// ---------------------------------------------------------------------------------------------

// certificatePolicies with one PolicyInformation (no qualifiers) per OID.
RawExtension PoliciesExtension(const std::vector<std::string>& policy_oids, bool critical = false);
// authorityInfoAccess with id-ad-ocsp and id-ad-caIssuers URIs.
RawExtension AiaExtension(const std::vector<std::string>& ocsp_urls,
                          const std::vector<std::string>& ca_issuers_urls);
// cRLDistributionPoints: one DistributionPoint with a fullName URI per URL.
RawExtension CrlDistributionPointsExtension(const std::vector<std::string>& urls);

// ---------------------------------------------------------------------------------------------
// Web-PKI-shaped specs and CAs
// ---------------------------------------------------------------------------------------------

// Root: CN=common_name, O=certval test; CA:true (critical), no pathLen; keyCertSign|cRLSign
// (critical); SKI and AKI; valid now-1d .. now+3650d.
CertSpec RootSpec(std::string_view common_name, absl::Time now);
// Intermediate: like RootSpec but pathLen = path_len (nullopt: none), valid now-1d .. now+1825d.
CertSpec IntermediateSpec(std::string_view common_name, absl::Time now,
                          std::optional<int> path_len = 0);
// Leaf: CN=host; SAN dNSName=host (iPAddress if host is an IP literal); EKU serverAuth;
// KU digitalSignature (critical); no basicConstraints; valid now-1d .. now+90d.
// Note: with an IPv4 host and no DNS SAN, OpenSSL checks the CN as a DNS name against DNS
// name constraints; clear `subject` in such name-constraint tests.
CertSpec LeafSpec(std::string_view host, absl::Time now);

// A CA's key, name and certificate, so tests can issue from it in one line.
class TestCa {
 public:
  TestCa(Key key, std::string name_der, std::string cert_der)
      : key_(std::move(key)), name_der_(std::move(name_der)), cert_der_(std::move(cert_der)) {}

  // A self-signed CA made from `spec` (typically RootSpec()).
  static TestCa Root(const CertSpec& spec, const Key& key);

  // An end-entity (or any) certificate signed by this CA.
  std::string Issue(const CertSpec& spec, const Key& subject_key) const;
  // A subordinate CA (typically from IntermediateSpec()) that can issue in turn.
  TestCa IssueCa(const CertSpec& spec, const Key& subject_key) const;

  const Key& key() const { return key_; }
  const std::string& name_der() const { return name_der_; }
  const std::string& cert_der() const { return cert_der_; }
  std::string cert_pem() const;

 private:
  Key key_;
  std::string name_der_;
  std::string cert_der_;
};

// root -> intermediate -> leaf, all DER.
struct Chain {
  std::string root, intermediate, leaf;
  Key root_key, intermediate_key, leaf_key;
  std::string root_name, intermediate_name;  // subject Name DER, to issue more from them

  TestCa root_ca() const { return TestCa(root_key, root_name, root); }
  TestCa intermediate_ca() const {
    return TestCa(intermediate_key, intermediate_name, intermediate);
  }
  // Leaf then intermediate, PEM: what a TLS server sends.
  std::string ServerChainPem() const;
};

// The common case: RootSpec("certval Test Root CA") -> IntermediateSpec("certval Test
// Intermediate CA", pathLen 0) -> LeafSpec(host), with Key::Cached(kind, 0/1/2).
Chain MakeChain(KeyKind kind, std::string_view host, absl::Time now);

// A hostile chain for name-constraint work (P-256, same root as MakeChain's): the intermediate
// permits `subtrees` directoryName subtrees (O=0, O=1, ...); the leaf, for "bomb.example.test",
// has `leaf_names` directoryName SANs outside all of them. 40,000 subtrees make a 1 MiB chain.
Chain NameConstraintsBomb(int subtrees, int leaf_names, absl::Time now);

// ---------------------------------------------------------------------------------------------
// PEM
// ---------------------------------------------------------------------------------------------

// "-----BEGIN <type>-----", base64 in 64-column lines, "-----END <type>-----\n".
std::string DerToPem(std::string_view der, std::string_view type = "CERTIFICATE");

}  // namespace certval::testpki

#endif  // CERTVAL_TESTING_PKI_TEST_PKI_H_
