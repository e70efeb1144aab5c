#include "certval/validator/checks/validity_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const ValidityCheck kCheck;

// A chain whose leaf is valid exactly from `not_before` through `not_after`.
std::vector<CertificatePtr> LeafValidBetween(absl::Time not_before, absl::Time not_after) {
  ChainSpec spec;
  spec.leaf.not_before = not_before;
  spec.leaf.not_after = not_after;
  return spec.Build();
}

RunOptions At(absl::Time time) {
  RunOptions options;
  options.time = time;
  return options;
}

TEST(ValidityCheck, AllValid) { EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty()); }

TEST(ValidityCheck, ExpiredLeafIntermediateOrRoot) {
  for (int index = 0; index < 3; ++index) {
    ChainSpec spec;
    testpki::CertSpec* certs[] = {&spec.leaf, &spec.intermediate, &spec.root};
    certs[index]->not_after = Now() - absl::Hours(1);
    EXPECT_THAT(RunCheck(kCheck, spec.Build()),
                ElementsAre("validity.expired@" + std::to_string(index)));
  }
}

TEST(ValidityCheck, NotYetValid) {
  ChainSpec spec;
  spec.intermediate.not_before = Now() + absl::Hours(1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("validity.not_yet_valid@1"));
}

TEST(ValidityCheck, NotAfterIsInclusive) {
  const absl::Time end = Now();
  auto path = LeafValidBetween(end - absl::Hours(1), end);
  EXPECT_THAT(RunCheck(kCheck, path, At(end)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, At(end + absl::Seconds(1))),
              ElementsAre("validity.expired@0"));
  EXPECT_THAT(RunCheck(kCheck, path, At(end + absl::Seconds(5))),
              ElementsAre("validity.expired@0"));
}

TEST(ValidityCheck, FractionalSecondAfterNotAfterIsFlooredAway) {
  const absl::Time end = Now();
  auto path = LeafValidBetween(end - absl::Hours(1), end);
  EXPECT_THAT(RunCheck(kCheck, path, At(end + absl::Milliseconds(5))), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, At(end + absl::Milliseconds(999))), IsEmpty());
}

TEST(ValidityCheck, NotBeforeIsInclusiveAndFractionsDoNotRoundUp) {
  const absl::Time start = Now() + absl::Seconds(1);
  auto path = LeafValidBetween(start, start + absl::Hours(1));
  EXPECT_THAT(RunCheck(kCheck, path, At(start)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, At(start - absl::Milliseconds(1))),
              ElementsAre("validity.not_yet_valid@0"));
  EXPECT_THAT(RunCheck(kCheck, path, At(start - absl::Seconds(1))),
              ElementsAre("validity.not_yet_valid@0"));
}

TEST(ValidityCheck, EveryCertificateIsReported) {
  ChainSpec spec;
  spec.leaf.not_after = spec.intermediate.not_after = spec.root.not_after = Now() - absl::Hours(1);
  EXPECT_THAT(RunCheck(kCheck, spec.Build()),
              ElementsAre("validity.expired@0", "validity.expired@1", "validity.expired@2"));
}

TEST(ValidityCheck, AppliesToACertificateTrustedExactly) {
  testpki::CertSpec leaf = testpki::LeafSpec("self.example.test", Now());
  leaf.not_after = Now() - absl::Seconds(1);
  auto cert =
      ParseOrDie(testpki::SelfSigned(leaf, testpki::Key::Cached(testpki::KeyKind::kEcP256)));
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {cert}, options), ElementsAre("validity.expired@0"));
}

TEST(ValidityCheck, MessageNamesBothTimes) {
  ChainSpec spec;
  spec.leaf.not_after = Now();  // 2025-06-01T12:00:00Z
  PathContext ctx;
  auto path = spec.Build();
  ctx.path = path;
  ctx.time = spec.leaf.not_after.value() + absl::Seconds(1);
  std::vector<Finding> findings;
  FindingReporter out(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, out);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "notAfter 2025-06-01T12:00:00Z is before the validation time 2025-06-01T12:00:01Z");
}

}  // namespace
}  // namespace certval::checktest
