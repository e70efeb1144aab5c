// Every built-in check under ENFORCE, WARN and DISABLE, through a real Validator: for each check a
// chain that fails exactly that check (minted by the test PKI), and the same three expectations.
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "certval/testing/pki/test_revocation.h"
#include "certval/validator/checks/builtin.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::HasFinding;
using hooktest::kNow;
using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;

// What one case presents: the leaf, the intermediates, and the peer name to validate for.
struct Presented {
  std::string leaf;
  std::vector<std::string> intermediates;
  std::string peer = "example.test";
  std::vector<std::string> crls;
};

struct CheckCase {
  absl::string_view check;
  std::string code;  // the finding the defect must produce
  std::function<Presented(const hooktest::TestPki&)> make;
};

// The intermediate re-issued from `spec` (same name and key), with a fresh leaf under it.
Presented WithIntermediate(const hooktest::TestPki& pki, CertSpec spec) {
  testpki::TestCa ica = pki.chain.root_ca().IssueCa(spec, pki.chain.intermediate_key);
  return {ica.Issue(testpki::LeafSpec("example.test", kNow), pki.chain.leaf_key), {ica.cert_der()}};
}

Presented WithLeaf(const hooktest::TestPki& pki, const CertSpec& spec) {
  return {pki.Leaf(spec), {pki.chain.intermediate}};
}

CertSpec Leaf() { return testpki::LeafSpec("example.test", kNow); }
CertSpec Intermediate() { return testpki::IntermediateSpec("certval Test Intermediate CA", kNow); }

std::vector<CheckCase> Cases() {
  return {
      {kCheckSignature, "signature.invalid",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Leaf();
         spec.corrupt_signature = true;
         return WithLeaf(pki, spec);
       }},
      {kCheckPublicKey, "public_key.rsa_too_small",
       [](const hooktest::TestPki& pki) {
         return Presented{pki.chain.intermediate_ca().Issue(Leaf(), Key::Cached(KeyKind::kRsa1024)),
                          {pki.chain.intermediate}};
       }},
      {kCheckValidity, "validity.expired",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Leaf();
         spec.not_before = kNow - absl::Hours(24 * 100);
         spec.not_after = kNow - absl::Hours(24);
         return WithLeaf(pki, spec);
       }},
      {kCheckBasicConstraints, "basic_constraints.not_critical",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Intermediate();
         spec.basic_constraints_critical = false;
         return WithIntermediate(pki, spec);
       }},
      {kCheckKeyUsage, "key_usage.missing_key_cert_sign",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Intermediate();
         spec.key_usage = testpki::kKuCrlSign;
         return WithIntermediate(pki, spec);
       }},
      {kCheckExtKeyUsage, "ext_key_usage.purpose_not_allowed",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Leaf();
         spec.eku = std::vector<std::string>{"clientAuth"};
         return WithLeaf(pki, spec);
       }},
      {kCheckNameConstraints, "name_constraints.not_permitted",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Intermediate();
         spec.nc_permitted = CertSpec::Subtrees{};
         spec.nc_permitted->dns = {"allowed.test"};
         return WithIntermediate(pki, spec);
       }},
      {kCheckCertificatePolicies, "certificate_policies.explicit_policy_required",
       [](const hooktest::TestPki& pki) {
         // requireExplicitPolicy=0 (critical) over a leaf without certificatePolicies.
         CertSpec spec = Intermediate();
         spec.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         spec.extra.push_back(
             {"2.5.29.36", /*critical=*/true, std::string("\x30\x03\x80\x01\x00", 5)});
         return WithIntermediate(pki, spec);
       }},
      {kCheckPeerName, "peer_name.mismatch",
       [](const hooktest::TestPki& pki) {
         Presented p = WithLeaf(pki, testpki::LeafSpec("other.test", kNow));
         p.peer = "example.test";
         return p;
       }},
      {kCheckCriticalExtensions, "critical_extensions.unrecognized",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Leaf();
         spec.extra.push_back(
             {"1.3.6.1.4.1.55738.1", /*critical=*/true, std::string("\x05\x00", 2)});
         return WithLeaf(pki, spec);
       }},
      {kCheckProfile, "certificate_profile.serial_too_long",
       [](const hooktest::TestPki& pki) {
         CertSpec spec = Leaf();
         spec.serial = std::string(21, '\x11');
         return WithLeaf(pki, spec);
       }},
      {kCheckRevocation, "revocation.revoked",
       [](const hooktest::TestPki& pki) {
         testpki::CrlSpec crl = testpki::CrlSpecFor(pki.chain.intermediate_ca(), kNow);
         crl.entries.push_back({testpki::SerialOf(pki.chain.leaf),
                                kNow - absl::Hours(1),
                                testpki::kReasonKeyCompromise,
                                std::nullopt,
                                {}});
         Presented p{pki.chain.leaf, {pki.chain.intermediate}};
         p.crls = {
             testpki::IssueCrl(crl, pki.chain.intermediate_key),
             testpki::IssueCrl(testpki::CrlSpecFor(pki.chain.root_ca(), kNow), pki.chain.root_key)};
         return p;
       }},
      {kCheckTrustAnchor, "trust_anchor.no_trusted_root",
       [](const hooktest::TestPki& pki) {
         (void)pki;  // a whole chain under a root the store does not hold
         testpki::Chain other = testpki::MakeChain(KeyKind::kEcP384, "example.test", kNow);
         return Presented{other.leaf, {other.intermediate}};
       }},
  };
}

// A rejection of a forged signature also leaves the leaf without a path to the root: under
// ENFORCE the builder refuses the forged edge. Any other error would mean the fixture is not clean.
bool ExpectedCompanion(absl::string_view check, const Finding& f) {
  return check == kCheckSignature && f.check == kCheckTrustAnchor;
}

class CheckModesTest : public ::testing::TestWithParam<std::tuple<CheckCase, Mode>> {
 protected:
  ValidationResult Validate(const CheckCase& c, Mode mode) {
    Presented p = c.make(pki_);
    ValidationRequest request;
    request.leaf = p.leaf;
    request.intermediates = p.intermediates;
    request.peer_name = PeerName::Dns(p.peer);
    request.time = kNow;
    request.crls = p.crls;
    ValidatorOptions options;
    options.policy.Set(c.check, mode);
    options.warning_sink = sink_;
    return Validator(pki_.store, options).Validate(request);
  }

  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
};

TEST_P(CheckModesTest, FailsExactlyThisCheckAsTheModeSays) {
  const auto& [c, mode] = GetParam();
  ValidationResult r = Validate(c, mode);
  switch (mode) {
    case Mode::kEnforce:
      EXPECT_FALSE(r.valid) << Describe(r);
      EXPECT_TRUE(HasFinding(r, c.code, Severity::kError)) << Describe(r);
      for (const Finding& f : r.findings) {
        if (f.severity != Severity::kError) continue;
        EXPECT_TRUE(f.check == c.check || ExpectedCompanion(c.check, f))
            << "unexpected error " << FormatFinding(f);
      }
      EXPECT_EQ(sink_->Count(c.code), 0);
      break;
    case Mode::kWarn:
      EXPECT_TRUE(r.valid) << Describe(r);
      EXPECT_TRUE(HasFinding(r, c.code, Severity::kWarning)) << Describe(r);
      EXPECT_FALSE(HasError(r.findings)) << Describe(r);
      EXPECT_GE(sink_->Count(c.code), 1);
      break;
    case Mode::kDisable:
      EXPECT_TRUE(r.valid) << Describe(r);
      EXPECT_FALSE(hooktest::HasCheckFinding(r, c.check)) << Describe(r);
      EXPECT_FALSE(HasError(r.findings)) << Describe(r);
      // Never silent: one warning says which checks the result does not vouch for.
      EXPECT_TRUE(HasFinding(r, "policy.checks_disabled", Severity::kWarning)) << Describe(r);
      EXPECT_EQ(sink_->records().size(), 1u);
      EXPECT_EQ(sink_->Count("policy.checks_disabled"), 1);
      break;
  }
}

INSTANTIATE_TEST_SUITE_P(EveryBuiltinCheck, CheckModesTest,
                         ::testing::Combine(::testing::ValuesIn(Cases()),
                                            ::testing::Values(Mode::kEnforce, Mode::kWarn,
                                                              Mode::kDisable)),
                         [](const ::testing::TestParamInfo<CheckModesTest::ParamType>& info) {
                           return std::string(std::get<0>(info.param).check) + "_" +
                                  std::string(ModeName(std::get<1>(info.param)));
                         });

// The table covers every check the Validator runs, plus the trust anchor it reports itself.
TEST(CheckModesCoverage, EveryBuiltinCheckHasACase) {
  std::vector<CheckCase> cases = Cases();
  for (const auto& check : BuiltinChecks()) {
    bool found = false;
    for (const CheckCase& c : cases) found |= c.check == check->name();
    EXPECT_TRUE(found) << "no case for " << check->name();
  }
}

}  // namespace
}  // namespace certval
