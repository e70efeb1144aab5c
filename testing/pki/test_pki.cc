#include "certval/testing/pki/test_pki.h"

#include <arpa/inet.h>
#include <openssl/base64.h>
#include <openssl/bn.h>
#include <openssl/bytestring.h>
#include <openssl/ec_key.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/nid.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>
#include <openssl/sha.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>

#include "absl/time/civil_time.h"
#include "absl/time/clock.h"

namespace certval::testpki {
namespace {

// ---------------------------------------------------------------------------------------------
// Failure handling and small DER helpers
// ---------------------------------------------------------------------------------------------

[[noreturn]] void Fatal(std::string_view message) {
  std::fprintf(stderr, "testpki: %.*s\n", static_cast<int>(message.size()), message.data());
  std::abort();
}

// CBB calls only fail on allocation failure or programming errors; treat both as fatal.
#define TESTPKI_CHECK(expr)                     \
  do {                                          \
    if (!(expr)) Fatal("check failed: " #expr); \
  } while (0)

const uint8_t* Bytes(std::string_view s) { return reinterpret_cast<const uint8_t*>(s.data()); }

// Owns a CBB for building one DER blob: `Der der; Add...(der.get()); return der.Finish();`
class Der {
 public:
  Der() { TESTPKI_CHECK(CBB_init(&cbb_, 256)); }
  ~Der() { CBB_cleanup(&cbb_); }
  Der(const Der&) = delete;
  Der& operator=(const Der&) = delete;

  CBB* get() { return &cbb_; }
  std::string Finish() {
    uint8_t* data;
    size_t len;
    TESTPKI_CHECK(CBB_finish(&cbb_, &data, &len));
    std::string out(reinterpret_cast<char*>(data), len);
    OPENSSL_free(data);
    return out;
  }

 private:
  CBB cbb_;
};

void AddBytes(CBB* out, std::string_view bytes) {
  TESTPKI_CHECK(CBB_add_bytes(out, Bytes(bytes), bytes.size()));
}

// Adds a complete element `tag { contents }`.
void AddTagged(CBB* out, unsigned tag, std::string_view contents) {
  CBB child;
  TESTPKI_CHECK(CBB_add_asn1(out, &child, tag));
  AddBytes(&child, contents);
  TESTPKI_CHECK(CBB_flush(out));
}

void AddOid(CBB* out, std::string_view dotted) {
  CBB oid;
  TESTPKI_CHECK(CBB_add_asn1(out, &oid, CBS_ASN1_OBJECT));
  if (!CBB_add_asn1_oid_from_text(&oid, dotted.data(), dotted.size())) {
    Fatal("not a dotted OID: " + std::string(dotted));
  }
  TESTPKI_CHECK(CBB_flush(out));
}

void AddNull(CBB* out) { AddTagged(out, CBS_ASN1_NULL, ""); }

// Context-specific tag `n`, primitive (IMPLICIT over a string type) or constructed.
constexpr unsigned ContextTag(unsigned n) { return CBS_ASN1_CONTEXT_SPECIFIC | n; }
constexpr unsigned ContextConstructed(unsigned n) {
  return CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | n;
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

std::shared_ptr<EVP_PKEY> Share(EVP_PKEY* pkey) {
  TESTPKI_CHECK(pkey != nullptr);
  return std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free);
}

EVP_PKEY* GenerateRsa(int bits) {
  bssl::UniquePtr<BIGNUM> e(BN_new());
  bssl::UniquePtr<RSA> rsa(RSA_new());
  TESTPKI_CHECK(e && rsa && BN_set_word(e.get(), RSA_F4));
  TESTPKI_CHECK(RSA_generate_key_ex(rsa.get(), bits, e.get(), nullptr));
  EVP_PKEY* pkey = EVP_PKEY_new();
  TESTPKI_CHECK(pkey && EVP_PKEY_assign_RSA(pkey, rsa.release()));
  return pkey;
}

EVP_PKEY* GenerateEc(int curve_nid) {
  bssl::UniquePtr<EC_KEY> ec(EC_KEY_new_by_curve_name(curve_nid));
  TESTPKI_CHECK(ec && EC_KEY_generate_key(ec.get()));
  EVP_PKEY* pkey = EVP_PKEY_new();
  TESTPKI_CHECK(pkey && EVP_PKEY_assign_EC_KEY(pkey, ec.release()));
  return pkey;
}

EVP_PKEY* GenerateEd25519() {
  bssl::UniquePtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
  EVP_PKEY* pkey = nullptr;
  TESTPKI_CHECK(ctx && EVP_PKEY_keygen_init(ctx.get()) && EVP_PKEY_keygen(ctx.get(), &pkey));
  return pkey;
}

// The subjectPublicKey BIT STRING contents (without the unused-bits byte) of an SPKI.
std::string PublicKeyBits(std::string_view spki_der) {
  CBS cbs, spki, bits;
  uint8_t unused_bits;
  CBS_init(&cbs, Bytes(spki_der), spki_der.size());
  if (!CBS_get_asn1(&cbs, &spki, CBS_ASN1_SEQUENCE) ||
      !CBS_get_asn1(&spki, nullptr, CBS_ASN1_SEQUENCE) ||
      !CBS_get_asn1(&spki, &bits, CBS_ASN1_BITSTRING) || !CBS_get_u8(&bits, &unused_bits)) {
    Fatal("cannot find subjectPublicKey in SubjectPublicKeyInfo");
  }
  return std::string(reinterpret_cast<const char*>(CBS_data(&bits)), CBS_len(&bits));
}

// RFC 5280 4.2.1.2 method 1: SHA-1 over the subjectPublicKey bits.
std::string KeyId(std::string_view spki_der) {
  std::string bits = PublicKeyBits(spki_der);
  uint8_t digest[SHA_DIGEST_LENGTH];
  SHA1(Bytes(bits), bits.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

const Key& CheckedKey(const Key& key, const char* role) {
  if (key.empty()) Fatal(std::string("empty Key used as ") + role);
  return key;
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

struct AttributeType {
  const char* name;
  const char* oid;
  unsigned string_tag;
};

constexpr AttributeType kAttributeTypes[] = {
    {"CN", "2.5.4.3", CBS_ASN1_UTF8STRING},
    {"serialNumber", "2.5.4.5", CBS_ASN1_PRINTABLESTRING},
    {"C", "2.5.4.6", CBS_ASN1_PRINTABLESTRING},
    {"L", "2.5.4.7", CBS_ASN1_UTF8STRING},
    {"ST", "2.5.4.8", CBS_ASN1_UTF8STRING},
    {"street", "2.5.4.9", CBS_ASN1_UTF8STRING},
    {"O", "2.5.4.10", CBS_ASN1_UTF8STRING},
    {"OU", "2.5.4.11", CBS_ASN1_UTF8STRING},
    {"emailAddress", "1.2.840.113549.1.9.1", CBS_ASN1_IA5STRING},
    {"DC", "0.9.2342.19200300.100.1.25", CBS_ASN1_IA5STRING},
    {"UID", "0.9.2342.19200300.100.1.1", CBS_ASN1_UTF8STRING},
};

bool IsDottedOid(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789.") == std::string_view::npos;
}

AttributeType LookupAttribute(const std::string& name) {
  for (const AttributeType& type : kAttributeTypes) {
    if (name == type.name) return type;
  }
  // Unlisted types are accepted by OID; DirectoryString's usual choice is UTF8String.
  if (IsDottedOid(name)) return {name.c_str(), name.c_str(), CBS_ASN1_UTF8STRING};
  Fatal("unknown name attribute type: " + name);
}

void AddName(CBB* out, const NameSpec& name) {
  if (name.der) {
    AddBytes(out, *name.der);
    return;
  }
  CBB rdns;
  TESTPKI_CHECK(CBB_add_asn1(out, &rdns, CBS_ASN1_SEQUENCE));
  for (size_t i = 0; i < name.attrs.size(); ++i) {
    const auto& [type_name, value] = name.attrs[i];
    AttributeType type = LookupAttribute(type_name);
    if (i < name.string_tags.size() && name.string_tags[i] != 0)
      type.string_tag = name.string_tags[i];
    CBB rdn, atv;
    TESTPKI_CHECK(CBB_add_asn1(&rdns, &rdn, CBS_ASN1_SET));
    TESTPKI_CHECK(CBB_add_asn1(&rdn, &atv, CBS_ASN1_SEQUENCE));
    AddOid(&atv, type.oid);
    AddTagged(&atv, type.string_tag, value);
    TESTPKI_CHECK(CBB_flush(&rdns));
  }
  TESTPKI_CHECK(CBB_flush(out));
}

// ---------------------------------------------------------------------------------------------
// Validity and serial number
// ---------------------------------------------------------------------------------------------

// RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 (and before 1950).
void AddTime(CBB* out, absl::Time t) {
  if (t == absl::InfiniteFuture()) {  // "no well-defined expiration date"
    AddTagged(out, CBS_ASN1_GENERALIZEDTIME, "99991231235959Z");
    return;
  }
  absl::CivilSecond c = absl::ToCivilSecond(t, absl::UTCTimeZone());
  if (c.year() < 0 || c.year() > 9999) Fatal("certificate time out of range 0000..9999");
  char text[32];
  if (c.year() >= 1950 && c.year() <= 2049) {
    std::snprintf(text, sizeof(text), "%02d%02d%02d%02d%02d%02dZ", static_cast<int>(c.year() % 100),
                  c.month(), c.day(), c.hour(), c.minute(), c.second());
    AddTagged(out, CBS_ASN1_UTCTIME, text);
  } else {
    std::snprintf(text, sizeof(text), "%04d%02d%02d%02d%02d%02dZ", static_cast<int>(c.year()),
                  c.month(), c.day(), c.hour(), c.minute(), c.second());
    AddTagged(out, CBS_ASN1_GENERALIZEDTIME, text);
  }
}

std::string RandomSerial() {
  std::string serial(16, '\0');
  RAND_bytes(reinterpret_cast<uint8_t*>(serial.data()), serial.size());
  serial[0] &= 0x7f;  // positive even before minimal encoding, as the CA/B BRs expect
  return serial;
}

// DER INTEGER contents for a non-negative big-endian magnitude: no redundant leading zeros,
// and a 0x00 in front if the top bit would otherwise make it negative.
std::string MinimalPositiveInteger(std::string_view magnitude) {
  size_t first = magnitude.find_first_not_of('\0');
  std::string out(first == std::string_view::npos ? "" : magnitude.substr(first));
  if (out.empty() || (static_cast<uint8_t>(out[0]) & 0x80)) out.insert(out.begin(), '\0');
  return out;
}

void AddSerial(CBB* out, const CertSpec& spec) {
  std::string serial = spec.serial ? *spec.serial : RandomSerial();
  AddTagged(out, CBS_ASN1_INTEGER, spec.serial_verbatim ? serial : MinimalPositiveInteger(serial));
}

// ---------------------------------------------------------------------------------------------
// GeneralNames (SAN and name constraints)
// ---------------------------------------------------------------------------------------------

// Parses "10.0.0.1" or "::1" into 4 or 16 bytes; nullopt if it is not an IP literal.
std::optional<std::string> ParseIp(const std::string& text) {
  uint8_t buf[16];
  if (inet_pton(AF_INET, text.c_str(), buf) == 1)
    return std::string(reinterpret_cast<char*>(buf), 4);
  if (inet_pton(AF_INET6, text.c_str(), buf) == 1)
    return std::string(reinterpret_cast<char*>(buf), 16);
  return std::nullopt;
}

std::string IpBytes(const std::string& text) {
  std::optional<std::string> ip = ParseIp(text);
  if (!ip) Fatal("not an IP address: " + text);
  return *ip;
}

// Name constraints encode an IP range as address || mask (RFC 5280 4.2.1.10).
std::string CidrBytes(const std::string& cidr) {
  size_t slash = cidr.find('/');
  std::string address = IpBytes(cidr.substr(0, slash));
  int max_bits = static_cast<int>(address.size()) * 8;
  int prefix = max_bits;
  if (slash != std::string::npos) {
    std::string digits = cidr.substr(slash + 1);
    bool numeric = !digits.empty() && digits.size() <= 3 &&
                   digits.find_first_not_of("0123456789") == std::string::npos;
    prefix = numeric ? std::atoi(digits.c_str()) : -1;
    if (prefix < 0 || prefix > max_bits) Fatal("bad CIDR prefix: " + cidr);
  }
  std::string mask(address.size(), '\0');
  for (int bit = 0; bit < prefix; ++bit) mask[bit / 8] |= static_cast<char>(0x80 >> (bit % 8));
  return address + mask;
}

// GeneralName CHOICE tags (IMPLICIT module; directoryName is EXPLICIT since Name is a CHOICE).
constexpr unsigned kGnRfc822 = ContextTag(1);
constexpr unsigned kGnDns = ContextTag(2);
constexpr unsigned kGnDirectory = ContextConstructed(4);
constexpr unsigned kGnUri = ContextTag(6);
constexpr unsigned kGnIp = ContextTag(7);

void AddDirectoryName(CBB* out, const NameSpec& name) {
  CBB dir;
  TESTPKI_CHECK(CBB_add_asn1(out, &dir, kGnDirectory));
  AddName(&dir, name);
  TESTPKI_CHECK(CBB_flush(out));
}

// One GeneralSubtree { base } per entry; minimum/maximum keep their defaults, as RFC 5280
// requires.
void AddSubtree(CBB* out, unsigned gn_tag, std::string_view value) {
  CBB subtree;
  TESTPKI_CHECK(CBB_add_asn1(out, &subtree, CBS_ASN1_SEQUENCE));
  AddTagged(&subtree, gn_tag, value);
  TESTPKI_CHECK(CBB_flush(out));
}

void AddSubtrees(CBB* out, unsigned tag, const CertSpec::Subtrees& trees) {
  CBB list;
  TESTPKI_CHECK(CBB_add_asn1(out, &list, tag));
  for (const auto& dns : trees.dns) AddSubtree(&list, kGnDns, dns);
  for (const auto& cidr : trees.ip_cidr) AddSubtree(&list, kGnIp, CidrBytes(cidr));
  for (const auto& email : trees.email) AddSubtree(&list, kGnRfc822, email);
  for (const auto& uri : trees.uri) AddSubtree(&list, kGnUri, uri);
  for (const auto& dir : trees.dirs) {
    CBB subtree;
    TESTPKI_CHECK(CBB_add_asn1(&list, &subtree, CBS_ASN1_SEQUENCE));
    AddDirectoryName(&subtree, dir);
    TESTPKI_CHECK(CBB_flush(&list));
  }
  TESTPKI_CHECK(CBB_flush(out));
}

// ---------------------------------------------------------------------------------------------
// Extensions: each builder returns the extension; EncodeExtensions writes them all.
// ---------------------------------------------------------------------------------------------

RawExtension BasicConstraints(const CertSpec& spec) {
  Der der;
  CBB seq;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &seq, CBS_ASN1_SEQUENCE));
  if (spec.ca.value_or(false)) TESTPKI_CHECK(CBB_add_asn1_bool(&seq, 1));  // DEFAULT FALSE
  if (spec.path_len) TESTPKI_CHECK(CBB_add_asn1_int64(&seq, *spec.path_len));
  return {"2.5.29.19", spec.basic_constraints_critical, der.Finish()};
}

// A named BIT STRING: bit 0 is the most significant bit of the first byte, and DER drops
// trailing zero bits (X.690 11.2.2), recording how many bits of the last byte are unused.
RawExtension KeyUsage(const CertSpec& spec) {
  uint16_t bits = *spec.key_usage;
  int highest = -1;
  for (int i = 0; i < 16; ++i) {
    if (bits & (1u << i)) highest = i;
  }
  std::string content;
  int num_bytes = (highest + 8) / 8;  // 0 when no bits are set
  content.push_back(static_cast<char>(num_bytes * 8 - (highest + 1)));
  for (int byte = 0; byte < num_bytes; ++byte) {
    uint8_t b = 0;
    for (int i = 0; i < 8; ++i) {
      if (bits & (1u << (byte * 8 + i))) b |= 0x80 >> i;
    }
    content.push_back(static_cast<char>(b));
  }
  Der der;
  AddTagged(der.get(), CBS_ASN1_BITSTRING, content);
  return {"2.5.29.15", spec.key_usage_critical, der.Finish()};
}

std::string EkuOid(const std::string& name) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"serverAuth", "1.3.6.1.5.5.7.3.1"},    {"clientAuth", "1.3.6.1.5.5.7.3.2"},
      {"codeSigning", "1.3.6.1.5.5.7.3.3"},   {"emailProtection", "1.3.6.1.5.5.7.3.4"},
      {"timeStamping", "1.3.6.1.5.5.7.3.8"},  {"OCSPSigning", "1.3.6.1.5.5.7.3.9"},
      {"anyExtendedKeyUsage", "2.5.29.37.0"},
  };
  for (const auto& [n, oid] : kNames) {
    if (name == n) return oid;
  }
  if (IsDottedOid(name)) return name;
  Fatal("unknown extended key usage: " + name);
}

RawExtension ExtendedKeyUsage(const CertSpec& spec) {
  Der der;
  CBB seq;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &seq, CBS_ASN1_SEQUENCE));
  for (const std::string& purpose : *spec.eku) AddOid(&seq, EkuOid(purpose));
  return {"2.5.29.37", spec.eku_critical, der.Finish()};
}

bool HasSans(const CertSpec& spec) {
  return !spec.dns_sans.empty() || !spec.ip_sans.empty() || !spec.email_sans.empty() ||
         !spec.uri_sans.empty() || !spec.directory_name_sans.empty();
}

RawExtension SubjectAltName(const CertSpec& spec) {
  Der der;
  CBB names;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &names, CBS_ASN1_SEQUENCE));
  for (const auto& dns : spec.dns_sans) AddTagged(&names, kGnDns, dns);
  for (const auto& ip : spec.ip_sans) AddTagged(&names, kGnIp, IpBytes(ip));
  for (const auto& email : spec.email_sans) AddTagged(&names, kGnRfc822, email);
  for (const auto& uri : spec.uri_sans) AddTagged(&names, kGnUri, uri);
  for (const auto& dir : spec.directory_name_sans) AddDirectoryName(&names, dir);
  return {"2.5.29.17", spec.san_critical, der.Finish()};
}

RawExtension NameConstraints(const CertSpec& spec) {
  Der der;
  CBB seq;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &seq, CBS_ASN1_SEQUENCE));
  if (spec.nc_permitted) AddSubtrees(&seq, ContextConstructed(0), *spec.nc_permitted);
  if (spec.nc_excluded) AddSubtrees(&seq, ContextConstructed(1), *spec.nc_excluded);
  return {"2.5.29.30", spec.nc_critical, der.Finish()};
}

RawExtension SubjectKeyId(const std::string& key_id) {
  Der der;
  AddTagged(der.get(), CBS_ASN1_OCTETSTRING, key_id);
  return {"2.5.29.14", false, der.Finish()};
}

RawExtension AuthorityKeyId(const std::string& key_id) {
  Der der;
  CBB seq;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &seq, CBS_ASN1_SEQUENCE));
  AddTagged(&seq, ContextTag(0), key_id);  // keyIdentifier [0] IMPLICIT OCTET STRING
  return {"2.5.29.35", false, der.Finish()};
}

std::vector<RawExtension> CollectExtensions(const CertSpec& spec, const std::string& spki_der,
                                            const Key& issuer_key) {
  std::vector<RawExtension> exts;
  if (spec.subject_key_id) {
    exts.push_back(SubjectKeyId(spec.subject_key_id_override.value_or(KeyId(spki_der))));
  }
  if (spec.authority_key_id) {
    exts.push_back(
        AuthorityKeyId(spec.authority_key_id_override.value_or(KeyId(issuer_key.SpkiDer()))));
  }
  if (spec.ca || spec.path_len) exts.push_back(BasicConstraints(spec));
  if (spec.key_usage) exts.push_back(KeyUsage(spec));
  if (spec.eku) exts.push_back(ExtendedKeyUsage(spec));
  if (HasSans(spec)) exts.push_back(SubjectAltName(spec));
  if (spec.nc_permitted || spec.nc_excluded) exts.push_back(NameConstraints(spec));
  exts.insert(exts.end(), spec.extra.begin(), spec.extra.end());
  return exts;
}

// [3] EXPLICIT Extensions; omitted entirely when empty since SEQUENCE SIZE (1..MAX).
void AddExtensions(CBB* tbs, const std::vector<RawExtension>& exts) {
  if (exts.empty()) return;
  CBB wrapper, list;
  TESTPKI_CHECK(CBB_add_asn1(tbs, &wrapper, ContextConstructed(3)));
  TESTPKI_CHECK(CBB_add_asn1(&wrapper, &list, CBS_ASN1_SEQUENCE));
  for (const RawExtension& ext : exts) {
    CBB seq;
    TESTPKI_CHECK(CBB_add_asn1(&list, &seq, CBS_ASN1_SEQUENCE));
    AddOid(&seq, ext.oid);
    if (ext.critical) TESTPKI_CHECK(CBB_add_asn1_bool(&seq, 1));  // DEFAULT FALSE
    AddTagged(&seq, CBS_ASN1_OCTETSTRING, ext.value);
    TESTPKI_CHECK(CBB_flush(&list));
  }
  TESTPKI_CHECK(CBB_flush(tbs));
}

// ---------------------------------------------------------------------------------------------
// Signature algorithms and signing
// ---------------------------------------------------------------------------------------------

bool IsRsa(KeyKind k) {
  return k == KeyKind::kRsa1024 || k == KeyKind::kRsa2048 || k == KeyKind::kRsa3072 ||
         k == KeyKind::kRsa4096;
}

SigHash ResolveHash(const CertSpec& spec, const Key& signer) {
  if (signer.kind() == KeyKind::kEd25519) {
    if (spec.hash != SigHash::kDefault) Fatal("Ed25519 signs without a separate hash");
    if (spec.rsa_pss) Fatal("rsa_pss needs an RSA issuer key");
    return SigHash::kDefault;
  }
  if (spec.rsa_pss && !IsRsa(signer.kind())) Fatal("rsa_pss needs an RSA issuer key");
  if (spec.hash != SigHash::kDefault) return spec.hash;
  if (signer.kind() == KeyKind::kEcP384) return SigHash::kSha384;
  if (signer.kind() == KeyKind::kEcP521) return SigHash::kSha512;
  return SigHash::kSha256;
}

struct HashInfo {
  const EVP_MD* md;
  const char* oid;  // the hash itself, for RSASSA-PSS parameters
  const char* rsa_oid;
  const char* ecdsa_oid;
};

HashInfo GetHashInfo(SigHash hash) {
  switch (hash) {
    case SigHash::kSha1:
      return {EVP_sha1(), "1.3.14.3.2.26", "1.2.840.113549.1.1.5", "1.2.840.10045.4.1"};
    case SigHash::kSha384:
      return {EVP_sha384(), "2.16.840.1.101.3.4.2.2", "1.2.840.113549.1.1.12",
              "1.2.840.10045.4.3.3"};
    case SigHash::kSha512:
      return {EVP_sha512(), "2.16.840.1.101.3.4.2.3", "1.2.840.113549.1.1.13",
              "1.2.840.10045.4.3.4"};
    case SigHash::kSha256:
    case SigHash::kDefault:
      break;
  }
  return {EVP_sha256(), "2.16.840.1.101.3.4.2.1", "1.2.840.113549.1.1.11", "1.2.840.10045.4.3.2"};
}

// AlgorithmIdentifier for a hash, with NULL parameters (the form Chromium and BoringSSL emit).
void AddHashAlgorithm(CBB* out, const HashInfo& hash) {
  CBB alg;
  TESTPKI_CHECK(CBB_add_asn1(out, &alg, CBS_ASN1_SEQUENCE));
  AddOid(&alg, hash.oid);
  AddNull(&alg);
  TESTPKI_CHECK(CBB_flush(out));
}

// RSASSA-PSS-params (RFC 4055): hash, MGF1 over the same hash, salt = hash length, trailer
// field 1. DER omits fields equal to their DEFAULT (SHA-1, MGF1-SHA-1, 20, 1).
void AddPssParams(CBB* out, SigHash hash_kind) {
  HashInfo hash = GetHashInfo(hash_kind);
  bool sha1 = hash_kind == SigHash::kSha1;
  CBB params, field, mgf;
  TESTPKI_CHECK(CBB_add_asn1(out, &params, CBS_ASN1_SEQUENCE));
  if (!sha1) {
    TESTPKI_CHECK(CBB_add_asn1(&params, &field, ContextConstructed(0)));
    AddHashAlgorithm(&field, hash);
    TESTPKI_CHECK(CBB_add_asn1(&params, &field, ContextConstructed(1)));
    TESTPKI_CHECK(CBB_add_asn1(&field, &mgf, CBS_ASN1_SEQUENCE));
    AddOid(&mgf, "1.2.840.113549.1.1.8");  // id-mgf1
    AddHashAlgorithm(&mgf, hash);
    TESTPKI_CHECK(CBB_add_asn1(&params, &field, ContextConstructed(2)));
    TESTPKI_CHECK(CBB_add_asn1_uint64(&field, EVP_MD_size(hash.md)));
  }
  TESTPKI_CHECK(CBB_flush(out));
}

std::string SignatureAlgorithm(const Key& signer, SigHash hash_kind, bool pss) {
  HashInfo hash = GetHashInfo(hash_kind);
  Der der;
  CBB alg;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &alg, CBS_ASN1_SEQUENCE));
  if (signer.kind() == KeyKind::kEd25519) {
    AddOid(&alg, "1.3.101.112");  // parameters absent (RFC 8410)
  } else if (!IsRsa(signer.kind())) {
    AddOid(&alg, hash.ecdsa_oid);  // parameters absent (RFC 5758)
  } else if (pss) {
    AddOid(&alg, "1.2.840.113549.1.1.10");
    AddPssParams(&alg, hash_kind);
  } else {
    AddOid(&alg, hash.rsa_oid);
    AddNull(&alg);  // RFC 4055: NULL parameters for PKCS#1 v1.5
  }
  return der.Finish();
}

std::string Sign(const Key& signer, SigHash hash_kind, bool pss, std::string_view tbs) {
  const EVP_MD* md = signer.kind() == KeyKind::kEd25519 ? nullptr : GetHashInfo(hash_kind).md;
  bssl::ScopedEVP_MD_CTX ctx;
  EVP_PKEY_CTX* pctx = nullptr;
  TESTPKI_CHECK(EVP_DigestSignInit(ctx.get(), &pctx, md, nullptr, signer.pkey()));
  if (pss) {
    TESTPKI_CHECK(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING));
    TESTPKI_CHECK(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, -1));  // -1: salt length = hash length
    TESTPKI_CHECK(EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md));
  }
  size_t len = 0;
  TESTPKI_CHECK(EVP_DigestSign(ctx.get(), nullptr, &len, Bytes(tbs), tbs.size()));
  std::string sig(len, '\0');
  if (!EVP_DigestSign(ctx.get(), reinterpret_cast<uint8_t*>(sig.data()), &len, Bytes(tbs),
                      tbs.size())) {
    // E.g. RSA-1024 cannot fit a PSS signature with SHA-512 and a 64-byte salt.
    Fatal("signing failed (key too small for this hash/padding?)");
  }
  sig.resize(len);
  return sig;
}

// ---------------------------------------------------------------------------------------------
// TBSCertificate
// ---------------------------------------------------------------------------------------------

std::string TbsCertificate(const CertSpec& spec, const std::string& spki_der, const Key& issuer_key,
                           const std::string& issuer_name_der,
                           const std::string& signature_algorithm) {
  if (spec.version < 1 || spec.version > 3) Fatal("version must be 1, 2 or 3");
  absl::Time now = absl::Now();
  Der der;
  CBB tbs, field;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &tbs, CBS_ASN1_SEQUENCE));
  if (spec.version > 1) {  // [0] EXPLICIT Version DEFAULT v1: DER omits v1
    TESTPKI_CHECK(CBB_add_asn1(&tbs, &field, ContextConstructed(0)));
    TESTPKI_CHECK(CBB_add_asn1_uint64(&field, spec.version - 1));
  }
  AddSerial(&tbs, spec);
  AddBytes(&tbs, spec.tbs_signature_algorithm_override.value_or(signature_algorithm));
  AddBytes(&tbs, issuer_name_der);
  TESTPKI_CHECK(CBB_add_asn1(&tbs, &field, CBS_ASN1_SEQUENCE));  // Validity
  AddTime(&field, spec.not_before.value_or(now - absl::Hours(1)));
  AddTime(&field, spec.not_after.value_or(now + absl::Hours(24 * 365)));
  AddName(&tbs, spec.subject);
  AddBytes(&tbs, spki_der);
  if (spec.version == 3) AddExtensions(&tbs, CollectExtensions(spec, spki_der, issuer_key));
  return der.Finish();
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

std::string_view KeyKindName(KeyKind kind) {
  switch (kind) {
    case KeyKind::kRsa1024:
      return "rsa1024";
    case KeyKind::kRsa2048:
      return "rsa2048";
    case KeyKind::kRsa3072:
      return "rsa3072";
    case KeyKind::kRsa4096:
      return "rsa4096";
    case KeyKind::kEcP256:
      return "p256";
    case KeyKind::kEcP384:
      return "p384";
    case KeyKind::kEcP521:
      return "p521";
    case KeyKind::kEd25519:
      return "ed25519";
  }
  return "unknown";
}

Key Key::Generate(KeyKind kind) {
  switch (kind) {
    case KeyKind::kRsa1024:
      return Key(Share(GenerateRsa(1024)), kind);
    case KeyKind::kRsa2048:
      return Key(Share(GenerateRsa(2048)), kind);
    case KeyKind::kRsa3072:
      return Key(Share(GenerateRsa(3072)), kind);
    case KeyKind::kRsa4096:
      return Key(Share(GenerateRsa(4096)), kind);
    case KeyKind::kEcP256:
      return Key(Share(GenerateEc(NID_X9_62_prime256v1)), kind);
    case KeyKind::kEcP384:
      return Key(Share(GenerateEc(NID_secp384r1)), kind);
    case KeyKind::kEcP521:
      return Key(Share(GenerateEc(NID_secp521r1)), kind);
    case KeyKind::kEd25519:
      return Key(Share(GenerateEd25519()), kind);
  }
  Fatal("unknown KeyKind");
}

Key Key::Cached(KeyKind kind, int index) {
  static std::mutex* mu = new std::mutex;  // leaked on purpose: no destruction-order issues
  static auto* cache = new std::map<std::pair<KeyKind, int>, Key>;
  const auto slot = std::make_pair(kind, index);
  {
    std::lock_guard<std::mutex> lock(*mu);
    auto it = cache->find(slot);
    if (it != cache->end()) return it->second;
  }
  // Generate without the lock so one slow RSA-4096 does not stall every other test thread.
  // If two threads race on one slot, the first insert wins and both return it.
  Key fresh = Generate(kind);
  std::lock_guard<std::mutex> lock(*mu);
  return cache->emplace(slot, std::move(fresh)).first->second;
}

std::string Key::SpkiDer() const {
  CheckedKey(*this, "a public key");
  Der der;
  TESTPKI_CHECK(EVP_marshal_public_key(der.get(), pkey()));
  return der.Finish();
}

std::string Key::PrivateKeyDer() const {
  CheckedKey(*this, "a private key");
  Der der;
  TESTPKI_CHECK(EVP_marshal_private_key(der.get(), pkey()));
  return der.Finish();
}

std::string Key::PrivateKeyPem() const { return DerToPem(PrivateKeyDer(), "PRIVATE KEY"); }

std::string EncodeName(const NameSpec& name) {
  Der der;
  AddName(der.get(), name);
  return der.Finish();
}

std::string IssueCertificate(const CertSpec& spec, const Key& subject_key, const Key& issuer_key,
                             const std::string& issuer_name_der) {
  CheckedKey(issuer_key, "the issuer key");
  std::string spki = spec.spki_override ? *spec.spki_override
                                        : CheckedKey(subject_key, "the subject key").SpkiDer();
  SigHash hash = ResolveHash(spec, issuer_key);
  std::string algorithm = SignatureAlgorithm(issuer_key, hash, spec.rsa_pss);
  std::string tbs = TbsCertificate(spec, spki, issuer_key, issuer_name_der, algorithm);
  std::string signature = Sign(issuer_key, hash, spec.rsa_pss, tbs);
  if (spec.corrupt_signature) signature.back() ^= 0x01;  // the last byte is always value bits

  Der der;
  CBB cert, bits;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &cert, CBS_ASN1_SEQUENCE));
  AddBytes(&cert, tbs);
  AddBytes(&cert, algorithm);
  TESTPKI_CHECK(CBB_add_asn1(&cert, &bits, CBS_ASN1_BITSTRING));
  TESTPKI_CHECK(CBB_add_u8(&bits, 0));  // no unused bits
  AddBytes(&bits, signature);
  return der.Finish();
}

std::string SelfSigned(const CertSpec& spec, const Key& key) {
  return IssueCertificate(spec, key, key, EncodeName(spec.subject));
}

RawExtension PoliciesExtension(const std::vector<std::string>& policy_oids, bool critical) {
  Der der;
  CBB policies, info;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &policies, CBS_ASN1_SEQUENCE));
  for (const std::string& oid : policy_oids) {
    TESTPKI_CHECK(CBB_add_asn1(&policies, &info, CBS_ASN1_SEQUENCE));
    AddOid(&info, oid);
    TESTPKI_CHECK(CBB_flush(&policies));
  }
  return {"2.5.29.32", critical, der.Finish()};
}

RawExtension AiaExtension(const std::vector<std::string>& ocsp_urls,
                          const std::vector<std::string>& ca_issuers_urls) {
  Der der;
  CBB list, desc;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &list, CBS_ASN1_SEQUENCE));
  auto add = [&](const char* method_oid, const std::string& url) {
    TESTPKI_CHECK(CBB_add_asn1(&list, &desc, CBS_ASN1_SEQUENCE));
    AddOid(&desc, method_oid);
    AddTagged(&desc, kGnUri, url);
    TESTPKI_CHECK(CBB_flush(&list));
  };
  for (const auto& url : ocsp_urls) add("1.3.6.1.5.5.7.48.1", url);
  for (const auto& url : ca_issuers_urls) add("1.3.6.1.5.5.7.48.2", url);
  return {"1.3.6.1.5.5.7.1.1", false, der.Finish()};
}

RawExtension CrlDistributionPointsExtension(const std::vector<std::string>& urls) {
  Der der;
  CBB points, point, dp_name, full_name;
  TESTPKI_CHECK(CBB_add_asn1(der.get(), &points, CBS_ASN1_SEQUENCE));
  for (const std::string& url : urls) {
    TESTPKI_CHECK(CBB_add_asn1(&points, &point, CBS_ASN1_SEQUENCE));
    // distributionPoint [0] is EXPLICIT (DistributionPointName is a CHOICE);
    // fullName [0] IMPLICIT GeneralNames.
    TESTPKI_CHECK(CBB_add_asn1(&point, &dp_name, ContextConstructed(0)));
    TESTPKI_CHECK(CBB_add_asn1(&dp_name, &full_name, ContextConstructed(0)));
    AddTagged(&full_name, kGnUri, url);
    TESTPKI_CHECK(CBB_flush(&points));
  }
  return {"2.5.29.31", false, der.Finish()};
}

CertSpec RootSpec(std::string_view common_name, absl::Time now) {
  CertSpec spec;
  spec.subject.attrs = {{"CN", std::string(common_name)}, {"O", "certval test"}};
  spec.not_before = now - absl::Hours(24);
  spec.not_after = now + absl::Hours(24 * 3650);
  spec.ca = true;
  spec.key_usage = kKuKeyCertSign | kKuCrlSign;
  return spec;
}

CertSpec IntermediateSpec(std::string_view common_name, absl::Time now,
                          std::optional<int> path_len) {
  CertSpec spec = RootSpec(common_name, now);
  spec.not_after = now + absl::Hours(24 * 1825);
  spec.path_len = path_len;
  return spec;
}

CertSpec LeafSpec(std::string_view host, absl::Time now) {
  CertSpec spec;
  spec.subject = NameSpec::Cn(std::string(host));
  spec.not_before = now - absl::Hours(24);
  spec.not_after = now + absl::Hours(24 * 90);
  if (ParseIp(std::string(host))) {
    spec.ip_sans = {std::string(host)};
  } else {
    spec.dns_sans = {std::string(host)};
  }
  spec.eku = std::vector<std::string>{"serverAuth"};
  spec.key_usage = kKuDigitalSignature;
  return spec;
}

TestCa TestCa::Root(const CertSpec& spec, const Key& key) {
  return TestCa(key, EncodeName(spec.subject), SelfSigned(spec, key));
}

std::string TestCa::Issue(const CertSpec& spec, const Key& subject_key) const {
  return IssueCertificate(spec, subject_key, key_, name_der_);
}

TestCa TestCa::IssueCa(const CertSpec& spec, const Key& subject_key) const {
  return TestCa(subject_key, EncodeName(spec.subject), Issue(spec, subject_key));
}

std::string TestCa::cert_pem() const { return DerToPem(cert_der_); }

std::string Chain::ServerChainPem() const { return DerToPem(leaf) + DerToPem(intermediate); }

namespace {

// root -> intermediate (from `intermediate_spec`) -> leaf (from `leaf_spec`), keys (kind, 0/1/2).
Chain ChainOf(KeyKind kind, const CertSpec& intermediate_spec, const CertSpec& leaf_spec,
              absl::Time now) {
  TestCa root = TestCa::Root(RootSpec("certval Test Root CA", now), Key::Cached(kind, 0));
  TestCa intermediate = root.IssueCa(intermediate_spec, Key::Cached(kind, 1));
  Key leaf_key = Key::Cached(kind, 2);
  Chain chain;
  chain.root = root.cert_der();
  chain.intermediate = intermediate.cert_der();
  chain.leaf = intermediate.Issue(leaf_spec, leaf_key);
  chain.root_key = root.key();
  chain.intermediate_key = intermediate.key();
  chain.leaf_key = leaf_key;
  chain.root_name = root.name_der();
  chain.intermediate_name = intermediate.name_der();
  return chain;
}

}  // namespace

Chain MakeChain(KeyKind kind, std::string_view host, absl::Time now) {
  return ChainOf(kind, IntermediateSpec("certval Test Intermediate CA", now), LeafSpec(host, now),
                 now);
}

Chain NameConstraintsBomb(int subtrees, int leaf_names, absl::Time now) {
  CertSpec ica_spec = IntermediateSpec("certval Bomb CA", now);
  ica_spec.nc_permitted = CertSpec::Subtrees{};
  for (int i = 0; i < subtrees; ++i) {
    ica_spec.nc_permitted->dirs.push_back(NameSpec{{"O", std::to_string(i)}});
  }
  CertSpec leaf_spec = LeafSpec("bomb.example.test", now);
  for (int i = 0; i < leaf_names; ++i) {
    leaf_spec.directory_name_sans.push_back(NameSpec{{"O", "outside"}, {"CN", std::to_string(i)}});
  }
  return ChainOf(KeyKind::kEcP256, ica_spec, leaf_spec, now);
}

std::string DerToPem(std::string_view der, std::string_view type) {
  std::string out = "-----BEGIN " + std::string(type) + "-----\n";
  constexpr size_t kBytesPerLine = 48;  // 64 base64 characters
  for (size_t pos = 0; pos < der.size(); pos += kBytesPerLine) {
    std::string_view chunk = der.substr(pos, kBytesPerLine);
    char line[65];  // 64 characters + NUL written by EVP_EncodeBlock
    size_t n = EVP_EncodeBlock(reinterpret_cast<uint8_t*>(line), Bytes(chunk), chunk.size());
    out.append(line, n);
    out.push_back('\n');
  }
  out += "-----END " + std::string(type) + "-----\n";
  return out;
}

std::string SignatureAlgorithmDer(const Key& signer, SigHash hash, bool pss) {
  return SignatureAlgorithm(CheckedKey(signer, "signer"), hash, pss);
}

std::string SignData(const Key& signer, SigHash hash, bool pss, std::string_view data) {
  return Sign(CheckedKey(signer, "signer"), hash, pss, data);
}

}  // namespace certval::testpki
