#include "certval/validator/checks/critical_extensions_check.h"

#include "absl/strings/escaping.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::RawExtension;

const CriticalExtensionsCheck kCheck;

// The extension x509-limbo uses as "no implementation should recognize this".
RawExtension Unknown(bool critical) {
  return {"1.3.6.1.4.1.55738.666.1", critical, std::string("\x05\x00", 2)};
}

std::vector<CertificatePtr> WithExtra(int index, const RawExtension& ext) {
  ChainSpec spec;
  testpki::CertSpec* certs[] = {&spec.leaf, &spec.intermediate, &spec.root};
  certs[index]->extra.push_back(ext);
  return spec.Build();
}

TEST(CriticalExtensionsCheck, ValidChain) {
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty());
}

TEST(CriticalExtensionsCheck, UnknownCriticalExtensionAnywhereInThePath) {
  for (int index = 0; index < 3; ++index) {
    EXPECT_THAT(RunCheck(kCheck, WithExtra(index, Unknown(true))),
                ElementsAre("critical_extensions.unrecognized@" + std::to_string(index)));
  }
}

TEST(CriticalExtensionsCheck, UnknownNonCriticalExtensionIsIgnored) {
  EXPECT_THAT(RunCheck(kCheck, WithExtra(0, Unknown(false))), IsEmpty());
}

TEST(CriticalExtensionsCheck, PolicyExtensionsAreRecognised) {
  const RawExtension policy_extensions[] = {
      testpki::PoliciesExtension({"2.23.140.1.2.1"}, /*critical=*/true),
      {"2.5.29.36", true, absl::HexStringToBytes("3003800100")},  // policyConstraints
      {"2.5.29.54", true, absl::HexStringToBytes("020100")},      // inhibitAnyPolicy
      {"2.5.29.33", true,
       absl::HexStringToBytes("300c300a0603"
                              "2a0304"
                              "0603"
                              "2a0305")},
  };
  for (const RawExtension& ext : policy_extensions) {
    EXPECT_THAT(RunCheck(kCheck, WithExtra(1, ext)), IsEmpty()) << ext.oid;
  }
}

TEST(CriticalExtensionsCheck, CriticalStandardExtensionsAreRecognised) {
  ChainSpec spec;
  spec.leaf.eku_critical = true;
  spec.leaf.san_critical = true;
  spec.intermediate.nc_permitted = testpki::CertSpec::Subtrees{{"example.test"}};
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(CriticalExtensionsCheck, CriticalAuthorityInfoAccessIsNotProcessed) {
  RawExtension aia = testpki::AiaExtension({"http://ocsp.example.test"}, {});
  aia.critical = true;
  EXPECT_THAT(RunCheck(kCheck, WithExtra(0, aia)),
              ElementsAre("critical_extensions.unrecognized@0"));
}

TEST(CriticalExtensionsCheck, AppliesToACertificateTrustedExactly) {
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {WithExtra(0, Unknown(true))[0]}, options),
              ElementsAre("critical_extensions.unrecognized@0"));
}

TEST(CriticalExtensionsCheck, MessageNamesTheOid) {
  auto path = WithExtra(0, Unknown(true));
  PathContext ctx;
  ctx.path = path;
  std::vector<Finding> findings;
  FindingReporter out(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, out);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(
      findings[0].message,
      "critical extension 1.3.6.1.4.1.55738.666.1 is not one certval processes (RFC 5280 4.2)");
}

}  // namespace
}  // namespace certval::checktest
