// PinningHook: SPKI SHA-256 pins per host pattern, looked up in the presented chain and, as a
// post-hook, in the built path (where a pinned root appears).
#include "hooks/pinning_hook.h"

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"
#include "trust/trust_store.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::kNow;

std::string Spki(const std::string& der) { return SpkiSha256(**Certificate::Parse(der)); }

class PinningHookTest : public ::testing::Test {
 protected:
  ValidationResult Validate(const PinSet& pins, const ValidationRequest& request,
                            Mode mode = Mode::kEnforce, bool post = true) {
    auto hook = std::make_shared<PinningHook>(pins, mode, sink_);
    ValidatorOptions options;
    options.warning_sink = sink_;
    (post ? options.post_hooks : options.pre_hooks).push_back(hook);
    return Validator(pki_.store, options).Validate(request);
  }
  PinSet Pins(absl::string_view pattern, const std::string& der) {
    PinSet pins;
    EXPECT_TRUE(pins.Add(pattern, Spki(der)).ok());
    return pins;
  }

  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
  std::string stranger_ = testpki::MakeChain(testpki::KeyKind::kEcP384, "x.test", kNow).intermediate;
};

TEST_F(PinningHookTest, PinnedIntermediateDefersToTheChain) {
  ValidationResult r = Validate(Pins("example.test", pki_.chain.intermediate), pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);  // a pin match never accepts by itself
}

TEST_F(PinningHookTest, PinnedRootIsFoundInTheBuiltPathByAPostHook) {
  PinSet pins = Pins("example.test", pki_.chain.root);  // the server does not send its root
  EXPECT_TRUE(Validate(pins, pki_.Request()).valid);
  ValidationResult pre = Validate(pins, pki_.Request(), Mode::kEnforce, /*post=*/false);
  EXPECT_FALSE(pre.valid) << "a pre-hook sees the presented chain only";
  EXPECT_EQ(pre.decided_by_hook, PinningHook::kName);
}

TEST_F(PinningHookTest, MismatchRejects) {
  ValidationResult r = Validate(Pins("example.test", stranger_), pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, PinningHook::kName);
  EXPECT_TRUE(hooktest::HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);
}

TEST_F(PinningHookTest, MismatchUnderWarnIsAWarningAndDefers) {
  ValidationResult r = Validate(Pins("example.test", stranger_), pki_.Request(), Mode::kWarn);
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
  EXPECT_EQ(sink_->Count("pinning.mismatch"), 1);
  EXPECT_EQ(sink_->records().front().peer, "example.test");
}

TEST_F(PinningHookTest, DisabledNeverDecides) {
  ValidationResult r = Validate(Pins("example.test", stranger_), pki_.Request(), Mode::kDisable);
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_TRUE(sink_->records().empty());
}

TEST_F(PinningHookTest, HostWithoutPinsDefers) {
  ValidationResult r = Validate(Pins("other.test", stranger_), pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
  EXPECT_TRUE(sink_->records().empty());
}

TEST_F(PinningHookTest, WildcardPatternCoversSubdomainsButNotTheParent) {
  PinSet pins = Pins("*.example.test", stranger_);
  for (const char* host : {"www.example.test", "a.b.example.test"}) {
    ValidationResult r = Validate(pins, pki_.Request(host, pki_.Leaf(host)));
    EXPECT_FALSE(r.valid) << host << "\n" << Describe(r);
    EXPECT_EQ(r.decided_by_hook, PinningHook::kName) << host;
  }
  EXPECT_TRUE(Validate(pins, pki_.Request()).valid);  // example.test itself is not pinned
}

TEST_F(PinningHookTest, MostSpecificPatternChoosesThePinSet) {
  PinSet pins = Pins("*.example.test", stranger_);
  ASSERT_TRUE(pins.Add("www.example.test", Spki(pki_.chain.intermediate)).ok());
  EXPECT_TRUE(Validate(pins, pki_.Request("www.example.test", pki_.Leaf("www.example.test"))).valid);
}

TEST_F(PinningHookTest, AcceptsBase64PinsAndRefusesBadOnes) {
  PinSet pins;
  std::string b64 = absl::Base64Escape(Spki(pki_.chain.intermediate));
  EXPECT_TRUE(pins.AddBase64("example.test", "sha256//" + b64).ok());
  EXPECT_TRUE(Validate(pins, pki_.Request()).valid);

  EXPECT_FALSE(pins.AddBase64("example.test", "not base64!").ok());
  EXPECT_FALSE(pins.Add("example.test", "too short").ok());
  EXPECT_FALSE(pins.Add("bad..host", std::string(32, 'x')).ok());
  auto cert = Certificate::Parse(pki_.chain.leaf);
  EXPECT_TRUE(pins.AddCertificate("*.example.test", **cert).ok());
}

}  // namespace
}  // namespace certval
