// Crl::Parse on the vendored NIST PKITS CRLs (real-world encodings) and on hand-broken ones.
#include "certval/validator/crl.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_revocation.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

std::string PkitsFile(const std::string& name) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  const std::string path =
      absl::StrCat(srcdir ? srcdir : ".", "/", workspace ? workspace : "certval",
                   "/third_party/nist-pkits/", name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

CrlPtr MustParse(const std::string& name) {
  auto crl = Crl::Parse(PkitsFile("crls/" + name));
  EXPECT_TRUE(crl.ok()) << name << ": " << crl.status();
  return crl.ok() ? *crl : nullptr;
}

TEST(CrlTest, ParsesAPlainCrl) {
  CrlPtr crl = MustParse("GoodCACRL.crl");
  ASSERT_NE(crl, nullptr);
  EXPECT_EQ(crl->version(), 2);
  EXPECT_EQ(crl->signature_algorithm(), SignatureAlgorithm::kRsaPkcs1Sha256);
  EXPECT_EQ(crl->issuer().Texts(Der("\x55\x04\x03", 3)).back(), "Good CA");
  EXPECT_FALSE(crl->is_delta());
  EXPECT_FALSE(crl->crl_number().empty());
  ASSERT_TRUE(crl->next_update().has_value());
  EXPECT_LT(crl->this_update(), *crl->next_update());
  EXPECT_EQ(crl->entries().size(), 2u);
}

TEST(CrlTest, RejectsUnknownCriticalExtensions) {
  // PKITS 4.4.8-4.4.10: an unknown critical entry extension, or CRL extension.
  for (const char* name : {"UnknownCRLEntryExtensionCACRL.crl", "UnknownCRLExtensionCACRL.crl"}) {
    auto crl = Crl::Parse(PkitsFile(absl::StrCat("crls/", name)));
    ASSERT_FALSE(crl.ok()) << name;
    EXPECT_NE(crl.status().message().find("unknown critical"), std::string::npos) << crl.status();
  }
}

TEST(CrlTest, DeltaCrlNamesItsBase) {
  CrlPtr delta = MustParse("deltaCRLCA1deltaCRL.crl");
  ASSERT_NE(delta, nullptr);
  ASSERT_TRUE(delta->is_delta());
  CrlPtr base = MustParse("deltaCRLCA1CRL.crl");
  ASSERT_NE(base, nullptr);
  EXPECT_LE(CompareIntegers(*delta->delta_base(), base->crl_number()), 0);
  EXPECT_GT(CompareIntegers(delta->crl_number(), base->crl_number()), 0);
}

TEST(CrlTest, CompareIntegersByValue) {
  EXPECT_EQ(CompareIntegers(Der("\x01", 1), Der("\x01", 1)), 0);
  EXPECT_LT(CompareIntegers(Der("\x01", 1), Der("\x02", 1)), 0);
  EXPECT_LT(CompareIntegers(Der("\x7f", 1), Der("\x00\x80", 2)), 0);
  EXPECT_GT(CompareIntegers(Der("\x01\x00", 2), Der("\x7f", 1)), 0);
  EXPECT_LT(CompareIntegers(Der("\xff", 1), Der("\x00", 1)), 0);  // -1 < 0
}

TEST(CrlTest, FindsEntriesBySerial) {
  CrlPtr crl = MustParse("GoodCACRL.crl");
  ASSERT_NE(crl, nullptr);
  for (const CrlEntry& e : crl->entries()) {
    EXPECT_EQ(crl->Find(e.serial, crl->issuer()), &e);
  }
  EXPECT_EQ(crl->Find(Der("\x7e\x7e\x7e", 3), crl->issuer()), nullptr);
}

TEST(CrlTest, EveryPkitsCrlButTheBrokenOnesParses) {
  for (const char* name : {"TrustAnchorRootCRL.crl", "GoodCACRL.crl", "indirectCRLCA1CRL.crl",
                           "indirectCRLCA3cRLIssuerCRL.crl", "onlySomeReasonsCA1compromiseCRL.crl",
                           "deltaCRLCA1deltaCRL.crl"}) {
    EXPECT_NE(MustParse(name), nullptr) << name;
  }
}

TEST(CrlTest, IndirectCrlEntriesBelongToTheirCertificateIssuer) {
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  const testpki::Key key = testpki::Key::Cached(testpki::KeyKind::kEcP256, 50);
  testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec("CRL Issuer", now), key);
  const std::string b = testpki::EncodeName(testpki::NameSpec::Cn("B")),
                    c = testpki::EncodeName(testpki::NameSpec::Cn("C"));
  testpki::CrlSpec spec = testpki::CrlSpecFor(ca, now);
  spec.issuing_distribution_point = testpki::IdpValue(false, false, /*indirect=*/true);
  spec.entries = {{"\x01", now, std::nullopt, std::nullopt, {}},
                  {"\x02", now, std::nullopt, b, {}},
                  {"\x03", now, std::nullopt, c, {}},
                  {"\x04", now, std::nullopt, b, {}},  // B again: the same group as before
                  {"\x05", now, std::nullopt, std::nullopt, {}}};  // still B's
  auto crl = Crl::Parse(testpki::IssueCrl(spec, key));
  ASSERT_TRUE(crl.ok()) << crl.status();
  Name name_b, name_c;
  ASSERT_TRUE(ParseName(b, &name_b).ok());
  ASSERT_TRUE(ParseName(c, &name_c).ok());
  const Crl& k = **crl;
  EXPECT_EQ(k.certificate_issuers().size(), 2u);
  EXPECT_NE(k.Find(Der("\x01", 1), k.issuer()), nullptr);
  EXPECT_EQ(k.Find(Der("\x02", 1), k.issuer()), nullptr);
  for (const char* serial : {"\x02", "\x04", "\x05"}) {
    EXPECT_NE(k.Find(Der(serial, 1), name_b), nullptr) << int(serial[0]);
    EXPECT_EQ(k.Find(Der(serial, 1), name_c), nullptr) << int(serial[0]);
  }
  EXPECT_NE(k.Find(Der("\x03", 1), name_c), nullptr);

  // Without indirectCRL, a certificateIssuer entry makes the CRL unusable.
  spec.issuing_distribution_point.reset();
  auto direct = Crl::Parse(testpki::IssueCrl(spec, key));
  ASSERT_FALSE(direct.ok());
  EXPECT_NE(direct.status().message().find("not indirect"), std::string::npos) << direct.status();
}

TEST(CrlTest, SerialsSharingTheirFirstOctetsAreFoundExactly) {
  // 3,000 serials with the same 8-octet prefix and lengths 9 to 11: the prefix index cannot tell
  // them apart, the full comparison must.
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  const testpki::Key key = testpki::Key::Cached(testpki::KeyKind::kEcP256, 51);
  testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec("Prefix CA", now), key);
  testpki::CrlSpec spec = testpki::CrlSpecFor(ca, now);
  std::vector<std::string> serials;
  for (int i = 0; i < 3000; ++i) {
    std::string s = std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8) + static_cast<char>(i % 251);
    if (i >= 251) s += static_cast<char>(i / 251);
    if (i % 2) s += '\x00';
    serials.push_back(s);
  }
  std::sort(serials.begin(), serials.end());
  serials.erase(std::unique(serials.begin(), serials.end()), serials.end());
  for (size_t i = 0; i < serials.size(); i += 2)
    spec.entries.push_back({serials[i], now, std::nullopt, std::nullopt, {}});
  auto crl = Crl::Parse(testpki::IssueCrl(spec, key));
  ASSERT_TRUE(crl.ok()) << crl.status();
  for (size_t i = 0; i < serials.size(); ++i) {
    EXPECT_EQ((*crl)->Find(serials[i], (*crl)->issuer()) != nullptr, i % 2 == 0) << i;
  }
}

TEST(CrlTest, ManyExtensionsAreRefusedQuickly) {
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  const testpki::Key key = testpki::Key::Cached(testpki::KeyKind::kEcP256, 52);
  testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec("Extensions CA", now), key);
  testpki::CrlSpec spec = testpki::CrlSpecFor(ca, now);
  for (int i = 0; i < 31; ++i)
    spec.extra.push_back({absl::StrCat("1.3.6.1.4.1.55738.9.", i), false, "\x05\x00"});
  EXPECT_TRUE(Crl::Parse(testpki::IssueCrl(spec, key)).ok());  // 32 with cRLNumber
  for (int i = 31; i < 20000; ++i)
    spec.extra.push_back({absl::StrCat("1.3.6.1.4.1.55738.9.", i), false, "\x05\x00"});
  const absl::Time start = absl::Now();
  auto many = Crl::Parse(testpki::IssueCrl(spec, key));
  ASSERT_FALSE(many.ok());
  EXPECT_NE(many.status().message().find("more than 32 CRL extensions"), std::string::npos)
      << many.status();
  EXPECT_LT(absl::Now() - start, absl::Seconds(1));
}

TEST(CrlTest, HostileInputEndsInAnErrorNotACrash) {
  const std::string good = PkitsFile("crls/GoodCACRL.crl");
  // Every truncation, and every single-byte corruption of the header area.
  for (size_t n = 0; n < good.size(); ++n) EXPECT_FALSE(Crl::Parse(good.substr(0, n)).ok()) << n;
  for (size_t i = 0; i < 64 && i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= 0x5a;
    (void)Crl::Parse(bad);  // must not crash; may or may not parse
  }
  // The budget stops a parse of many entries.
  int charged = 0;
  auto stopped = Crl::Parse(good, [&](int64_t n) {
    charged += static_cast<int>(n);
    return false;
  });
  ASSERT_FALSE(stopped.ok());
  EXPECT_NE(stopped.status().message().find("budget"), std::string::npos) << stopped.status();
  EXPECT_GT(charged, 0);
}

}  // namespace
}  // namespace certval
