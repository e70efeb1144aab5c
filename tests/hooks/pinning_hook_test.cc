// PinningHook: SPKI SHA-256 pins per host pattern, looked up in the validated path only (where a
// pinned root appears), never in what was merely presented; refused as a pre-hook.
#include "certval/hooks/pinning_hook.h"

#include "absl/strings/escaping.h"
#include "certval/trust/trust_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::HasFinding;
using hooktest::kNow;
using testpki::IntermediateSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::LeafSpec;
using testpki::TestCa;

std::string Spki(const std::string& der) { return SpkiSha256(**Certificate::Parse(der)); }

class PinningHookTest : public ::testing::Test {
 protected:
  ValidatorOptions Options(const PinSet& pins, Mode mode = Mode::kEnforce, bool post = true) {
    ValidatorOptions options;
    options.warning_sink = sink_;
    (post ? options.post_hooks : options.pre_hooks)
        .push_back(std::make_shared<PinningHook>(pins, mode, sink_));
    return options;
  }
  ValidationResult Validate(const PinSet& pins, const ValidationRequest& request,
                            Mode mode = Mode::kEnforce) {
    absl::StatusOr<Validator> validator = Validator::Create(pki_.store, Options(pins, mode));
    EXPECT_TRUE(validator.ok()) << validator.status();
    if (!validator.ok()) return ValidationResult();
    return validator->Validate(request);
  }
  PinSet Pins(absl::string_view pattern, const std::string& der) {
    PinSet pins;
    EXPECT_TRUE(pins.Add(pattern, Spki(der)).ok());
    return pins;
  }

  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
  std::string stranger_ =
      testpki::MakeChain(testpki::KeyKind::kEcP384, "x.test", kNow).intermediate;
};

TEST_F(PinningHookTest, PinnedIntermediateDefersToTheChain) {
  ValidationResult r = Validate(Pins("example.test", pki_.chain.intermediate), pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);  // a pin match never accepts by itself
}

TEST_F(PinningHookTest, PinnedRootNotSentByTheServerMatches) {
  PinSet pins = Pins("example.test", pki_.chain.root);  // the server does not send its root
  ValidationResult r = Validate(pins, pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
}

// Issue 13, item 2: the attacker holds a leaf for the pinned host from another CA the client trusts
// (B, under the same root) and appends the victim's pinned intermediate A, which no path uses.
TEST_F(PinningHookTest, UnusedPinnedIntermediateAppendedByTheAttackerIsRejected) {
  TestCa attacker = pki_.chain.root_ca().IssueCa(IntermediateSpec("Attacker Intermediate CA", kNow),
                                                 Key::Cached(KeyKind::kEcP256, 10));
  ValidationRequest request = pki_.Request();
  request.leaf = attacker.Issue(LeafSpec("example.test", kNow), Key::Cached(KeyKind::kEcP256, 11));
  request.intermediates = {attacker.cert_der(), pki_.chain.intermediate};  // leaf(B), B, A
  PinSet pins = Pins("example.test", pki_.chain.intermediate);

  ValidatorOptions unpinned;
  unpinned.warning_sink = sink_;
  ValidationResult chain_only = Validator(pki_.store, unpinned).Validate(request);
  ASSERT_TRUE(chain_only.valid) << "valid without pins\n" << Describe(chain_only);

  ValidationResult r = Validate(pins, request);
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, PinningHook::kName);
  EXPECT_TRUE(HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);

  ValidationResult warn = Validate(pins, request, Mode::kWarn);
  EXPECT_TRUE(warn.valid) << Describe(warn);
  EXPECT_EQ(sink_->Count("pinning.mismatch"), 1);

  // The honest chain through A passes under the same pins.
  ValidationResult honest = Validate(pins, pki_.Request());
  EXPECT_TRUE(honest.valid) << Describe(honest);
}

// The same with two trusted roots: the victim's root is pinned, the attacker's chain ends at the
// other one and carries the pinned root along.
TEST_F(PinningHookTest, UnusedPinnedRootAppendedByTheAttackerIsRejected) {
  TestCa other_root = TestCa::Root(testpki::RootSpec("Other Trusted Root CA", kNow),
                                   Key::Cached(KeyKind::kEcP256, 12));
  ASSERT_TRUE(pki_.store->AddRootDer(other_root.cert_der()).ok());
  TestCa other_ca = other_root.IssueCa(IntermediateSpec("Other Intermediate CA", kNow),
                                       Key::Cached(KeyKind::kEcP256, 13));
  ValidationRequest request = pki_.Request();
  request.leaf = other_ca.Issue(LeafSpec("example.test", kNow), Key::Cached(KeyKind::kEcP256, 14));
  request.intermediates = {other_ca.cert_der(), pki_.chain.root};

  ValidationResult r = Validate(Pins("example.test", pki_.chain.root), request);
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, PinningHook::kName);
  EXPECT_TRUE(HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);
}

// Pins are met by a validated path only: on a chain the built-in checks refused there is none, so
// a pinned key that is present does not count.
TEST_F(PinningHookTest, InvalidChainHasNoPathToMatch) {
  ValidationRequest request = pki_.Request("other.test", pki_.Leaf("other.test"));
  request.peer_name = PeerName::Dns("example.test");  // a name mismatch: no accepted path
  PinSet pins = Pins("example.test", pki_.chain.intermediate);
  ValidationResult r = Validate(pins, request, Mode::kWarn);
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(sink_->Count("pinning.mismatch"), 1);
}

TEST_F(PinningHookTest, RefusedAsAPreHook) {
  ValidatorOptions pre = Options(Pins("example.test", pki_.chain.root), Mode::kEnforce,
                                 /*post=*/false);
  absl::StatusOr<Validator> created = Validator::Create(pki_.store, pre);
  EXPECT_EQ(created.status().code(), absl::StatusCode::kInvalidArgument) << created.status();
  EXPECT_THAT(std::string(created.status().message()), ::testing::HasSubstr("pre-hook"));

  // Constructed directly, the same configuration fails every validation instead of pinning nothing.
  ValidationResult r = Validator(pki_.store, pre).Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_TRUE(HasFinding(r, "configuration.invalid", Severity::kError)) << Describe(r);

  EXPECT_TRUE(PinningHook(PinSet()).NeedsValidatedPath());
}

TEST_F(PinningHookTest, MismatchRejects) {
  ValidationResult r = Validate(Pins("example.test", stranger_), pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, PinningHook::kName);
  EXPECT_TRUE(HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);
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

// PeerName::Any() names no host, so no pin set applies (the caller asked for no name check).
TEST_F(PinningHookTest, AnyNameHasNoPinSet) {
  ValidationRequest request = pki_.Request();
  request.peer_name = PeerName::Any();
  ValidationResult r = Validate(Pins("example.test", stranger_), request);
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
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
  EXPECT_TRUE(
      Validate(pins, pki_.Request("www.example.test", pki_.Leaf("www.example.test"))).valid);
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
