// The caches never change a verdict: the whole x509-limbo suite run without caches, then twice with
// one signature cache and one certificate cache shared by every case (the second pass answers from
// the caches), must give the same result and the same findings for every case.
#include <fstream>
#include <memory>

#include "certval/validator/certificate_cache.h"
#include "certval/validator/signature_cache.h"
#include "gtest/gtest.h"
#include "tools/limbo.h"

namespace certval {
namespace {

TEST(CacheLimbo, SameResultsWithAndWithoutCaches) {
  const std::string path = DefaultLimboPath();
  ASSERT_TRUE(std::ifstream(path).good()) << "x509-limbo file not found at '" << path << "'";
  absl::StatusOr<LimboReport> plain = RunLimboFile(path);
  ASSERT_TRUE(plain.ok()) << plain.status();

  auto verifier = std::make_shared<CachingSignatureVerifier>();
  auto certificates = std::make_shared<CertificateCache>();
  const LimboRunOptions cached{verifier, certificates};
  for (int pass = 1; pass <= 2; ++pass) {
    absl::StatusOr<LimboReport> report = RunLimboFile(path, cached);
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_EQ(report->results.size(), plain->results.size());
    for (size_t i = 0; i < plain->results.size(); ++i) {
      const LimboCaseResult& want = plain->results[i];
      const LimboCaseResult& got = report->results[i];
      EXPECT_EQ(got.actual, want.actual) << want.id << " (pass " << pass << ")";
      EXPECT_EQ(got.context, want.context) << want.id << " (pass " << pass << ")";
    }
  }
  // The cached passes really used the caches.
  EXPECT_GT(verifier->stats().hits, 100u);
  EXPECT_GT(certificates->stats().hits, 100u);
  std::cout << "signature cache: " << verifier->stats().hits << " hits, "
            << verifier->stats().misses
            << " misses; certificate cache: " << certificates->stats().hits << " hits\n";
}

}  // namespace
}  // namespace certval
