// CertificateCache: the same bytes give the same parsed certificate, other bytes never do, parse
// errors are not cached, and the bounds hold; a Validator with both caches agrees with one without.
#include "certval/validator/certificate_cache.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/signature_cache.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::Key;
using testpki::KeyKind;

TEST(CertificateCache, SameBytesSameCertificate) {
  testpki::Chain c = testpki::MakeChain(KeyKind::kEcP256, "a.test", absl::Now());
  CertificateCache cache;
  auto first = cache.Parse(c.leaf);
  auto second = cache.Parse(std::string(c.leaf));  // another buffer, same bytes
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(first->get(), second->get());
  auto other = cache.Parse(c.intermediate);
  ASSERT_TRUE(other.ok());
  EXPECT_NE(first->get(), other->get());
  EXPECT_EQ(cache.stats().hits, 1u);
  EXPECT_EQ(cache.stats().misses, 2u);
}

TEST(CertificateCache, OneByteDifferentIsAnotherCertificate) {
  testpki::Chain c = testpki::MakeChain(KeyKind::kEcP256, "a.test", absl::Now());
  CertificateCache cache;
  std::string tampered = c.leaf;
  tampered.back() ^= 1;
  auto original = cache.Parse(c.leaf);
  auto changed = cache.Parse(tampered);
  ASSERT_TRUE(original.ok() && changed.ok());
  EXPECT_NE(original->get(), changed->get());
  EXPECT_EQ((*changed)->der(), tampered);
}

TEST(CertificateCache, ParseErrorsAreReturnedAndNotKept) {
  CertificateCache cache;
  EXPECT_FALSE(cache.Parse("not a certificate").ok());
  EXPECT_FALSE(cache.Parse("not a certificate").ok());
  EXPECT_EQ(cache.stats().entries, 0u);
}

TEST(CertificateCache, BoundedByEntriesAndBytes) {
  const absl::Time now = absl::Now();
  testpki::TestCa ca =
      testpki::TestCa::Root(testpki::RootSpec("Bound Root", now), Key::Cached(KeyKind::kEcP256));
  CertificateCache by_entries(/*max_entries=*/16, /*max_der_bytes=*/1 << 20);
  CertificateCache by_bytes(/*max_entries=*/1000, /*max_der_bytes=*/16 * 1024);
  for (int i = 0; i < 300; ++i) {
    std::string der = ca.Issue(testpki::LeafSpec(absl::StrCat("h", i, ".test"), now),
                               Key::Cached(KeyKind::kEcP256, 1));
    ASSERT_TRUE(by_entries.Parse(der).ok());
    ASSERT_TRUE(by_bytes.Parse(der).ok());
  }
  EXPECT_LE(by_entries.stats().entries, 16u);
  EXPECT_LE(by_bytes.stats().der_bytes, 16u * 1024);
  EXPECT_GT(by_bytes.stats().entries, 0u);
}

// The same requests, valid and invalid, through a Validator with and without caches, twice.
TEST(CertificateCache, ValidatorVerdictsDoNotDependOnCaches) {
  const absl::Time now = absl::Now();
  testpki::Chain c = testpki::MakeChain(KeyKind::kRsa2048, "ok.test", now);
  auto store = std::make_shared<TrustStore>();
  store->AddRoot(*Certificate::Parse(c.root));
  ValidatorOptions plain_options;
  plain_options.warning_sink = std::make_shared<NullWarningSink>();
  ValidatorOptions cached_options = plain_options;
  cached_options.verifier = std::make_shared<CachingSignatureVerifier>();
  cached_options.certificate_cache = std::make_shared<CertificateCache>();
  Validator plain(store, plain_options), cached(store, cached_options);

  testpki::CertSpec bad_sig = testpki::LeafSpec("ok.test", now);
  bad_sig.corrupt_signature = true;
  std::vector<ValidationRequest> requests(4);
  requests[0].leaf = c.leaf;
  requests[0].peer_name = PeerName::Dns("ok.test");
  requests[1] = requests[0];
  requests[1].peer_name = PeerName::Dns("wrong.test");
  requests[2] = requests[0];
  requests[2].leaf = c.intermediate_ca().Issue(bad_sig, c.leaf_key);
  requests[3] = requests[0];
  requests[3].time = now + absl::Hours(24 * 400);  // expired
  for (ValidationRequest& r : requests) r.intermediates = {c.intermediate};
  const bool expected[] = {true, false, false, false};
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < requests.size(); ++i) {
      ValidationResult a = plain.Validate(requests[i]), b = cached.Validate(requests[i]);
      EXPECT_EQ(a.valid, expected[i]) << "request " << i;
      EXPECT_EQ(b.valid, expected[i]) << "request " << i << " round " << round;
      ASSERT_EQ(a.findings.size(), b.findings.size()) << "request " << i;
      for (size_t k = 0; k < a.findings.size(); ++k)
        EXPECT_EQ(a.findings[k].code, b.findings[k].code);
    }
  }
  auto* verifier = static_cast<const CachingSignatureVerifier*>(cached_options.verifier.get());
  EXPECT_GT(verifier->stats().hits, 0u);
  EXPECT_GT(cached_options.certificate_cache->stats().hits, 0u);
}

}  // namespace
}  // namespace certval
