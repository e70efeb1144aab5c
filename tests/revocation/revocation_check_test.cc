// The revocation check end to end through the Validator, on minted PKIs and CRLs: statuses in the
// result, finding codes and severities under each policy, sources, and the limits.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CrlSpec;
using testpki::KeyKind;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

class RevocationTest : public ::testing::Test {
 protected:
  RevocationTest() : chain_(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)) {
    store_ = std::make_shared<TrustStore>();
    EXPECT_TRUE(store_->AddRootDer(chain_.root).ok());
  }

  // Empty CRLs from the root (for the intermediate) and the intermediate (for the leaf).
  CrlSpec RootCrl() const { return testpki::CrlSpecFor(chain_.root_ca(), kNow); }
  CrlSpec IntermediateCrl() const { return testpki::CrlSpecFor(chain_.intermediate_ca(), kNow); }
  std::string Root(const CrlSpec& s) const { return testpki::IssueCrl(s, chain_.root_key); }
  std::string Inter(const CrlSpec& s) const {
    return testpki::IssueCrl(s, chain_.intermediate_key);
  }

  ValidationRequest Request(std::vector<std::string> crls) const {
    ValidationRequest r;
    r.leaf = chain_.leaf;
    r.intermediates = {chain_.intermediate};
    r.peer_name = PeerName::Dns("example.test");
    r.time = kNow;
    r.crls = std::move(crls);
    return r;
  }

  ValidationResult Validate(const ValidationRequest& r, ValidatorOptions options = {}) const {
    options.warning_sink = std::make_shared<NullWarningSink>();
    return Validator(store_, options).Validate(r);
  }

  static ValidatorOptions HardFail() {
    ValidatorOptions o;
    o.revocation.unknown = UnknownStatus::kHardFail;
    return o;
  }

  static std::vector<std::string> Codes(const ValidationResult& r, Severity severity) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      if (f.severity == severity) out.push_back(absl::StrCat(f.code, "@", f.cert_index));
    }
    return out;
  }

  testpki::CrlEntrySpec Revoke(const std::string& cert, int reason) const {
    return {testpki::SerialOf(cert), kNow - absl::Hours(2), reason, std::nullopt, {}};
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
};

TEST_F(RevocationTest, NoRevocationDataMeansNoFindingAndNoStatus) {
  ValidationResult r = Validate(Request({}), HardFail());
  EXPECT_TRUE(r.valid) << r.ErrorSummary();
  EXPECT_TRUE(r.revocation.empty());
  EXPECT_TRUE(Codes(r, Severity::kWarning).empty());
}

TEST_F(RevocationTest, CoveredChainIsGoodWithItsSources) {
  ValidationResult r = Validate(Request({Root(RootCrl()), Inter(IntermediateCrl())}), HardFail());
  ASSERT_TRUE(r.valid) << r.ErrorSummary();
  ASSERT_EQ(r.revocation.size(), 2u);
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(r.revocation[i].cert_index, i);
    EXPECT_EQ(r.revocation[i].state, RevocationState::kGood);
  }
  EXPECT_TRUE(absl::StrContains(r.revocation[0].source, "certval Test Intermediate CA"))
      << r.revocation[0].source;
  EXPECT_TRUE(absl::StrContains(r.revocation[1].source, "certval Test Root CA"))
      << r.revocation[1].source;
}

TEST_F(RevocationTest, RevokedLeafIsAnErrorWithReasonAndDate) {
  CrlSpec inter = IntermediateCrl();
  inter.entries.push_back(Revoke(chain_.leaf, testpki::kReasonKeyCompromise));
  ValidationResult r = Validate(Request({Root(RootCrl()), Inter(inter)}));
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.revoked@0"});
  ASSERT_EQ(r.revocation.size(), 2u);
  EXPECT_EQ(r.revocation[0].state, RevocationState::kRevoked);
  EXPECT_EQ(r.revocation[0].reason, RevocationReason::kKeyCompromise);
  EXPECT_EQ(r.revocation[0].revocation_time, kNow - absl::Hours(2));
  EXPECT_EQ(r.revocation[1].state, RevocationState::kGood);
}

TEST_F(RevocationTest, RevokedIntermediateIsReportedAtItsIndex) {
  CrlSpec root = RootCrl();
  root.entries.push_back(Revoke(chain_.intermediate, testpki::kReasonUnspecified));
  ValidationResult r = Validate(Request({Root(root), Inter(IntermediateCrl())}));
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.revoked@1"});
}

TEST_F(RevocationTest, WarnModeMakesRevokedAWarning) {
  CrlSpec inter = IntermediateCrl();
  inter.entries.push_back(Revoke(chain_.leaf, testpki::kReasonKeyCompromise));
  ValidatorOptions o;
  o.policy.Set("revocation", Mode::kWarn);
  ValidationResult r = Validate(Request({Root(RootCrl()), Inter(inter)}), o);
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(Codes(r, Severity::kWarning), std::vector<std::string>{"revocation.revoked@0"});
}

TEST_F(RevocationTest, DisabledCheckLooksAtNothing) {
  CrlSpec inter = IntermediateCrl();
  inter.entries.push_back(Revoke(chain_.leaf, testpki::kReasonKeyCompromise));
  ValidatorOptions o = HardFail();
  o.policy.Set("revocation", Mode::kDisable);
  ValidationResult r = Validate(Request({Inter(inter)}), o);
  EXPECT_TRUE(r.valid) << r.ErrorSummary();
  EXPECT_TRUE(r.revocation.empty());
}

TEST_F(RevocationTest, UncoveredCertificateSoftFailsByDefaultAndHardFailsWhenAsked) {
  // Only the leaf's CRL: the intermediate has no status.
  const ValidationRequest request = Request({Inter(IntermediateCrl())});
  ValidationResult soft = Validate(request);
  EXPECT_TRUE(soft.valid) << soft.ErrorSummary();
  EXPECT_EQ(Codes(soft, Severity::kWarning), std::vector<std::string>{"revocation.unknown@1"});
  ASSERT_EQ(soft.revocation.size(), 2u);
  EXPECT_EQ(soft.revocation[1].state, RevocationState::kUnknown);
  ValidationResult hard = Validate(request, HardFail());
  EXPECT_FALSE(hard.valid);
  EXPECT_EQ(Codes(hard, Severity::kError), std::vector<std::string>{"revocation.unknown@1"});
}

TEST_F(RevocationTest, LeafScopeLooksAtTheLeafOnly) {
  ValidatorOptions o = HardFail();
  o.revocation.scope = RevocationScope::kLeaf;
  ValidationResult r = Validate(Request({Inter(IntermediateCrl())}), o);
  EXPECT_TRUE(r.valid) << r.ErrorSummary();
  ASSERT_EQ(r.revocation.size(), 1u);
  EXPECT_EQ(r.revocation[0].state, RevocationState::kGood);
}

TEST_F(RevocationTest, UnusableCrlsLeaveTheStatusUnknown) {
  struct Case {
    const char* name;
    std::string crl;
    const char* why;  // in the unknown finding's message
  };
  CrlSpec stale = IntermediateCrl();
  stale.this_update = kNow - absl::Hours(48);
  stale.next_update = kNow - absl::Hours(24);
  CrlSpec future = IntermediateCrl();
  future.this_update = kNow + absl::Hours(1);
  CrlSpec forged = IntermediateCrl();
  forged.corrupt_signature = true;
  CrlSpec other_issuer = IntermediateCrl();
  other_issuer.issuer_name = chain_.root_name;  // the root's name, the intermediate's key
  CrlSpec ca_only = IntermediateCrl();
  ca_only.issuing_distribution_point = testpki::IdpValue(false, true, false);
  CrlSpec some_reasons = IntermediateCrl();
  some_reasons.issuing_distribution_point = testpki::IdpValue(false, false, false, 1 << 1);
  const std::vector<Case> cases = {
      {"stale", Inter(stale), "out of date"},
      {"not yet valid", Inter(future), "not yet valid"},
      {"bad signature", Inter(forged), "verifies its signature"},
      {"signed by the wrong key", Root(IntermediateCrl()), "verifies its signature"},
      {"another issuer's", Inter(other_issuer), "no CRL covers it"},
      {"CA certificates only", Inter(ca_only), "no CRL covers it"},
      {"keyCompromise only", Inter(some_reasons), "do not cover every revocation reason"},
  };
  for (const Case& c : cases) {
    ValidationResult r = Validate(Request({Root(RootCrl()), c.crl}), HardFail());
    EXPECT_FALSE(r.valid) << c.name;
    ASSERT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.unknown@0"})
        << c.name;
    for (const Finding& f : r.findings) {
      if (f.code == "revocation.unknown") {
        EXPECT_TRUE(absl::StrContains(f.message, c.why)) << c.name << ": " << f.message;
      }
    }
  }
}

TEST_F(RevocationTest, CrlRejectionsAtParseTime) {
  CrlSpec no_number = IntermediateCrl();
  no_number.crl_number.reset();
  CrlSpec critical_number = IntermediateCrl();
  critical_number.crl_number_critical = true;
  CrlSpec unknown_critical = IntermediateCrl();
  unknown_critical.extra.push_back({"1.3.6.1.4.1.55738.1", true, std::string("\x05\x00", 2)});
  CrlSpec unknown_entry_critical = IntermediateCrl();
  unknown_entry_critical.entries.push_back(Revoke(chain_.intermediate, 1));
  unknown_entry_critical.entries.back().extra.push_back(
      {"1.3.6.1.4.1.55738.2", true, std::string("\x05\x00", 2)});
  for (const CrlSpec& spec :
       {no_number, critical_number, unknown_critical, unknown_entry_critical}) {
    ValidationResult r = Validate(Request({Root(RootCrl()), Inter(spec)}), HardFail());
    EXPECT_FALSE(r.valid);
    EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.unknown@0"});
    EXPECT_EQ(Codes(r, Severity::kInfo), std::vector<std::string>{"parse.malformed_crl@-1"});
  }
  ValidationResult garbage = Validate(Request({"not a CRL"}), HardFail());
  EXPECT_FALSE(garbage.valid);
  EXPECT_EQ(Codes(garbage, Severity::kInfo), std::vector<std::string>{"parse.malformed_crl@-1"});
}

TEST_F(RevocationTest, IssuerWithoutCrlSignCannotSignCrls) {
  // root -> intermediate whose keyUsage is keyCertSign only -> leaf.
  testpki::CertSpec spec = testpki::IntermediateSpec("No cRLSign CA", kNow);
  spec.key_usage = testpki::kKuKeyCertSign;
  testpki::TestCa ca = chain_.root_ca().IssueCa(spec, testpki::Key::Cached(KeyKind::kEcP256, 30));
  ValidationRequest r =
      Request({Root(RootCrl()), testpki::IssueCrl(testpki::CrlSpecFor(ca, kNow), ca.key())});
  r.leaf = ca.Issue(testpki::LeafSpec("example.test", kNow), chain_.leaf_key);
  r.intermediates = {ca.cert_der()};
  ValidationResult result = Validate(r, HardFail());
  EXPECT_FALSE(result.valid);
  ASSERT_EQ(Codes(result, Severity::kError), std::vector<std::string>{"revocation.unknown@0"});
  EXPECT_TRUE(absl::StrContains(result.findings.back().message, "cRLSign"))
      << result.findings.back().message;
}

TEST_F(RevocationTest, DeltaCrlRevokesAndRemoveFromCrlReleasesAHold) {
  CrlSpec base = IntermediateCrl();
  base.crl_number = std::string("\x05", 1);
  base.entries.push_back(Revoke(chain_.leaf, testpki::kReasonCertificateHold));
  CrlSpec delta = IntermediateCrl();
  delta.crl_number = std::string("\x06", 1);
  delta.delta_base = std::string("\x05", 1);
  // On hold in the base alone: revoked.
  ValidationResult held = Validate(Request({Root(RootCrl()), Inter(base)}));
  EXPECT_EQ(Codes(held, Severity::kError), std::vector<std::string>{"revocation.revoked@0"});
  EXPECT_EQ(held.revocation[0].reason, RevocationReason::kCertificateHold);
  // The delta releases the hold.
  delta.entries.push_back(Revoke(chain_.leaf, testpki::kReasonRemoveFromCrl));
  ValidationResult released =
      Validate(Request({Root(RootCrl()), Inter(base), Inter(delta)}), HardFail());
  EXPECT_TRUE(released.valid) << released.ErrorSummary();
  // A delta for another base (number 9 > 5) is not applied.
  delta.delta_base = std::string("\x09", 1);
  delta.crl_number = std::string("\x0a", 1);
  ValidationResult unrelated = Validate(Request({Root(RootCrl()), Inter(base), Inter(delta)}));
  EXPECT_EQ(Codes(unrelated, Severity::kError), std::vector<std::string>{"revocation.revoked@0"});
  // A delta alone is not enough (PKITS 4.15.1).
  delta.delta_base = std::string("\x05", 1);
  ValidationResult alone = Validate(Request({Root(RootCrl()), Inter(delta)}), HardFail());
  EXPECT_EQ(Codes(alone, Severity::kError), std::vector<std::string>{"revocation.unknown@0"});
}

class FixedSource : public RevocationSource {
 public:
  FixedSource(std::string serial, std::vector<CrlPtr> crls)
      : serial_(std::move(serial)), crls_(std::move(crls)) {}
  absl::string_view name() const override { return "fixed"; }
  void FindCrls(const Name& issuer, std::vector<CrlPtr>* out) const override {
    for (const CrlPtr& c : crls_) {
      if (c->issuer().normalized == issuer.normalized) out->push_back(c);
    }
  }
  std::optional<RevocationStatus> Lookup(const Certificate& cert,
                                         const Certificate&) const override {
    if (cert.serial() != serial_) return std::nullopt;
    RevocationStatus s;
    s.state = RevocationState::kRevoked;
    return s;
  }

 private:
  std::string serial_;
  std::vector<CrlPtr> crls_;
};

TEST_F(RevocationTest, SourcesAnswerDirectlyOrWithCrls) {
  std::vector<CrlPtr> crls = {*Crl::Parse(Root(RootCrl())), *Crl::Parse(Inter(IntermediateCrl()))};
  ValidatorOptions o = HardFail();
  o.revocation_sources.push_back(std::make_shared<FixedSource>("none", crls));
  ValidationResult good = Validate(Request({}), o);
  EXPECT_TRUE(good.valid) << good.ErrorSummary();
  ASSERT_EQ(good.revocation.size(), 2u);

  ValidationRequest r = Request({});
  r.revocation_sources.push_back(
      std::make_shared<FixedSource>(testpki::SerialOf(chain_.leaf), crls));
  ValidationResult revoked = Validate(r, o);
  EXPECT_EQ(Codes(revoked, Severity::kError), std::vector<std::string>{"revocation.revoked@0"});
  EXPECT_EQ(revoked.revocation[0].source, "fixed");
}

TEST_F(RevocationTest, RevocationInputsHaveTheirOwnLimits) {
  ValidatorOptions o;
  o.limits.max_input_bytes = 4096;  // the chain's limit does not count CRLs
  CrlSpec big = IntermediateCrl();
  for (int i = 0; i < 400; ++i)
    big.entries.push_back(
        {std::string(1, '\x01') + std::to_string(i), kNow, std::nullopt, std::nullopt, {}});
  const std::string big_der = Inter(big);
  ASSERT_GT(big_der.size(), 4096u);
  EXPECT_TRUE(Validate(Request({Root(RootCrl()), big_der}), o).valid);

  o.limits.max_revocation_input_bytes = 4096;
  EXPECT_EQ(Codes(Validate(Request({big_der}), o), Severity::kError),
            std::vector<std::string>{"limits.revocation_input_too_large@-1"});
  o.limits.max_revocation_input_bytes = 1 << 20;
  o.limits.max_revocation_inputs = 1;
  EXPECT_EQ(Codes(Validate(Request({big_der, big_der}), o), Severity::kError),
            std::vector<std::string>{"limits.too_many_revocation_inputs@-1"});
  o.limits.max_revocation_inputs = 4;
  o.limits.max_revocation_steps = 100;  // the 400 entries are charged as they are parsed
  EXPECT_EQ(Codes(Validate(Request({big_der}), o), Severity::kError),
            std::vector<std::string>{"limits.too_many_revocation_steps@-1"});
}

}  // namespace
}  // namespace certval
