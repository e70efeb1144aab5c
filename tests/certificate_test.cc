// Tests for Certificate::Parse and ParseName: well-formed certificates minted with BoringSSL keys,
// a table of malformed encodings, algorithm and key classification, name normalization, and a
// no-crash sweep over truncations and bit flips.
#include "certval/validator/certificate.h"

#include <openssl/bytestring.h>
#include <openssl/digest.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/nid.h>
#include <openssl/x509.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "certval/testing/pki/der_builder.h"
#include "certval/validator/oids.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using namespace std::string_literals;  // "..."s keeps embedded NUL bytes

// ---- a small DER builder: certificates are assembled from parts so a test can swap one field ----

using Parts = std::initializer_list<absl::string_view>;

std::string Join(Parts parts) {
  std::string out;
  for (absl::string_view part : parts) out.append(part.data(), part.size());
  return out;
}

std::string Tlv(uint8_t tag, absl::string_view contents) {
  return testpki::Tlv(tag, std::string_view(contents.data(), contents.size()));
}

std::string Seq(Parts parts) { return Tlv(0x30, Join(parts)); }
std::string Set(Parts parts) { return Tlv(0x31, Join(parts)); }
std::string Oid(absl::string_view contents) { return Tlv(0x06, contents); }
std::string Octets(absl::string_view s) { return Tlv(0x04, s); }
std::string Bits(absl::string_view s) { return Tlv(0x03, "\x00"s + std::string(s)); }
std::string Utf8(absl::string_view s) { return Tlv(0x0c, s); }
std::string Printable(absl::string_view s) { return Tlv(0x13, s); }
std::string Ia5(absl::string_view s) { return Tlv(0x16, s); }
std::string Utc(absl::string_view s) { return Tlv(0x17, s); }
std::string Gen(absl::string_view s) { return Tlv(0x18, s); }
std::string Ctx(int n, absl::string_view contents) {
  return Tlv(0x80 | n, contents);
}  // primitive [n]
std::string CtxC(int n, absl::string_view contents) {
  return Tlv(0xa0 | n, contents);
}  // constructed [n]
const std::string kTrue = "\x01\x01\xff"s;
const std::string kNull = "\x05\x00"s;

std::string Int(uint64_t v) {
  std::string bytes;
  do {
    bytes.insert(bytes.begin(), static_cast<char>(v & 0xff));
    v >>= 8;
  } while (v != 0);
  if (static_cast<uint8_t>(bytes[0]) & 0x80) bytes.insert(bytes.begin(), '\0');
  return Tlv(0x02, bytes);
}

std::string Alg(absl::string_view oid) { return Seq({Oid(oid)}); }
std::string AlgNull(absl::string_view oid) { return Seq({Oid(oid), kNull}); }
std::string Atv(absl::string_view type, absl::string_view value) { return Seq({Oid(type), value}); }
std::string Cn(absl::string_view cn) { return Seq({Set({Atv(kOidCommonName, Utf8(cn))})}); }

std::string Ext(absl::string_view oid, absl::string_view value, bool critical = false) {
  return Seq({Oid(oid), critical ? kTrue : "", Octets(value)});
}
std::string Extensions(Parts extensions) { return CtxC(3, Seq(extensions)); }

const std::string kP256Spki =
    Seq({Seq({Oid(kOidEcPublicKey), Oid(kOidP256)}), Bits("\x04"s + std::string(64, '\x11'))});
const std::string kUnknownOid = "\x2b\x06\x01\x04\x01\x83\xb2\x03\x01"s;  // 1.3.6.1.4.1.55555.1

struct CertParts {
  std::string version = CtxC(0, Int(2));
  std::string serial = Tlv(0x02, "\x01\x02\x03\x04"s);
  std::string algorithm = Alg(kOidEcdsaSha256);
  std::optional<std::string> inner_algorithm;  // set to make TBSCertificate.signature differ
  std::string issuer = Cn("Test CA");
  std::string validity = Seq({Utc("240101000000Z"), Utc("340101000000Z")});
  std::string subject = Cn("leaf.example");
  std::string spki = kP256Spki;
  std::string unique_ids;
  std::string extensions = Extensions({Ext(kOidBasicConstraints, Seq({}))});
  std::string tbs_trailer;
  std::string signature = Bits(std::string(64, '\x5a'));

  std::string Tbs() const {
    return Seq({version, serial, inner_algorithm.value_or(algorithm), issuer, validity, subject,
                spki, unique_ids, extensions, tbs_trailer});
  }
  std::string Der() const { return Seq({Tbs(), algorithm, signature}); }
};

std::string Edit(const std::function<void(CertParts&)>& edit) {
  CertParts parts;
  edit(parts);
  return parts.Der();
}

std::string WithExtension(const std::string& extension) {
  return Edit([&](CertParts& p) { p.extensions = Extensions({extension}); });
}

std::string Subject(const std::string& subject) {
  return Edit([&](CertParts& p) { p.subject = subject; });
}

// Every extension certval types, plus ones it only records.
std::string RichExtensions() {
  const std::string ip6 = "\x20\x01\x0d\xb8"s + std::string(11, '\0') + "\x01"s;
  const std::string san =
      Seq({Ctx(2, "leaf.example"), Ctx(2, "*.example.org"), Ctx(1, "admin@example.com"),
           Ctx(6, "https://example.com/"), Ctx(7, "\xc0\x00\x02\x01"s), Ctx(7, ip6),
           CtxC(4, Cn("Directory")), CtxC(0, Seq({Oid(kUnknownOid), CtxC(0, Utf8("x"))})),
           Ctx(8, kUnknownOid)});
  const std::string name_constraints =
      Seq({CtxC(0, Join({Seq({Ctx(2, "example.com")}), Seq({CtxC(4, Cn("Allowed"))})})),
           CtxC(1, Seq({Ctx(7, "\x0a\x00\x00\x00\xff\x00\x00\x00"s)}))});
  return Extensions({
      Ext(kOidBasicConstraints, Seq({kTrue, Int(1)}), true),
      Ext(kOidKeyUsage, Tlv(0x03, "\x01\x86"s), true),  // digitalSignature, keyCertSign, cRLSign
      Ext(kOidExtKeyUsage, Seq({Oid(kOidEkuServerAuth), Oid(kOidEkuClientAuth)})),
      Ext(kOidSubjectAltName, san),
      Ext(kOidNameConstraints, name_constraints, true),
      Ext(kOidSubjectKeyIdentifier, Octets("\x01\x02\x03\x04"s)),
      Ext(kOidAuthorityKeyIdentifier, Seq({Ctx(0, "\x0a\x0b\x0c"s)})),
      Ext(kOidCertificatePolicies, Seq({Seq({Oid(kOidAnyPolicy)})})),
      Ext(kOidPolicyConstraints, Seq({Ctx(0, "\x00"s)})),
      Ext(kOidInhibitAnyPolicy, Int(0)),
      Ext(kOidPolicyMappings, Seq({Seq({Oid(kOidAnyPolicy), Oid(kOidAnyPolicy)})})),
      Ext(kOidAuthorityInfoAccess, Seq({Seq({Oid(kOidAdOcsp), Ctx(6, "http://ocsp.example/")})})),
      Ext(kUnknownOid, kNull, true),
  });
}

CertParts RichParts() {
  CertParts parts;
  parts.serial = Tlv(0x02, "\x7f\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"s);
  parts.issuer = Seq({Set({Atv(kOidCountryName, Printable("US"))}),
                      Set({Atv(kOidCommonName, Utf8("Test Root CA"))})});
  parts.validity = Seq({Utc("240101000000Z"), Gen("20500630120000Z")});
  parts.subject = Seq({Set({Atv(kOidCommonName, Utf8("leaf.example"))}),
                       Set({Atv(kOidEmailAddress, Ia5("admin@example.com"))})});
  parts.extensions = RichExtensions();
  return parts;
}

absl::Time Utc(int y, int m, int d, int hh, int mm, int ss) {
  return absl::FromCivil(absl::CivilSecond(y, m, d, hh, mm, ss), absl::UTCTimeZone());
}

// ---- minting with BoringSSL keys ----

struct KeyCase {
  const char* name;
  int pkey_type;  // EVP_PKEY_RSA, EVP_PKEY_EC or EVP_PKEY_ED25519
  int curve_nid;
  KeyType type;
  int bits;
  SignatureAlgorithm algorithm;
};

void PrintTo(const KeyCase& c, std::ostream* os) { *os << c.name; }

bssl::UniquePtr<EVP_PKEY> GenerateKey(const KeyCase& c) {
  bssl::UniquePtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_id(c.pkey_type, nullptr));
  EVP_PKEY* key = nullptr;
  if (!ctx || !EVP_PKEY_keygen_init(ctx.get())) return nullptr;
  if (c.pkey_type == EVP_PKEY_RSA && !EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(), 2048))
    return nullptr;
  if (c.pkey_type == EVP_PKEY_EC && !EVP_PKEY_CTX_set_ec_paramgen_curve_nid(ctx.get(), c.curve_nid))
    return nullptr;
  if (!EVP_PKEY_keygen(ctx.get(), &key)) return nullptr;
  return bssl::UniquePtr<EVP_PKEY>(key);
}

std::string MarshalSpki(EVP_PKEY* key) {
  bssl::ScopedCBB cbb;
  uint8_t* data;
  size_t len;
  if (!CBB_init(cbb.get(), 128) || !EVP_marshal_public_key(cbb.get(), key) ||
      !CBB_finish(cbb.get(), &data, &len)) {
    return "";
  }
  std::string out(reinterpret_cast<char*>(data), len);
  OPENSSL_free(data);
  return out;
}

std::string Sign(EVP_PKEY* key, const EVP_MD* md, const std::string& tbs) {
  bssl::ScopedEVP_MD_CTX ctx;
  const auto* in = reinterpret_cast<const uint8_t*>(tbs.data());
  size_t len = 0;
  if (!EVP_DigestSignInit(ctx.get(), nullptr, md, nullptr, key) ||
      !EVP_DigestSign(ctx.get(), nullptr, &len, in, tbs.size())) {
    return "";
  }
  std::string sig(len, '\0');
  if (!EVP_DigestSign(ctx.get(), reinterpret_cast<uint8_t*>(&sig[0]), &len, in, tbs.size()))
    return "";
  sig.resize(len);
  return sig;
}

std::string ToString(const CBS& cbs) {
  return std::string(reinterpret_cast<const char*>(CBS_data(&cbs)), CBS_len(&cbs));
}

// The contents of the SubjectPublicKeyInfo SEQUENCE, read with BoringSSL as the reference.
CBS SpkiContents(const std::string& spki) {
  CBS in, contents;
  CBS_init(&in, reinterpret_cast<const uint8_t*>(spki.data()), spki.size());
  if (!CBS_get_asn1(&in, &contents, CBS_ASN1_SEQUENCE)) CBS_init(&contents, nullptr, 0);
  return contents;
}

class MintedCertificateTest : public testing::TestWithParam<KeyCase> {};

TEST_P(MintedCertificateTest, ParsesEveryField) {
  const KeyCase& c = GetParam();
  bssl::UniquePtr<EVP_PKEY> key = GenerateKey(c);
  ASSERT_TRUE(key);
  CertParts parts = RichParts();
  parts.spki = MarshalSpki(key.get());
  ASSERT_FALSE(parts.spki.empty());
  const EVP_MD* md = nullptr;
  switch (c.algorithm) {
    case SignatureAlgorithm::kRsaPkcs1Sha256:
      parts.algorithm = AlgNull(kOidSha256WithRsa);
      md = EVP_sha256();
      break;
    case SignatureAlgorithm::kEcdsaSha256:
      parts.algorithm = Alg(kOidEcdsaSha256);
      md = EVP_sha256();
      break;
    case SignatureAlgorithm::kEcdsaSha384:
      parts.algorithm = Alg(kOidEcdsaSha384);
      md = EVP_sha384();
      break;
    default:
      parts.algorithm = Alg(kOidEd25519);
      break;
  }
  const std::string tbs = parts.Tbs();
  const std::string signature = Sign(key.get(), md, tbs);
  ASSERT_FALSE(signature.empty());
  parts.signature = Bits(signature);
  const std::string der = parts.Der();

  // BoringSSL's own parser accepts the minted certificate and its signature.
  const uint8_t* p = reinterpret_cast<const uint8_t*>(der.data());
  bssl::UniquePtr<X509> x509(d2i_X509(nullptr, &p, der.size()));
  ASSERT_TRUE(x509);
  EXPECT_EQ(X509_verify(x509.get(), key.get()), 1);

  absl::StatusOr<CertificatePtr> parsed = Certificate::Parse(der);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  const Certificate& cert = **parsed;
  EXPECT_EQ(cert.der(), der);
  EXPECT_EQ(cert.tbs(), tbs);
  EXPECT_EQ(cert.version(), 3);
  EXPECT_EQ(cert.serial(), "\x7f\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"s);
  EXPECT_EQ(cert.signature_algorithm(), c.algorithm);
  EXPECT_EQ(cert.signature_algorithm_der(), parts.algorithm);
  EXPECT_EQ(cert.signature(), signature);

  EXPECT_EQ(cert.issuer().der, parts.issuer);
  EXPECT_THAT(cert.issuer().Texts(kOidCommonName), ElementsAre("Test Root CA"));
  EXPECT_EQ(cert.issuer().rdn_count, 2u);
  EXPECT_EQ(cert.subject().der, parts.subject);
  EXPECT_THAT(cert.subject().Texts(kOidCommonName), ElementsAre("leaf.example"));
  EXPECT_THAT(cert.subject().Texts(kOidEmailAddress), ElementsAre("admin@example.com"));
  ASSERT_EQ(cert.subject().attributes.size(), 2u);
  EXPECT_EQ(cert.subject().attributes[1].type, kOidEmailAddress);
  EXPECT_EQ(cert.subject().attributes[1].tag, 0x16);
  EXPECT_EQ(cert.subject().attributes[1].value, "admin@example.com");
  EXPECT_FALSE(cert.self_issued());

  EXPECT_EQ(cert.not_before(), Utc(2024, 1, 1, 0, 0, 0));
  EXPECT_EQ(cert.not_after(), Utc(2050, 6, 30, 12, 0, 0));

  const PublicKeyInfo& key_info = cert.public_key();
  EXPECT_EQ(key_info.spki, parts.spki);
  EXPECT_EQ(key_info.type, c.type);
  EXPECT_EQ(key_info.bits, c.bits);
  CBS spki = SpkiContents(parts.spki), algorithm, key_bits;
  ASSERT_TRUE(CBS_get_asn1_element(&spki, &algorithm, CBS_ASN1_SEQUENCE));
  ASSERT_TRUE(CBS_get_asn1(&spki, &key_bits, CBS_ASN1_BITSTRING) && CBS_skip(&key_bits, 1));
  EXPECT_EQ(key_info.algorithm, ToString(algorithm));
  EXPECT_EQ(key_info.key, ToString(key_bits));

  ASSERT_EQ(cert.extensions().size(), 13u);
  EXPECT_TRUE(cert.FindExtension(kOidBasicConstraints)->critical);
  EXPECT_FALSE(cert.FindExtension(kOidExtKeyUsage)->critical);
  EXPECT_EQ(cert.FindExtension(kOidIssuerAltName), nullptr);
  const Extension* unknown = cert.FindExtension(kUnknownOid);
  ASSERT_NE(unknown, nullptr);
  EXPECT_TRUE(unknown->critical);
  EXPECT_EQ(unknown->value, kNull);

  ASSERT_TRUE(cert.basic_constraints().has_value());
  EXPECT_TRUE(cert.basic_constraints()->is_ca);
  EXPECT_EQ(cert.basic_constraints()->path_len, 1);
  EXPECT_EQ(cert.key_usage(), kDigitalSignature | kKeyCertSign | kCrlSign);

  ASSERT_TRUE(cert.ext_key_usage().has_value());
  EXPECT_THAT(cert.ext_key_usage()->oids, ElementsAre(kOidEkuServerAuth, kOidEkuClientAuth));
  EXPECT_TRUE(cert.ext_key_usage()->server_auth);
  EXPECT_TRUE(cert.ext_key_usage()->client_auth);
  EXPECT_FALSE(cert.ext_key_usage()->any);

  ASSERT_TRUE(cert.subject_alt_names().has_value());
  const GeneralNames& san = *cert.subject_alt_names();
  EXPECT_THAT(san.dns_names, ElementsAre("leaf.example", "*.example.org"));
  EXPECT_THAT(san.emails, ElementsAre("admin@example.com"));
  EXPECT_THAT(san.uris, ElementsAre("https://example.com/"));
  EXPECT_THAT(san.ip_addresses, ElementsAre("\xc0\x00\x02\x01"s,
                                            "\x20\x01\x0d\xb8"s + std::string(11, '\0') + "\x01"s));
  ASSERT_EQ(san.directory_names.size(), 1u);
  Name directory;
  ASSERT_TRUE(ParseName(san.directory_names[0], &directory).ok());
  EXPECT_THAT(directory.Texts(kOidCommonName), ElementsAre("Directory"));
  EXPECT_THAT(san.other_kinds,
              ElementsAre(GeneralNameType::kOtherName, GeneralNameType::kRegisteredId));

  ASSERT_TRUE(cert.name_constraints().has_value());
  const NameConstraints& nc = *cert.name_constraints();
  EXPECT_TRUE(nc.has_permitted);
  EXPECT_TRUE(nc.has_excluded);
  ASSERT_EQ(nc.permitted.size(), 2u);
  EXPECT_EQ(nc.permitted[0].type, GeneralNameType::kDnsName);
  EXPECT_EQ(nc.permitted[0].value, "example.com");
  EXPECT_EQ(nc.permitted[1].type, GeneralNameType::kDirectoryName);
  EXPECT_EQ(nc.permitted[1].value, Cn("Allowed"));
  ASSERT_EQ(nc.excluded.size(), 1u);
  EXPECT_EQ(nc.excluded[0].type, GeneralNameType::kIpAddress);
  EXPECT_EQ(nc.excluded[0].value, "\x0a\x00\x00\x00\xff\x00\x00\x00"s);

  EXPECT_EQ(cert.subject_key_id(), "\x01\x02\x03\x04"s);
  ASSERT_TRUE(cert.authority_key_id().has_value());
  EXPECT_EQ(cert.authority_key_id()->key_id, "\x0a\x0b\x0c"s);
  EXPECT_FALSE(cert.authority_key_id()->has_issuer);
  EXPECT_FALSE(cert.authority_key_id()->has_serial);
  EXPECT_TRUE(cert.has_certificate_policies());
  EXPECT_TRUE(cert.has_policy_constraints());
  EXPECT_TRUE(cert.has_inhibit_any_policy());
  EXPECT_TRUE(cert.has_policy_mappings());
  EXPECT_TRUE(cert.has_authority_info_access());
}

INSTANTIATE_TEST_SUITE_P(
    Keys, MintedCertificateTest,
    testing::Values(KeyCase{"Rsa2048", EVP_PKEY_RSA, 0, KeyType::kRsa, 2048,
                            SignatureAlgorithm::kRsaPkcs1Sha256},
                    KeyCase{"EcdsaP256", EVP_PKEY_EC, NID_X9_62_prime256v1, KeyType::kEcP256, 256,
                            SignatureAlgorithm::kEcdsaSha256},
                    KeyCase{"EcdsaP384", EVP_PKEY_EC, NID_secp384r1, KeyType::kEcP384, 384,
                            SignatureAlgorithm::kEcdsaSha384},
                    KeyCase{"Ed25519", EVP_PKEY_ED25519, 0, KeyType::kEd25519, 255,
                            SignatureAlgorithm::kEd25519}),
    [](const testing::TestParamInfo<KeyCase>& info) { return std::string(info.param.name); });

// ---- accepted edge cases ----

TEST(CertificateTest, MinimalV3HasNoOptionalExtensions) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(CertParts().Der());
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_EQ((*cert)->version(), 3);
  EXPECT_EQ((*cert)->serial(), "\x01\x02\x03\x04"s);
  ASSERT_TRUE((*cert)->basic_constraints().has_value());
  EXPECT_FALSE((*cert)->basic_constraints()->is_ca);
  EXPECT_FALSE((*cert)->basic_constraints()->path_len.has_value());
  EXPECT_FALSE((*cert)->key_usage().has_value());
  EXPECT_FALSE((*cert)->ext_key_usage().has_value());
  EXPECT_FALSE((*cert)->subject_alt_names().has_value());
  EXPECT_FALSE((*cert)->name_constraints().has_value());
  EXPECT_FALSE((*cert)->subject_key_id().has_value());
  EXPECT_FALSE((*cert)->authority_key_id().has_value());
  EXPECT_FALSE((*cert)->has_certificate_policies());
  EXPECT_FALSE((*cert)->has_authority_info_access());
}

TEST(CertificateTest, V1WithoutVersionField) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Edit([](CertParts& p) {
    p.version = "";
    p.extensions = "";
  }));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_EQ((*cert)->version(), 1);
  EXPECT_TRUE((*cert)->extensions().empty());
}

TEST(CertificateTest, V2WithUniqueIds) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Edit([](CertParts& p) {
    p.version = CtxC(0, Int(1));
    p.unique_ids = Ctx(1, "\x00\xab"s) + Ctx(2, "\x00\xcd"s);
    p.extensions = "";
  }));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_EQ((*cert)->version(), 2);
}

TEST(CertificateTest, SerialsAreExposedAsEncoded) {
  for (const std::string& serial :
       {"\x00"s, "\x80"s, "\xff\x7f"s, "\x01"s + std::string(20, '\x02')}) {
    absl::StatusOr<CertificatePtr> cert =
        Certificate::Parse(Edit([&](CertParts& p) { p.serial = Tlv(0x02, serial); }));
    ASSERT_TRUE(cert.ok()) << cert.status();
    EXPECT_EQ((*cert)->serial(), serial);
  }
}

TEST(CertificateTest, TimeForms) {
  struct {
    std::string time;
    absl::Time want;
  } cases[] = {
      {Utc("500101000000Z"), Utc(1950, 1, 1, 0, 0, 0)},
      {Utc("491231235959Z"), Utc(2049, 12, 31, 23, 59, 59)},
      {Utc("240229120000Z"), Utc(2024, 2, 29, 12, 0, 0)},
      {Gen("20500101000000Z"), Utc(2050, 1, 1, 0, 0, 0)},
      {Gen("20111006083956Z"), Utc(2011, 10, 6, 8, 39, 56)},  // a real root's (Certum CA 2)
      {Gen("99991231235959Z"), Utc(9999, 12, 31, 23, 59, 59)},
      {Gen("21000228000000Z"), Utc(2100, 2, 28, 0, 0, 0)},
      {Gen("21000301000000Z"), Utc(2100, 3, 1, 0, 0, 0)},
      {Gen("20000301000000Z"), Utc(2000, 3, 1, 0, 0, 0)},
      {Gen("19691231235959Z"), Utc(1969, 12, 31, 23, 59, 59)},
      {Gen("00000101000000Z"), Utc(0, 1, 1, 0, 0, 0)},
      {Gen("00000301000000Z"), Utc(0, 3, 1, 0, 0, 0)},  // year 0 is a (proleptic) leap year
      {Gen("00010101000000Z"), Utc(1, 1, 1, 0, 0, 0)},
  };
  for (const auto& c : cases) {
    absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Edit([&](CertParts& p) {
      p.validity = Seq({c.time, c.time});
    }));
    ASSERT_TRUE(cert.ok()) << cert.status();
    EXPECT_EQ((*cert)->not_before(), c.want);
    EXPECT_EQ((*cert)->not_after(), c.want);
  }
}

// The parser converts dates by hand (not through absl's civil time): compare over four centuries.
TEST(CertificateTest, TimesMatchTheCivilCalendar) {
  for (absl::CivilDay day(1600, 1, 1); day < absl::CivilDay(2401, 1, 1); day += 13) {
    const std::string text =
        absl::StrFormat("%04d%02d%02d235958Z", day.year(), day.month(), day.day());
    absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Edit([&](CertParts& p) {
      p.validity = Seq({Gen(text), Gen(text)});
    }));
    ASSERT_TRUE(cert.ok()) << text << ": " << cert.status();
    ASSERT_EQ((*cert)->not_before(),
              absl::FromCivil(absl::CivilSecond(day) + 86398, absl::UTCTimeZone()))
        << text;
  }
}

TEST(CertificateTest, EmptySubjectIsAllowed) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Subject(Seq({})));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_TRUE((*cert)->subject().empty());
  EXPECT_FALSE((*cert)->self_issued());
}

TEST(CertificateTest, SelfIssuedComparesNormalizedNames) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(Edit([](CertParts& p) {
    p.issuer = Seq({Set({Atv(kOidCommonName, Printable("Test  CA"))})});
    p.subject = Seq({Set({Atv(kOidCommonName, Utf8(" test ca "))})});
  }));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_TRUE((*cert)->self_issued());
}

TEST(CertificateTest, UnknownCriticalExtensionIsKept) {
  absl::StatusOr<CertificatePtr> cert =
      Certificate::Parse(WithExtension(Ext(kUnknownOid, "anything", true)));
  ASSERT_TRUE(cert.ok()) << cert.status();
  ASSERT_EQ((*cert)->extensions().size(), 1u);
  EXPECT_EQ((*cert)->extensions()[0].oid, kUnknownOid);
  EXPECT_TRUE((*cert)->extensions()[0].critical);
  EXPECT_EQ((*cert)->extensions()[0].value, "anything");
}

TEST(CertificateTest, AuthorityKeyIdWithIssuerAndSerial) {
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(
      WithExtension(Ext(kOidAuthorityKeyIdentifier,
                        Seq({Ctx(0, "\x01"s), CtxC(1, CtxC(4, Cn("CA"))), Ctx(2, "\x05"s)}))));
  ASSERT_TRUE(cert.ok()) << cert.status();
  ASSERT_TRUE((*cert)->authority_key_id().has_value());
  EXPECT_EQ((*cert)->authority_key_id()->key_id, "\x01"s);
  EXPECT_TRUE((*cert)->authority_key_id()->has_issuer);
  EXPECT_TRUE((*cert)->authority_key_id()->has_serial);
}

TEST(CertificateTest, KeyUsageMapsEveryBit) {
  // BIT STRING 0xff 0x80 with 7 unused bits: bits 0..8 all set.
  absl::StatusOr<CertificatePtr> cert =
      Certificate::Parse(WithExtension(Ext(kOidKeyUsage, Tlv(0x03, "\x07\xff\x80"s))));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_EQ((*cert)->key_usage(), 0x1ff);
  cert = Certificate::Parse(WithExtension(Ext(kOidKeyUsage, Tlv(0x03, "\x07\x80"s))));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_EQ((*cert)->key_usage(), kDigitalSignature);
}

TEST(CertificateTest, AnyExtendedKeyUsage) {
  absl::StatusOr<CertificatePtr> cert =
      Certificate::Parse(WithExtension(Ext(kOidExtKeyUsage, Seq({Oid(kOidAnyExtendedKeyUsage)}))));
  ASSERT_TRUE(cert.ok()) << cert.status();
  EXPECT_TRUE((*cert)->ext_key_usage()->any);
  EXPECT_FALSE((*cert)->ext_key_usage()->server_auth);
}

// ---- signature algorithms and keys ----

struct AlgorithmCase {
  const char* name;
  std::string der;
  SignatureAlgorithm want;
};

std::string Pss(absl::string_view hash, absl::string_view mgf_hash, uint64_t salt,
                const std::string& extra = "") {
  return Seq({Oid(kOidRsaPss),
              Seq({CtxC(0, AlgNull(hash)), CtxC(1, Seq({Oid(kOidMgf1), AlgNull(mgf_hash)})),
                   CtxC(2, Int(salt)), extra})});
}

TEST(CertificateTest, SignatureAlgorithms) {
  const AlgorithmCase cases[] = {
      {"md5", AlgNull(kOidMd5WithRsa), SignatureAlgorithm::kRsaPkcs1Md5},
      {"sha1", AlgNull(kOidSha1WithRsa), SignatureAlgorithm::kRsaPkcs1Sha1},
      {"sha256", AlgNull(kOidSha256WithRsa), SignatureAlgorithm::kRsaPkcs1Sha256},
      {"sha256 absent params", Alg(kOidSha256WithRsa), SignatureAlgorithm::kRsaPkcs1Sha256},
      {"sha384", AlgNull(kOidSha384WithRsa), SignatureAlgorithm::kRsaPkcs1Sha384},
      {"sha512", AlgNull(kOidSha512WithRsa), SignatureAlgorithm::kRsaPkcs1Sha512},
      {"rsa odd params", Seq({Oid(kOidSha256WithRsa), Int(0)}), SignatureAlgorithm::kUnknown},
      {"ecdsa sha1", Alg(kOidEcdsaSha1), SignatureAlgorithm::kEcdsaSha1},
      {"ecdsa sha256", Alg(kOidEcdsaSha256), SignatureAlgorithm::kEcdsaSha256},
      {"ecdsa sha384", Alg(kOidEcdsaSha384), SignatureAlgorithm::kEcdsaSha384},
      {"ecdsa sha512", Alg(kOidEcdsaSha512), SignatureAlgorithm::kEcdsaSha512},
      {"ecdsa NULL params", AlgNull(kOidEcdsaSha256), SignatureAlgorithm::kUnknown},
      {"ed25519", Alg(kOidEd25519), SignatureAlgorithm::kEd25519},
      {"ed25519 NULL params", AlgNull(kOidEd25519), SignatureAlgorithm::kUnknown},
      {"dsa sha1", Alg(kOidDsaSha1), SignatureAlgorithm::kDsaSha1},
      {"dsa sha256", Alg(kOidDsaSha256), SignatureAlgorithm::kDsaSha256},
      {"pss sha256", Pss(kOidSha256, kOidSha256, 32), SignatureAlgorithm::kRsaPssSha256},
      {"pss sha384", Pss(kOidSha384, kOidSha384, 48), SignatureAlgorithm::kRsaPssSha384},
      {"pss sha512", Pss(kOidSha512, kOidSha512, 64), SignatureAlgorithm::kRsaPssSha512},
      {"pss salt mismatch", Pss(kOidSha256, kOidSha256, 20), SignatureAlgorithm::kUnknown},
      {"pss mgf hash mismatch", Pss(kOidSha256, kOidSha384, 32), SignatureAlgorithm::kUnknown},
      {"pss sha1", Pss(kOidSha1, kOidSha1, 20), SignatureAlgorithm::kUnknown},
      {"pss explicit trailer", Pss(kOidSha256, kOidSha256, 32, CtxC(3, Int(1))),
       SignatureAlgorithm::kUnknown},
      {"pss no params", Alg(kOidRsaPss), SignatureAlgorithm::kUnknown},
      {"unknown", Alg(kUnknownOid), SignatureAlgorithm::kUnknown},
  };
  for (const AlgorithmCase& c : cases) {
    absl::StatusOr<CertificatePtr> cert =
        Certificate::Parse(Edit([&](CertParts& p) { p.algorithm = c.der; }));
    ASSERT_TRUE(cert.ok()) << c.name << ": " << cert.status();
    EXPECT_EQ((*cert)->signature_algorithm(), c.want) << c.name;
    EXPECT_EQ((*cert)->signature_algorithm_der(), c.der) << c.name;
  }
}

TEST(CertificateTest, KeyClassification) {
  const std::string point = Bits("\x04"s + std::string(64, '\x11'));
  const std::string dsa_p = Tlv(0x02, "\x00\x80"s + std::string(127, '\x01'));  // 1024 bits
  const std::string rsa_key =
      Bits(Seq({Tlv(0x02, "\x00\xc0"s + std::string(127, '\x01')), Int(65537)}));
  const struct {
    const char* name;
    std::string spki;
    KeyType type;
    int bits;
  } cases[] = {
      {"rsa 1024", Seq({AlgNull(kOidRsaEncryption), rsa_key}), KeyType::kRsa, 1024},
      {"rsa without NULL", Seq({Alg(kOidRsaEncryption), rsa_key}), KeyType::kUnknown, 0},
      {"p521", Seq({Seq({Oid(kOidEcPublicKey), Oid(kOidP521)}), point}), KeyType::kEcP521, 521},
      {"p192", Seq({Seq({Oid(kOidEcPublicKey), Oid(kOidP192)}), point}), KeyType::kEcOtherCurve, 0},
      {"explicit curve", Seq({Seq({Oid(kOidEcPublicKey), Seq({Int(1)})}), point}),
       KeyType::kEcExplicitCurve, 0},
      {"ec without curve", Seq({Alg(kOidEcPublicKey), point}), KeyType::kUnknown, 0},
      {"ed25519", Seq({Alg(kOidEd25519), Bits(std::string(32, '\x07'))}), KeyType::kEd25519, 255},
      {"ed25519 with params", Seq({AlgNull(kOidEd25519), Bits(std::string(32, '\x07'))}),
       KeyType::kUnknown, 0},
      {"dsa", Seq({Seq({Oid(kOidDsa), Seq({dsa_p, Int(3), Int(2)})}), Bits(Int(5))}), KeyType::kDsa,
       1024},
      {"dsa inherited params", Seq({Alg(kOidDsa), Bits(Int(5))}), KeyType::kDsa, 0},
      {"unknown", Seq({Alg(kUnknownOid), Bits("xyz")}), KeyType::kUnknown, 0},
  };
  for (const auto& c : cases) {
    absl::StatusOr<CertificatePtr> cert =
        Certificate::Parse(Edit([&](CertParts& p) { p.spki = c.spki; }));
    ASSERT_TRUE(cert.ok()) << c.name << ": " << cert.status();
    EXPECT_EQ((*cert)->public_key().type, c.type) << c.name;
    EXPECT_EQ((*cert)->public_key().bits, c.bits) << c.name;
    EXPECT_EQ((*cert)->public_key().spki, c.spki) << c.name;
  }
}

// ---- malformed certificates ----

struct BadCase {
  std::string name;
  std::string der;
  std::string path;     // the message starts with "<path> at offset "
  std::string message;  // and contains this
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

std::vector<BadCase> BadCases() {
  const std::string good = CertParts().Der();
  const std::string tbs = CertParts().Tbs();
  const std::string rest = CertParts().algorithm + CertParts().signature;
  auto edit = [](const std::function<void(CertParts&)>& f) { return Edit(f); };
  auto validity = [&](const std::string& not_after) {
    return edit([&](CertParts& p) { p.validity = Seq({Utc("240101000000Z"), not_after}); });
  };
  const std::string bc = "tbsCertificate.extensions[0] (basicConstraints)";
  const std::string ku = "tbsCertificate.extensions[0] (keyUsage)";
  const std::string san = "tbsCertificate.extensions[0] (subjectAltName)";
  const std::string nc = "tbsCertificate.extensions[0] (nameConstraints)";
  const std::string aki = "tbsCertificate.extensions[0] (authorityKeyIdentifier)";
  const std::string not_after = "tbsCertificate.validity.notAfter";
  const std::string contents = tbs + rest;
  // A three-byte length with a leading zero byte: BER, not DER.
  std::string non_minimal_length = "\x30\x83\x00"s;
  non_minimal_length.push_back(static_cast<char>(contents.size() >> 8));
  non_minimal_length.push_back(static_cast<char>(contents.size() & 0xff));
  non_minimal_length += contents;

  return {
      {"ZeroLength", "", "certificate", "missing SEQUENCE"},
      {"RandomGarbage", "\x13\x37 this is not a certificate \xff\x00\x42"s, "certificate",
       "expected SEQUENCE"},
      {"TrailingDataAfterCertificate", good + "\x00"s, "certificate",
       "trailing data after the certificate"},
      {"Truncated", good.substr(0, good.size() - 1), "certificate", "truncated"},
      {"NonMinimalLength", non_minimal_length, "certificate", "length not minimally encoded"},
      {"IndefiniteLength", "\x30\x80"s + contents + "\x00\x00"s, "certificate",
       "indefinite length"},
      {"WrongOuterTag", "\x31"s + good.substr(1), "certificate", "expected SEQUENCE, found SET"},
      {"TrailingDataInsideCertificate", Seq({tbs, rest, Int(0)}), "certificate", "trailing data"},
      {"VersionExplicitV1", edit([](CertParts& p) { p.version = CtxC(0, Int(0)); }),
       "tbsCertificate.version", "version v1 must be omitted"},
      {"Version5", edit([](CertParts& p) { p.version = CtxC(0, Int(4)); }),
       "tbsCertificate.version", "unknown version"},
      {"EmptySerial", edit([](CertParts& p) { p.serial = "\x02\x00"s; }),
       "tbsCertificate.serialNumber", "empty INTEGER"},
      {"NonMinimalSerial", edit([](CertParts& p) { p.serial = "\x02\x02\x00\x01"s; }),
       "tbsCertificate.serialNumber", "not minimally encoded"},
      {"AlgorithmMismatch", edit([](CertParts& p) { p.inner_algorithm = Alg(kOidEcdsaSha384); }),
       "tbsCertificate.signature", "does not match signatureAlgorithm"},
      {"MalformedAlgorithm", edit([](CertParts& p) { p.algorithm = Seq({Int(1)}); }),
       "signatureAlgorithm", "malformed AlgorithmIdentifier"},
      {"EmptyIssuer", edit([](CertParts& p) { p.issuer = Seq({}); }), "tbsCertificate.issuer",
       "issuer must not be empty"},
      {"EmptyRdnSet", edit([](CertParts& p) { p.issuer = Seq({Set({})}); }),
       "tbsCertificate.issuer", "empty RDN SET"},
      {"InvalidUtf8InSubject", Subject(Seq({Set({Atv(kOidCommonName, Tlv(0x0c, "\xc3\x28"s))})})),
       "tbsCertificate.subject", "not valid UTF-8"},
      {"OddBmpString", Subject(Seq({Set({Atv(kOidCommonName, Tlv(0x1e, "\x00\x41\x00"s))})})),
       "tbsCertificate.subject", "odd length"},
      {"UtcTimeMissingZ", validity(Utc("340101000000")), not_after, "must end in Z"},
      {"UtcTimeMonth13", validity(Utc("341301000000Z")), not_after, "month 13 out of range"},
      {"UtcTimeFeb30", validity(Utc("340230000000Z")), not_after,
       "day 30 out of range for month 2"},
      {"UtcTimeFeb29NonLeap", validity(Utc("330229000000Z")), not_after, "day 29 out of range"},
      {"UtcTimeHour24", validity(Utc("340101240000Z")), not_after, "hour 24 out of range"},
      {"UtcTimeMissingSeconds", validity(Utc("3401010000Z")), not_after, "must be YYMMDDHHMMSSZ"},
      {"UtcTimeNonDigit", validity(Utc("34010100000aZ")), not_after, "non-digit"},
      {"GeneralizedTimeFraction", validity(Gen("20500101000000.5Z")), not_after,
       "fractional seconds"},
      {"GeneralizedTimeTooShort", validity(Gen("205001010000Z")), not_after,
       "must be YYYYMMDDHHMMSSZ"},
      {"TimeWrongTag", validity(Octets("340101000000Z")), not_after,
       "expected UTCTime or GeneralizedTime"},
      {"SpkiUnusedBits", edit([](CertParts& p) {
         p.spki = Seq({Alg(kUnknownOid), Tlv(0x03, "\x01\x02"s)});
       }),
       "tbsCertificate.subjectPublicKeyInfo", "whole bytes"},
      {"RsaKeyMalformed", edit([](CertParts& p) {
         p.spki = Seq({AlgNull(kOidRsaEncryption), Bits(Seq({Int(5)}))});
       }),
       "tbsCertificate.subjectPublicKeyInfo", "not a DER RSAPublicKey"},
      {"Ed25519KeyLength", edit([](CertParts& p) {
         p.spki = Seq({Alg(kOidEd25519), Bits(std::string(31, 'k'))});
       }),
       "tbsCertificate.subjectPublicKeyInfo", "must be 32 bytes"},
      {"UniqueIdInV1", edit([](CertParts& p) {
         p.version = "";
         p.extensions = "";
         p.unique_ids = Ctx(1, "\x00\x01"s);
       }),
       "tbsCertificate.issuerUniqueID", "only allowed in v2 and v3"},
      {"ExtensionsInV1", edit([](CertParts& p) { p.version = ""; }), "tbsCertificate.extensions",
       "only allowed in v3"},
      {"ExtensionsInV2", edit([](CertParts& p) { p.version = CtxC(0, Int(1)); }),
       "tbsCertificate.extensions", "only allowed in v3"},
      {"EmptyExtensions", edit([](CertParts& p) { p.extensions = CtxC(3, Seq({})); }),
       "tbsCertificate.extensions", "empty extensions SEQUENCE"},
      {"TrailingDataInTbs", edit([](CertParts& p) { p.tbs_trailer = Int(1); }), "tbsCertificate",
       "unexpected data after the last field"},
      {"DuplicateExtension", edit([](CertParts& p) {
         p.extensions =
             Extensions({Ext(kOidBasicConstraints, Seq({})), Ext(kOidBasicConstraints, Seq({}))});
       }),
       "tbsCertificate.extensions[1] (basicConstraints)", "duplicate extension"},
      {"ExplicitCriticalFalse", WithExtension(Seq({Oid(kUnknownOid), "\x01\x01\x00"s, Octets("")})),
       "tbsCertificate.extensions[0] (1.3.6.1.4.1.55555.1)", "critical FALSE must be omitted"},
      {"NonDerBoolean", WithExtension(Seq({Oid(kUnknownOid), "\x01\x01\x01"s, Octets("")})),
       "tbsCertificate.extensions[0] (1.3.6.1.4.1.55555.1)", "not a DER BOOLEAN"},
      {"ExtensionValueNotOctetString", WithExtension(Seq({Oid(kUnknownOid), Utf8("x")})),
       "tbsCertificate.extensions[0] (1.3.6.1.4.1.55555.1)", "expected OCTET STRING"},
      {"BasicConstraintsTrailingData",
       WithExtension(Ext(kOidBasicConstraints, Seq({kTrue, Int(1), Int(2)}))), bc, "trailing data"},
      {"BasicConstraintsTrailingValue", WithExtension(Ext(kOidBasicConstraints, Seq({}) + kNull)),
       bc, "trailing data"},
      {"BasicConstraintsExplicitFalse",
       WithExtension(Ext(kOidBasicConstraints, Seq({"\x01\x01\x00"s}))), bc,
       "cA FALSE must be omitted"},
      {"BasicConstraintsNegativePathLen",
       WithExtension(Ext(kOidBasicConstraints, Seq({kTrue, "\x02\x01\xff"s}))), bc,
       "not a non-negative INTEGER"},
      {"BasicConstraintsHugePathLen",
       WithExtension(Ext(kOidBasicConstraints, Seq({kTrue, Int(256)}))), bc, "out of range"},
      {"KeyUsageNoBits", WithExtension(Ext(kOidKeyUsage, Tlv(0x03, "\x00\x00"s))), ku,
       "no bits set"},
      {"KeyUsageEmpty", WithExtension(Ext(kOidKeyUsage, Tlv(0x03, "\x00"s))), ku, "no bits set"},
      {"KeyUsageBadPadding", WithExtension(Ext(kOidKeyUsage, Tlv(0x03, "\x01\x07"s))), ku,
       "malformed BIT STRING"},
      {"EmptyExtKeyUsage", WithExtension(Ext(kOidExtKeyUsage, Seq({}))),
       "tbsCertificate.extensions[0] (extKeyUsage)", "empty extKeyUsage"},
      {"EmptySubjectAltName", WithExtension(Ext(kOidSubjectAltName, Seq({}))), san,
       "empty GeneralNames"},
      {"IpSanOf5Bytes",
       WithExtension(Ext(kOidSubjectAltName, Seq({Ctx(7, "\x01\x02\x03\x04\x05"s)}))), san,
       "iPAddress must be 4 or 16 octets, not 5"},
      {"SanUnknownTag", WithExtension(Ext(kOidSubjectAltName, Seq({Ctx(9, "x")}))), san,
       "not a GeneralName: [9]"},
      {"SanConstructedDnsName",
       WithExtension(Ext(kOidSubjectAltName, Seq({CtxC(2, Ia5("a.example"))}))), san, "wrong form"},
      {"SanBadDirectoryName",
       WithExtension(Ext(kOidSubjectAltName, Seq({CtxC(4, Seq({Set({})}))}))), san,
       "empty RDN SET"},
      {"NameConstraintsEmptyPermitted", WithExtension(Ext(kOidNameConstraints, Seq({CtxC(0, "")}))),
       nc, "empty permittedSubtrees"},
      {"NameConstraintsNeitherField", WithExtension(Ext(kOidNameConstraints, Seq({}))), nc,
       "neither"},
      {"NameConstraintsIpBaseOf4Bytes",
       WithExtension(Ext(kOidNameConstraints, Seq({CtxC(1, Seq({Ctx(7, "\x0a\x00\x00\x00"s)}))}))),
       nc, "must be 8 or 32 octets, not 4"},
      {"NameConstraintsMinimum",
       WithExtension(
           Ext(kOidNameConstraints, Seq({CtxC(0, Seq({Ctx(2, "a.example"), Ctx(0, "\x01"s)}))}))),
       nc, "minimum and maximum must be absent"},
      {"AuthorityKeyIdBadTag",
       WithExtension(Ext(kOidAuthorityKeyIdentifier, Seq({CtxC(0, Octets("id"))}))), aki,
       "unexpected field"},
      {"AuthorityKeyIdIssuerWithoutSerial",
       WithExtension(Ext(kOidAuthorityKeyIdentifier, Seq({CtxC(1, CtxC(4, Cn("CA")))}))), aki,
       "both present or both absent"},
      {"EmptyAuthorityInfoAccess", WithExtension(Ext(kOidAuthorityInfoAccess, Seq({}))),
       "tbsCertificate.extensions[0] (authorityInfoAccess)", "empty authorityInfoAccess"},
      {"CertificatePoliciesNotSequence", WithExtension(Ext(kOidCertificatePolicies, Int(1))),
       "tbsCertificate.extensions[0] (certificatePolicies)", "expected SEQUENCE, found INTEGER"},
      {"SubjectKeyIdTrailingData",
       WithExtension(Ext(kOidSubjectKeyIdentifier, Octets("id") + kNull)),
       "tbsCertificate.extensions[0] (subjectKeyIdentifier)", "trailing data"},
      {"SignatureUnusedBits", edit([](CertParts& p) { p.signature = Tlv(0x03, "\x01\x80"s); }),
       "signatureValue", "unused bits"},
      {"SignatureNotBitString", edit([](CertParts& p) { p.signature = Octets("sig"); }),
       "signatureValue", "expected BIT STRING, found OCTET STRING"},
  };
}

class MalformedTest : public testing::TestWithParam<BadCase> {};

TEST_P(MalformedTest, IsRejected) {
  const BadCase& c = GetParam();
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(c.der);
  ASSERT_FALSE(cert.ok());
  EXPECT_EQ(cert.status().code(), absl::StatusCode::kInvalidArgument);
  const std::string message(cert.status().message());
  EXPECT_THAT(message, StartsWith(c.path + " at offset "));
  EXPECT_THAT(message, HasSubstr(c.message));
}

INSTANTIATE_TEST_SUITE_P(Table, MalformedTest, testing::ValuesIn(BadCases()),
                         [](const testing::TestParamInfo<BadCase>& info) {
                           return info.param.name;
                         });

// Offsets count from the first byte of the DER.
TEST(CertificateTest, ErrorOffsets) {
  const std::string good = CertParts().Der();
  EXPECT_EQ(
      Certificate::Parse(good + "xy").status().message(),
      absl::StrCat("certificate at offset ", good.size(), ": trailing data after the certificate"));

  const std::string serial = "\x02\x02\x00\x7f"s;
  const std::string bad_serial = Edit([&](CertParts& p) { p.serial = serial; });
  EXPECT_EQ(Certificate::Parse(bad_serial).status().message(),
            absl::StrCat("tbsCertificate.serialNumber at offset ", bad_serial.find(serial),
                         ": INTEGER not minimally encoded"));

  const std::string junk = Octets("JUNK");
  const std::string bad_bc = Edit([&](CertParts& p) {
    p.extensions = Extensions({Ext(kOidSubjectKeyIdentifier, Octets("k")),
                               Ext(kOidBasicConstraints, Seq({kTrue, junk}))});
  });
  EXPECT_EQ(Certificate::Parse(bad_bc).status().message(),
            absl::StrCat("tbsCertificate.extensions[1] (basicConstraints) at offset ",
                         bad_bc.find(junk), ": trailing data"));
}

// Every truncation and every single-bit flip of a rich certificate parses or fails cleanly.
TEST(CertificateTest, TruncationsAndBitFlipsFailCleanly) {
  const std::string good = RichParts().Der();
  ASSERT_TRUE(Certificate::Parse(good).ok());
  auto check = [&good](const std::string& der) {
    absl::StatusOr<CertificatePtr> cert = Certificate::Parse(der);
    if (cert.ok()) {
      // Touch the views: they must stay inside the certificate's own buffer.
      const Certificate& c = **cert;
      const char* begin = c.der().data();
      const char* end = begin + c.der().size();
      for (Der view : {c.tbs(), c.serial(), c.signature(), c.public_key().spki, c.issuer().der,
                       c.subject().der}) {
        EXPECT_TRUE(view.data() >= begin && view.data() + view.size() <= end);
      }
      return true;
    }
    EXPECT_EQ(cert.status().code(), absl::StatusCode::kInvalidArgument);
    const std::string message(cert.status().message());
    const size_t at = message.find(" at offset ");
    EXPECT_NE(at, std::string::npos) << message;
    if (at != std::string::npos) {
      EXPECT_LE(std::stoul(message.substr(at + 11)), good.size()) << message;
    }
    return false;
  };
  for (size_t len = 0; len < good.size(); ++len) EXPECT_FALSE(check(good.substr(0, len))) << len;
  int accepted = 0;
  for (size_t i = 0; i < good.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = good;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      accepted += check(flipped);
    }
  }
  // Flips inside string contents and key bytes are still well-formed; flips in structure are not.
  EXPECT_GT(accepted, 0);
  EXPECT_LT(accepted, static_cast<int>(good.size() * 8));
}

// ---- names ----

std::string NameOf(Parts rdns) { return Seq(rdns); }
std::string CnRdn(const std::string& value) { return Set({Atv(kOidCommonName, value)}); }

// The Name's views point into `der`; only its owned strings may outlive it.
Name MustParseName(const std::string& der) {
  Name name;
  absl::Status status = ParseName(der, &name);
  EXPECT_TRUE(status.ok()) << status;
  return name;
}

TEST(NameTest, StringTypesNormalizeAlike) {
  const std::string reference = NameOf({CnRdn(Utf8("example ca"))});
  const std::string variants[] = {
      NameOf({CnRdn(Printable("  Example   CA  "))}),
      NameOf({CnRdn(Utf8("EXAMPLE\tCA"))}),
      NameOf({CnRdn(Ia5("Example CA"))}),
      NameOf({CnRdn(Tlv(0x14, "EXAMPLE CA"))}),  // TeletexString
      NameOf({CnRdn(Tlv(0x1e,
                        "\x00"
                        "E\x00x\x00"
                        "a\x00m\x00p\x00l\x00"
                        "e\x00 \x00"
                        "C\x00"
                        "A"s))}),
      NameOf({CnRdn(Tlv(0x1c,
                        "\x00\x00\x00"
                        "e\x00\x00\x00"
                        "x\x00\x00\x00"
                        "a\x00\x00\x00m\x00\x00\x00p"
                        "\x00\x00\x00l\x00\x00\x00"
                        "e\x00\x00\x00 \x00\x00\x00"
                        "c\x00\x00\x00"
                        "a"s))}),
  };
  const Name want = MustParseName(reference);
  for (const std::string& variant : variants) {
    const Name name = MustParseName(variant);
    EXPECT_EQ(name.normalized, want.normalized);
    EXPECT_EQ(name.rdn_count, want.rdn_count);
  }
  EXPECT_NE(MustParseName(NameOf({CnRdn(Utf8("example  ca x"))})).normalized, want.normalized);
}

TEST(NameTest, ConvertsToUtf8) {
  // The DER outlives the names: their attributes are views of it.
  const std::string latin1_der = NameOf({CnRdn(Tlv(0x14, "Caf\xe9"s))});
  const std::string bmp_der = NameOf({CnRdn(Tlv(0x1e, "\x00\xe9\x20\xac"s))});
  const std::string universal_der = NameOf({CnRdn(Tlv(0x1c, "\x00\x01\xf6\x00"s))});
  const Name latin1 = MustParseName(latin1_der);
  EXPECT_THAT(latin1.Texts(kOidCommonName), ElementsAre("Caf\xc3\xa9"));
  const Name bmp = MustParseName(bmp_der);
  EXPECT_THAT(bmp.Texts(kOidCommonName), ElementsAre("\xc3\xa9\xe2\x82\xac"));
  const Name universal = MustParseName(universal_der);
  EXPECT_THAT(universal.Texts(kOidCommonName), ElementsAre("\xf0\x9f\x98\x80"));
  EXPECT_EQ(latin1.normalized, MustParseName(NameOf({CnRdn(Utf8("caf\xc3\xa9"))})).normalized);
}

TEST(NameTest, MultiValuedRdnIsOrderInsensitiveButRdnBoundariesCount) {
  const std::string cn = Atv(kOidCommonName, Utf8("a"));
  const std::string org = Atv(kOidOrganizationName, Utf8("b"));
  const Name one_way = MustParseName(NameOf({Set({cn, org})}));
  const Name other_way = MustParseName(NameOf({Set({org, cn})}));
  const Name split = MustParseName(NameOf({Set({cn}), Set({org})}));
  EXPECT_EQ(one_way.normalized, other_way.normalized);
  EXPECT_NE(one_way.normalized, split.normalized);
  EXPECT_EQ(one_way.rdn_count, 1u);
  EXPECT_EQ(split.rdn_count, 2u);
  EXPECT_EQ(one_way.attributes.size(), 2u);
}

TEST(NameTest, AttributeTypesAndOrderMatter) {
  const Name cn = MustParseName(NameOf({CnRdn(Utf8("a"))}));
  const Name org = MustParseName(NameOf({Set({Atv(kOidOrganizationName, Utf8("a"))})}));
  EXPECT_NE(cn.normalized, org.normalized);
  const std::string ab_der = NameOf({CnRdn(Utf8("a")), CnRdn(Utf8("b"))});  // `ab` views it
  const Name ab = MustParseName(ab_der);
  const Name ba = MustParseName(NameOf({CnRdn(Utf8("b")), CnRdn(Utf8("a"))}));
  EXPECT_NE(ab.normalized, ba.normalized);
  EXPECT_THAT(ab.Texts(kOidCommonName), ElementsAre("a", "b"));
}

TEST(NameTest, StringAttributesMustBeStrings) {
  // A commonName as an OCTET STRING would compare by its bytes and dodge every text comparison.
  Name name;
  absl::Status status = ParseName(NameOf({CnRdn(Octets("ab"))}), &name);
  EXPECT_FALSE(status.ok());
  EXPECT_THAT(std::string(status.message()), HasSubstr("not a string type"));
  // VisibleString and NumericString are text like the others.
  EXPECT_EQ(MustParseName(NameOf({CnRdn(Tlv(0x1a, "Example  CA"))})).normalized,
            MustParseName(NameOf({CnRdn(Utf8("example ca"))})).normalized);
  EXPECT_THAT(MustParseName(NameOf({CnRdn(Tlv(0x12, "123"))})).Texts(kOidCommonName),
              ElementsAre("123"));
}

TEST(NameTest, NonStringValuesCompareByTlv) {
  // An attribute type with no string syntax (here 1.2.3.4) keeps its value's exact encoding.
  auto odd_rdn = [](const std::string& value) {
    return Set({Atv(std::string("\x2a\x03\x04", 3), value)});
  };
  const std::string upper_der = NameOf({odd_rdn(Octets("AB"))});  // outlives the views in `upper`
  const Name upper = MustParseName(upper_der);
  const Name lower = MustParseName(NameOf({odd_rdn(Octets("ab"))}));
  EXPECT_NE(upper.normalized, lower.normalized);
  EXPECT_EQ(upper.normalized, MustParseName(NameOf({odd_rdn(Octets("AB"))})).normalized);
  EXPECT_TRUE(upper.Texts(std::string("\x2a\x03\x04", 3)).empty());
  ASSERT_EQ(upper.attributes.size(), 1u);
  EXPECT_EQ(upper.attributes[0].tag, 0x04);
  EXPECT_EQ(upper.attributes[0].value, "AB");
}

TEST(NameTest, Errors) {
  Name name;
  EXPECT_EQ(ParseName(NameOf({Set({})}), &name).message(), "Name at offset 2: empty RDN SET");
  EXPECT_THAT(std::string(ParseName(NameOf({CnRdn(Utf8("a"))}) + "x", &name).message()),
              HasSubstr("trailing data after the Name"));
  EXPECT_THAT(std::string(ParseName(NameOf({CnRdn(Tlv(0x13, "caf\xe9"s))}), &name).message()),
              HasSubstr("non-ASCII"));
  EXPECT_THAT(
      std::string(ParseName(NameOf({CnRdn(Tlv(0x1c, "\x00\x00\xd8\x00"s))}), &name).message()),
      HasSubstr("invalid code point"));
  EXPECT_THAT(
      std::string(
          ParseName(NameOf({Set({Seq({Oid(kOidCommonName), Utf8("a"), Utf8("b")})})}), &name)
              .message()),
      HasSubstr("trailing data in AttributeTypeAndValue"));
  EXPECT_THAT(std::string(ParseName(Set({}), &name).message()),
              HasSubstr("expected SEQUENCE, found SET"));
}

// ---- OID constants ----

TEST(OidsTest, ConstantsEncodeTheirDottedForm) {
  const struct {
    Der oid;
    const char* text;
  } cases[] = {
      {kOidBasicConstraints, "2.5.29.19"},
      {kOidKeyUsage, "2.5.29.15"},
      {kOidExtKeyUsage, "2.5.29.37"},
      {kOidSubjectAltName, "2.5.29.17"},
      {kOidNameConstraints, "2.5.29.30"},
      {kOidSubjectKeyIdentifier, "2.5.29.14"},
      {kOidAuthorityKeyIdentifier, "2.5.29.35"},
      {kOidCertificatePolicies, "2.5.29.32"},
      {kOidAnyPolicy, "2.5.29.32.0"},
      {kOidPolicyConstraints, "2.5.29.36"},
      {kOidPolicyMappings, "2.5.29.33"},
      {kOidInhibitAnyPolicy, "2.5.29.54"},
      {kOidAuthorityInfoAccess, "1.3.6.1.5.5.7.1.1"},
      {kOidEkuServerAuth, "1.3.6.1.5.5.7.3.1"},
      {kOidEkuClientAuth, "1.3.6.1.5.5.7.3.2"},
      {kOidAnyExtendedKeyUsage, "2.5.29.37.0"},
      {kOidCommonName, "2.5.4.3"},
      {kOidEmailAddress, "1.2.840.113549.1.9.1"},
      {kOidSha256WithRsa, "1.2.840.113549.1.1.11"},
      {kOidRsaPss, "1.2.840.113549.1.1.10"},
      {kOidEcdsaSha256, "1.2.840.10045.4.3.2"},
      {kOidEcdsaSha384, "1.2.840.10045.4.3.3"},
      {kOidEd25519, "1.3.101.112"},
      {kOidDsaSha256, "2.16.840.1.101.3.4.3.2"},
      {kOidRsaEncryption, "1.2.840.113549.1.1.1"},
      {kOidEcPublicKey, "1.2.840.10045.2.1"},
      {kOidP256, "1.2.840.10045.3.1.7"},
      {kOidP384, "1.3.132.0.34"},
      {kOidP521, "1.3.132.0.35"},
      {kOidSha512, "2.16.840.1.101.3.4.2.3"},
  };
  for (const auto& c : cases) {
    CBS cbs;
    CBS_init(&cbs, reinterpret_cast<const uint8_t*>(c.oid.data()), c.oid.size());
    bssl::UniquePtr<char> text(CBS_asn1_oid_to_text(&cbs));
    ASSERT_NE(text, nullptr) << c.text;
    EXPECT_STREQ(text.get(), c.text);
  }
}

}  // namespace
}  // namespace certval
