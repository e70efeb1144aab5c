// Many threads through one Validator and one FetchCache, every leaf's intermediate reachable only
// by caIssuers from a loopback server: every validation succeeds and each URL is fetched once
// (concurrent misses share one fetch). Runs under TSan in CI (.ci/run).
#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/fetch/fetch_cache.h"
#include "certval/fetch/http_fetcher.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"

namespace certval {
namespace {

TEST(FetchConcurrencyTest, ThreadsSharingACacheFetchEachUrlOnce) {
  const absl::Time now = absl::FromUnixSeconds(1767225600);
  constexpr int kUrls = 4, kThreads = 4, kPerThread = 25;
  auto server = testfetch::HttpTestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "c.example.test", now);
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(chain.root).ok());
  std::vector<std::string> leaves;
  for (int u = 0; u < kUrls; ++u) {
    testpki::TestCa ca =
        chain.root_ca().IssueCa(testpki::IntermediateSpec(absl::StrCat("CA ", u), now),
                                testpki::Key::Cached(testpki::KeyKind::kEcP256, 100 + u));
    const std::string target = absl::StrCat("/ca", u, ".cer");
    testfetch::Reply reply = testfetch::Reply::Ok(ca.cert_der());
    reply.delay = absl::Milliseconds(30);  // every thread misses while the first fetch runs
    (*server)->Serve(target, reply);
    testpki::CertSpec spec = testpki::LeafSpec("c.example.test", now);
    spec.extra.push_back(testpki::AiaExtension({}, {(*server)->Url(target)}));
    leaves.push_back(ca.Issue(spec, chain.leaf_key));
  }
  auto cache = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
  ValidatorOptions options;
  options.fetch = cache;
  options.warning_sink = std::make_shared<NullWarningSink>();
  const Validator validator(store, options);
  std::atomic<int> valid{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        ValidationRequest r;
        r.leaf = leaves[(t + i) % kUrls];
        r.peer_name = PeerName::Dns("c.example.test");
        r.time = now;
        if (validator.Validate(r).valid) ++valid;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(valid.load(), kThreads * kPerThread);
  for (int u = 0; u < kUrls; ++u)
    EXPECT_EQ((*server)->Requests(absl::StrCat("/ca", u, ".cer")), 1) << u;
  EXPECT_EQ(cache->stats().upstream, kUrls);
}

}  // namespace
}  // namespace certval
