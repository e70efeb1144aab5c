#include "certval/fetch/fetch_cache.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/validator/crl.h"
#include "certval/validator/ocsp.h"

namespace certval::fetch {
namespace {

std::string KeyFor(const FetchRequest& request) {
  // Length-prefixed parts: no two requests share a key.
  const std::string& body = request.post_body ? *request.post_body : std::string();
  return absl::StrCat(FetchKindName(request.kind), "\n", request.url.size(), ":", request.url,
                      request.post_body ? "P" : "G", body);
}

// When the content itself says it goes stale: a CRL's nextUpdate, the earliest nextUpdate of an
// OCSP response. Parsing is only to read the date; the revocation check parses and judges again.
std::optional<absl::Time> ContentExpiry(FetchKind kind, const std::string& body) {
  if (kind == FetchKind::kCrl) {
    auto crl = Crl::Parse(body);
    if (crl.ok()) return (*crl)->next_update();
  } else if (kind == FetchKind::kOcsp) {
    auto response = OcspResponse::Parse(body);
    if (!response.ok()) return std::nullopt;
    std::optional<absl::Time> earliest;
    for (const OcspSingleResponse& single : (*response)->responses()) {
      if (single.next_update)
        earliest = earliest ? std::min(*earliest, *single.next_update) : *single.next_update;
    }
    return earliest;
  }
  return std::nullopt;
}

size_t BytesOf(const absl::StatusOr<FetchResponse>& result) {
  return result.ok() ? result->body.size() : result.status().message().size();
}

}  // namespace

FetchCache::FetchCache(std::shared_ptr<const Fetcher> upstream, FetchCacheOptions options)
    : upstream_(std::move(upstream)), options_(std::move(options)) {}

absl::Time FetchCache::Now() const { return options_.clock ? options_.clock() : absl::Now(); }

absl::Time FetchCache::ExpiryFor(const FetchRequest& request,
                                 const absl::StatusOr<FetchResponse>& result,
                                 absl::Time now) const {
  if (!result.ok()) return now + options_.negative_ttl;
  absl::Time expires = now + options_.max_ttl;
  bool said = false;
  if (result->max_age) {
    expires = std::min(expires, now + *result->max_age);
    said = true;
  }
  if (std::optional<absl::Time> content = ContentExpiry(request.kind, result->body)) {
    expires = std::min(expires, *content);
    said = true;
  }
  if (!said) expires = std::min(expires, now + options_.default_ttl);
  return expires;
}

absl::StatusOr<FetchResponse> FetchCache::Answer(const absl::StatusOr<FetchResponse>& stored,
                                                 const FetchRequest& request, bool from_cache) {
  if (!stored.ok()) return stored.status();
  // Stored for a caller that accepted more: this one's limit still holds.
  if (stored->body.size() > request.max_bytes) {
    return absl::ResourceExhaustedError(absl::StrCat("body over ", request.max_bytes, " bytes"));
  }
  FetchResponse out = *stored;
  out.from_cache = from_cache;
  return out;
}

absl::StatusOr<FetchResponse> FetchCache::Fetch(const FetchRequest& request) const {
  const std::string key = KeyFor(request);
  std::shared_ptr<Flight> flight;
  bool leader = false;
  {
    std::unique_lock<std::mutex> lock(mu_);
    const absl::Time now = Now();
    auto it = entries_.find(key);
    if (it != entries_.end()) {
      if (it->second.expires > now) {
        ++(it->second.result.ok() ? stats_.hits : stats_.negative_hits);
        return Answer(it->second.result, request, true);
      }
      bytes_ -= BytesOf(it->second.result);
      entries_.erase(it);
    }
    auto f = flights_.find(key);
    if (f != flights_.end()) {
      flight = f->second;
      ++stats_.shared;
    } else {
      flight = std::make_shared<Flight>();
      flights_.emplace(key, flight);
      leader = true;
      ++stats_.upstream;
    }
    if (!leader) {
      // Capped: a chrono time point this far out would overflow.
      const absl::Time until = std::min(request.deadline, absl::Now() + absl::Hours(1));
      if (!flight_done_.wait_until(lock, absl::ToChronoTime(until), [&] { return flight->done; })) {
        return absl::DeadlineExceededError(
            "timed out waiting for another caller's fetch of the same URL");
      }
      return Answer(flight->result, request, true);
    }
  }
  // The leader fetches without the lock; the others wait on `flight`.
  absl::StatusOr<FetchResponse> result = upstream_->Fetch(request);
  std::lock_guard<std::mutex> lock(mu_);
  const absl::Time now = Now();
  const absl::Time expires = ExpiryFor(request, result, now);
  if (expires > now) Store(key, result, expires, now);
  flight->result = result;
  flight->done = true;
  flights_.erase(key);
  flight_done_.notify_all();
  return Answer(result, request, false);
}

void FetchCache::Store(const std::string& key, const absl::StatusOr<FetchResponse>& result,
                       absl::Time expires, absl::Time now) const {
  const size_t bytes = BytesOf(result);
  if (bytes > options_.max_bytes || options_.max_entries == 0) return;
  auto old = entries_.find(key);
  if (old != entries_.end()) {
    bytes_ -= BytesOf(old->second.result);
    entries_.erase(old);
  }
  MakeRoom(bytes, now);
  entries_.emplace(key, Entry{result, expires});
  bytes_ += bytes;
}

void FetchCache::MakeRoom(size_t bytes, absl::Time now) const {
  auto over = [&] {
    return entries_.size() + 1 > options_.max_entries || bytes_ + bytes > options_.max_bytes;
  };
  if (!over()) return;
  for (auto it = entries_.begin(); it != entries_.end();) {  // the expired first
    if (it->second.expires <= now) {
      bytes_ -= BytesOf(it->second.result);
      entries_.erase(it++);
      ++stats_.evictions;
    } else {
      ++it;
    }
  }
  while (over() && !entries_.empty()) {  // then whatever would expire soonest
    auto soonest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.expires < b.second.expires; });
    bytes_ -= BytesOf(soonest->second.result);
    entries_.erase(soonest);
    ++stats_.evictions;
  }
}

FetchCacheStats FetchCache::stats() const {
  std::lock_guard<std::mutex> lock(mu_);
  return stats_;
}

size_t FetchCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return entries_.size();
}

void FetchCache::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  entries_.clear();
  bytes_ = 0;
}

}  // namespace certval::fetch
