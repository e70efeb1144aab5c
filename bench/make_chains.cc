// Writes the benchmark chains (bench_params.h: kChainNames) as PEM files into a directory, so that
// //bench:validate_bench and //bench:openssl_bench verify the same bytes. Used by bench/run.sh.
//
//   make_chains DIR
#include <cstdio>
#include <string>

#include "bench/bench_chains.h"
#include "bench/bench_params.h"

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
  return 0;
}
