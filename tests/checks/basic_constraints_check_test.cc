#include "certval/validator/checks/basic_constraints_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;

const BasicConstraintsCheck kCheck;

RunOptions With(Profile profile) {
  RunOptions options;
  options.profile = profile;
  return options;
}
RunOptions Rfc5280() { return With(Profile::kRfc5280); }
RunOptions Strict() { return With(Profile::kRfc5280Strict); }

// root -> CA[0] -> CA[1] -> ... -> leaf, with the given pathLen per intermediate; returns the path
// leaf first. `self_issued[i]` reissues CA[i] under CA[i-1]'s name (same subject, own key).
std::vector<CertificatePtr> Chain(const std::vector<std::optional<int>>& path_lens,
                                  const std::vector<bool>& self_issued = {}) {
  TestCa root = TestCa::Root(testpki::RootSpec("BC Root", Now()), Key::Cached(KeyKind::kEcP256, 0));
  std::vector<TestCa> cas = {root};
  for (size_t i = 0; i < path_lens.size(); ++i) {
    bool same_name = i < self_issued.size() && self_issued[i];
    std::string name = same_name ? "BC CA " + std::to_string(i - 1) : "BC CA " + std::to_string(i);
    cas.push_back(cas.back().IssueCa(testpki::IntermediateSpec(name, Now(), path_lens[i]),
                                     Key::Cached(KeyKind::kEcP256, 10 + static_cast<int>(i))));
  }
  std::vector<CertificatePtr> path = {ParseOrDie(cas.back().Issue(
      testpki::LeafSpec("www.example.test", Now()), Key::Cached(KeyKind::kEcP256, 2)))};
  for (auto it = cas.rbegin(); it != cas.rend(); ++it) path.push_back(ParseOrDie(it->cert_der()));
  return path;
}

TEST(BasicConstraintsCheck, ValidChain) {
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build(), Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build(), Strict()), IsEmpty());
}

TEST(BasicConstraintsCheck, IntermediateWithoutCaBit) {
  ChainSpec spec;
  spec.intermediate.ca = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_ca@1"));
}

TEST(BasicConstraintsCheck, IntermediateOrRootWithoutBasicConstraints) {
  ChainSpec spec;
  spec.intermediate.ca.reset();
  spec.root.ca.reset();
  EXPECT_THAT(RunCheck(kCheck, spec.Build()),
              ElementsAre("basic_constraints.missing@1", "basic_constraints.missing@2"));
}

TEST(BasicConstraintsCheck, V1RootIsNotACa) {
  ChainSpec spec;
  spec.root.version = 1;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_ca@2"));
}

TEST(BasicConstraintsCheck, CaMustMarkItCritical) {
  ChainSpec spec;
  spec.root.basic_constraints_critical = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("basic_constraints.not_critical@2"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_critical@2"));
}

// 6.1.4 (k) asks for cA=TRUE, not for criticality: PKITS 4.6.4 (an intermediate with a
// non-critical basicConstraints) is a valid path, and so is its pathLen work.
TEST(BasicConstraintsCheck, NonCriticalCaIsACaUnderRfc5280) {
  ChainSpec spec;
  spec.intermediate.basic_constraints_critical = false;
  spec.root.basic_constraints_critical = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("basic_constraints.not_critical@1", "basic_constraints.not_critical@2"));
  spec.root.path_len = 0;  // still enforced
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Rfc5280()),
              ElementsAre("basic_constraints.path_len_exceeded@2"));
}

TEST(BasicConstraintsCheck, NonCriticalOnANonCaLeafIsFine) {
  ChainSpec spec;
  spec.leaf.ca = false;
  spec.leaf.basic_constraints_critical = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(BasicConstraintsCheck, CaAsLeafOnlyUnderWebPki) {
  ChainSpec spec;
  spec.leaf.ca = true;
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("basic_constraints.ca_as_leaf@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Strict()), IsEmpty());
}

TEST(BasicConstraintsCheck, PathLenWithoutCa) {
  ChainSpec spec;
  spec.leaf.ca = false;
  spec.leaf.path_len = 0;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()),
              ElementsAre("basic_constraints.path_len_without_ca@0"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("basic_constraints.path_len_without_ca@0"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Rfc5280()), IsEmpty());  // 6.1 ignores it
}

TEST(BasicConstraintsCheck, PathLenZeroAllowsALeaf) {
  EXPECT_THAT(RunCheck(kCheck, Chain({0})), IsEmpty());
}

TEST(BasicConstraintsCheck, PathLenZeroRefusesAnotherIntermediate) {
  // root -> CA0 (pathLen 0) -> CA1 -> leaf: path = [leaf, CA1, CA0, root].
  EXPECT_THAT(RunCheck(kCheck, Chain({0, std::nullopt})),
              ElementsAre("basic_constraints.path_len_exceeded@2"));
}

TEST(BasicConstraintsCheck, PathLenOfTheRootCounts) {
  ChainSpec spec;
  spec.root.path_len = 0;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.path_len_exceeded@2"));
  spec.with_intermediate = false;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(BasicConstraintsCheck, PathLenMayIncreaseBelow) {
  // root -> CA0 (pathLen 1) -> CA1 (pathLen 2) -> leaf.
  EXPECT_THAT(RunCheck(kCheck, Chain({1, 2})), IsEmpty());
  // root -> CA0 (pathLen 1) -> CA1 -> CA2 -> leaf: two intermediates below CA0.
  EXPECT_THAT(RunCheck(kCheck, Chain({1, std::nullopt, std::nullopt})),
              ElementsAre("basic_constraints.path_len_exceeded@3"));
}

TEST(BasicConstraintsCheck, SelfIssuedIntermediatesAreNotCounted) {
  // root -> CA0 (pathLen 1) -> CA0' (self-issued, pathLen 1) -> CA2 (pathLen 0) -> leaf.
  auto path = Chain({1, 1, 0}, {false, true, false});
  ASSERT_TRUE(path[2]->self_issued());
  EXPECT_THAT(RunCheck(kCheck, path), IsEmpty());
  // root -> CA0 (pathLen 0) -> CA0' (self-issued) -> leaf.
  EXPECT_THAT(RunCheck(kCheck, Chain({0, std::nullopt}, {false, true})), IsEmpty());
}

TEST(BasicConstraintsCheck, CertificateTrustedExactlyIsNotJudged) {
  ChainSpec spec;
  spec.leaf.ca = true;
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {spec.Build()[0]}, options), IsEmpty());
}

// --- whom the rules bind ---

absl::Time Day(int year, int month, int day) {
  return absl::FromCivil(absl::CivilDay(year, month, day), absl::UTCTimeZone());
}

RunOptions Private(Profile profile = Profile::kWebPki) {
  RunOptions options = With(profile);
  options.anchor.origin = AnchorOrigin::kPrivate;
  return options;
}

// Criticality and a CA leaf are issuance rules: advisory below a private anchor under webpki. Who
// may issue (cA) and how deep (pathLen) bind every path.
TEST(BasicConstraintsCheck, BelowAPrivateAnchorOnlyIssuanceRulesAreAdvisory) {
  ChainSpec spec;
  spec.intermediate.basic_constraints_critical = false;
  spec.leaf.ca = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Private()),
              ElementsAre("basic_constraints.ca_as_leaf@0 (advisory)",
                          "basic_constraints.not_critical@1 (advisory)"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Private(Profile::kRfc5280Strict)),
              ElementsAre("basic_constraints.not_critical@1"));
  ChainSpec not_ca;
  not_ca.intermediate.ca = false;
  EXPECT_THAT(RunCheck(kCheck, not_ca.Build(), Private()),
              ElementsAre("basic_constraints.not_ca@1"));
  EXPECT_THAT(RunCheck(kCheck, Chain({0, std::nullopt}), Private()),
              ElementsAre("basic_constraints.path_len_exceeded@2"));
}

// The root's own basicConstraints must be critical from BR 1.0 on (2012-07-01): ePKI Root (2004)
// and Go Daddy Class 2 (2004) mark it non-critical, and browsers trust them.
TEST(BasicConstraintsCheck, RootCriticalitySinceBr1) {
  ChainSpec spec;
  spec.root.basic_constraints_critical = false;
  spec.root.not_before = Day(2004, 12, 20);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()),
              ElementsAre("basic_constraints.not_critical@2"));
  spec.root.not_before = Day(2012, 7, 1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_critical@2"));
  spec.root.not_before = absl::FromUnixSeconds(1);  // back-dated: every root rule applies
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_critical@2"));
}

// A root without cA=TRUE cannot anchor, whenever it was issued.
TEST(BasicConstraintsCheck, OldRootMustStillBeACa) {
  ChainSpec spec;
  spec.root.ca = false;
  spec.root.not_before = Day(2004, 12, 20);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("basic_constraints.not_ca@2"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Private()), ElementsAre("basic_constraints.not_ca@2"));
}

}  // namespace
}  // namespace certval::checktest
