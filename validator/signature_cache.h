// CachingSignatureVerifier: remembers which signatures verified, so repeat handshakes with the
// same servers skip the public-key work.
//
// An entry is keyed by SHA-256(child DER) and SHA-256(issuer SubjectPublicKeyInfo). The child's
// DER fixes the signed TBSCertificate, both algorithm fields and the signature; the SPKI fixes the
// key and its algorithm — everything SignatureVerifier::Verify depends on — so a hit can only be
// returned for the exact inputs that verified before and the cache never changes a verdict.
// (Digests rather than the bytes themselves: an entry is 64 bytes of key whatever the certificate
// size; the digests are computed once per Certificate object, see Certificate::der_sha256().)
//
// Only successes are stored: a failure is recomputed (and is rare on the hot path), and forged
// signatures cannot crowd out good entries. Bounded: at most `max_entries`, evicting the oldest
// entry of a shard first (FIFO; the working set of a TLS client is small and stable, so recency
// tracking would cost more than it saves). Thread-safe: sharded, one mutex per shard.
#ifndef CERTVAL_VALIDATOR_SIGNATURE_CACHE_H_
#define CERTVAL_VALIDATOR_SIGNATURE_CACHE_H_

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_set.h"
#include "certval/validator/signature_verifier.h"

namespace certval {

class CachingSignatureVerifier : public SignatureVerifier {
 public:
  static constexpr size_t kDefaultMaxEntries = 4096;  // at most ~0.9 MiB, see MemoryBound()

  // `inner` does the real work on a miss (default: the plain SignatureVerifier).
  explicit CachingSignatureVerifier(size_t max_entries = kDefaultMaxEntries,
                                    std::shared_ptr<const SignatureVerifier> inner = nullptr);

  ABSL_MUST_USE_RESULT
  absl::Status Verify(const Certificate& child, const Certificate& issuer) const override;

  struct Stats {
    uint64_t hits = 0, misses = 0;
    size_t entries = 0;
  };
  Stats stats() const;
  size_t max_entries() const { return kShards * per_shard_; }
  // Heap bytes the tables hold now, and the most they can ever hold for `max_entries`: each entry
  // is a 64-byte key in the FIFO plus a slot (key + control byte) in a hash table that, just after
  // growing, is at most 7/16 full.
  size_t memory_bytes() const;
  static size_t MemoryBound(size_t max_entries);

 private:
  using Key = std::array<uint8_t, 64>;  // SHA-256(child DER) || SHA-256(issuer SPKI)
  struct KeyHash {
    size_t operator()(const Key& k) const;  // the key is already uniform: take 8 bytes of it
  };
  struct Shard {
    // std::mutex rather than absl::Mutex: Debian's Abseil is not ThreadSanitizer-instrumented,
    // and the TSan test runs validations through this cache.
    mutable std::mutex mu;
    absl::flat_hash_set<Key, KeyHash> verified;
    std::vector<Key> fifo;  // insertion order, a ring once full
    size_t next = 0;        // the ring slot to evict and reuse next
  };
  static constexpr size_t kShards = 16;
  Shard& ShardFor(const Key& key) const;
  bool Contains(const Key& key) const;
  void Insert(const Key& key) const;

  std::shared_ptr<const SignatureVerifier> inner_;
  size_t per_shard_;
  mutable std::vector<Shard> shards_;
  mutable std::atomic<uint64_t> hits_{0}, misses_{0};
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_SIGNATURE_CACHE_H_
