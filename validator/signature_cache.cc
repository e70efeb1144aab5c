#include "certval/validator/signature_cache.h"

#include <algorithm>
#include <cstring>

namespace certval {

size_t CachingSignatureVerifier::KeyHash::operator()(const Key& k) const {
  size_t h;
  std::memcpy(&h, k.data() + 8, sizeof(h));  // bytes 0..7 pick the shard; use others here
  return h;
}

CachingSignatureVerifier::CachingSignatureVerifier(size_t max_entries,
                                                   std::shared_ptr<const SignatureVerifier> inner)
    : inner_(inner != nullptr ? std::move(inner) : std::make_shared<SignatureVerifier>()),
      per_shard_(std::max<size_t>(1, (max_entries + kShards - 1) / kShards)),
      shards_(kShards) {}

CachingSignatureVerifier::Shard& CachingSignatureVerifier::ShardFor(const Key& key) const {
  return shards_[key[0] % kShards];
}

bool CachingSignatureVerifier::Contains(const Key& key) const {
  Shard& shard = ShardFor(key);
  std::lock_guard<std::mutex> lock(shard.mu);
  return shard.verified.contains(key);
}

void CachingSignatureVerifier::Insert(const Key& key) const {
  Shard& shard = ShardFor(key);
  std::lock_guard<std::mutex> lock(shard.mu);
  if (!shard.verified.insert(key).second) return;  // another thread got there first
  if (shard.fifo.size() < per_shard_) {
    if (shard.fifo.empty()) shard.fifo.reserve(per_shard_);  // exactly, so the bound holds
    shard.fifo.push_back(key);
    return;
  }
  shard.verified.erase(shard.fifo[shard.next]);
  shard.fifo[shard.next] = key;
  shard.next = (shard.next + 1) % per_shard_;
}

absl::Status CachingSignatureVerifier::Verify(const Certificate& child,
                                              const Certificate& issuer) const {
  Key key;
  std::memcpy(key.data(), child.der_sha256().data(), 32);
  std::memcpy(key.data() + 32, issuer.spki_sha256().data(), 32);
  if (Contains(key)) {
    hits_.fetch_add(1, std::memory_order_relaxed);
    return absl::OkStatus();
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  absl::Status status = inner_->Verify(child, issuer);
  if (status.ok()) Insert(key);
  return status;
}

CachingSignatureVerifier::Stats CachingSignatureVerifier::stats() const {
  Stats stats{hits_.load(std::memory_order_relaxed), misses_.load(std::memory_order_relaxed), 0};
  for (const Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mu);
    stats.entries += shard.verified.size();
  }
  return stats;
}

size_t CachingSignatureVerifier::memory_bytes() const {
  size_t bytes = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mu);
    bytes += shard.verified.capacity() * (sizeof(Key) + 1) + shard.fifo.capacity() * sizeof(Key);
  }
  return bytes;
}

size_t CachingSignatureVerifier::MemoryBound(size_t max_entries) {
  const size_t per_shard = std::max<size_t>(1, (max_entries + kShards - 1) / kShards);
  // The FIFO is reserved exactly; the table holds at most 16/7 slots per entry (+16 for rounding).
  const size_t table_slots = per_shard * 16 / 7 + 16;
  return kShards * (table_slots * (sizeof(Key) + 1) + per_shard * sizeof(Key));
}

}  // namespace certval
