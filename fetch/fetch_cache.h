// FetchCache: a Fetcher that remembers, shared by every validation of a process.
//
// Wraps another Fetcher (usually HttpFetcher) and keeps each answer as long as it is fresh:
//   - the server's Cache-Control max-age, the content's own nextUpdate (a CRL's, or the earliest
//     of an OCSP response's single responses), and `max_ttl`, whichever ends first; `default_ttl`
//     when neither server nor content says (certificates fetched by caIssuers);
//   - a failure (timeout, refusal, garbage) for `negative_ttl`, so that a dead responder costs one
//     timeout per interval, not one per validation;
//   - concurrent misses for one key share one upstream fetch (single flight): the first caller
//     fetches, the others wait for its answer until their own deadline.
// Bounded: at most `max_entries` answers and `max_bytes` of bodies; past either, expired entries go
// first, then those that expire soonest. Keyed by (kind, URL, POST body). Thread-safe.
//
// Freshness is wall-clock time (absl::Now(), or `clock` for tests), not the validation's time: the
// cache says when to ask the server again, while whether a CRL is current for a validation is still
// decided by the revocation check.
#ifndef CERTVAL_FETCH_FETCH_CACHE_H_
#define CERTVAL_FETCH_FETCH_CACHE_H_

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"
#include "certval/validator/fetcher.h"

namespace certval::fetch {

struct FetchCacheOptions {
  size_t max_entries = 1024;
  size_t max_bytes = 32 << 20;
  absl::Duration default_ttl = absl::Hours(1);
  absl::Duration max_ttl = absl::Hours(24);
  absl::Duration negative_ttl = absl::Seconds(30);
  std::function<absl::Time()> clock;  // default: absl::Now
};

struct FetchCacheStats {
  int64_t hits = 0;           // answered from a stored success
  int64_t negative_hits = 0;  // answered from a stored failure
  int64_t shared = 0;         // waited for another caller's fetch of the same key
  int64_t upstream = 0;       // fetches made by the wrapped Fetcher
  int64_t evictions = 0;
};

class FetchCache : public Fetcher {
 public:
  explicit FetchCache(std::shared_ptr<const Fetcher> upstream, FetchCacheOptions options = {});
  absl::StatusOr<FetchResponse> Fetch(const FetchRequest& request) const override;

  FetchCacheStats stats() const;
  size_t size() const;  // entries stored, failures included
  void Clear();

 private:
  struct Entry {
    absl::StatusOr<FetchResponse> result;
    absl::Time expires;
  };
  struct Flight {
    bool done = false;
    absl::StatusOr<FetchResponse> result = absl::UnknownError("not fetched yet");
  };

  absl::Time Now() const;
  absl::Time ExpiryFor(const FetchRequest& request, const absl::StatusOr<FetchResponse>& result,
                       absl::Time now) const;
  // Both with mu_ held.
  void Store(const std::string& key, const absl::StatusOr<FetchResponse>& result,
             absl::Time expires, absl::Time now) const;
  void MakeRoom(size_t bytes, absl::Time now) const;
  static absl::StatusOr<FetchResponse> Answer(const absl::StatusOr<FetchResponse>& stored,
                                              const FetchRequest& request, bool from_cache);

  std::shared_ptr<const Fetcher> upstream_;
  FetchCacheOptions options_;
  // std::mutex, not absl::Mutex: Debian's Abseil is not ThreadSanitizer-instrumented, and the
  // TSan tests run concurrent validations through this cache.
  mutable std::mutex mu_;
  mutable std::condition_variable flight_done_;  // any flight ended
  mutable absl::flat_hash_map<std::string, Entry> entries_;
  mutable size_t bytes_ = 0;
  mutable absl::flat_hash_map<std::string, std::shared_ptr<Flight>> flights_;
  mutable FetchCacheStats stats_;
};

}  // namespace certval::fetch

#endif  // CERTVAL_FETCH_FETCH_CACHE_H_
