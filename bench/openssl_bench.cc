// The OpenSSL 3 side of the comparison (issue 7): the signature floor and X509_verify_cert on the
// chains //bench:make_chains wrote, with OpenSSL's libcrypto. A separate binary, since OpenSSL and
// BoringSSL cannot share a process; the measured code is bench/x509_baseline.h, the very code
// //bench:validate_bench runs against BoringSSL. bench/run.sh runs both and prints one table.
//
//   CERTVAL_BENCH_CHAINS=DIR bazel run -c opt //bench:openssl_bench
#include <benchmark/benchmark.h>
#include <openssl/opensslv.h>
#include <openssl/pem.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "bench/bench_params.h"
#include "bench/x509_baseline.h"

namespace certval::bench {
namespace {

// The chain file's certificates as DER, leaf first; empty when it cannot be read.
std::vector<std::string> ReadChain(const std::string& path) {
  std::vector<std::string> chain;
  FILE* f = std::fopen(path.c_str(), "r");
  if (f == nullptr) return chain;
  while (X509* cert = PEM_read_X509(f, nullptr, nullptr, nullptr)) {
    unsigned char* der = nullptr;
    int n = i2d_X509(cert, &der);
    if (n > 0) chain.emplace_back(reinterpret_cast<char*>(der), n);
    OPENSSL_free(der);
    X509_free(cert);
  }
  std::fclose(f);
  return chain;
}

void BM_Floor(benchmark::State& state, std::vector<std::string> chain) {
  const SignatureFloor floor(chain);
  if (!floor.Verify()) return state.SkipWithError("floor: a signature does not verify");
  for (auto _ : state) benchmark::DoNotOptimize(floor.Verify());
}

void BM_Legacy(benchmark::State& state, std::vector<std::string> chain) {
  LegacyVerifier verifier({chain.back()});
  const std::vector<std::string> intermediates(chain.begin() + 1, chain.end() - 1);
  if (!verifier.Verify(chain.front(), intermediates, kHost, kVerifyUnixSeconds)) {
    return state.SkipWithError("X509_verify_cert rejects the bench chain");
  }
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        verifier.Verify(chain.front(), intermediates, kHost, kVerifyUnixSeconds));
  }
}

}  // namespace
}  // namespace certval::bench

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  const char* dir = std::getenv("CERTVAL_BENCH_CHAINS");
  if (dir == nullptr) {
    std::fprintf(stderr,
                 "openssl_bench: set CERTVAL_BENCH_CHAINS to a directory written by "
                 "//bench:make_chains (bench/run.sh does)\n");
    return 2;
  }
  benchmark::AddCustomContext("openssl", OPENSSL_VERSION_TEXT);
  for (const char* c : certval::bench::kChainNames) {
    const std::string name = c;
    std::vector<std::string> chain =
        certval::bench::ReadChain(std::string(dir) + "/" + name + ".pem");
    if (chain.size() < 2) {
      std::fprintf(stderr, "openssl_bench: cannot read %s/%s.pem\n", dir, name.c_str());
      return 2;
    }
    benchmark::RegisterBenchmark(("floor_openssl/" + name).c_str(), certval::bench::BM_Floor, chain)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark(("openssl_legacy/" + name).c_str(), certval::bench::BM_Legacy,
                                 chain)
        ->Unit(benchmark::kMicrosecond);
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
