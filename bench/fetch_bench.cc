// Issue 18's benchmark: 1,000 validations from 4 threads, sharing one Validator and one FetchCache,
// against a loopback HTTP server that is the only place the leaves' intermediates can be found
// (each leaf names its intermediate by caIssuers). Concurrent misses for one URL must share one
// fetch: the server must see exactly one request per URL. Prints the figures; exits 1 otherwise.
//
//   bazel run -c opt //bench:fetch_bench [-- VALIDATIONS THREADS URLS LATENCY_MS]
#include <atomic>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/fetch/fetch_cache.h"
#include "certval/fetch/http_fetcher.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "tests/fetch/http_test_server.h"

namespace {

using namespace certval;  // NOLINT: a benchmark's main

int Arg(int argc, char** argv, int i, int fallback) {
  int v = fallback;
  return i < argc && absl::SimpleAtoi(argv[i], &v) && v > 0 ? v : fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const int validations = Arg(argc, argv, 1, 1000);
  const int threads = Arg(argc, argv, 2, 4);
  const int urls = Arg(argc, argv, 3, 8);
  const int latency_ms = Arg(argc, argv, 4, 20);  // the server's think time: misses overlap
  const absl::Time now = absl::Now();
  constexpr int kLeavesPerCa = 8;

  auto server = testfetch::HttpTestServer::Start();
  if (!server.ok()) {
    std::cerr << server.status() << "\n";
    return 2;
  }
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "bench.example.test", now);
  auto store = std::make_shared<TrustStore>();
  if (!store->AddRootDer(chain.root).ok()) return 2;
  // `urls` intermediates, each served at its own URL only, with leaves that name it.
  std::vector<std::string> leaves;
  for (int u = 0; u < urls; ++u) {
    testpki::TestCa ca =
        chain.root_ca().IssueCa(testpki::IntermediateSpec(absl::StrCat("Bench CA ", u), now),
                                testpki::Key::Cached(testpki::KeyKind::kEcP256, 100 + u));
    const std::string target = absl::StrCat("/ca", u, ".cer");
    testfetch::Reply reply = testfetch::Reply::Ok(ca.cert_der(), "application/pkix-cert");
    reply.delay = absl::Milliseconds(latency_ms);
    (*server)->Serve(target, reply);
    for (int l = 0; l < kLeavesPerCa; ++l) {
      testpki::CertSpec spec = testpki::LeafSpec("bench.example.test", now);
      spec.extra.push_back(testpki::AiaExtension({}, {(*server)->Url(target)}));
      leaves.push_back(ca.Issue(spec, chain.leaf_key));
    }
  }

  auto cache = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
  ValidatorOptions options;
  options.fetch = cache;
  options.warning_sink = std::make_shared<NullWarningSink>();
  const Validator validator(store, options);

  std::atomic<int> next{0}, valid{0};
  const absl::Time start = absl::Now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (int i; (i = next.fetch_add(1)) < validations;) {
        ValidationRequest r;
        r.leaf = leaves[static_cast<size_t>(i) % leaves.size()];
        r.peer_name = PeerName::Dns("bench.example.test");
        if (validator.Validate(r).valid) ++valid;
      }
    });
  }
  for (std::thread& t : pool) t.join();
  const absl::Duration took = absl::Now() - start;

  const fetch::FetchCacheStats stats = cache->stats();
  std::cout << "fetch_bench: " << validations << " validations from " << threads << " threads, "
            << urls << " caIssuers URLs, " << latency_ms << " ms server latency\n"
            << "  valid:             " << valid.load() << " of " << validations << "\n"
            << "  wall time:         " << absl::FormatDuration(took) << " ("
            << absl::FormatDuration(took / validations) << " per validation, amortized)\n"
            << "  cache:             " << stats.upstream << " upstream fetches, " << stats.shared
            << " waited on a fetch in flight, " << stats.hits << " hits, " << stats.negative_hits
            << " negative hits\n"
            << "  server requests:   " << (*server)->TotalRequests() << " in all\n";
  bool once_each = true;
  for (const auto& [target, count] : (*server)->RequestCounts()) {
    std::cout << "    " << target << ": " << count << "\n";
    once_each = once_each && count == 1;
  }
  once_each = once_each && (*server)->RequestCounts().size() == static_cast<size_t>(urls);
  std::cout << "  one fetch per URL: " << (once_each ? "yes" : "NO") << "\n";
  return once_each && valid.load() == validations ? 0 : 1;
}
