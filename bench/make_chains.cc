// Writes the benchmark chains (bench_params.h: kChainNames) as PEM files into a directory, so that
// //bench:validate_bench and //bench:openssl_bench verify the same bytes. Used by bench/run.sh.
//
//   make_chains DIR
#include <cstdio>
#include <string>
#include <utility>

#include "absl/time/time.h"
#include "bench/bench_chains.h"
#include "bench/bench_params.h"
#include "certval/testing/pki/test_pki.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_chains DIR\n");
    return 2;
  }
  for (const char* name : certval::bench::kChainNames) {
    auto chain = certval::bench::MintChain(name);
    absl::Status status = chain.ok() ? certval::bench::WriteChain(argv[1], *chain) : chain.status();
    if (!status.ok()) {
      std::fprintf(stderr, "make_chains: %s: %s\n", name, std::string(status.message()).c_str());
      return 1;
    }
  }
  // The hostile review's name-constraint bombs (issue 13), for timing `certval verify` and
  // `certval connect` on them: leaf, intermediate, root.
  const absl::Time t = absl::FromUnixSeconds(certval::bench::kVerifyUnixSeconds);
  for (const auto& [name, subtrees] : {std::pair<const char*, int>{"nc_bomb_90kb", 4300},
                                       std::pair<const char*, int>{"nc_bomb_870kb", 40000}}) {
    certval::testpki::Chain bomb = certval::testpki::NameConstraintsBomb(subtrees, 20, t);
    certval::bench::BenchChain chain{name, {bomb.leaf, bomb.intermediate, bomb.root}};
    absl::Status status = certval::bench::WriteChain(argv[1], chain);
    if (!status.ok()) {
      std::fprintf(stderr, "make_chains: %s: %s\n", name, std::string(status.message()).c_str());
      return 1;
    }
  }
  return 0;
}
