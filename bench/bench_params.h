// The fixed parameters every verification benchmark uses, shared by the BoringSSL-linked benchmark
// and the OpenSSL one (which must not link BoringSSL or certval), so both verify the same thing.
#ifndef CERTVAL_BENCH_BENCH_PARAMS_H_
#define CERTVAL_BENCH_BENCH_PARAMS_H_

#include <cstdint>

namespace certval::bench {

// The peer name every leaf carries (one DNS SAN) and every verifier checks.
inline constexpr char kHost[] = "bench.example.test";
// Verification time: 2026-01-01T00:00:00Z. Chains are minted valid around it.
inline constexpr int64_t kVerifyUnixSeconds = 1767225600;
// Chain files written by //bench:make_chains: "<name>.pem", leaf first, root last.
inline constexpr const char* kChainNames[] = {"rsa2048_3", "p256_3", "mixed_3", "rsa2048_5",
                                              "rsa2048_8", "p256_5", "p256_8"};

}  // namespace certval::bench

#endif  // CERTVAL_BENCH_BENCH_PARAMS_H_
