// The chains the verification benchmarks measure, minted with the test-PKI builder.
//
// Each chain is leaf first and root last; every certificate is valid at kVerifyUnixSeconds and the
// leaf names kHost. Kinds: all RSA-2048, all ECDSA P-256, or mixed (RSA-2048 root and
// intermediates, P-256 leaf key — signed by RSA like most web chains). A chain can be written to
// and read from a directory so that the OpenSSL benchmark, a separate process, verifies the very
// same bytes.
#ifndef CERTVAL_BENCH_BENCH_CHAINS_H_
#define CERTVAL_BENCH_BENCH_CHAINS_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval::bench {

struct BenchChain {
  std::string name;              // e.g. "rsa2048_3"
  std::vector<std::string> der;  // leaf, intermediates..., root
  const std::string& leaf() const { return der.front(); }
  const std::string& root() const { return der.back(); }
  std::vector<std::string> intermediates() const { return {der.begin() + 1, der.end() - 1}; }
};

// `name` is one of kChainNames: "<kind>_<length>".
absl::StatusOr<BenchChain> MintChain(absl::string_view name);

// Reads "<dir>/<name>.pem" when `dir` is non-empty, else mints the chain.
absl::StatusOr<BenchChain> LoadOrMintChain(absl::string_view dir, absl::string_view name);

// Writes "<dir>/<name>.pem".
absl::Status WriteChain(absl::string_view dir, const BenchChain& chain);

// A store-filler: `n` distinct self-signed P-256 roots that issue nothing in the benchmarks.
std::vector<std::string> UnrelatedRoots(size_t n);

}  // namespace certval::bench

#endif  // CERTVAL_BENCH_BENCH_CHAINS_H_
