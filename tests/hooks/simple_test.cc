// SimpleValidation: ValidateCerts, AddRoot, AddCert, DisableValidation as a builder, no globals.
#include "certval/hooks/simple.h"

#include "certval/hooks/trust_any_hook.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::kNow;

class SimpleValidationTest : public ::testing::Test {
 protected:
  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
};

TEST_F(SimpleValidationTest, EnforcesByDefaultAndAddRootTrusts) {
  SimpleValidation simple(std::make_shared<TrustStore>());
  simple.SetWarningSink(sink_);
  EXPECT_FALSE(simple.Build().Validate(pki_.Request()).valid);
  ASSERT_TRUE(simple.AddRoot(pki_.chain.root).ok());
  ValidationResult r = simple.Build().Validate(pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
}

TEST_F(SimpleValidationTest, RootsAddedLaterReachValidatorsBuiltEarlier) {
  SimpleValidation simple(std::make_shared<TrustStore>());
  Validator early = simple.SetWarningSink(sink_).Build();
  ASSERT_TRUE(simple.AddRoot(pki_.chain.root).ok());
  EXPECT_TRUE(early.Validate(pki_.Request()).valid);
}

TEST_F(SimpleValidationTest, AddCertTrustsExactlyThatCertificate) {
  std::string self_signed = testpki::SelfSigned(
      testpki::LeafSpec("device.test", kNow), testpki::Key::Cached(testpki::KeyKind::kEcP256, 30));
  ValidationRequest request = pki_.Request("device.test", self_signed);
  request.intermediates.clear();
  SimpleValidation simple(std::make_shared<TrustStore>());
  simple.SetWarningSink(sink_);
  EXPECT_FALSE(simple.Build().Validate(request).valid);
  ASSERT_TRUE(simple.AddCert(self_signed).ok());
  ValidationResult r = simple.Build().Validate(request);
  EXPECT_TRUE(r.valid) << Describe(r);
  request.peer_name = PeerName::Dns("elsewhere.test");
  EXPECT_FALSE(simple.Build().Validate(request).valid) << "the name is still checked";
}

// Issue 13: a policy that names no check is a configuration error, never a silent no-op.
TEST_F(SimpleValidationTest, UnknownCheckNameInThePolicyIsAnError) {
  SimpleValidation simple(pki_.store);
  Policy policy;
  policy.Set("validty", Mode::kDisable);  // a typo
  simple.SetWarningSink(sink_).SetPolicy(policy);
  absl::StatusOr<Validator> created = simple.Create();
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument) << created.status();
  ValidationResult r = simple.Build().Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_TRUE(hooktest::HasFinding(r, "configuration.invalid", Severity::kError)) << Describe(r);

  policy = Policy();
  policy.Set("validity", Mode::kWarn);
  absl::StatusOr<Validator> fixed = simple.SetPolicy(policy).Create();
  ASSERT_TRUE(fixed.ok()) << fixed.status();
  EXPECT_TRUE(fixed->Validate(pki_.Request()).valid);
}

TEST_F(SimpleValidationTest, AddRootRefusesGarbage) {
  SimpleValidation simple(std::make_shared<TrustStore>());
  EXPECT_FALSE(simple.AddRoot("not a certificate").ok());
  EXPECT_FALSE(simple.AddCert("").ok());
}

TEST_F(SimpleValidationTest, DisableValidationIsLoudAndPerBuilder) {
  SimpleValidation simple(std::make_shared<TrustStore>());
  simple.SetWarningSink(sink_);
  Validator before = simple.Build();

  ::testing::internal::CaptureStderr();
  simple.DisableValidation();
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("DisableValidation"), std::string::npos) << err;
  EXPECT_TRUE(simple.validation_disabled());

  Validator after = simple.Build();
  ValidationResult r = after.Validate(pki_.Request());  // the store is empty: only trust-any helps
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, TrustAnyHook::kName);
  EXPECT_FALSE(before.Validate(pki_.Request()).valid) << "earlier validators keep validating";
  EXPECT_FALSE(SimpleValidation(std::make_shared<TrustStore>())
                   .SetWarningSink(sink_)
                   .Build()
                   .Validate(pki_.Request())
                   .valid)
      << "other builders are unaffected";

  // One warning per built validator, at first use.
  after.Validate(pki_.Request());
  EXPECT_EQ(sink_->Count(TrustAnyHook::kWarningCode), 1);
  simple.Build().Validate(pki_.Request());
  EXPECT_EQ(sink_->Count(TrustAnyHook::kWarningCode), 2);
}

TEST_F(SimpleValidationTest, ApplicationHooksStillRunBeforeTrustAny) {
  SimpleValidation simple(pki_.store);
  simple.SetWarningSink(sink_);
  simple.options().pre_hooks.push_back(
      std::make_shared<hooktest::FixedHook>("deny", HookVerdict::kReject));
  ::testing::internal::CaptureStderr();
  simple.DisableValidation();
  ::testing::internal::GetCapturedStderr();
  ValidationResult r = simple.Build().Validate(pki_.Request());
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.decided_by_hook, "deny");
}

TEST_F(SimpleValidationTest, PolicyPassesThrough) {
  testpki::CertSpec spec = testpki::LeafSpec("example.test", kNow);
  spec.not_after = kNow - absl::Hours(1);
  spec.not_before = kNow - absl::Hours(48);
  Policy policy;
  policy.Set("validity", Mode::kWarn);
  SimpleValidation simple(pki_.store);
  ValidationResult r = simple.SetPolicy(policy).SetWarningSink(sink_).Build().Validate(
      pki_.Request("example.test", pki_.Leaf(spec)));
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(sink_->Count("validity.expired"), 1);
}

TEST_F(SimpleValidationTest, ValidateCertsWithMozillaRoots) {
  absl::StatusOr<SimpleValidation> simple = SimpleValidation::ValidateCerts(RootSet::kMozilla);
  ASSERT_TRUE(simple.ok()) << simple.status();
  EXPECT_GT(simple->store()->root_count(), 50u);
  EXPECT_FALSE(simple->validation_disabled());
  // Our test root is not a Mozilla root.
  EXPECT_FALSE(simple->SetWarningSink(sink_).Build().Validate(pki_.Request()).valid);
}

TEST_F(SimpleValidationTest, ValidateCertsWithSystemRootsLoadsOrSaysWhy) {
  absl::StatusOr<SimpleValidation> simple = SimpleValidation::ValidateCerts(RootSet::kSystem);
  if (simple.ok()) {
    EXPECT_GT(simple->store()->root_count(), 0u);
  } else {
    EXPECT_FALSE(simple.status().message().empty());  // no silent fallback to another root set
  }
}

}  // namespace
}  // namespace certval
