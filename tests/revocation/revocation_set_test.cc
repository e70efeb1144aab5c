// The pushed revocation set: build, load (with every corruption refused), exact lookups, blocked
// keys, and its use as a RevocationSource through the Validator, shared by threads.
#include "certval/trust/revocation_set.h"

#include <openssl/sha.h>

#include <random>
#include <string>
#include <thread>
#include <vector>

#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

Sha256Digest Key(int n) {
  Sha256Digest d{};
  SHA256(reinterpret_cast<const uint8_t*>(&n), sizeof n, d.data());
  return d;
}

RevocationSet::Contents Sample() {
  RevocationSet::Contents c;
  c.sequence = 7;
  c.created = absl::FromUnixSeconds(1767225600);
  c.issuers.push_back({Key(1), {"\x01", std::string("\x00\x80", 2), "\x7f\x01", "\x02"}});
  c.issuers.push_back({Key(2), {std::string(20, '\x11')}});
  c.issuers.push_back({Key(1), {"\x03"}});  // a second CRL of issuer 1: merged
  c.blocked_spki_sha256 = {Key(9)};
  return c;
}

TEST(RevocationSetTest, BuildsAndAnswersExactly) {
  auto bytes = RevocationSet::Build(Sample());
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  auto set = RevocationSet::Load(*bytes);
  ASSERT_TRUE(set.ok()) << set.status();
  const RevocationSet& s = **set;
  EXPECT_EQ(s.sequence(), 7u);
  EXPECT_EQ(s.issuer_count(), 2u);
  EXPECT_EQ(s.serial_count(), 6u);
  EXPECT_EQ(s.blocked_count(), 1u);
  for (const std::string& serial :
       {std::string("\x01"), std::string("\x00\x80", 2), std::string("\x7f\x01"),
        std::string("\x02"), std::string("\x03")}) {
    EXPECT_EQ(s.IsRevoked(Key(1), serial), true) << serial.size();
  }
  // Exact: a serial of another length with the same leading bytes, or another issuer's, is not.
  EXPECT_EQ(s.IsRevoked(Key(1), std::string("\x01\x00", 2)), false);
  EXPECT_EQ(s.IsRevoked(Key(1), "\x7f"), false);
  EXPECT_EQ(s.IsRevoked(Key(1), std::string(20, '\x11')), false);
  EXPECT_EQ(s.IsRevoked(Key(2), std::string(20, '\x11')), true);
  EXPECT_EQ(s.IsRevoked(Key(3), "\x01"), std::nullopt);  // not covered
  EXPECT_TRUE(s.IsBlocked(Key(9)));
  EXPECT_FALSE(s.IsBlocked(Key(1)));
}

TEST(RevocationSetTest, RefusesEveryCorruption) {
  const std::string good = *RevocationSet::Build(Sample());
  for (size_t n = 0; n < good.size(); ++n)
    EXPECT_FALSE(RevocationSet::Load(good.substr(0, n)).ok()) << n;
  for (size_t i = 0; i < good.size(); ++i) {
    std::string bad = good;
    bad[i] ^= 0x01;
    EXPECT_FALSE(RevocationSet::Load(bad).ok()) << "byte " << i;  // the checksum at least
  }
  std::string future = good;
  future[11] = 2;  // version 2
  EXPECT_NE(RevocationSet::Load(future).status().message().find("version 2"), std::string::npos);
  RevocationSet::Contents too_long;
  too_long.issuers.push_back({Key(1), {std::string(33, '\x01')}});
  EXPECT_FALSE(RevocationSet::Build(too_long).ok());
}

TEST(RevocationSetTest, IsARevocationSourceSharedByThreads) {
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "example.test", now);
  auto leaf = *Certificate::Parse(chain.leaf);
  auto intermediate = *Certificate::Parse(chain.intermediate);
  auto root = *Certificate::Parse(chain.root);
  RevocationSet::Contents c;
  c.issuers.push_back({intermediate->spki_sha256(), {std::string(leaf->serial())}});
  c.issuers.push_back({root->spki_sha256(), {}});
  auto set = *RevocationSet::Load(*RevocationSet::Build(c));

  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(chain.root).ok());
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.revocation.unknown = UnknownStatus::kHardFail;
  options.revocation_sources = {set};
  auto validator = std::make_shared<Validator>(store, options);
  ValidationRequest r;
  r.leaf = chain.leaf;
  r.intermediates = {chain.intermediate};
  r.peer_name = PeerName::Dns("example.test");
  r.time = now;
  std::vector<std::thread> threads;
  std::vector<ValidationResult> results(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] { results[t] = validator->Validate(r); });
  }
  for (auto& t : threads) t.join();
  for (const ValidationResult& result : results) {
    EXPECT_FALSE(result.valid);
    ASSERT_EQ(result.revocation.size(), 2u);
    EXPECT_EQ(result.revocation[0].state, RevocationState::kRevoked);
    EXPECT_EQ(result.revocation[0].source, "revocation set 0");
    EXPECT_EQ(result.revocation[1].state, RevocationState::kGood);  // covered, not listed
  }
  // The set says the intermediate is good; a CRL in the request that revokes it wins.
  testpki::CrlSpec root_crl = testpki::CrlSpecFor(chain.root_ca(), now);
  root_crl.entries.push_back({testpki::SerialOf(chain.intermediate),
                              now - absl::Hours(1),
                              testpki::kReasonCaCompromise,
                              std::nullopt,
                              {}});
  ValidationRequest newer = r;
  newer.crls = {testpki::IssueCrl(root_crl, chain.root_key)};
  ValidationResult with_crl = validator->Validate(newer);
  ASSERT_EQ(with_crl.revocation.size(), 2u);
  EXPECT_EQ(with_crl.revocation[1].state, RevocationState::kRevoked);
  EXPECT_EQ(with_crl.revocation[1].reason, RevocationReason::kCaCompromise);
  // A blocked key is revoked whoever issued it.
  RevocationSet::Contents blocked;
  blocked.blocked_spki_sha256 = {leaf->spki_sha256()};
  auto block_set = *RevocationSet::Load(*RevocationSet::Build(blocked));
  std::optional<RevocationStatus> s = block_set->Lookup(*leaf, *intermediate);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->state, RevocationState::kRevoked);
  EXPECT_EQ(s->reason, RevocationReason::kKeyCompromise);
}

}  // namespace
}  // namespace certval
