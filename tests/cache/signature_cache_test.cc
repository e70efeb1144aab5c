// CachingSignatureVerifier: hits only for the exact (certificate, issuer key) that verified,
// failures never cached, and the entry and memory bounds hold.
#include "certval/validator/signature_cache.h"

#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::Key;
using testpki::KeyKind;

CertificatePtr Parse(const std::string& der) { return *Certificate::Parse(der); }

struct Chain {
  CertificatePtr root, intermediate, leaf;
};

Chain MakeChain() {
  testpki::Chain c = testpki::MakeChain(KeyKind::kEcP256, "cache.example.test", absl::Now());
  return {Parse(c.root), Parse(c.intermediate), Parse(c.leaf)};
}

TEST(SignatureCache, SecondVerificationIsAHit) {
  Chain c = MakeChain();
  CachingSignatureVerifier cache;
  EXPECT_TRUE(cache.Verify(*c.leaf, *c.intermediate).ok());
  EXPECT_TRUE(cache.Verify(*c.leaf, *c.intermediate).ok());
  // A re-parsed copy of the same bytes is the same key.
  EXPECT_TRUE(cache.Verify(*Parse(c.leaf->der()), *Parse(c.intermediate->der())).ok());
  CachingSignatureVerifier::Stats stats = cache.stats();
  EXPECT_EQ(stats.misses, 1u);
  EXPECT_EQ(stats.hits, 2u);
  EXPECT_EQ(stats.entries, 1u);
}

TEST(SignatureCache, FailuresAreNotCachedAndKeepFailing) {
  Chain c = MakeChain();
  CachingSignatureVerifier cache;
  EXPECT_FALSE(cache.Verify(*c.leaf, *c.root).ok());  // the root did not sign the leaf
  EXPECT_FALSE(cache.Verify(*c.leaf, *c.root).ok());
  EXPECT_EQ(cache.stats().entries, 0u);
  EXPECT_EQ(cache.stats().hits, 0u);
}

TEST(SignatureCache, AnotherIssuerKeyWithTheSameNameMisses) {
  Chain c = MakeChain();
  CachingSignatureVerifier cache;
  ASSERT_TRUE(cache.Verify(*c.leaf, *c.intermediate).ok());
  // Same subject and name as the real intermediate, another key: must not ride on the cached entry.
  testpki::TestCa impostor =
      testpki::TestCa::Root(testpki::RootSpec("x", absl::Now()), Key::Cached(KeyKind::kEcP256, 9))
          .IssueCa(testpki::IntermediateSpec("certval Test Intermediate CA", absl::Now()),
                   Key::Cached(KeyKind::kEcP256, 8));
  EXPECT_FALSE(cache.Verify(*c.leaf, *Parse(impostor.cert_der())).ok());
}

TEST(SignatureCache, TamperedSignatureMisses) {
  Chain c = MakeChain();
  CachingSignatureVerifier cache;
  ASSERT_TRUE(cache.Verify(*c.leaf, *c.intermediate).ok());
  std::string tampered = c.leaf->der();
  tampered.back() ^= 1;  // the last byte is in the signature
  auto cert = Certificate::Parse(tampered);
  ASSERT_TRUE(cert.ok());
  EXPECT_FALSE(cache.Verify(**cert, *c.intermediate).ok());
}

TEST(SignatureCache, EntriesAndMemoryStayBounded) {
  const absl::Time now = absl::Now();
  testpki::TestCa ca =
      testpki::TestCa::Root(testpki::RootSpec("Bound Root", now), Key::Cached(KeyKind::kEcP256));
  CertificatePtr issuer = Parse(ca.cert_der());
  constexpr size_t kMax = 64;
  CachingSignatureVerifier cache(kMax);
  for (int i = 0; i < 400; ++i) {
    CertificatePtr leaf = Parse(ca.Issue(testpki::LeafSpec(absl::StrCat("h", i, ".test"), now),
                                         Key::Cached(KeyKind::kEcP256, 1)));
    ASSERT_TRUE(cache.Verify(*leaf, *issuer).ok());
  }
  EXPECT_LE(cache.stats().entries, cache.max_entries());
  EXPECT_GT(cache.stats().entries, kMax / 4);  // eviction is per shard; most slots are in use
  EXPECT_LE(cache.memory_bytes(), CachingSignatureVerifier::MemoryBound(kMax));
}

TEST(SignatureCache, ConcurrentUseGivesTheSameAnswers) {
  Chain c = MakeChain();
  CachingSignatureVerifier cache(8);
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!cache.Verify(*c.leaf, *c.intermediate).ok()) ++wrong;
        if (!cache.Verify(*c.intermediate, *c.root).ok()) ++wrong;
        if (cache.Verify(*c.leaf, *c.root).ok()) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace certval
