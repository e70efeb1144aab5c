// AddRoot, AddCert, Distrust and anchor constraints, end to end through certval::Validator.
#include <memory>

#include "gtest/gtest.h"
#include "tests/pki/test_pki.h"
#include "tests/trust/trust_test_util.h"
#include "trust/trust_store.h"
#include "validator/validator.h"

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
  const std::string leaf = testpki::SelfSigned(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 7));
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

}  // namespace
}  // namespace certval
