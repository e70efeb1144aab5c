#include "certval/validator/checks/ext_key_usage_check.h"

#include <memory>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

const ExtKeyUsageCheck kCheck;

const std::string kServerAuthOid("\x2b\x06\x01\x05\x05\x07\x03\x01", 8);
const std::string kClientAuthOid("\x2b\x06\x01\x05\x05\x07\x03\x02", 8);

RunOptions With(Profile profile, Purpose purpose = Purpose::kServerAuth) {
  RunOptions options;
  options.profile = profile;
  options.request.purpose = purpose;
  return options;
}

std::vector<CertificatePtr> LeafEku(std::optional<std::vector<std::string>> eku,
                                    bool critical = false) {
  ChainSpec spec;
  spec.leaf.eku = std::move(eku);
  spec.leaf.eku_critical = critical;
  return spec.Build();
}

TEST(ExtKeyUsageCheck, ServerAuthLeaf) {
  auto path = ChainSpec().Build();
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki, Purpose::kClientAuth)),
              ElementsAre("ext_key_usage.purpose_not_allowed@0"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki, Purpose::kAny)), IsEmpty());
}

TEST(ExtKeyUsageCheck, WrongPurpose) {
  auto path = LeafEku(std::vector<std::string>{"clientAuth"});
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)),
              ElementsAre("ext_key_usage.purpose_not_allowed@0"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.purpose_not_allowed@0"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki, Purpose::kClientAuth)), IsEmpty());
}

TEST(ExtKeyUsageCheck, LeafWithoutEku) {
  auto path = LeafEku(std::nullopt);
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.missing@0"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280Strict)), IsEmpty());
}

TEST(ExtKeyUsageCheck, AnyEkuSatisfiesOnlyRfc5280) {
  auto path = LeafEku(std::vector<std::string>{"anyExtendedKeyUsage"});
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280Strict)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.any_eku@0", "ext_key_usage.purpose_not_allowed@0"));
  auto both = LeafEku(std::vector<std::string>{"serverAuth", "anyExtendedKeyUsage"});
  EXPECT_THAT(RunCheck(kCheck, both, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.any_eku@0"));
}

// CABF BR 7.1.2.7.10: a subscriber's key is for TLS, not for signing code, timestamps or OCSP.
TEST(ExtKeyUsageCheck, WebPkiLeafMustNotAssertOtherSigningPurposes) {
  for (const char* forbidden : {"codeSigning", "timeStamping", "OCSPSigning"}) {
    auto path = LeafEku(std::vector<std::string>{"serverAuth", forbidden});
    EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
                ElementsAre("ext_key_usage.forbidden_in_leaf@0"))
        << forbidden;
    EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty()) << forbidden;
    EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280Strict)), IsEmpty()) << forbidden;
  }
  // One finding naming every one; anyExtendedKeyUsage keeps its own code.
  auto all = LeafEku(
      std::vector<std::string>{"serverAuth", "timeStamping", "anyExtendedKeyUsage", "codeSigning"});
  EXPECT_THAT(RunCheck(kCheck, all, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.any_eku@0", "ext_key_usage.forbidden_in_leaf@0"));
  // What the BRs allow next to serverAuth passes.
  auto allowed = LeafEku(std::vector<std::string>{"serverAuth", "clientAuth"});
  EXPECT_THAT(RunCheck(kCheck, allowed, With(Profile::kWebPki)), IsEmpty());
  // A CA's extKeyUsage is not a subscriber's: an OCSP-signing intermediate is left alone.
  ChainSpec spec;
  spec.intermediate.eku = std::vector<std::string>{"serverAuth", "OCSPSigning"};
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kWebPki)), IsEmpty());
}

TEST(ExtKeyUsageCheck, ForbiddenLeafPurposeMessageNamesThem) {
  auto path = LeafEku(std::vector<std::string>{"serverAuth", "timeStamping", "OCSPSigning"});
  PathContext ctx;
  ctx.path = path;
  ctx.profile = Profile::kWebPki;
  ctx.anchor = TrustInfo{TrustKind::kAnchor};
  std::vector<Finding> findings;
  FindingReporter out(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, out);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].message,
            "the leaf's extKeyUsage contains timeStamping, OCSPSigning, which CABF BR 7.1.2.7.10 "
            "forbids in a subscriber certificate");
}

TEST(ExtKeyUsageCheck, CriticalLeafEkuUnderWebPki) {
  auto path = LeafEku(std::vector<std::string>{"serverAuth"}, /*critical=*/true);
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.critical@0"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty());
}

TEST(ExtKeyUsageCheck, RootWithEku) {
  ChainSpec spec;
  spec.root.eku = std::vector<std::string>{"serverAuth"};
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.root_has_eku@2"));
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280)), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, With(Profile::kRfc5280Strict)), IsEmpty());
  spec.root.eku = std::vector<std::string>{"clientAuth"};
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280)),
              ElementsAre("ext_key_usage.purpose_not_allowed@2"));
}

TEST(ExtKeyUsageCheck, TrustedIntermediateWithEkuConstrainsInsteadOfFailing) {
  ChainSpec spec;
  spec.intermediate.eku = std::vector<std::string>{"serverAuth"};
  auto path = spec.Build();
  std::vector<CertificatePtr> to_intermediate = {path[0],
                                                 path[1]};  // the intermediate is the anchor
  EXPECT_THAT(RunCheck(kCheck, to_intermediate, With(Profile::kWebPki)), IsEmpty());
  EXPECT_THAT(
      RunCheck(kCheck, to_intermediate, With(Profile::kWebPki, Purpose::kClientAuth)),
      ElementsAre("ext_key_usage.purpose_not_allowed@0", "ext_key_usage.purpose_not_allowed@1"));
}

TEST(ExtKeyUsageCheck, IntermediateEkuConstrainsThePath) {
  for (const char* allowed : {"serverAuth", "anyExtendedKeyUsage"}) {
    ChainSpec spec;
    spec.intermediate.eku = std::vector<std::string>{"clientAuth", allowed};
    EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kWebPki)), IsEmpty()) << allowed;
  }
  ChainSpec spec;
  spec.intermediate.eku = std::vector<std::string>{"clientAuth"};
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.purpose_not_allowed@1"));
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kRfc5280)),
              ElementsAre("ext_key_usage.purpose_not_allowed@1"));
}

TEST(ExtKeyUsageCheck, AnchorConstraints) {
  auto path = ChainSpec().Build();
  auto constraints = std::make_shared<AnchorConstraints>();
  RunOptions options = With(Profile::kWebPki);
  options.anchor.constraints = constraints;
  EXPECT_THAT(RunCheck(kCheck, path, options), IsEmpty());  // empty list: no restriction
  constraints->allowed_ekus = {kClientAuthOid};
  EXPECT_THAT(RunCheck(kCheck, path, options),
              ElementsAre("ext_key_usage.anchor_disallows_purpose@2"));
  constraints->allowed_ekus = {kClientAuthOid, kServerAuthOid};
  EXPECT_THAT(RunCheck(kCheck, path, options), IsEmpty());
  constraints->allowed_ekus = {std::string("\x55\x1d\x25\x00", 4)};  // anyExtendedKeyUsage
  EXPECT_THAT(RunCheck(kCheck, path, options), IsEmpty());
}

TEST(ExtKeyUsageCheck, CertificateTrustedExactlyGetsOnlyThePurposeTest) {
  RunOptions options = With(Profile::kWebPki);
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {LeafEku(std::nullopt)[0]}, options), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, {LeafEku(std::vector<std::string>{"clientAuth"})[0]}, options),
              ElementsAre("ext_key_usage.purpose_not_allowed@0"));
}

TEST(ExtKeyUsageCheck, NoRequestMeansServerAuth) {
  RunOptions options;
  options.no_request = true;
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build(), options), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, LeafEku(std::vector<std::string>{"clientAuth"}), options),
              ElementsAre("ext_key_usage.purpose_not_allowed@0"));
}

// --- whom the rules bind ---

// The BR root profile refuses a root's extKeyUsage from BR 1.0 (2012-07-01) on, as an error only
// for a root program's root; an older root keeps it. Either way it limits the path.
TEST(ExtKeyUsageCheck, RootEkuRuleByDateAndOrigin) {
  ChainSpec spec;
  spec.root.eku = std::vector<std::string>{"clientAuth"};
  spec.root.not_before = absl::FromCivil(absl::CivilDay(2010, 1, 1), absl::UTCTimeZone());
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.purpose_not_allowed@2"));
  spec.root.not_before = absl::FromCivil(absl::CivilDay(2012, 7, 1), absl::UTCTimeZone());
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), With(Profile::kWebPki)),
              ElementsAre("ext_key_usage.root_has_eku@2", "ext_key_usage.purpose_not_allowed@2"));
  RunOptions private_anchor = With(Profile::kWebPki);
  private_anchor.anchor.origin = AnchorOrigin::kPrivate;
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), private_anchor),
              ElementsAre("ext_key_usage.root_has_eku@2 (advisory)",
                          "ext_key_usage.purpose_not_allowed@2"));
}

// The leaf's EKU rules have a security effect (what the key may be used for): they bind private
// paths too.
TEST(ExtKeyUsageCheck, LeafEkuRulesBindPrivatePaths) {
  RunOptions private_anchor = With(Profile::kWebPki);
  private_anchor.anchor.origin = AnchorOrigin::kPrivate;
  EXPECT_THAT(RunCheck(kCheck, LeafEku(std::nullopt), private_anchor),
              ElementsAre("ext_key_usage.missing@0"));
  EXPECT_THAT(
      RunCheck(kCheck, LeafEku(std::vector<std::string>{"serverAuth"}, true), private_anchor),
      ElementsAre("ext_key_usage.critical@0"));
  EXPECT_THAT(RunCheck(kCheck, LeafEku(std::vector<std::string>{"serverAuth", "codeSigning"}),
                       private_anchor),
              ElementsAre("ext_key_usage.forbidden_in_leaf@0"));
  EXPECT_THAT(
      RunCheck(kCheck, LeafEku(std::vector<std::string>{"anyExtendedKeyUsage"}), private_anchor),
      ElementsAre("ext_key_usage.any_eku@0", "ext_key_usage.purpose_not_allowed@0"));
}

}  // namespace
}  // namespace certval::checktest
