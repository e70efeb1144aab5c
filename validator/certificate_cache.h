// CertificateCache: parsed certificates by their exact DER, so a server's chain that comes back on
// every handshake is parsed once.
//
// Lookups hash the DER and compare it byte for byte (never a digest: a hit is the identical
// certificate). A cached Certificate is immutable and shared, and it keeps its own digests (see
// Certificate::der_sha256()), which the signature cache then gets for free.
//
// Bounded by entries and by DER bytes held; the oldest entry of a shard goes first. Besides its
// DER, a parsed certificate holds about 3.5 KiB of decoded fields (measured for a typical leaf, see
// docs/performance.md), so the defaults bound the cache near 1024 x 3.5 KiB + 4 MiB of DER at
// worst, about 4 MiB for typical leaves. Only certificates that parse are kept. Thread-safe.
#ifndef CERTVAL_VALIDATOR_CERTIFICATE_CACHE_H_
#define CERTVAL_VALIDATOR_CERTIFICATE_CACHE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"

namespace certval {

class CertificateCache {
 public:
  static constexpr size_t kDefaultMaxEntries = 1024;
  static constexpr size_t kDefaultMaxDerBytes = 4 << 20;

  explicit CertificateCache(size_t max_entries = kDefaultMaxEntries,
                            size_t max_der_bytes = kDefaultMaxDerBytes);

  // The parsed certificate for `der`: the cached one, or Certificate::Parse(der) (kept if it
  // parses).
  ABSL_MUST_USE_RESULT
  absl::StatusOr<CertificatePtr> Parse(absl::string_view der);

  struct Stats {
    uint64_t hits = 0, misses = 0;
    size_t entries = 0, der_bytes = 0;
  };
  Stats stats() const;

 private:
  static constexpr size_t kShards = 8;
  struct Shard {
    // std::mutex rather than absl::Mutex: visible to ThreadSanitizer (Debian's Abseil is not
    // instrumented).
    mutable std::mutex mu;
    absl::flat_hash_map<absl::string_view, CertificatePtr> by_der;  // keys view the values' DER
    std::deque<CertificatePtr> fifo;                                // insertion order
    size_t der_bytes = 0;
  };
  Shard& ShardFor(absl::string_view der);
  void Insert(Shard& shard, CertificatePtr cert);

  size_t max_entries_per_shard_, max_bytes_per_shard_;
  std::vector<Shard> shards_;
  std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CERTIFICATE_CACHE_H_
