// How the Validator runs hooks: order and DEFER fall-through, pre- vs post-hooks, overrides and
// vetoes, and failing hooks under ENFORCE and WARN. Real chains from the test PKI throughout.
#include <memory>

#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::FixedHook;
using hooktest::HasFinding;
using hooktest::kNow;

std::shared_ptr<FixedHook> Hook(std::string name, absl::StatusOr<HookVerdict> verdict) {
  return std::make_shared<FixedHook>(std::move(name), std::move(verdict));
}

class HookStagesTest : public ::testing::Test {
 protected:
  ValidationResult Validate(const ValidationRequest& request) {
    options_.warning_sink = sink_;
    return Validator(pki_.store, options_).Validate(request);
  }
  ValidationRequest Expired() const {
    testpki::CertSpec spec = testpki::LeafSpec("example.test", kNow);
    spec.not_before = kNow - absl::Hours(24 * 100);
    spec.not_after = kNow - absl::Hours(24);
    return pki_.Request("example.test", pki_.Leaf(spec));
  }
  // A chain under a root nobody trusts.
  ValidationRequest Untrusted() const {
    testpki::Chain other = testpki::MakeChain(testpki::KeyKind::kEcP384, "example.test", kNow);
    ValidationRequest r = pki_.Request();
    r.leaf = other.leaf;
    r.intermediates = {other.intermediate};
    return r;
  }

  hooktest::TestPki pki_;
  ValidatorOptions options_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
};

TEST_F(HookStagesTest, FirstNonDeferDecidesAndLaterHooksDoNotRun) {
  auto a = Hook("a", HookVerdict::kDefer), b = Hook("b", HookVerdict::kReject),
       c = Hook("c", HookVerdict::kAccept);
  options_.pre_hooks = {a, b, c};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kHook);
  EXPECT_EQ(r.decided_by_hook, "b");
  EXPECT_TRUE(HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);
  EXPECT_EQ(a->calls, 1);
  EXPECT_EQ(b->calls, 1);
  EXPECT_EQ(c->calls, 0);
  EXPECT_EQ(a->peer, "example.test");
  EXPECT_EQ(a->chain_size, 2u);  // presented: leaf and intermediate
}

TEST_F(HookStagesTest, AllDeferFallsThroughToTheChain) {
  auto a = Hook("a", HookVerdict::kDefer), b = Hook("b", HookVerdict::kDefer);
  options_.pre_hooks = {a};
  options_.post_hooks = {b};
  ValidationResult good = Validate(pki_.Request());
  EXPECT_TRUE(good.valid) << Describe(good);
  EXPECT_EQ(good.decider, Decider::kChain);
  ValidationResult bad = Validate(Expired());
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(bad.decider, Decider::kChain);
  EXPECT_TRUE(HasFinding(bad, "validity.expired", Severity::kError)) << Describe(bad);
  EXPECT_EQ(a->calls, 2);
  EXPECT_EQ(b->calls, 2);
}

TEST_F(HookStagesTest, PreHookAcceptSkipsPathBuildingAndPostHooks) {
  auto pre = Hook("pre", HookVerdict::kAccept), post = Hook("post", HookVerdict::kReject);
  options_.pre_hooks = {pre};
  options_.post_hooks = {post};
  ValidationResult r = Validate(Untrusted());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, "pre");
  EXPECT_EQ(r.paths_evaluated, 0);
  EXPECT_EQ(r.signature_checks, 0);
  EXPECT_FALSE(pre->saw_builtin_result);
  EXPECT_EQ(post->calls, 0);
  EXPECT_EQ(r.path.size(), 2u);  // the presented chain stands in for a path
  EXPECT_TRUE(HasFinding(r, "hooks.accepted", Severity::kInfo)) << Describe(r);
}

TEST_F(HookStagesTest, PreHookRejectSkipsPathBuilding) {
  options_.pre_hooks = {Hook("deny", HookVerdict::kReject)};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.paths_evaluated, 0);
}

TEST_F(HookStagesTest, PostHookSeesTheBuiltInResult) {
  auto post = Hook("observer", HookVerdict::kDefer);
  options_.post_hooks = {post};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_TRUE(post->saw_builtin_result);
  EXPECT_TRUE(post->builtin_valid);
  EXPECT_EQ(post->builtin_path_size, 3u);  // leaf, intermediate, and the root from the store
  ValidationResult bad = Validate(Expired());
  EXPECT_FALSE(post->builtin_valid);
  EXPECT_FALSE(bad.valid);
}

TEST_F(HookStagesTest, PostHookVetoesAValidChain) {
  options_.post_hooks = {Hook("veto", HookVerdict::kReject)};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, "veto");
  EXPECT_TRUE(HasFinding(r, "hooks.rejected", Severity::kError)) << Describe(r);
  EXPECT_EQ(r.path.size(), 3u);  // the built path is still reported
}

TEST_F(HookStagesTest, PostHookOverridesAnInvalidChainWithAWarning) {
  options_.post_hooks = {Hook("override", HookVerdict::kAccept)};
  ValidationResult r = Validate(Expired());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, "override");
  EXPECT_TRUE(HasFinding(r, "hooks.accepted", Severity::kWarning)) << Describe(r);
  EXPECT_EQ(sink_->Count("hooks.accepted"), 1);
  // The overridden failure stays on record, as a warning: the result is valid, so no errors remain.
  EXPECT_TRUE(HasFinding(r, "validity.expired", Severity::kWarning)) << Describe(r);
  EXPECT_TRUE(r.ErrorSummary().empty()) << r.ErrorSummary();
}

TEST_F(HookStagesTest, PostHookAcceptOfAValidChainIsNoWarning) {
  options_.post_hooks = {Hook("agree", HookVerdict::kAccept)};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_TRUE(r.valid);
  EXPECT_TRUE(HasFinding(r, "hooks.accepted", Severity::kInfo)) << Describe(r);
  EXPECT_TRUE(sink_->records().empty());
}

TEST_F(HookStagesTest, FailingPreHookRejectsUnderEnforce) {
  auto failing = Hook("backend", absl::UnavailableError("OCSP responder down"));
  auto next = Hook("next", HookVerdict::kAccept);
  options_.pre_hooks = {failing, next};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_EQ(r.decided_by_hook, "backend");
  EXPECT_TRUE(HasFinding(r, "hooks.hook_failed", Severity::kError)) << Describe(r);
  EXPECT_NE(r.ErrorSummary().find("OCSP responder down"), std::string::npos);
  EXPECT_EQ(next->calls, 0);
  EXPECT_EQ(r.paths_evaluated, 0);
}

TEST_F(HookStagesTest, FailingPreHookIsAWarningUnderWarnAndTheNextDecides) {
  auto failing = Hook("backend", absl::UnavailableError("OCSP responder down"));
  auto next = Hook("next", HookVerdict::kDefer);
  options_.pre_hooks = {failing, next};
  options_.policy.Set("hooks", Mode::kWarn);
  ValidationResult r = Validate(pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kChain);
  EXPECT_TRUE(HasFinding(r, "hooks.hook_failed", Severity::kWarning)) << Describe(r);
  EXPECT_EQ(sink_->Count("hooks.hook_failed"), 1);
  EXPECT_EQ(next->calls, 1);
}

TEST_F(HookStagesTest, FailingPostHookRejectsAValidChainUnderEnforce) {
  options_.post_hooks = {Hook("audit", absl::InternalError("audit log full"))};
  ValidationResult r = Validate(pki_.Request());
  EXPECT_FALSE(r.valid) << Describe(r);
  EXPECT_TRUE(HasFinding(r, "hooks.hook_failed", Severity::kError)) << Describe(r);
}

TEST_F(HookStagesTest, FailingPostHookLeavesTheChainsVerdictUnderWarn) {
  options_.post_hooks = {Hook("audit", absl::InternalError("audit log full"))};
  options_.policy.Set("hooks", Mode::kWarn);
  ValidationResult good = Validate(pki_.Request());
  EXPECT_TRUE(good.valid) << Describe(good);
  EXPECT_TRUE(HasFinding(good, "hooks.hook_failed", Severity::kWarning)) << Describe(good);
  ValidationResult bad = Validate(Expired());
  EXPECT_FALSE(bad.valid) << Describe(bad);  // a failed hook never turns a rejection into success
}

TEST_F(HookStagesTest, GlobalWarnAlsoAppliesToHooks) {
  options_.pre_hooks = {Hook("backend", absl::UnavailableError("down"))};
  options_.policy = Policy(Mode::kWarn);
  ValidationResult r = Validate(pki_.Request());
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_TRUE(HasFinding(r, "hooks.hook_failed", Severity::kWarning));
}

}  // namespace
}  // namespace certval
