#include "certval/validator/certificate_cache.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/hash/hash.h"

namespace certval {

CertificateCache::CertificateCache(size_t max_entries, size_t max_der_bytes)
    : max_entries_per_shard_(std::max<size_t>(1, max_entries / kShards)),
      max_bytes_per_shard_(std::max<size_t>(1, max_der_bytes / kShards)),
      shards_(kShards) {}

CertificateCache::Shard& CertificateCache::ShardFor(absl::string_view der) {
  // The tail of a certificate is its signature: well mixed, and cheap to read.
  const unsigned char last = der.empty() ? 0 : static_cast<unsigned char>(der.back());
  return shards_[last % kShards];
}

absl::StatusOr<CertificatePtr> CertificateCache::Parse(absl::string_view der) {
  Shard& shard = ShardFor(der);
  {
    std::lock_guard<std::mutex> lock(shard.mu);
    auto it = shard.by_der.find(der);
    if (it != shard.by_der.end()) {
      hits_.fetch_add(1, std::memory_order_relaxed);
      return it->second;
    }
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  absl::StatusOr<CertificatePtr> cert = Certificate::Parse(std::string(der));  // outside the lock
  if (cert.ok() && der.size() <= max_bytes_per_shard_) Insert(shard, *cert);
  return cert;
}

void CertificateCache::Insert(Shard& shard, CertificatePtr cert) {
  std::lock_guard<std::mutex> lock(shard.mu);
  if (!shard.by_der.emplace(cert->der(), cert).second) return;  // another thread got there first
  shard.der_bytes += cert->der().size();
  shard.fifo.push_back(std::move(cert));
  while (shard.fifo.size() > max_entries_per_shard_ || shard.der_bytes > max_bytes_per_shard_) {
    const CertificatePtr& oldest = shard.fifo.front();
    shard.der_bytes -= oldest->der().size();
    shard.by_der.erase(absl::string_view(oldest->der()));
    shard.fifo.pop_front();
  }
}

CertificateCache::Stats CertificateCache::stats() const {
  Stats stats{hits_.load(std::memory_order_relaxed), misses_.load(std::memory_order_relaxed), 0, 0};
  for (const Shard& shard : shards_) {
    std::lock_guard<std::mutex> lock(shard.mu);
    stats.entries += shard.fifo.size();
    stats.der_bytes += shard.der_bytes;
  }
  return stats;
}

}  // namespace certval
