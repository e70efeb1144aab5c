// Regressions for the hostile review (issue 13): each test mints the attack that certval once
// accepted and asserts that it is refused now, with the finding that says why.
#include <openssl/bytestring.h>
#include <openssl/ec.h>
#include <openssl/ec_key.h>
#include <openssl/evp.h>
#include <openssl/mem.h>

#include <memory>
#include <string>

#include "certval/testing/pki/der_builder.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;
using testpki::Tlv;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

bool HasCode(const ValidationResult& r, absl::string_view code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return true;
  }
  return false;
}

std::string Findings(const ValidationResult& r) {
  std::string out;
  for (const Finding& f : r.findings) out += FormatFinding(f) + "\n";
  return out;
}

CertificatePtr Parse(const std::string& der) {
  auto cert = Certificate::Parse(der);
  EXPECT_TRUE(cert.ok()) << cert.status();
  return cert.ok() ? *cert : nullptr;
}

ValidationResult Validate(std::shared_ptr<const TrustSource> trust, const std::string& leaf,
                          std::vector<std::string> intermediates, absl::string_view host,
                          ValidatorOptions options = {}) {
  options.warning_sink = std::make_shared<NullWarningSink>();
  ValidationRequest request;
  request.leaf = leaf;
  request.intermediates = std::move(intermediates);
  request.peer_name = PeerName::Dns(std::string(host));
  request.time = kNow;
  return Validator(std::move(trust), std::move(options)).Validate(request);
}

// The same P-256 key as `key`, as a SubjectPublicKeyInfo with a compressed point.
std::string CompressedSpki(const Key& key) {
  const EC_KEY* ec = EVP_PKEY_get0_EC_KEY(key.pkey());
  uint8_t point[65];
  size_t point_len = EC_POINT_point2oct(EC_KEY_get0_group(ec), EC_KEY_get0_public_key(ec),
                                        POINT_CONVERSION_COMPRESSED, point, sizeof(point), nullptr);
  static const uint8_t kEcPublicKey[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01};
  static const uint8_t kP256[] = {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};
  CBB cbb, spki, algorithm, oid, bits;
  uint8_t* der = nullptr;
  size_t der_len = 0;
  CBB_init(&cbb, 128);
  CBB_add_asn1(&cbb, &spki, CBS_ASN1_SEQUENCE);
  CBB_add_asn1(&spki, &algorithm, CBS_ASN1_SEQUENCE);
  CBB_add_asn1(&algorithm, &oid, CBS_ASN1_OBJECT);
  CBB_add_bytes(&oid, kEcPublicKey, sizeof(kEcPublicKey));
  CBB_add_asn1(&algorithm, &oid, CBS_ASN1_OBJECT);
  CBB_add_bytes(&oid, kP256, sizeof(kP256));
  CBB_add_asn1(&spki, &bits, CBS_ASN1_BITSTRING);
  CBB_add_u8(&bits, 0);
  CBB_add_bytes(&bits, point, point_len);
  CBB_finish(&cbb, &der, &der_len);
  std::string out(reinterpret_cast<char*>(der), der_len);
  OPENSSL_free(der);
  return out;
}

// Item 1: a presented certificate with a trust anchor's subject and key, but a forged
// self-signature and none of the stored root's constraints, must not stand in for the anchor.
class ForgedAnchorTest : public ::testing::Test {
 protected:
  ForgedAnchorTest() : root_key_(Key::Cached(KeyKind::kEcP256, 70)) {
    root_spec_ = testpki::RootSpec("Constrained Root", kNow);
    root_spec_.nc_permitted = CertSpec::Subtrees{};
    root_spec_.nc_permitted->dns = {"good.test"};
  }

  // The attacker's copy: the anchor's name and public key, without nameConstraints, signed by a
  // key of the attacker's (the anchor's private key is not theirs to use).
  std::string ForgedCopy(CertSpec spec) const {
    spec.spki_override = root_key_.SpkiDer();
    spec.authority_key_id = false;  // would name the attacker's key
    return testpki::SelfSigned(spec, Key::Cached(KeyKind::kEcP256, 71));
  }

  ValidationResult Attack(const CertSpec& stored_root, const CertSpec& forged_root) {
    TestCa root = TestCa::Root(stored_root, root_key_);
    TestCa ica = root.IssueCa(testpki::IntermediateSpec("Intermediate", kNow),
                              Key::Cached(KeyKind::kEcP256, 72));
    std::string leaf =
        ica.Issue(testpki::LeafSpec("evil.test", kNow), Key::Cached(KeyKind::kEcP256, 73));
    auto store = std::make_shared<TrustStore>();
    EXPECT_TRUE(store->AddRootDer(root.cert_der()).ok());
    return Validate(store, leaf, {ica.cert_der(), ForgedCopy(forged_root)}, "evil.test");
  }

  Key root_key_;
  CertSpec root_spec_;
};

TEST_F(ForgedAnchorTest, AnchorNameConstraintsComeFromTheStore) {
  CertSpec forged = root_spec_;
  forged.nc_permitted.reset();
  ValidationResult r = Attack(root_spec_, forged);
  EXPECT_FALSE(r.valid) << Findings(r);
  EXPECT_TRUE(HasCode(r, "name_constraints.not_permitted")) << Findings(r);
  ASSERT_FALSE(r.path.empty());
  EXPECT_EQ(r.path.back()->FindExtension(Der("\x55\x1d\x1e", 3)) != nullptr, true)
      << "the path must end at the stored root, which carries nameConstraints";
}

TEST_F(ForgedAnchorTest, AnchorValidityComesFromTheStore) {
  CertSpec expired = root_spec_;
  expired.nc_permitted.reset();
  expired.not_before = kNow - absl::Hours(24 * 400);
  expired.not_after = kNow - absl::Hours(24 * 30);
  CertSpec forged = expired;
  forged.not_after = kNow + absl::Hours(24 * 365);
  ValidationResult r = Attack(expired, forged);
  EXPECT_FALSE(r.valid) << Findings(r);
  EXPECT_TRUE(HasCode(r, "validity.expired")) << Findings(r);
}

TEST_F(ForgedAnchorTest, AnIdenticalCopyOfTheRootIsStillTheAnchor) {
  CertSpec open = root_spec_;
  open.nc_permitted.reset();
  TestCa root = TestCa::Root(open, root_key_);
  TestCa ica = root.IssueCa(testpki::IntermediateSpec("Intermediate", kNow),
                            Key::Cached(KeyKind::kEcP256, 72));
  std::string leaf =
      ica.Issue(testpki::LeafSpec("a.test", kNow), Key::Cached(KeyKind::kEcP256, 73));
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(root.cert_der()).ok());
  // Servers often send the root too: byte for byte it is the stored one.
  ValidationResult r = Validate(store, leaf, {ica.cert_der(), root.cert_der()}, "a.test");
  EXPECT_TRUE(r.valid) << Findings(r);
  EXPECT_EQ(r.path.size(), 3u);
  EXPECT_EQ(store->GetTrust(*Parse(ForgedCopy(open))).kind, TrustKind::kUnspecified);
}

// Item 11: Distrust names a key, not the bytes one certificate happened to encode it with.
TEST(DistrustTest, AReencodedKeyIsStillDistrusted) {
  const Key ica_key = Key::Cached(KeyKind::kEcP256, 75);
  TestCa root = TestCa::Root(testpki::RootSpec("Root", kNow), Key::Cached(KeyKind::kEcP256, 74));
  TestCa ica = root.IssueCa(testpki::IntermediateSpec("Intermediate", kNow), ica_key);
  CertSpec reissued = testpki::IntermediateSpec("Intermediate", kNow);
  reissued.spki_override = CompressedSpki(ica_key);
  std::string ica_compressed = root.Issue(reissued, ica_key);
  std::string leaf =
      ica.Issue(testpki::LeafSpec("a.test", kNow), Key::Cached(KeyKind::kEcP256, 76));

  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(root.cert_der()).ok());
  // Both encodings are usable: the re-encoded intermediate validates before the distrust.
  ValidationResult before = Validate(store, leaf, {ica_compressed}, "a.test");
  ASSERT_TRUE(before.valid) << Findings(before);

  store->Distrust(*Parse(ica.cert_der()));
  EXPECT_TRUE(store->IsDistrusted(*Parse(ica_compressed)));
  ValidationResult after = Validate(store, leaf, {ica_compressed}, "a.test");
  EXPECT_FALSE(after.valid) << Findings(after);
}

// An intermediate under a fresh trusted root, made from `ica_spec`, issuing a leaf made from
// `leaf_spec`; returns the validation of that leaf.
ValidationResult UnderConstrainedCa(const CertSpec& ica_spec, const CertSpec& leaf_spec,
                                    ValidationRequest request, ValidatorOptions options = {},
                                    std::shared_ptr<const AnchorConstraints> anchor = nullptr) {
  TestCa root = TestCa::Root(testpki::RootSpec("Root", kNow), Key::Cached(KeyKind::kEcP256, 80));
  TestCa ica = root.IssueCa(ica_spec, Key::Cached(KeyKind::kEcP256, 81));
  auto store = std::make_shared<TrustStore>();
  store->AddRoot(Parse(root.cert_der()), std::move(anchor));
  request.leaf = ica.Issue(leaf_spec, Key::Cached(KeyKind::kEcP256, 82));
  request.intermediates = {ica.cert_der()};
  request.time = kNow;
  options.warning_sink = std::make_shared<NullWarningSink>();
  return Validator(store, std::move(options)).Validate(request);
}

// Item 6: with the common-name fallback, a SAN-less leaf's CN is a host name, so DNS constraints
// must judge it.
TEST(CommonNameFallbackTest, TheCommonNameIsSubjectToDnsConstraints) {
  CertSpec ica = testpki::IntermediateSpec("Constrained CA", kNow);
  ica.nc_permitted = CertSpec::Subtrees{};
  ica.nc_permitted->dns = {"good.test"};
  CertSpec leaf = testpki::LeafSpec("evil.test", kNow);
  leaf.dns_sans.clear();  // CN=evil.test only
  ValidationRequest request;
  request.peer_name = PeerName::Dns("evil.test");
  request.allow_common_name_fallback = true;
  request.profile = Profile::kRfc5280;
  ValidationResult r = UnderConstrainedCa(ica, leaf, request);
  EXPECT_FALSE(r.valid) << Findings(r);
  EXPECT_TRUE(HasCode(r, "name_constraints.not_permitted")) << Findings(r);

  leaf.subject = testpki::NameSpec::Cn("www.good.test");
  request.peer_name = PeerName::Dns("www.good.test");
  ValidationResult ok = UnderConstrainedCa(ica, leaf, request);
  EXPECT_TRUE(ok.valid) << Findings(ok);
}

// One RDN: SET { SEQUENCE { OID 2.5.4.<arc>, <tag> value } }.
std::string Rdn(uint8_t arc, uint8_t tag, const std::string& value) {
  return Tlv(0x31, Tlv(0x30, Tlv(0x06, std::string("\x55\x04", 2) + static_cast<char>(arc)) +
                                 Tlv(tag, value)));
}

// Item 8: an excluded directoryName cannot be dodged by spelling the attribute in another string
// type, and a string attribute in a non-string encoding is refused outright.
TEST(DirectoryNameEncodingTest, VisibleStringDoesNotEscapeAnExcludedSubtree) {
  CertSpec ica = testpki::IntermediateSpec("Constrained CA", kNow);
  ica.nc_excluded = CertSpec::Subtrees{};
  ica.nc_excluded->dirs = {testpki::NameSpec{{"O", "Evil Corp"}}};
  CertSpec leaf = testpki::LeafSpec("a.test", kNow);
  // O=Evil Corp as a VisibleString (tag 0x1a), then CN=a.test.
  leaf.subject =
      testpki::NameSpec::Raw(Tlv(0x30, Rdn(10, 0x1a, "Evil Corp") + Rdn(3, 0x0c, "a.test")));
  ValidationRequest request;
  request.peer_name = PeerName::Dns("a.test");
  ValidationResult r = UnderConstrainedCa(ica, leaf, request);
  EXPECT_FALSE(r.valid) << Findings(r);
  EXPECT_TRUE(HasCode(r, "name_constraints.excluded")) << Findings(r);

  // O as an OCTET STRING: not a string at all, so not comparable as text; the leaf is refused.
  leaf.subject =
      testpki::NameSpec::Raw(Tlv(0x30, Rdn(10, 0x04, "Evil Corp") + Rdn(3, 0x0c, "a.test")));
  ValidationResult octets = UnderConstrainedCa(ica, leaf, request);
  EXPECT_FALSE(octets.valid) << Findings(octets);
  EXPECT_TRUE(HasCode(octets, "parse.malformed_leaf")) << Findings(octets);
}

// Item 9: an anchor limited to some purposes limits a validation that asks for no purpose too.
TEST(AnchorPurposeTest, PurposeAnyStillHonoursTheAnchorsAllowedEkus) {
  auto client_only = std::make_shared<AnchorConstraints>();
  client_only->allowed_ekus = {"\x2b\x06\x01\x05\x05\x07\x03\x02"};  // clientAuth
  ValidationRequest request;
  request.peer_name = PeerName::Dns("a.test");
  request.purpose = Purpose::kAny;
  CertSpec ica = testpki::IntermediateSpec("CA", kNow);
  CertSpec server = testpki::LeafSpec("a.test", kNow);  // EKU serverAuth
  ValidationResult r = UnderConstrainedCa(ica, server, request, {}, client_only);
  EXPECT_FALSE(r.valid) << Findings(r);
  EXPECT_TRUE(HasCode(r, "ext_key_usage.anchor_disallows_purpose")) << Findings(r);

  CertSpec unrestricted = server;  // no EKU: usable for anything
  unrestricted.eku.reset();
  request.profile = Profile::kRfc5280;
  ValidationResult none = UnderConstrainedCa(ica, unrestricted, request, {}, client_only);
  EXPECT_TRUE(HasCode(none, "ext_key_usage.anchor_disallows_purpose")) << Findings(none);

  CertSpec client = server;
  client.eku = std::vector<std::string>{"clientAuth"};
  ValidationResult ok = UnderConstrainedCa(ica, client, request, {}, client_only);
  EXPECT_TRUE(ok.valid) << Findings(ok);
}

// Item 11: an IPv4-mapped IPv6 SAN is the IPv4 address it carries, for constraints and matching.
TEST(MappedAddressTest, MappedSanCannotEscapeAnExcludedIpv4Subtree) {
  CertSpec ica = testpki::IntermediateSpec("Constrained CA", kNow);
  ica.nc_excluded = CertSpec::Subtrees{};
  ica.nc_excluded->ip_cidr = {"10.0.0.0/8"};
  CertSpec leaf = testpki::LeafSpec("::ffff:10.0.0.1", kNow);
  leaf.subject = testpki::NameSpec{};
  leaf.san_critical = true;
  for (const char* peer : {"::ffff:10.0.0.1", "10.0.0.1"}) {
    ValidationRequest request;
    request.peer_name = PeerName::Ip(peer);
    ValidationResult r = UnderConstrainedCa(ica, leaf, request);
    EXPECT_FALSE(r.valid) << peer << "\n" << Findings(r);
    EXPECT_TRUE(HasCode(r, "name_constraints.excluded")) << peer << "\n" << Findings(r);
  }
}

// Item 11: the web PKI allows RSA and ECDSA only (CABF BR 6.1.5, 7.1.3.2).
TEST(WebPkiAlgorithmsTest, Ed25519IsRefusedUnderTheWebPkiProfileOnly) {
  CertSpec ica = testpki::IntermediateSpec("CA", kNow);
  TestCa root = TestCa::Root(testpki::RootSpec("Root", kNow), Key::Cached(KeyKind::kEcP256, 83));
  TestCa ed = root.IssueCa(ica, Key::Cached(KeyKind::kEd25519, 84));
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(root.cert_der()).ok());
  std::string leaf =
      ed.Issue(testpki::LeafSpec("a.test", kNow), Key::Cached(KeyKind::kEd25519, 85));
  ValidationResult r = Validate(store, leaf, {ed.cert_der()}, "a.test");
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "signature.algorithm_not_allowed")) << Findings(r);
  EXPECT_TRUE(HasCode(r, "public_key.key_type_not_allowed")) << Findings(r);
}

// Found by the differential oracle (issue 20, fuzz/differential_fuzzer.cc): rfc822Name, dNSName and
// URI are IA5Strings, 7-bit. certval took a SAN with a byte above 0x7F beside a good name and
// accepted the leaf; a root with one was trusted. Now the certificate is malformed wherever it is,
// as Chromium's verifier and a non-ASCII byte in a Name's ASCII string types have it.
TEST(Ia5StringTest, ANonAsciiByteInAGeneralNameMakesTheCertificateMalformed) {
  TestCa root = TestCa::Root(testpki::RootSpec("Root", kNow), Key::Cached(KeyKind::kEcP256, 86));
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(root.cert_der()).ok());
  TestCa ica =
      root.IssueCa(testpki::IntermediateSpec("CA", kNow), Key::Cached(KeyKind::kEcP256, 87));
  for (int kind = 0; kind < 3; ++kind) {
    CertSpec leaf = testpki::LeafSpec("a.test", kNow);
    if (kind == 0) leaf.dns_sans.push_back("b\xE9.test");
    if (kind == 1) leaf.email_sans.push_back("b\xE9@a.test");
    if (kind == 2) leaf.uri_sans.push_back("https://b\xE9.test/");
    EXPECT_FALSE(Certificate::Parse(ica.Issue(leaf, Key::Cached(KeyKind::kEcP256, 88))).ok())
        << kind;
    ValidationResult r = Validate(store, ica.Issue(leaf, Key::Cached(KeyKind::kEcP256, 88)),
                                  {ica.cert_der()}, "a.test");
    EXPECT_FALSE(r.valid) << kind;
    EXPECT_TRUE(HasCode(r, "parse.malformed_leaf")) << kind << "\n" << Findings(r);
  }
  // In a root's SAN: not an anchor at all.
  CertSpec odd_root = testpki::RootSpec("Odd Root", kNow);
  odd_root.dns_sans = {"r\xE9.test"};
  EXPECT_FALSE(
      store->AddRootDer(TestCa::Root(odd_root, Key::Cached(KeyKind::kEcP256, 89)).cert_der()).ok());
  // In an intermediate's name constraints: no path through it.
  CertSpec odd_ica = testpki::IntermediateSpec("Odd CA", kNow);
  odd_ica.nc_permitted = CertSpec::Subtrees{};
  odd_ica.nc_permitted->dns = {"\xE9.test"};
  TestCa constrained = root.IssueCa(odd_ica, Key::Cached(KeyKind::kEcP256, 90));
  ValidationResult r = Validate(
      store,
      constrained.Issue(testpki::LeafSpec("a.test", kNow), Key::Cached(KeyKind::kEcP256, 91)),
      {constrained.cert_der()}, "a.test");
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root")) << Findings(r);
}

// Found by the differential oracle too: a PrintableString holds X.680's characters only (Chromium's
// verifier, like certval now, also takes '*'). A root whose issuer said "Scott\x05\x00\x00 e" was
// trusted; a leaf with a NUL in a PrintableString subject was accepted.
TEST(PrintableStringTest, ACharacterOutsideTheSetMakesTheNameMalformed) {
  TestCa root = TestCa::Root(testpki::RootSpec("Root", kNow), Key::Cached(KeyKind::kEcP256, 92));
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(root.cert_der()).ok());
  TestCa ica =
      root.IssueCa(testpki::IntermediateSpec("CA", kNow), Key::Cached(KeyKind::kEcP256, 93));
  CertSpec leaf = testpki::LeafSpec("a.test", kNow);
  for (const std::string& o : {std::string("Acme\0Corp", 9), std::string("Acme\x05"),
                               std::string("Acme@Corp"), std::string("Acme_Corp")}) {
    leaf.subject = testpki::NameSpec::Raw(Tlv(0x30, Rdn(10, 0x13, o) + Rdn(3, 0x0c, "a.test")));
    ValidationResult r = Validate(store, ica.Issue(leaf, Key::Cached(KeyKind::kEcP256, 94)),
                                  {ica.cert_der()}, "a.test");
    EXPECT_FALSE(r.valid) << o;
    EXPECT_TRUE(HasCode(r, "parse.malformed_leaf")) << o << "\n" << Findings(r);
  }
  // The PrintableString set, and '*', still parse.
  leaf.subject = testpki::NameSpec::Raw(
      Tlv(0x30, Rdn(10, 0x13, "Acme (Test) Co. 'A'+B,C-D/E:F=G?*") + Rdn(3, 0x0c, "a.test")));
  ValidationResult good = Validate(store, ica.Issue(leaf, Key::Cached(KeyKind::kEcP256, 94)),
                                   {ica.cert_der()}, "a.test");
  EXPECT_TRUE(good.valid) << Findings(good);
  // A root named with a control byte is no anchor.
  CertSpec odd_root = testpki::RootSpec("Odd Root", kNow);
  odd_root.subject = testpki::NameSpec::Raw(Tlv(0x30, Rdn(3, 0x13, "Scott\x05 e")));
  EXPECT_FALSE(
      store->AddRootDer(TestCa::Root(odd_root, Key::Cached(KeyKind::kEcP256, 95)).cert_der()).ok());
}

}  // namespace
}  // namespace certval
