// CrlStore as a RevocationSource: CRLs held across validations, the newer replacing the older.
#include "certval/trust/crl_store.h"

#include <memory>
#include <thread>
#include <vector>

#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

const absl::Time kNow = absl::FromUnixSeconds(1767225600);

TEST(CrlStoreTest, ServesValidationsAndKeepsTheNewestPerScope) {
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "example.test", kNow);
  auto crls = std::make_shared<CrlStore>();
  ASSERT_TRUE(
      crls->AddCrlDer(testpki::IssueCrl(testpki::CrlSpecFor(chain.root_ca(), kNow), chain.root_key))
          .ok());
  testpki::CrlSpec first = testpki::CrlSpecFor(chain.intermediate_ca(), kNow);
  ASSERT_TRUE(crls->AddCrlDer(testpki::IssueCrl(first, chain.intermediate_key)).ok());
  EXPECT_FALSE(crls->AddCrlDer("not a CRL").ok());
  EXPECT_EQ(crls->size(), 2u);

  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(chain.root).ok());
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.revocation.unknown = UnknownStatus::kHardFail;
  options.revocation_sources = {crls};
  const Validator validator(store, options);
  ValidationRequest r;
  r.leaf = chain.leaf;
  r.intermediates = {chain.intermediate};
  r.peer_name = PeerName::Dns("example.test");
  r.time = kNow;
  std::vector<std::thread> threads;
  std::vector<bool> valid(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] { valid[t] = validator.Validate(r).valid; });
  for (auto& t : threads) t.join();
  for (bool v : valid) EXPECT_TRUE(v);

  // CRL number 2 revokes the leaf and replaces number 1; number 1 again does not bring it back.
  testpki::CrlSpec second = first;
  second.crl_number = std::string("\x02");
  second.entries.push_back({testpki::SerialOf(chain.leaf),
                            kNow - absl::Hours(1),
                            testpki::kReasonKeyCompromise,
                            std::nullopt,
                            {}});
  ASSERT_TRUE(crls->AddCrlDer(testpki::IssueCrl(second, chain.intermediate_key)).ok());
  ASSERT_TRUE(crls->AddCrlDer(testpki::IssueCrl(first, chain.intermediate_key)).ok());
  EXPECT_EQ(crls->size(), 2u);
  ValidationResult revoked = validator.Validate(r);
  EXPECT_FALSE(revoked.valid);
  ASSERT_FALSE(revoked.revocation.empty());
  EXPECT_EQ(revoked.revocation[0].state, RevocationState::kRevoked);
  // A delta CRL is another scope: held beside the complete one.
  testpki::CrlSpec delta = first;
  delta.crl_number = std::string("\x03");
  delta.delta_base = std::string("\x02");
  ASSERT_TRUE(crls->AddCrlDer(testpki::IssueCrl(delta, chain.intermediate_key)).ok());
  EXPECT_EQ(crls->size(), 3u);
}

}  // namespace
}  // namespace certval
