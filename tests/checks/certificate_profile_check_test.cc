#include "certval/validator/checks/certificate_profile_check.h"

#include "absl/strings/escaping.h"
#include "certval/testing/pki/der_builder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::NameSpec;
using testpki::RawExtension;
using testpki::Tlv;

const CertificateProfileCheck kCheck;

RunOptions With(Profile profile) {
  RunOptions options;
  options.profile = profile;
  return options;
}
RunOptions Strict() { return With(Profile::kRfc5280Strict); }
RunOptions Rfc5280() { return With(Profile::kRfc5280); }

// authorityKeyIdentifier value: keyIdentifier [0] when given, authorityCertIssuer [1] (a
// directoryName) and authorityCertSerialNumber [2] when `with_issuer_serial`.
RawExtension Aki(std::optional<std::string> key_id, bool with_issuer_serial,
                 bool critical = false) {
  std::string fields;
  if (key_id) fields += Tlv(0x80, *key_id);
  if (with_issuer_serial) {
    fields += Tlv(0xa1, Tlv(0xa4, testpki::EncodeName(NameSpec::Cn("Some CA"))));
    fields += Tlv(0x82, "\x01");
  }
  return {"2.5.29.35", critical, Tlv(0x30, fields)};
}

const std::string kKeyIdA(20, '\x11');
const std::string kKeyIdB(20, '\x22');

TEST(CertificateProfileCheck, ValidChain) {
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build(), Strict()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build(), Rfc5280()), IsEmpty());
}

// RFC 5280 6.1 checks none of section 4's encoding rules (PKITS expects, e.g., a non-critical
// policyConstraints to pass): under rfc5280 this check has nothing to say.
TEST(CertificateProfileCheck, Rfc5280AppliesNoEncodingRule) {
  ChainSpec spec;
  spec.leaf.serial = std::string(1, '\0');
  spec.leaf.subject = NameSpec{};  // and a non-critical SAN
  spec.leaf.authority_key_id = false;
  spec.leaf.nc_permitted = CertSpec::Subtrees{{"example.test"}};
  spec.intermediate.subject_key_id = false;
  spec.intermediate.extra.push_back({"2.5.29.36", false, absl::HexStringToBytes("3003800100")});
  spec.intermediate.nc_permitted = CertSpec::Subtrees{{"example.test"}};
  spec.intermediate.nc_critical = false;
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path, Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Strict()),
              ElementsAre("certificate_profile.serial_zero@0",
                          "certificate_profile.san_not_critical_with_empty_subject@0",
                          "certificate_profile.aki_missing@0",
                          "certificate_profile.name_constraints_in_ee@0",
                          "certificate_profile.ski_missing@1",
                          "certificate_profile.policy_constraints_not_critical@1",
                          "certificate_profile.name_constraints_not_critical@1"));
  EXPECT_THAT(RunCheck(kCheck, path),
              ElementsAre("certificate_profile.serial_zero@0",
                          "certificate_profile.san_not_critical_with_empty_subject@0",
                          "certificate_profile.aki_missing@0",
                          "certificate_profile.name_constraints_in_ee@0",
                          "certificate_profile.ski_missing@1",
                          "certificate_profile.policy_constraints_not_critical@1"));
}

// --- serialNumber ---

TEST(CertificateProfileCheck, SerialZero) {
  ChainSpec spec;
  spec.leaf.serial = std::string(1, '\0');
  spec.intermediate.serial = std::string(1, '\0');
  EXPECT_THAT(
      RunCheck(kCheck, spec.Build(), Strict()),
      ElementsAre("certificate_profile.serial_zero@0", "certificate_profile.serial_zero@1"));
}

TEST(CertificateProfileCheck, SerialOfTheAnchorIsNotJudged) {
  ChainSpec spec;
  spec.root.serial = std::string(1, '\0');
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(CertificateProfileCheck, SerialNegative) {
  ChainSpec spec;
  spec.leaf.serial = std::string("\xff\x01", 2);
  spec.leaf.serial_verbatim = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("certificate_profile.serial_negative@0"));
}

TEST(CertificateProfileCheck, SerialLength) {
  ChainSpec spec;
  spec.leaf.serial = std::string(20, '\x81');  // 20 octets; encoded with a 0x00 sign octet
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
  spec.leaf.serial = std::string(21, '\x01');
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("certificate_profile.serial_too_long@0"));
}

// --- version ---

TEST(CertificateProfileCheck, WebPkiRequiresV3) {
  ChainSpec spec;
  spec.leaf.version = 2;  // v2 carries no extensions, so no authorityKeyIdentifier either
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path),
              ElementsAre("certificate_profile.not_v3@0", "certificate_profile.aki_missing@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Strict()), ElementsAre("certificate_profile.aki_missing@0"));
}

// --- subject and subjectAltName ---

TEST(CertificateProfileCheck, CaWithEmptySubject) {
  ChainSpec spec;
  spec.leaf.ca = true;
  spec.leaf.subject = NameSpec{};
  spec.leaf.san_critical = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.ca_subject_empty@0"));
}

TEST(CertificateProfileCheck, EmptySubjectNeedsACriticalSan) {
  ChainSpec spec;
  spec.leaf.subject = NameSpec{};
  spec.leaf.san_critical = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
  spec.leaf.san_critical = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.san_not_critical_with_empty_subject@0"));
  spec.leaf.dns_sans.clear();
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.san_missing_for_empty_subject@0"));
}

TEST(CertificateProfileCheck, CriticalSanWithSubjectOnlyUnderWebPki) {
  ChainSpec spec;
  spec.leaf.san_critical = true;
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("certificate_profile.san_critical@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Strict()), IsEmpty());
}

// --- authorityKeyIdentifier ---

TEST(CertificateProfileCheck, CriticalAki) {
  ChainSpec spec;
  spec.leaf.authority_key_id = false;
  spec.leaf.extra.push_back(Aki(kKeyIdA, false, /*critical=*/true));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.aki_critical@0"));
}

TEST(CertificateProfileCheck, AkiMissingOnLeafOrIntermediate) {
  ChainSpec spec;
  spec.leaf.authority_key_id = false;
  spec.intermediate.authority_key_id = false;
  EXPECT_THAT(
      RunCheck(kCheck, spec.Build(), Strict()),
      ElementsAre("certificate_profile.aki_missing@0", "certificate_profile.aki_missing@1"));
}

TEST(CertificateProfileCheck, SelfSignedRootMayOmitAki) {
  ChainSpec spec;
  spec.root.authority_key_id = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(CertificateProfileCheck, AnchorThatIsNotSelfSignedNeedsAki) {
  ChainSpec spec;
  spec.intermediate.authority_key_id = false;
  auto path = spec.Build();
  // The intermediate is trusted as the anchor: a cross-signed "root".
  EXPECT_THAT(RunCheck(kCheck, {path[0], path[1]}, Strict()),
              ElementsAre("certificate_profile.aki_missing@1"));
}

TEST(CertificateProfileCheck, SelfIssuedWithAnotherKeyIsNotSelfSigned) {
  // A key rollover: the root's name, a new key, signed by the old root key.
  ChainSpec spec;
  testpki::TestCa root = testpki::TestCa::Root(spec.root, spec.root_key);
  CertSpec rollover = spec.root;
  rollover.authority_key_id = false;
  testpki::TestCa next = root.IssueCa(rollover, Key::Cached(KeyKind::kEcP256, 9));
  std::vector<CertificatePtr> path = {ParseOrDie(next.Issue(spec.leaf, spec.leaf_key)),
                                      ParseOrDie(next.cert_der()), ParseOrDie(root.cert_der())};
  ASSERT_TRUE(path[1]->self_issued());
  EXPECT_THAT(RunCheck(kCheck, path, Strict()), ElementsAre("certificate_profile.aki_missing@1"));
}

TEST(CertificateProfileCheck, AkiWithoutKeyIdentifier) {
  ChainSpec spec;
  spec.leaf.authority_key_id = false;
  spec.leaf.extra.push_back(Aki(std::nullopt, /*with_issuer_serial=*/true));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.aki_missing_key_id@0"));
}

TEST(CertificateProfileCheck, RootAkiUnderWebPki) {
  struct Case {
    std::optional<std::string> key_id;
    bool issuer_serial;
    std::vector<std::string> expected;
  };
  const Case cases[] = {
      {kKeyIdA, false, {}},
      {kKeyIdB, false, {"certificate_profile.root_aki_ski_mismatch@1"}},
      {std::nullopt,
       true,
       {"certificate_profile.root_aki_missing_key_id@1",
        "certificate_profile.root_aki_issuer_serial@1"}},
      {kKeyIdA, true, {"certificate_profile.root_aki_issuer_serial@1"}},
  };
  for (const Case& c : cases) {
    ChainSpec spec;
    spec.with_intermediate = false;
    spec.root.subject_key_id_override = kKeyIdA;
    spec.root.authority_key_id = false;
    spec.root.extra.push_back(Aki(c.key_id, c.issuer_serial));
    auto path = spec.Build();
    EXPECT_EQ(RunCheck(kCheck, path), c.expected);
    EXPECT_THAT(RunCheck(kCheck, path, Strict()), IsEmpty());
  }
}

// --- subjectKeyIdentifier ---

TEST(CertificateProfileCheck, SkiMissingOnCa) {
  ChainSpec spec;
  spec.intermediate.subject_key_id = false;
  spec.root.subject_key_id = false;
  spec.leaf.subject_key_id = false;  // fine on a leaf
  EXPECT_THAT(
      RunCheck(kCheck, spec.Build(), Strict()),
      ElementsAre("certificate_profile.ski_missing@1", "certificate_profile.ski_missing@2"));
}

TEST(CertificateProfileCheck, CriticalSki) {
  ChainSpec spec;
  spec.root.subject_key_id = false;
  spec.root.authority_key_id = false;
  spec.root.extra.push_back({"2.5.29.14", true, Tlv(0x04, kKeyIdA)});
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.ski_critical@2"));
}

// --- authorityInfoAccess, policyConstraints ---

TEST(CertificateProfileCheck, AiaMustNotBeCritical) {
  ChainSpec spec;
  RawExtension aia =
      testpki::AiaExtension({"http://ocsp.example.test"}, {"http://ca.example.test"});
  spec.leaf.extra.push_back(aia);
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()), IsEmpty());
  spec.leaf.extra.back().critical = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("certificate_profile.aia_critical@0"));
}

TEST(CertificateProfileCheck, PolicyConstraintsMustBeCritical) {
  ChainSpec spec;
  spec.intermediate.extra.push_back({"2.5.29.36", false, absl::HexStringToBytes("3003800100")});
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path),
              ElementsAre("certificate_profile.policy_constraints_not_critical@1"));
  EXPECT_THAT(RunCheck(kCheck, path, Strict()),
              ElementsAre("certificate_profile.policy_constraints_not_critical@1"));
  EXPECT_THAT(RunCheck(kCheck, path, Rfc5280()), IsEmpty());  // 6.1.4 (i) reads it either way
  spec.intermediate.extra.back().critical = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

// --- nameConstraints ---

TEST(CertificateProfileCheck, NameConstraintsOnlyInCas) {
  for (bool critical : {true, false}) {
    ChainSpec spec;
    spec.leaf.nc_permitted = CertSpec::Subtrees{{"example.test"}};
    spec.leaf.nc_critical = critical;
    EXPECT_THAT(RunCheck(kCheck, spec.Build()),
                ElementsAre("certificate_profile.name_constraints_in_ee@0"));
  }
  ChainSpec ca_leaf;
  ca_leaf.leaf.ca = true;
  ca_leaf.leaf.nc_permitted = CertSpec::Subtrees{{"example.test"}};
  EXPECT_THAT(RunCheck(kCheck, ca_leaf.Build(), Strict()), IsEmpty());
}

TEST(CertificateProfileCheck, NonCriticalNameConstraintsOnlyRefusedUnderRfc5280Strict) {
  ChainSpec spec;
  spec.intermediate.nc_permitted = CertSpec::Subtrees{{"example.test"}};
  spec.intermediate.nc_critical = false;
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path, Strict()),
              ElementsAre("certificate_profile.name_constraints_not_critical@1"));
  EXPECT_THAT(RunCheck(kCheck, path), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Rfc5280()), IsEmpty());
}

// --- subject commonName (CABF BR 7.1.4.3) ---

struct CnCase {
  const char* cn;
  std::vector<std::string> dns;
  std::vector<std::string> ip;
  bool ok;
};

std::vector<std::string> RunCn(const CnCase& c, Profile profile = Profile::kWebPki) {
  ChainSpec spec;
  spec.leaf.subject = NameSpec::Cn(c.cn);
  spec.leaf.dns_sans = c.dns;
  spec.leaf.ip_sans = c.ip;
  RunOptions options;
  options.profile = profile;
  return RunCheck(kCheck, spec.Build(), options);
}

TEST(CertificateProfileCheck, CommonNameMustCopyASan) {
  const CnCase cases[] = {
      {"example.com", {"example.com"}, {}, true},
      {"b.example.com", {"a.example.com", "b.example.com"}, {}, true},
      {"*.example.com", {"*.example.com", "example.com"}, {}, true},
      {"Example.COM", {"example.com"}, {}, false},
      {"notinsan.example.com", {"valid.example.com", "another.example.com"}, {}, false},
      {"xn--nxasmq6b.com", {"xn--n3h.com"}, {}, false},
      {"test-\xe6\xb8\xac\xe8\xa9\xa6.com", {"xn--test--wg5h0h.com"}, {}, false},
      {"192.168.1.1", {}, {"192.168.1.1"}, true},
      {"192.168.1.1", {"example.com"}, {"10.0.0.1", "192.168.1.1"}, true},
      {"0xC0A80101", {}, {"192.168.1.1"}, false},
      {"192.168.001.001", {}, {"192.168.1.1"}, false},
      {"3232235777", {}, {"192.168.1.1"}, false},
      {"2001:db8::8a2e:370:7334", {}, {"2001:db8::8a2e:370:7334"}, true},
      {"2001:DB8::8A2E:370:7334", {}, {"2001:db8::8a2e:370:7334"}, false},
      {"2001:0db8:0000:0000:0000:0000:0000:0001", {}, {"2001:db8::1"}, false},
      {"2001:db8::1:0:0:1", {}, {"2001:db8::1:0:0:1"}, true},
      {"2001:db8:0:0:1:0:0:1", {}, {"2001:db8::1:0:0:1"}, false},
      // Nothing of the CN's kind to copy: left alone (x509-limbo's valid cases look like this).
      {"example.com", {"*.example.com"}, {}, true},
      {"example.com", {}, {"127.0.0.1"}, true},
      {"192.168.1.1", {"example.com"}, {}, true},
  };
  for (const CnCase& c : cases) {
    if (c.ok) {
      EXPECT_THAT(RunCn(c), IsEmpty()) << c.cn;
    } else {
      EXPECT_THAT(RunCn(c), ElementsAre("certificate_profile.cn_not_in_san@0")) << c.cn;
      EXPECT_THAT(RunCn(c, Profile::kRfc5280), IsEmpty()) << c.cn;
      EXPECT_THAT(RunCn(c, Profile::kRfc5280Strict), IsEmpty()) << c.cn;
    }
  }
}

TEST(CertificateProfileCheck, CommonNameOfCasIsNotJudged) {
  ChainSpec spec;
  spec.intermediate.dns_sans = {"other.example.com"};
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

// --- a certificate trusted exactly ---

TEST(CertificateProfileCheck, CertificateTrustedExactlyIsNotJudged) {
  ChainSpec spec;
  spec.leaf.authority_key_id = false;
  spec.leaf.serial = std::string(1, '\0');
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {spec.Build()[0]}, options), IsEmpty());
}

// --- whom the rules bind: root-program and private anchors ---

RunOptions Private(Profile profile = Profile::kWebPki) {
  RunOptions options = With(profile);
  options.anchor.origin = AnchorOrigin::kPrivate;
  return options;
}

// The BRs bind root programs' CAs: below a private anchor their issuance rules are advisory under
// webpki; rfc5280_strict asked for section 4 on every path.
TEST(CertificateProfileCheck, IssuanceRulesAreAdvisoryBelowAPrivateAnchor) {
  ChainSpec spec;
  spec.leaf.subject = NameSpec::Cn("www.example.test");
  spec.leaf.dns_sans = {"api.example.test"};  // BetterTLS's shape: the CN is not a SAN
  spec.intermediate.subject_key_id = false;
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("certificate_profile.cn_not_in_san@0",
                                                  "certificate_profile.ski_missing@1"));
  EXPECT_THAT(RunCheck(kCheck, path, Private()),
              ElementsAre("certificate_profile.cn_not_in_san@0 (advisory)",
                          "certificate_profile.ski_missing@1 (advisory)"));
  EXPECT_THAT(RunCheck(kCheck, path, Private(Profile::kRfc5280Strict)),
              ElementsAre("certificate_profile.ski_missing@1"));
}

// --- the trust anchor under webpki: the BR root profile, by the root's notBefore ---

absl::Time Day(int year, int month, int day) {
  return absl::FromCivil(absl::CivilDay(year, month, day), absl::UTCTimeZone());
}

// Go Daddy Class 2's shape (2004): an authorityKeyIdentifier with issuer and serial, no SKI.
ChainSpec GoDaddyShapedRoot(absl::Time not_before) {
  ChainSpec spec;
  spec.root.not_before = not_before;
  spec.root.subject_key_id = false;
  spec.root.authority_key_id = false;
  spec.root.extra.push_back(Aki(kKeyIdA, /*with_issuer_serial=*/true));
  return spec;
}

TEST(CertificateProfileCheck, RootKeyIdentifierRulesBindRootsIssuedSince2023_09_15) {
  for (absl::Time before : {Day(2004, 6, 29), Day(2023, 9, 14)}) {
    auto path = GoDaddyShapedRoot(before).Build();
    EXPECT_THAT(RunCheck(kCheck, path), IsEmpty()) << before;
    // rfc5280_strict holds the anchor to section 4 whatever its age.
    EXPECT_THAT(RunCheck(kCheck, path, Strict()), ElementsAre("certificate_profile.ski_missing@2"))
        << before;
  }
  auto path = GoDaddyShapedRoot(Day(2023, 9, 15)).Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("certificate_profile.root_aki_issuer_serial@2",
                                                  "certificate_profile.ski_missing@2"));
  EXPECT_THAT(RunCheck(kCheck, path, Private()),
              ElementsAre("certificate_profile.root_aki_issuer_serial@2 (advisory)",
                          "certificate_profile.ski_missing@2 (advisory)"));
}

// A notBefore before the v3 format existed (June 1996) is back-dated, as x509-limbo's 1970-01-01
// roots are: it proves no age, so every root rule applies.
TEST(CertificateProfileCheck, BackdatedRootGetsEveryRootRule) {
  auto path = GoDaddyShapedRoot(absl::FromUnixSeconds(1)).Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("certificate_profile.root_aki_issuer_serial@2",
                                                  "certificate_profile.ski_missing@2"));
  EXPECT_THAT(RunCheck(kCheck, GoDaddyShapedRoot(Day(1996, 6, 1)).Build()), IsEmpty());
}

TEST(CertificateProfileCheck, RootCriticalAkiAndSkiBySameDate) {
  ChainSpec spec;
  spec.root.authority_key_id = false;
  spec.root.subject_key_id = false;
  spec.root.extra.push_back({"2.5.29.14", true, Tlv(0x04, kKeyIdA)});
  spec.root.extra.push_back(Aki(kKeyIdA, false, /*critical=*/true));
  spec.root.not_before = Day(2024, 1, 1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("certificate_profile.aki_critical@2",
                                                          "certificate_profile.ski_critical@2"));
  spec.root.not_before = Day(2015, 1, 1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(CertificateProfileCheck, RootVersion3SinceBr1) {
  ChainSpec spec;
  spec.root.version = 1;
  spec.root.not_before = Day(2012, 7, 1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("certificate_profile.not_v3@2"));
  spec.root.not_before = Day(2006, 11, 8);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

// Section 4 rules outside the BR root profile do not judge a webpki anchor at all.
TEST(CertificateProfileCheck, WebPkiAnchorIsJudgedByTheRootProfileOnly) {
  ChainSpec spec;
  spec.root.san_critical = true;
  spec.root.dns_sans = {"root.example.test"};
  spec.root.extra.push_back(
      {"2.5.29.36", false, absl::HexStringToBytes("3003800100")});  // policyConstraints
  RawExtension aia = testpki::AiaExtension({"http://ocsp.example.test"}, {});
  aia.critical = true;
  spec.root.extra.push_back(aia);
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Strict()),
              ElementsAre("certificate_profile.aia_critical@2",
                          "certificate_profile.policy_constraints_not_critical@2"));
}

}  // namespace
}  // namespace certval::checktest
