// Proves the test-PKI builder's output is real: every certificate is parsed by BoringSSL's
// legacy X.509 stack (independent of certval's parser) and chains are checked with
// X509_verify_cert. Byte-level encodings that BoringSSL would accept in several forms are
// checked directly against the DER.

#include "certval/testing/pki/test_pki.h"

#include <openssl/bio.h>
#include <openssl/bytestring.h>
#include <openssl/evp.h>
#include <openssl/nid.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"

namespace certval::testpki {
namespace {

// A fixed instant keeps the tests independent of the wall clock.
const absl::Time kNow =
    absl::FromCivil(absl::CivilSecond(2030, 6, 1, 12, 0, 0), absl::UTCTimeZone());

std::string Hex(std::string_view bytes) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string Str(CBS cbs) {
  return std::string(reinterpret_cast<const char*>(CBS_data(&cbs)), CBS_len(&cbs));
}

std::string Str(const ASN1_STRING* s) {
  return std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)),
                     ASN1_STRING_length(s));
}

bssl::UniquePtr<X509> Parse(const std::string& der) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(der.data());
  bssl::UniquePtr<X509> x509(d2i_X509(nullptr, &p, der.size()));
  EXPECT_NE(x509, nullptr) << "d2i_X509 rejected " << Hex(der);
  return x509;
}

// The top-level parts of a DER certificate, each with its tag and length.
struct Parts {
  std::string tbs, signature_algorithm, signature;
  std::vector<std::string> tbs_fields;
};

Parts Split(const std::string& der) {
  Parts parts;
  CBS in, cert, elem, tbs;
  CBS_init(&in, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  EXPECT_TRUE(CBS_get_asn1(&in, &cert, CBS_ASN1_SEQUENCE));
  EXPECT_TRUE(CBS_get_asn1_element(&cert, &elem, CBS_ASN1_SEQUENCE));
  parts.tbs = Str(elem);
  EXPECT_TRUE(CBS_get_asn1_element(&cert, &elem, CBS_ASN1_SEQUENCE));
  parts.signature_algorithm = Str(elem);
  EXPECT_TRUE(CBS_get_asn1_element(&cert, &elem, CBS_ASN1_BITSTRING));
  parts.signature = Str(elem);
  CBS_init(&in, reinterpret_cast<const uint8_t*>(parts.tbs.data()), parts.tbs.size());
  EXPECT_TRUE(CBS_get_asn1(&in, &tbs, CBS_ASN1_SEQUENCE));
  while (CBS_len(&tbs) > 0) {
    EXPECT_TRUE(CBS_get_any_asn1_element(&tbs, &elem, nullptr, nullptr));
    parts.tbs_fields.push_back(Str(elem));
  }
  return parts;
}

// extnValue contents of the extension `nid`, and whether it is critical; "" if absent.
std::string ExtensionValue(X509* cert, int nid, bool* critical = nullptr) {
  int index = X509_get_ext_by_NID(cert, nid, -1);
  if (index < 0) return "";
  X509_EXTENSION* ext = X509_get_ext(cert, index);
  if (critical) *critical = X509_EXTENSION_get_critical(ext);
  return Str(X509_EXTENSION_get_data(ext));
}

struct VerifyOptions {
  std::string host;
  absl::Time at = kNow;
};

// X509_verify_cert's result: X509_V_OK or the error code.
int Verify(const std::string& leaf, const std::vector<std::string>& intermediates,
           const std::string& root, const VerifyOptions& options = {}) {
  bssl::UniquePtr<X509> leaf_cert = Parse(leaf), root_cert = Parse(root);
  bssl::UniquePtr<STACK_OF(X509)> untrusted(sk_X509_new_null());
  for (const std::string& der : intermediates) sk_X509_push(untrusted.get(), Parse(der).release());
  bssl::UniquePtr<X509_STORE> store(X509_STORE_new());
  X509_STORE_add_cert(store.get(), root_cert.get());
  bssl::UniquePtr<X509_STORE_CTX> ctx(X509_STORE_CTX_new());
  EXPECT_TRUE(X509_STORE_CTX_init(ctx.get(), store.get(), leaf_cert.get(), untrusted.get()));
  X509_VERIFY_PARAM* param = X509_STORE_CTX_get0_param(ctx.get());
  X509_VERIFY_PARAM_set_time(param, absl::ToTimeT(options.at));
  X509_VERIFY_PARAM_set_purpose(param, X509_PURPOSE_SSL_SERVER);  // also checks serverAuth EKU
  if (!options.host.empty()) {
    X509_VERIFY_PARAM_set1_host(param, options.host.data(), options.host.size());
  }
  if (X509_verify_cert(ctx.get()) == 1) return X509_V_OK;
  int error = X509_STORE_CTX_get_error(ctx.get());
  return error == X509_V_OK ? -1 : error;
}

std::string ErrorString(int error) {
  return error < 0 ? "?" : X509_verify_cert_error_string(error);
}

#define EXPECT_VERIFY(expected, result)                                                         \
  do {                                                                                          \
    int r_ = (result);                                                                          \
    EXPECT_EQ(r_, expected) << "got " << ErrorString(r_) << ", want " << ErrorString(expected); \
  } while (0)

std::string NameEntry(X509_NAME* name, int nid, int* string_type = nullptr) {
  int index = X509_NAME_get_index_by_NID(name, nid, -1);
  if (index < 0) return "<absent>";
  ASN1_STRING* value = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, index));
  if (string_type) *string_type = ASN1_STRING_type(value);
  return Str(value);
}

std::string Sha1(std::string_view data) {
  uint8_t digest[SHA_DIGEST_LENGTH];
  SHA1(reinterpret_cast<const uint8_t*>(data.data()), data.size(), digest);
  return std::string(reinterpret_cast<char*>(digest), sizeof(digest));
}

// ---------------------------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------------------------

TEST(KeyTest, CachedKeyIsStablePerKindAndIndex) {
  Key a = Key::Cached(KeyKind::kEcP256, 0);
  EXPECT_EQ(a.pkey(), Key::Cached(KeyKind::kEcP256, 0).pkey());
  EXPECT_NE(EVP_PKEY_cmp(a.pkey(), Key::Cached(KeyKind::kEcP256, 1).pkey()), 1);
  EXPECT_NE(EVP_PKEY_cmp(a.pkey(), Key::Generate(KeyKind::kEcP256).pkey()), 1);
  EXPECT_TRUE(Key().empty());
}

TEST(KeyTest, KindsHaveTheRightTypeAndSize) {
  struct Case {
    KeyKind kind;
    int type, bits;
  };
  for (const Case& c :
       {Case{KeyKind::kRsa1024, EVP_PKEY_RSA, 1024}, Case{KeyKind::kRsa2048, EVP_PKEY_RSA, 2048},
        Case{KeyKind::kEcP256, EVP_PKEY_EC, 256}, Case{KeyKind::kEcP384, EVP_PKEY_EC, 384},
        Case{KeyKind::kEcP521, EVP_PKEY_EC, 521}, Case{KeyKind::kEd25519, EVP_PKEY_ED25519, 253}}) {
    Key key = Key::Cached(c.kind);
    EXPECT_EQ(key.kind(), c.kind);
    EXPECT_EQ(EVP_PKEY_id(key.pkey()), c.type) << KeyKindName(c.kind);
    EXPECT_EQ(EVP_PKEY_bits(key.pkey()), c.bits) << KeyKindName(c.kind);
  }
}

TEST(KeyTest, SpkiAndPkcs8PemRoundTrip) {
  for (KeyKind kind : {KeyKind::kRsa2048, KeyKind::kEcP256, KeyKind::kEd25519}) {
    Key key = Key::Cached(kind);
    std::string spki = key.SpkiDer();
    CBS cbs;
    CBS_init(&cbs, reinterpret_cast<const uint8_t*>(spki.data()), spki.size());
    bssl::UniquePtr<EVP_PKEY> pub(EVP_parse_public_key(&cbs));
    ASSERT_NE(pub, nullptr) << KeyKindName(kind);
    EXPECT_EQ(EVP_PKEY_cmp(pub.get(), key.pkey()), 1);

    std::string pem = key.PrivateKeyPem();
    EXPECT_EQ(pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u);
    bssl::UniquePtr<BIO> bio(BIO_new_mem_buf(pem.data(), pem.size()));
    bssl::UniquePtr<EVP_PKEY> priv(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
    ASSERT_NE(priv, nullptr) << KeyKindName(kind);
    EXPECT_EQ(EVP_PKEY_cmp(priv.get(), key.pkey()), 1);
  }
}

// ---------------------------------------------------------------------------------------------
// MakeChain for each key kind
// ---------------------------------------------------------------------------------------------

class ChainTest : public testing::TestWithParam<KeyKind> {};

int ExpectedSignatureNid(KeyKind kind) {
  switch (kind) {
    case KeyKind::kEcP256:
      return NID_ecdsa_with_SHA256;
    case KeyKind::kEcP384:
      return NID_ecdsa_with_SHA384;
    case KeyKind::kEcP521:
      return NID_ecdsa_with_SHA512;
    case KeyKind::kEd25519:
      return NID_ED25519;
    default:
      return NID_sha256WithRSAEncryption;
  }
}

TEST_P(ChainTest, ProducesAValidWebPkiChain) {
  const KeyKind kind = GetParam();
  Chain chain = MakeChain(kind, "www.example.test", kNow);
  bssl::UniquePtr<X509> root = Parse(chain.root), inter = Parse(chain.intermediate),
                        leaf = Parse(chain.leaf);
  ASSERT_TRUE(root && inter && leaf);

  // Names and issuer linkage.
  EXPECT_EQ(NameEntry(X509_get_subject_name(root.get()), NID_commonName), "certval Test Root CA");
  EXPECT_EQ(NameEntry(X509_get_subject_name(leaf.get()), NID_commonName), "www.example.test");
  EXPECT_EQ(X509_NAME_cmp(X509_get_issuer_name(inter.get()), X509_get_subject_name(root.get())), 0);
  EXPECT_EQ(X509_NAME_cmp(X509_get_issuer_name(leaf.get()), X509_get_subject_name(inter.get())), 0);
  EXPECT_EQ(X509_get_version(leaf.get()), X509_VERSION_3);

  // CA-ness, key usage, EKU, path length.
  EXPECT_NE(X509_check_ca(root.get()), 0);
  EXPECT_NE(X509_check_ca(inter.get()), 0);
  EXPECT_EQ(X509_check_ca(leaf.get()), 0);
  bool critical = false;
  EXPECT_NE(ExtensionValue(root.get(), NID_basic_constraints, &critical), "");
  EXPECT_TRUE(critical);
  EXPECT_EQ(X509_get_key_usage(root.get()), static_cast<uint32_t>(KU_KEY_CERT_SIGN | KU_CRL_SIGN));
  EXPECT_EQ(X509_get_pathlen(root.get()), -1);
  EXPECT_EQ(X509_get_pathlen(inter.get()), 0);
  EXPECT_EQ(X509_get_key_usage(leaf.get()), static_cast<uint32_t>(KU_DIGITAL_SIGNATURE));
  EXPECT_EQ(X509_get_extended_key_usage(leaf.get()), static_cast<uint32_t>(XKU_SSL_SERVER));
  EXPECT_EQ(X509_check_host(leaf.get(), "www.example.test", 16, 0, nullptr), 1);

  // SKI is SHA-1 of the key bits; each AKI names the issuer's SKI.
  EXPECT_EQ(Str(X509_get0_subject_key_id(root.get())),
            Sha1(Str(X509_get0_pubkey_bitstr(root.get()))));
  EXPECT_EQ(Str(X509_get0_authority_key_id(inter.get())),
            Str(X509_get0_subject_key_id(root.get())));
  EXPECT_EQ(Str(X509_get0_authority_key_id(leaf.get())),
            Str(X509_get0_subject_key_id(inter.get())));

  // The issuer's key picks the algorithm; the subject's key is what the certificate holds.
  EXPECT_EQ(X509_get_signature_nid(leaf.get()), ExpectedSignatureNid(kind));
  bssl::UniquePtr<EVP_PKEY> leaf_pub(X509_get_pubkey(leaf.get()));
  EXPECT_EQ(EVP_PKEY_cmp(leaf_pub.get(), chain.leaf_key.pkey()), 1);

  EXPECT_VERIFY(X509_V_OK,
                Verify(chain.leaf, {chain.intermediate}, chain.root, {"www.example.test"}));
}

TEST_P(ChainTest, VerificationFailsForWrongHostTimeOrMissingIntermediate) {
  Chain chain = MakeChain(GetParam(), "www.example.test", kNow);
  EXPECT_VERIFY(X509_V_ERR_HOSTNAME_MISMATCH,
                Verify(chain.leaf, {chain.intermediate}, chain.root, {"other.example.test"}));
  EXPECT_VERIFY(X509_V_ERR_CERT_HAS_EXPIRED, Verify(chain.leaf, {chain.intermediate}, chain.root,
                                                    {"", kNow + absl::Hours(24 * 91)}));
  EXPECT_VERIFY(X509_V_ERR_CERT_NOT_YET_VALID,
                Verify(chain.leaf, {chain.intermediate}, chain.root, {"", kNow - absl::Hours(25)}));
  EXPECT_VERIFY(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, Verify(chain.leaf, {}, chain.root));
}

TEST_P(ChainTest, LeafSignedByTheWrongKeyFails) {
  const KeyKind kind = GetParam();
  Chain chain = MakeChain(kind, "www.example.test", kNow);
  // Right issuer name and AKI, wrong signing key.
  CertSpec spec = LeafSpec("www.example.test", kNow);
  spec.authority_key_id_override = Str(X509_get0_subject_key_id(Parse(chain.intermediate).get()));
  std::string forged =
      IssueCertificate(spec, chain.leaf_key, Key::Cached(kind, 3), chain.intermediate_name);
  EXPECT_VERIFY(X509_V_ERR_CERT_SIGNATURE_FAILURE,
                Verify(forged, {chain.intermediate}, chain.root));

  spec = LeafSpec("www.example.test", kNow);
  spec.corrupt_signature = true;
  EXPECT_VERIFY(X509_V_ERR_CERT_SIGNATURE_FAILURE,
                Verify(chain.intermediate_ca().Issue(spec, chain.leaf_key), {chain.intermediate},
                       chain.root));
}

INSTANTIATE_TEST_SUITE_P(AllKinds, ChainTest,
                         testing::Values(KeyKind::kRsa2048, KeyKind::kEcP256, KeyKind::kEcP384,
                                         KeyKind::kEcP521, KeyKind::kEd25519),
                         [](const testing::TestParamInfo<KeyKind>& info) {
                           return std::string(KeyKindName(info.param));
                         });

TEST(MakeChainTest, IpLiteralHostGetsAnIpSan) {
  Chain chain = MakeChain(KeyKind::kEcP256, "127.0.0.1", kNow);
  bssl::UniquePtr<X509> leaf = Parse(chain.leaf);
  EXPECT_EQ(X509_check_ip_asc(leaf.get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_host(leaf.get(), "127.0.0.1", 9, 0, nullptr), 0);
}

TEST(MakeChainTest, ServerChainPemHoldsLeafThenIntermediate) {
  Chain chain = MakeChain(KeyKind::kEcP256, "a.test", kNow);
  std::string pem = chain.ServerChainPem();
  bssl::UniquePtr<BIO> bio(BIO_new_mem_buf(pem.data(), pem.size()));
  for (const std::string* expected : {&chain.leaf, &chain.intermediate}) {
    bssl::UniquePtr<X509> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    ASSERT_NE(cert, nullptr);
    uint8_t* der = nullptr;
    int len = i2d_X509(cert.get(), &der);
    EXPECT_EQ(std::string(reinterpret_cast<char*>(der), len), *expected);
    OPENSSL_free(der);
  }
}

// ---------------------------------------------------------------------------------------------
// Signature algorithms
// ---------------------------------------------------------------------------------------------

TEST(SignatureTest, AlgorithmIdentifierEncodings) {
  CertSpec spec = RootSpec("x", kNow);
  auto alg = [&](KeyKind kind) {
    Parts parts = Split(SelfSigned(spec, Key::Cached(kind)));
    EXPECT_EQ(parts.tbs_fields[2], parts.signature_algorithm);  // TBS copy matches
    return Hex(parts.signature_algorithm);
  };
  // sha256WithRSAEncryption with explicit NULL parameters.
  EXPECT_EQ(alg(KeyKind::kRsa2048), "300d06092a864886f70d01010b0500");
  // ecdsa-with-SHA256 / SHA384 / SHA512, parameters absent.
  EXPECT_EQ(alg(KeyKind::kEcP256), "300a06082a8648ce3d040302");
  EXPECT_EQ(alg(KeyKind::kEcP384), "300a06082a8648ce3d040303");
  EXPECT_EQ(alg(KeyKind::kEcP521), "300a06082a8648ce3d040304");
  EXPECT_EQ(alg(KeyKind::kEd25519), "300506032b6570");

  spec.rsa_pss = true;
  // RSASSA-PSS: SHA-256, MGF1-SHA-256, salt 32 (the exact bytes Chromium's verifier expects).
  EXPECT_EQ(alg(KeyKind::kRsa2048),
            "304106092a864886f70d01010a3034a00f300d06096086480165030402010500a11c301a06092a864886"
            "f70d010108300d06096086480165030402010500a203020120");
  spec.hash = SigHash::kSha1;  // all PSS parameters at their DEFAULT: an empty SEQUENCE
  EXPECT_EQ(alg(KeyKind::kRsa2048), "300d06092a864886f70d01010a3000");
}

TEST(SignatureTest, RsaPssChainVerifies) {
  for (SigHash hash : {SigHash::kSha256, SigHash::kSha384, SigHash::kSha512}) {
    Key root_key = Key::Cached(KeyKind::kRsa2048, 0), leaf_key = Key::Cached(KeyKind::kRsa2048, 2);
    CertSpec root_spec = RootSpec("PSS root", kNow);
    root_spec.rsa_pss = true;
    root_spec.hash = hash;
    TestCa root = TestCa::Root(root_spec, root_key);
    CertSpec leaf_spec = LeafSpec("pss.test", kNow);
    leaf_spec.rsa_pss = true;
    leaf_spec.hash = hash;
    std::string leaf = root.Issue(leaf_spec, leaf_key);
    EXPECT_EQ(X509_get_signature_nid(Parse(leaf).get()), NID_rsassaPss);
    EXPECT_VERIFY(X509_V_OK, Verify(leaf, {}, root.cert_der(), {"pss.test"}));
  }
}

TEST(SignatureTest, EveryHashAndKeySizeProducesAVerifiableSignature) {
  struct Case {
    KeyKind kind;
    SigHash hash;
    int nid;
  };
  for (const Case& c : {Case{KeyKind::kRsa1024, SigHash::kSha1, NID_sha1WithRSAEncryption},
                        Case{KeyKind::kRsa2048, SigHash::kSha384, NID_sha384WithRSAEncryption},
                        Case{KeyKind::kRsa3072, SigHash::kSha512, NID_sha512WithRSAEncryption},
                        Case{KeyKind::kRsa4096, SigHash::kDefault, NID_sha256WithRSAEncryption},
                        Case{KeyKind::kEcP256, SigHash::kSha1, NID_ecdsa_with_SHA1},
                        Case{KeyKind::kEcP256, SigHash::kSha512, NID_ecdsa_with_SHA512}}) {
    Key key = Key::Cached(c.kind);
    CertSpec spec = RootSpec("sig", kNow);
    spec.hash = c.hash;
    bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, key));
    ASSERT_NE(cert, nullptr);
    EXPECT_EQ(X509_get_signature_nid(cert.get()), c.nid) << KeyKindName(c.kind);
    EXPECT_EQ(X509_verify(cert.get(), key.pkey()), 1) << KeyKindName(c.kind);
  }
}

TEST(SignatureTest, TbsSignatureAlgorithmOverrideOnlyChangesTheTbs) {
  CertSpec spec = RootSpec("x", kNow);
  spec.tbs_signature_algorithm_override =
      std::string("\x30\x0a\x06\x08\x2a\x86\x48\xce\x3d\x04\x03\x03", 12);
  Parts parts = Split(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  EXPECT_EQ(parts.tbs_fields[2], *spec.tbs_signature_algorithm_override);
  EXPECT_EQ(Hex(parts.signature_algorithm), "300a06082a8648ce3d040302");
}

// ---------------------------------------------------------------------------------------------
// Names, validity, version, serial
// ---------------------------------------------------------------------------------------------

TEST(NameTest, AttributesUseTheRfc5280StringTypesInOrder) {
  NameSpec name{{"C", "DE"},
                {"O", "Ünïcode GmbH"},
                {"OU", "Unit"},
                {"CN", "host"},
                {"emailAddress", "a@b.test"},
                {"DC", "test"},
                {"2.5.4.97", "VATDE-1"}};
  CertSpec spec;
  spec.subject = name;
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  X509_NAME* subject = X509_get_subject_name(cert.get());
  ASSERT_EQ(X509_NAME_entry_count(subject), 7);
  int type = 0;
  EXPECT_EQ(NameEntry(subject, NID_countryName, &type), "DE");
  EXPECT_EQ(type, V_ASN1_PRINTABLESTRING);
  EXPECT_EQ(NameEntry(subject, NID_organizationName, &type), "Ünïcode GmbH");
  EXPECT_EQ(type, V_ASN1_UTF8STRING);
  EXPECT_EQ(NameEntry(subject, NID_commonName, &type), "host");
  EXPECT_EQ(type, V_ASN1_UTF8STRING);
  EXPECT_EQ(NameEntry(subject, NID_pkcs9_emailAddress, &type), "a@b.test");
  EXPECT_EQ(type, V_ASN1_IA5STRING);
  EXPECT_EQ(NameEntry(subject, NID_domainComponent, &type), "test");
  EXPECT_EQ(type, V_ASN1_IA5STRING);
  // Order is kept, one attribute per RDN.
  EXPECT_EQ(OBJ_obj2nid(X509_NAME_ENTRY_get_object(X509_NAME_get_entry(subject, 0))),
            NID_countryName);
  EXPECT_EQ(X509_NAME_ENTRY_set(X509_NAME_get_entry(subject, 6)), 6);
  // Self-signed: issuer == subject.
  EXPECT_EQ(X509_NAME_cmp(subject, X509_get_issuer_name(cert.get())), 0);
}

TEST(NameTest, EmptyAndRawNames) {
  EXPECT_EQ(Hex(EncodeName(NameSpec{})), "3000");
  EXPECT_EQ(Hex(EncodeName(NameSpec::Cn("a"))), "300c310a300806035504030c0161");
  EXPECT_EQ(EncodeName(NameSpec{{"CN", "a"}}), EncodeName(NameSpec::Cn("a")));
  std::string raw("\x30\x0c\x31\x0a\x30\x08\x06\x03\x55\x04\x03\x14\x01\x61", 14);  // T61String CN
  EXPECT_EQ(EncodeName(NameSpec::Raw(raw)), raw);
  CertSpec spec;
  spec.subject = NameSpec::Raw(raw);
  Parts parts = Split(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  EXPECT_EQ(parts.tbs_fields[5], raw);  // subject
  EXPECT_EQ(parts.tbs_fields[3], raw);  // issuer
}

TEST(NameTest, StringTagsOverrideTheTypeByPosition) {
  NameSpec name{{"CN", "a"}, {"O", std::string("\xff\x1b", 2)}};
  name.string_tags = {0, CBS_ASN1_T61STRING};
  EXPECT_EQ(Hex(EncodeName(name)),
            "3019310a300806035504030c0161"  // CN: the usual UTF8String
            "310b3009060355040a1402ff1b");  // O: T61String, bytes verbatim
}

std::string TimeField(const std::string& der, int which) {
  CBS validity, t;
  std::string v = Split(der).tbs_fields[4];
  CBS_init(&validity, reinterpret_cast<const uint8_t*>(v.data()), v.size());
  CBS_get_asn1(&validity, &validity, CBS_ASN1_SEQUENCE);
  for (int i = 0; i <= which; ++i) CBS_get_any_asn1_element(&validity, &t, nullptr, nullptr);
  return Str(t);
}

TEST(ValidityTest, UtcTimeUntil2049GeneralizedTimeOtherwise) {
  auto at = [](int y, int mo, int d, int h, int mi, int s) {
    return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s), absl::UTCTimeZone());
  };
  CertSpec spec;
  Key key = Key::Cached(KeyKind::kEcP256);
  spec.not_before = at(1949, 12, 31, 23, 59, 59);
  spec.not_after = at(1950, 1, 1, 0, 0, 0);
  std::string der = SelfSigned(spec, key);
  EXPECT_EQ(TimeField(der, 0),
            "\x18\x0f"
            "19491231235959Z");
  EXPECT_EQ(TimeField(der, 1),
            "\x17\x0d"
            "500101000000Z");

  spec.not_before = at(2049, 12, 31, 23, 59, 59) + absl::Milliseconds(900);  // truncated
  spec.not_after = at(2050, 1, 1, 0, 0, 0);
  der = SelfSigned(spec, key);
  EXPECT_EQ(TimeField(der, 0),
            "\x17\x0d"
            "491231235959Z");
  EXPECT_EQ(TimeField(der, 1),
            "\x18\x0f"
            "20500101000000Z");

  spec.not_after = absl::InfiniteFuture();
  der = SelfSigned(spec, key);
  EXPECT_EQ(TimeField(der, 1),
            "\x18\x0f"
            "99991231235959Z");
  ASSERT_NE(Parse(der), nullptr);
}

TEST(ValidityTest, DefaultIsAroundNow) {
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(CertSpec{}, Key::Cached(KeyKind::kEcP256)));
  EXPECT_EQ(X509_cmp_time(X509_get0_notBefore(cert.get()), nullptr), -1);  // in the past
  EXPECT_EQ(X509_cmp_time(X509_get0_notAfter(cert.get()), nullptr), 1);    // in the future
}

TEST(VersionTest, V1AndV2CarryNoExtensions) {
  Key key = Key::Cached(KeyKind::kEcP256);
  CertSpec spec = RootSpec("old", kNow);
  spec.version = 1;
  std::string v1 = SelfSigned(spec, key);
  EXPECT_EQ(static_cast<uint8_t>(Split(v1).tbs_fields[0][0]), CBS_ASN1_INTEGER);  // version omitted
  bssl::UniquePtr<X509> cert = Parse(v1);
  EXPECT_EQ(X509_get_version(cert.get()), X509_VERSION_1);
  EXPECT_EQ(X509_get_ext_count(cert.get()), 0);

  spec.version = 2;
  std::string v2 = SelfSigned(spec, key);
  EXPECT_EQ(Hex(Split(v2).tbs_fields[0]), "a003020101");
  cert = Parse(v2);
  EXPECT_EQ(X509_get_version(cert.get()), X509_VERSION_2);
  EXPECT_EQ(X509_get_ext_count(cert.get()), 0);
  EXPECT_EQ(Hex(Split(SelfSigned(RootSpec("new", kNow), key)).tbs_fields[0]), "a003020102");
}

TEST(VersionTest, V3WithoutExtensionsOmitsTheExtensionsField) {
  CertSpec spec;
  spec.subject_key_id = spec.authority_key_id = false;
  Parts parts = Split(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  EXPECT_EQ(parts.tbs_fields.size(), 7u);  // version .. subjectPublicKeyInfo
}

TEST(SerialTest, EncodedAsPositiveMinimalInteger) {
  Key key = Key::Cached(KeyKind::kEcP256);
  auto serial = [&](std::optional<std::string> bytes, bool verbatim = false) {
    CertSpec spec;
    spec.serial = bytes;
    spec.serial_verbatim = verbatim;
    return Hex(Split(SelfSigned(spec, key)).tbs_fields[1]);
  };
  EXPECT_EQ(serial(std::string("\x00\x00\x01\x02", 4)), "02020102");
  EXPECT_EQ(serial(std::string("\x80", 1)), "02020080");
  EXPECT_EQ(serial(std::string("\x00", 1)), "020100");
  EXPECT_EQ(serial(std::string("")), "020100");
  EXPECT_EQ(serial(std::string("\xff", 1), /*verbatim=*/true), "0201ff");

  std::string a = serial(std::nullopt), b = serial(std::nullopt);
  EXPECT_NE(a, b);
  EXPECT_LE(a.size(), 2 * (2 + 16u));
  EXPECT_LT(std::stoi(a.substr(4, 1), nullptr, 16), 8);  // high bit clear: positive
}

// ---------------------------------------------------------------------------------------------
// Extensions
// ---------------------------------------------------------------------------------------------

TEST(ExtensionTest, KeyUsageIsAMinimalNamedBitString) {
  Key key = Key::Cached(KeyKind::kEcP256);
  auto ku = [&](uint16_t bits, uint32_t* parsed = nullptr) {
    CertSpec spec;
    spec.key_usage = bits;
    bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, key));
    if (parsed) *parsed = X509_get_key_usage(cert.get());
    bool critical = false;
    std::string value = Hex(ExtensionValue(cert.get(), NID_key_usage, &critical));
    EXPECT_TRUE(critical);
    return value;
  };
  uint32_t parsed = 0;
  EXPECT_EQ(ku(kKuDigitalSignature, &parsed), "03020780");
  EXPECT_EQ(parsed, static_cast<uint32_t>(KU_DIGITAL_SIGNATURE));
  EXPECT_EQ(ku(kKuKeyCertSign | kKuCrlSign), "03020106");
  EXPECT_EQ(ku(kKuDigitalSignature | kKuKeyEncipherment), "030205a0");
  EXPECT_EQ(ku(kKuDecipherOnly, &parsed), "0303070080");
  EXPECT_EQ(parsed, static_cast<uint32_t>(KU_DECIPHER_ONLY));
  EXPECT_EQ(ku(0), "030100");
}

TEST(ExtensionTest, BasicConstraintsForms) {
  Key key = Key::Cached(KeyKind::kEcP256);
  auto bc = [&](std::optional<bool> ca, std::optional<int> path_len, bool critical_flag) {
    CertSpec spec;
    spec.ca = ca;
    spec.path_len = path_len;
    spec.basic_constraints_critical = critical_flag;
    bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, key));
    bool critical = critical_flag;  // stays as is when the extension is absent
    std::string value = Hex(ExtensionValue(cert.get(), NID_basic_constraints, &critical));
    EXPECT_EQ(critical, critical_flag);
    return value;
  };
  EXPECT_EQ(bc(false, std::nullopt, true), "3000");  // cA DEFAULT FALSE is omitted
  EXPECT_EQ(bc(true, std::nullopt, true), "30030101ff");
  EXPECT_EQ(bc(true, 3, false), "30060101ff020103");
  EXPECT_EQ(bc(std::nullopt, std::nullopt, true), "");  // not emitted
}

TEST(ExtensionTest, SubjectAltNamesOfEveryType) {
  CertSpec spec = LeafSpec("a.example.test", kNow);
  spec.dns_sans.push_back("*.b.example.test");
  spec.ip_sans = {"10.0.0.1", "::1"};
  spec.email_sans = {"user@example.test"};
  spec.uri_sans = {"spiffe://example.test/svc"};
  spec.directory_name_sans = {NameSpec{{"O", "Dir Org"}, {"CN", "dir"}}};
  spec.san_critical = true;
  bssl::UniquePtr<X509> cert = Parse(MakeChain(KeyKind::kEcP256, "x.test", kNow)
                                         .intermediate_ca()
                                         .Issue(spec, Key::Cached(KeyKind::kEcP256, 2)));
  int critical = 0;
  bssl::UniquePtr<GENERAL_NAMES> names(static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(cert.get(), NID_subject_alt_name, &critical, nullptr)));
  ASSERT_NE(names, nullptr);
  EXPECT_EQ(critical, 1);
  ASSERT_EQ(sk_GENERAL_NAME_num(names.get()), 7u);
  auto name = [&](size_t i) { return sk_GENERAL_NAME_value(names.get(), i); };
  EXPECT_EQ(name(0)->type, GEN_DNS);
  EXPECT_EQ(Str(name(1)->d.dNSName), "*.b.example.test");
  EXPECT_EQ(name(2)->type, GEN_IPADD);
  EXPECT_EQ(Hex(Str(name(2)->d.iPAddress)), "0a000001");
  EXPECT_EQ(Str(name(3)->d.iPAddress).size(), 16u);
  EXPECT_EQ(name(4)->type, GEN_EMAIL);
  EXPECT_EQ(name(5)->type, GEN_URI);
  EXPECT_EQ(Str(name(5)->d.uniformResourceIdentifier), "spiffe://example.test/svc");
  ASSERT_EQ(name(6)->type, GEN_DIRNAME);
  EXPECT_EQ(NameEntry(name(6)->d.directoryName, NID_commonName), "dir");

  EXPECT_EQ(X509_check_host(cert.get(), "c.b.example.test", 16, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(cert.get(), "::1", 0), 1);
  EXPECT_EQ(X509_check_email(cert.get(), "user@example.test", 17, 0), 1);
}

TEST(ExtensionTest, EkuNamesAndOids) {
  CertSpec spec;
  spec.eku = std::vector<std::string>{"clientAuth", "1.3.6.1.5.5.7.3.4", "anyExtendedKeyUsage"};
  spec.eku_critical = true;
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  bool critical = false;
  EXPECT_EQ(Hex(ExtensionValue(cert.get(), NID_ext_key_usage, &critical)),
            "301a"
            "06082b06010505070302"
            "06082b06010505070304"
            "0604551d2500");
  EXPECT_TRUE(critical);
  EXPECT_EQ(X509_get_extended_key_usage(cert.get()),
            static_cast<uint32_t>(XKU_SSL_CLIENT | XKU_SMIME | XKU_ANYEKU));
}

TEST(ExtensionTest, KeyIdentifierSwitchesAndOverrides) {
  CertSpec spec;
  spec.subject_key_id = false;
  spec.authority_key_id_override = "abc";
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  EXPECT_EQ(X509_get0_subject_key_id(cert.get()), nullptr);
  EXPECT_EQ(Str(X509_get0_authority_key_id(cert.get())), "abc");
  EXPECT_EQ(Hex(ExtensionValue(cert.get(), NID_authority_key_identifier)), "30058003616263");
}

TEST(ExtensionTest, SpkiOverrideReplacesThePublicKey) {
  Key other = Key::Cached(KeyKind::kEcP384);
  CertSpec spec;
  spec.spki_override = other.SpkiDer();
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  bssl::UniquePtr<EVP_PKEY> pub(X509_get_pubkey(cert.get()));
  EXPECT_EQ(EVP_PKEY_cmp(pub.get(), other.pkey()), 1);
  EXPECT_EQ(Str(X509_get0_subject_key_id(cert.get())),
            Sha1(Str(X509_get0_pubkey_bitstr(cert.get()))));
}

TEST(ExtensionTest, UnknownCriticalExtensionIsRejectedNonCriticalIgnored) {
  Chain chain = MakeChain(KeyKind::kEcP256, "a.test", kNow);
  for (bool critical : {true, false}) {
    CertSpec spec = LeafSpec("a.test", kNow);
    spec.extra.push_back({"1.3.6.1.4.1.11129.99.1", critical, std::string("\x05\x00", 2)});
    std::string leaf = chain.intermediate_ca().Issue(spec, chain.leaf_key);
    EXPECT_VERIFY(critical ? X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION : X509_V_OK,
                  Verify(leaf, {chain.intermediate}, chain.root, {"a.test"}));
  }
}

TEST(ExtensionTest, PoliciesAiaAndCrlDistributionPointsParse) {
  CertSpec spec = LeafSpec("a.test", kNow);
  spec.extra = {PoliciesExtension({"2.23.140.1.2.1", "1.3.6.1.4.1.99999.1"}),
                AiaExtension({"http://ocsp.test"}, {"http://ca.test/i.der"}),
                CrlDistributionPointsExtension({"http://crl.test/1.crl"})};
  Chain chain = MakeChain(KeyKind::kEcP256, "a.test", kNow);
  std::string der = chain.intermediate_ca().Issue(spec, chain.leaf_key);
  bssl::UniquePtr<X509> cert = Parse(der);

  bssl::UniquePtr<CERTIFICATEPOLICIES> policies(static_cast<CERTIFICATEPOLICIES*>(
      X509_get_ext_d2i(cert.get(), NID_certificate_policies, nullptr, nullptr)));
  ASSERT_NE(policies, nullptr);
  ASSERT_EQ(sk_POLICYINFO_num(policies.get()), 2u);
  char oid[64];
  OBJ_obj2txt(oid, sizeof(oid), sk_POLICYINFO_value(policies.get(), 1)->policyid,
              /*always_return_oid=*/1);
  EXPECT_STREQ(oid, "1.3.6.1.4.1.99999.1");

  bssl::UniquePtr<AUTHORITY_INFO_ACCESS> aia(static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert.get(), NID_info_access, nullptr, nullptr)));
  ASSERT_NE(aia, nullptr);
  ASSERT_EQ(sk_ACCESS_DESCRIPTION_num(aia.get()), 2u);
  EXPECT_EQ(OBJ_obj2nid(sk_ACCESS_DESCRIPTION_value(aia.get(), 0)->method), NID_ad_OCSP);
  EXPECT_EQ(OBJ_obj2nid(sk_ACCESS_DESCRIPTION_value(aia.get(), 1)->method), NID_ad_ca_issuers);
  EXPECT_EQ(Str(sk_ACCESS_DESCRIPTION_value(aia.get(), 0)->location->d.uniformResourceIdentifier),
            "http://ocsp.test");

  bssl::UniquePtr<CRL_DIST_POINTS> crldp(static_cast<CRL_DIST_POINTS*>(
      X509_get_ext_d2i(cert.get(), NID_crl_distribution_points, nullptr, nullptr)));
  ASSERT_NE(crldp, nullptr);
  ASSERT_EQ(sk_DIST_POINT_num(crldp.get()), 1u);
  const DIST_POINT_NAME* dp = sk_DIST_POINT_value(crldp.get(), 0)->distpoint;
  ASSERT_EQ(dp->type, 0);  // fullName
  EXPECT_EQ(Str(sk_GENERAL_NAME_value(dp->name.fullname, 0)->d.uniformResourceIdentifier),
            "http://crl.test/1.crl");

  EXPECT_VERIFY(X509_V_OK, Verify(der, {chain.intermediate}, chain.root, {"a.test"}));
}

// ---------------------------------------------------------------------------------------------
// Name constraints
// ---------------------------------------------------------------------------------------------

class NameConstraintsTest : public testing::Test {
 protected:
  void SetUp() override {
    Key key = Key::Cached(KeyKind::kEcP256, 0);
    root_ = std::make_unique<TestCa>(TestCa::Root(RootSpec("NC root", kNow), key));
    CertSpec spec = IntermediateSpec("NC intermediate", kNow);
    spec.nc_permitted = CertSpec::Subtrees{};
    spec.nc_permitted->dns = {"example.test"};
    spec.nc_permitted->ip_cidr = {"10.0.0.0/8", "2001:db8::/32"};
    spec.nc_excluded = CertSpec::Subtrees{};
    spec.nc_excluded->dns = {"bad.example.test"};
    intermediate_ =
        std::make_unique<TestCa>(root_->IssueCa(spec, Key::Cached(KeyKind::kEcP256, 1)));
  }

  int VerifyLeaf(const std::string& host) {
    std::string leaf = intermediate_->Issue(LeafSpec(host, kNow), Key::Cached(KeyKind::kEcP256, 2));
    return Verify(leaf, {intermediate_->cert_der()}, root_->cert_der());
  }

  std::unique_ptr<TestCa> root_, intermediate_;
};

TEST_F(NameConstraintsTest, EncodesSubtreesWithAddressAndMask) {
  bssl::UniquePtr<X509> cert = Parse(intermediate_->cert_der());
  int critical = 0;
  bssl::UniquePtr<NAME_CONSTRAINTS> nc(static_cast<NAME_CONSTRAINTS*>(
      X509_get_ext_d2i(cert.get(), NID_name_constraints, &critical, nullptr)));
  ASSERT_NE(nc, nullptr);
  EXPECT_EQ(critical, 1);
  ASSERT_EQ(sk_GENERAL_SUBTREE_num(nc->permittedSubtrees), 3u);
  EXPECT_EQ(Str(sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, 0)->base->d.dNSName),
            "example.test");
  EXPECT_EQ(Hex(Str(sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, 1)->base->d.iPAddress)),
            "0a000000ff000000");
  EXPECT_EQ(Hex(Str(sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, 2)->base->d.iPAddress)),
            "20010db8000000000000000000000000ffffffff000000000000000000000000");
  ASSERT_EQ(sk_GENERAL_SUBTREE_num(nc->excludedSubtrees), 1u);
  EXPECT_EQ(sk_GENERAL_SUBTREE_value(nc->permittedSubtrees, 0)->minimum, nullptr);
}

// Only DNS names: this BoringSSL's legacy verifier cannot match iPAddress constraints
// (X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE), so IP subtrees are covered by the encoding test.
TEST_F(NameConstraintsTest, BoringSslEnforcesDnsSubtrees) {
  EXPECT_VERIFY(X509_V_OK, VerifyLeaf("www.example.test"));
  EXPECT_VERIFY(X509_V_OK, VerifyLeaf("example.test"));
  EXPECT_VERIFY(X509_V_ERR_PERMITTED_VIOLATION, VerifyLeaf("www.other.test"));
  EXPECT_VERIFY(X509_V_ERR_EXCLUDED_VIOLATION, VerifyLeaf("x.bad.example.test"));
}

TEST(NameConstraintsEncodingTest, DirectoryNameAndHostCidr) {
  CertSpec spec;
  spec.nc_excluded = CertSpec::Subtrees{};
  spec.nc_excluded->dirs = {NameSpec::Cn("x")};
  spec.nc_excluded->ip_cidr = {"192.0.2.7"};
  spec.nc_critical = false;
  bssl::UniquePtr<X509> cert = Parse(SelfSigned(spec, Key::Cached(KeyKind::kEcP256)));
  bool critical = true;
  // NameConstraints { excluded [1] { { 192.0.2.7/32 } { [4] { CN=x } } } }
  EXPECT_EQ(Hex(ExtensionValue(cert.get(), NID_name_constraints, &critical)),
            "3020a11e300a8708c0000207ffffffff3010a40e300c310a300806035504030c0178");
  EXPECT_FALSE(critical);
}

// ---------------------------------------------------------------------------------------------
// PEM
// ---------------------------------------------------------------------------------------------

TEST(PemTest, DerToPemRoundTripsThroughPemReader) {
  std::string der = MakeChain(KeyKind::kRsa2048, "a.test", kNow).leaf;
  std::string pem = DerToPem(der);
  EXPECT_EQ(pem.rfind("-----BEGIN CERTIFICATE-----\n", 0), 0u);
  EXPECT_EQ(pem.substr(pem.size() - 26), "-----END CERTIFICATE-----\n");
  size_t start = 0, end;
  while ((end = pem.find('\n', start)) != std::string::npos) {
    EXPECT_LE(end - start, 64u);
    start = end + 1;
  }
  bssl::UniquePtr<BIO> bio(BIO_new_mem_buf(pem.data(), pem.size()));
  bssl::UniquePtr<X509> cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  ASSERT_NE(cert, nullptr);
  EXPECT_EQ(X509_cmp(cert.get(), Parse(der).get()), 0);
  EXPECT_EQ(DerToPem("", "X"), "-----BEGIN X-----\n-----END X-----\n");
}

}  // namespace
}  // namespace certval::testpki
