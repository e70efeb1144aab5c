#include "certval/validator/checks/signature_check.h"

#include <atomic>

#include "absl/status/status.h"
#include "certval/validator/signature_verifier.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::Key;
using testpki::KeyKind;
using testpki::SigHash;

const SignatureCheck kCheck;

// Counts public-key operations and otherwise verifies for real.
class CountingVerifier : public SignatureVerifier {
 public:
  absl::Status Verify(const Certificate& child, const Certificate& issuer) const override {
    ++calls;
    return SignatureVerifier::Verify(child, issuer);
  }
  mutable std::atomic<int> calls{0};
};

RunOptions Rfc5280() {
  RunOptions options;
  options.profile = Profile::kRfc5280;
  return options;
}
RunOptions Strict() {
  RunOptions options;
  options.profile = Profile::kRfc5280Strict;
  return options;
}

TEST(SignatureCheck, ValidChainVerifies) {
  EXPECT_THAT(RunCheck(kCheck, ChainSpec().Build()), IsEmpty());
}

TEST(SignatureCheck, RsaPkcs1PssAndEd25519AreAccepted) {
  ChainSpec spec;
  spec.root_key = Key::Cached(KeyKind::kRsa2048);
  spec.intermediate.rsa_pss = true;  // signed by the RSA root
  spec.intermediate_key = Key::Cached(KeyKind::kEd25519);
  spec.leaf.hash = SigHash::kDefault;  // Ed25519
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, spec.Build(), Strict()), IsEmpty());
  // CABF BR 7.1.3.2 allows RSA and ECDSA only: the Ed25519 signature on the leaf is refused.
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("signature.algorithm_not_allowed@0"));
}

TEST(SignatureCheck, BadSignatureIsReportedOnTheChild) {
  ChainSpec spec;
  spec.leaf.corrupt_signature = true;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("signature.invalid@0"));
  ChainSpec spec2;
  spec2.intermediate.corrupt_signature = true;
  EXPECT_THAT(RunCheck(kCheck, spec2.Build()), ElementsAre("signature.invalid@1"));
}

TEST(SignatureCheck, WrongIssuerKeyDoesNotVerify) {
  ChainSpec spec;
  auto path = spec.Build();
  ChainSpec other;
  other.intermediate_key = Key::Cached(KeyKind::kEcP256, 7);
  auto forged = other.Build();
  EXPECT_THAT(RunCheck(kCheck, {path[0], forged[1], forged[2]}),
              ElementsAre("signature.invalid@0"));
}

TEST(SignatureCheck, AnchorSelfSignatureIsNotChecked) {
  ChainSpec spec;
  spec.root.corrupt_signature = true;
  spec.root.hash = SigHash::kSha1;
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), IsEmpty());
}

TEST(SignatureCheck, UsesWhatThePathBuilderLearned) {
  ChainSpec spec;
  spec.leaf.corrupt_signature = true;
  auto path = spec.Build();
  CountingVerifier verifier;
  RunOptions options;
  // Claims both edges verified: no public-key work, no finding.
  options.edge_verified = {EdgeSignature::kVerified, EdgeSignature::kVerified};
  EXPECT_THAT(RunCheck(kCheck, path, options), IsEmpty());

  auto good = ChainSpec().Build();
  // The builder saw edge 0 fail; edge 1 still to verify.
  options.edge_verified = {EdgeSignature::kFailed, EdgeSignature::kNotTried};
  PathContext ctx;
  ctx.path = good;
  ctx.edge_verified = options.edge_verified;
  ctx.verifier = &verifier;
  std::vector<Finding> findings;
  FindingReporter out(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, out);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].code, "signature.invalid");
  EXPECT_EQ(findings[0].cert_index, 0);
  EXPECT_EQ(verifier.calls.load(), 1);
}

TEST(SignatureCheck, Sha1IsWeakUnderWebPkiOnly) {
  ChainSpec spec;
  spec.leaf.hash = SigHash::kSha1;  // ecdsa-with-SHA1 by the intermediate
  auto path = spec.Build();
  EXPECT_THAT(RunCheck(kCheck, path), ElementsAre("signature.weak_algorithm@0"));
  EXPECT_THAT(RunCheck(kCheck, path, Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, path, Strict()), IsEmpty());

  ChainSpec rsa;
  rsa.root_key = Key::Cached(KeyKind::kRsa2048);
  rsa.intermediate.hash = SigHash::kSha1;  // sha1WithRSAEncryption by the root
  auto rsa_path = rsa.Build();
  EXPECT_THAT(RunCheck(kCheck, rsa_path), ElementsAre("signature.weak_algorithm@1"));
  EXPECT_THAT(RunCheck(kCheck, rsa_path, Rfc5280()), IsEmpty());
  EXPECT_THAT(RunCheck(kCheck, rsa_path, Strict()), IsEmpty());
}

TEST(SignatureCheck, WeakAlgorithmIsNotVerifiedAgain) {
  ChainSpec spec;
  spec.leaf.hash = SigHash::kSha1;
  spec.leaf.corrupt_signature = true;
  // The algorithm is refused; whether the bytes verify no longer matters and costs nothing.
  EXPECT_THAT(RunCheck(kCheck, spec.Build()), ElementsAre("signature.weak_algorithm@0"));
}

TEST(SignatureCheck, SingleCertificatePathHasNoEdge) {
  auto path = ChainSpec().Build();
  RunOptions options;
  options.anchor.kind = TrustKind::kLeaf;
  EXPECT_THAT(RunCheck(kCheck, {path[0]}, options), IsEmpty());
}

}  // namespace
}  // namespace certval::checktest
