#include "certval/validator/checks/key_usage_check.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const KeyUsageCheck kCheck;

RunOptions With(Profile profile) {
  RunOptions options;
  options.profile = profile;
  return options;
}

TEST(KeyUsageCheck, ValidChain) { EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty()); }

TEST(KeyUsageCheck, KeyUsageIsOptional) {
  ChainSpec spec;
  spec.leaf.key_usage.reset();
  spec.intermediate.key_usage.reset();
  spec.root.key_usage.reset();
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(KeyUsageCheck, IssuerWithoutKeyCertSign) {
  ChainSpec spec;
  spec.intermediate.key_usage = testpki::kKuDigitalSignature | testpki::kKuCrlSign;
  for (Profile profile : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
    EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(profile)),  // 6.1.4 (n): every profile
                ElementsAre("key_usage.missing_key_cert_sign@1"));
  }
}

TEST(KeyUsageCheck, RootWithCaBitButNoKeyCertSign) {
  ChainSpec spec;
  spec.root.key_usage = testpki::kKuCrlSign;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("key_usage.missing_key_cert_sign@2"));
}

TEST(KeyUsageCheck, CaLeafWithoutKeyCertSign) {
  ChainSpec spec;
  spec.leaf.ca = true;
  spec.leaf.path_len = 0;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("key_usage.missing_key_cert_sign@0"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280Strict)),
              ElementsAre("key_usage.missing_key_cert_sign@0"));
  // 6.1.4 (n) judges issuers only; a CA in leaf position signs nothing on this path.
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280)), IsEmpty());
  spec.leaf.key_usage = testpki::kKuKeyCertSign;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(KeyUsageCheck, KeyCertSignWithoutCaBit) {
  ChainSpec spec;
  spec.leaf.ca = false;
  spec.leaf.key_usage = testpki::kKuDigitalSignature | testpki::kKuKeyCertSign;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("key_usage.key_cert_sign_without_ca@0"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280Strict)),
              ElementsAre("key_usage.key_cert_sign_without_ca@0"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280)), IsEmpty());  // section 4
  spec.leaf.ca.reset();  // no basicConstraints at all: not a CA either
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("key_usage.key_cert_sign_without_ca@0"));
}

TEST(KeyUsageCheck, RequiredUsage) {
  ChainSpec spec;
  auto path = spec.Build();  // leaf: digitalSignature
  RunOptions options;
  options.request.required_key_usage = kDigitalSignature;
  EXPECT_THAT(RunCheck(kCheck, path, options), IsEmpty());
  options.request.required_key_usage = kDigitalSignature | kKeyEncipherment;
  EXPECT_THAT(RunCheck(kCheck, path, options), ElementsAre("key_usage.missing_required_usage@0"));
  spec.leaf.key_usage.reset();  // a leaf without keyUsage is unrestricted
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), options), IsEmpty());
}

TEST(KeyUsageCheck, CertificateTrustedExactlyGetsOnlyTheRequiredUsage) {
  ChainSpec spec;
  spec.leaf.key_usage = testpki::kKuKeyCertSign;  // inconsistent without cA, but trusted as is
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  auto leaf = spec.Build()[0];
  EXPECT_THAT(RunCheck(kCheck, {leaf}, options), IsEmpty());
  options.request.required_key_usage = kDigitalSignature;
  EXPECT_THAT(RunCheck(kCheck, {leaf}, options), ElementsAre("key_usage.missing_required_usage@0"));
}

TEST(KeyUsageCheck, MessageNamesTheBits) {
  ChainSpec spec;
  auto path = spec.Build();
  PathContext ctx;
  ctx.path = path;
  ValidationRequest request;
  request.required_key_usage = kKeyEncipherment | kKeyAgreement;
  ctx.request = &request;
  std::vector<Finding> findings;
  FindingReporter out(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, out);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "the leaf's keyUsage (digitalSignature) lacks keyEncipherment, keyAgreement, which the "
            "request requires");
}

}  // namespace
}  // namespace certval::checktest
