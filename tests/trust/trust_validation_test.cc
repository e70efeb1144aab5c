// AddRoot, AddCert, Distrust and anchor constraints, end to end through certval::Validator.
#include <memory>

#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

using trusttest::Now;
using trusttest::ParseOrDie;

constexpr char kHost[] = "www.example.test";

class TrustValidationTest : public ::testing::Test {
 protected:
  TrustValidationTest() : chain_(testpki::MakeChain(testpki::KeyKind::kEcP256, kHost, Now())) {}

  ValidationResult Validate(const std::string& leaf, std::vector<std::string> intermediates) {
    ValidatorOptions options;
    Validator validator(store_, options);
    ValidationRequest request;
    request.leaf = leaf;
    request.intermediates = std::move(intermediates);
    request.peer_name = PeerName::Dns(kHost);
    request.time = Now();
    return validator.Validate(request);
  }
  ValidationResult ValidateChain() { return Validate(chain_.leaf, {chain_.intermediate}); }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_ = std::make_shared<TrustStore>();
};

TEST_F(TrustValidationTest, WithoutARootNothingValidates) {
  ValidationResult result = ValidateChain();
  EXPECT_FALSE(result.valid);
}

TEST_F(TrustValidationTest, AddRootThenTheChainValidates) {
  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
  ValidationResult result = ValidateChain();
  EXPECT_TRUE(result.valid) << result.ErrorSummary();
  EXPECT_EQ(result.path.size(), 3u);
  EXPECT_EQ(result.anchor, TrustKind::kAnchor);
}

TEST_F(TrustValidationTest, AddCertLetsASelfSignedLeafPassAsAOneElementPath) {
  testpki::CertSpec spec = testpki::LeafSpec(kHost, Now());
  const std::string leaf =
      testpki::SelfSigned(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 7));
  EXPECT_FALSE(Validate(leaf, {}).valid) << "not trusted yet";
  ASSERT_TRUE(store_->AddCertDer(leaf).ok());
  ValidationResult result = Validate(leaf, {});
  EXPECT_TRUE(result.valid) << result.ErrorSummary();
  EXPECT_EQ(result.path.size(), 1u);
  EXPECT_EQ(result.anchor, TrustKind::kLeaf);
}

TEST_F(TrustValidationTest, DistrustOfTheIntermediateMakesTheChainFail) {
  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
  ASSERT_TRUE(ValidateChain().valid);
  store_->Distrust(*ParseOrDie(chain_.intermediate));
  ValidationResult result = ValidateChain();
  EXPECT_FALSE(result.valid);
  EXPECT_FALSE(result.ErrorSummary().empty());
}

TEST_F(TrustValidationTest, DistrustOfTheRootBySpkiHashMakesTheChainFail) {
  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
  store_->DistrustSpkiSha256(SpkiSha256(*ParseOrDie(chain_.root)));
  EXPECT_FALSE(ValidateChain().valid);
}

TEST_F(TrustValidationTest, DistrustedLeafFailsEvenWhenAddCertTrustsIt) {
  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
  store_->AddCert(ParseOrDie(chain_.leaf));
  store_->Distrust(*ParseOrDie(chain_.leaf));
  EXPECT_FALSE(ValidateChain().valid);
}

TEST_F(TrustValidationTest, AnchorConstraintsLimitThePathsBelowTheRoot) {
  auto outside = std::make_shared<AnchorConstraints>();
  outside->permitted_dns = {"other.test"};
  store_->AddRoot(ParseOrDie(chain_.root), outside);
  EXPECT_FALSE(ValidateChain().valid) << "www.example.test is outside other.test";

  auto inside = std::make_shared<AnchorConstraints>();
  inside->permitted_dns = {"example.test"};
  store_ = std::make_shared<TrustStore>();
  store_->AddRoot(ParseOrDie(chain_.root), inside);
  ValidationResult result = ValidateChain();
  EXPECT_TRUE(result.valid) << result.ErrorSummary();
}

// --- whom the Baseline Requirements bind (AnchorOrigin) ---

const Finding* FindCode(const ValidationResult& result, absl::string_view code) {
  for (const Finding& f : result.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

// BetterTLS's false rejects: a private CA's leaf whose CN is not one of its SANs. Go and Chromium
// accept it; the BRs, which forbid it, bind root programs' CAs only.
TEST_F(TrustValidationTest, BelowAPrivateRootTheBrIssuanceRulesAreWarnings) {
  testpki::CertSpec spec = testpki::LeafSpec(kHost, Now());
  spec.subject = testpki::NameSpec::Cn("cn-only.example.test");
  const std::string leaf = chain_.intermediate_ca().Issue(spec, chain_.leaf_key);

  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());  // private: the default
  ValidationResult result = Validate(leaf, {chain_.intermediate});
  EXPECT_TRUE(result.valid) << result.ErrorSummary();
  const Finding* cn = FindCode(result, "certificate_profile.cn_not_in_san");
  ASSERT_NE(cn, nullptr) << "still reported";
  EXPECT_EQ(cn->severity, Severity::kWarning);

  store_ = std::make_shared<TrustStore>();
  ASSERT_TRUE(store_->AddRootDer(chain_.root, AnchorOrigin::kRootProgram).ok());
  result = Validate(leaf, {chain_.intermediate});
  EXPECT_FALSE(result.valid);
  cn = FindCode(result, "certificate_profile.cn_not_in_san");
  ASSERT_NE(cn, nullptr);
  EXPECT_EQ(cn->severity, Severity::kError);
}

// Rules with a security effect bind private paths as they bind the web PKI.
TEST_F(TrustValidationTest, BelowAPrivateRootSecurityRulesStillBind) {
  ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
  const testpki::TestCa ica = chain_.intermediate_ca();
  struct Case {
    const char* code;
    std::string leaf;
    std::vector<std::string> intermediates;
  };
  testpki::CertSpec expired = testpki::LeafSpec(kHost, Now());
  expired.not_after = Now() - absl::Hours(1);
  testpki::CertSpec code_signing = testpki::LeafSpec(kHost, Now());
  code_signing.eku = std::vector<std::string>{"serverAuth", "codeSigning"};
  testpki::CertSpec other_name = testpki::LeafSpec("other.example.test", Now());
  const testpki::TestCa ed =
      chain_.root_ca().IssueCa(testpki::IntermediateSpec("Ed25519 CA", Now()),
                               testpki::Key::Cached(testpki::KeyKind::kEd25519, 3));
  const Case cases[] = {
      {"validity.expired", ica.Issue(expired, chain_.leaf_key), {chain_.intermediate}},
      {"ext_key_usage.forbidden_in_leaf",
       ica.Issue(code_signing, chain_.leaf_key),
       {chain_.intermediate}},
      {"peer_name.mismatch", ica.Issue(other_name, chain_.leaf_key), {chain_.intermediate}},
      {"public_key.rsa_too_small",
       ica.Issue(testpki::LeafSpec(kHost, Now()), testpki::Key::Cached(testpki::KeyKind::kRsa1024)),
       {chain_.intermediate}},
      {"signature.algorithm_not_allowed",
       ed.Issue(testpki::LeafSpec(kHost, Now()), chain_.leaf_key),
       {ed.cert_der()}},
  };
  for (const Case& c : cases) {
    ValidationResult result = Validate(c.leaf, c.intermediates);
    EXPECT_FALSE(result.valid) << c.code;
    const Finding* f = FindCode(result, c.code);
    ASSERT_NE(f, nullptr) << c.code << ": " << result.ErrorSummary();
    EXPECT_EQ(f->severity, Severity::kError) << c.code;
  }
}

}  // namespace
}  // namespace certval
