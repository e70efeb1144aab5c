// FetchCache: freshness, the negative cache, single flight under concurrency, and its bounds.
#include "certval/fetch/fetch_cache.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/fetch/http_fetcher.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"

namespace certval::fetch {
namespace {

using testfetch::HttpTestServer;
using testfetch::Reply;

// A clock the test moves.
struct FakeClock {
  absl::Time now = absl::FromUnixSeconds(1767225600);
  std::function<absl::Time()> fn() {
    return [this] { return now; };
  }
};

class FetchCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = HttpTestServer::Start();
    ASSERT_TRUE(s.ok()) << s.status();
    server_ = *std::move(s);
  }
  FetchRequest Get(const std::string& target, absl::Duration timeout = absl::Seconds(5)) const {
    FetchRequest r;
    r.url = server_->Url(target);
    r.deadline = absl::Now() + timeout;
    r.max_bytes = 4096;
    return r;
  }
  std::shared_ptr<FetchCache> Cache(FetchCacheOptions options = {}) {
    if (!options.clock) options.clock = clock_.fn();
    return std::make_shared<FetchCache>(std::make_shared<HttpFetcher>(), options);
  }

  std::unique_ptr<HttpTestServer> server_;
  FakeClock clock_;
};

TEST_F(FetchCacheTest, ServesFromCacheUntilMaxAge) {
  Reply reply = Reply::Ok("issuer");
  reply.headers.emplace_back("Cache-Control", "max-age=60");
  server_->Serve("/ca.cer", reply);
  auto cache = Cache();
  for (int i = 0; i < 3; ++i) {
    auto got = cache->Fetch(Get("/ca.cer"));
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->body, "issuer");
    EXPECT_EQ(got->from_cache, i > 0);
  }
  EXPECT_EQ(server_->Requests("/ca.cer"), 1);
  clock_.now += absl::Seconds(61);
  ASSERT_TRUE(cache->Fetch(Get("/ca.cer")).ok());
  EXPECT_EQ(server_->Requests("/ca.cer"), 2);
  EXPECT_EQ(cache->stats().hits, 2);
  EXPECT_EQ(cache->stats().upstream, 2);
}

TEST_F(FetchCacheTest, NoStoreIsNotKept) {
  Reply reply = Reply::Ok("x");
  reply.headers.emplace_back("Cache-Control", "no-store");
  server_->Serve("/n", reply);
  auto cache = Cache();
  ASSERT_TRUE(cache->Fetch(Get("/n")).ok());
  ASSERT_TRUE(cache->Fetch(Get("/n")).ok());
  EXPECT_EQ(server_->Requests("/n"), 2);
}

TEST_F(FetchCacheTest, FailuresAreCachedBriefly) {
  Reply reply;
  reply.raw = "garbage";
  server_->Serve("/dead", reply);
  FetchCacheOptions options;
  options.negative_ttl = absl::Seconds(30);
  auto cache = Cache(options);
  for (int i = 0; i < 5; ++i) EXPECT_FALSE(cache->Fetch(Get("/dead")).ok());
  EXPECT_EQ(server_->Requests("/dead"), 1);
  EXPECT_EQ(cache->stats().negative_hits, 4);
  clock_.now += absl::Seconds(31);
  EXPECT_FALSE(cache->Fetch(Get("/dead")).ok());
  EXPECT_EQ(server_->Requests("/dead"), 2);
}

TEST_F(FetchCacheTest, ConcurrentMissesShareOneFetch) {
  Reply reply = Reply::Ok("shared");
  reply.delay = absl::Milliseconds(100);  // long enough for every thread to miss
  server_->Serve("/one", reply);
  auto cache = Cache();
  constexpr int kThreads = 8;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&] {
      auto got = cache->Fetch(Get("/one"));
      if (got.ok() && got->body == "shared") ++ok;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), kThreads);
  EXPECT_EQ(server_->Requests("/one"), 1);
  EXPECT_EQ(cache->stats().upstream, 1);
  EXPECT_EQ(cache->stats().shared + cache->stats().hits, kThreads - 1);
}

TEST_F(FetchCacheTest, AWaiterStopsAtItsOwnDeadline) {
  Reply reply = Reply::Ok("late");
  reply.delay = absl::Milliseconds(400);
  server_->Serve("/slow", reply);
  auto cache = Cache();
  std::thread leader([&] { EXPECT_TRUE(cache->Fetch(Get("/slow")).ok()); });
  while (server_->Requests("/slow") == 0) absl::SleepFor(absl::Milliseconds(2));
  const absl::Time start = absl::Now();
  auto got = cache->Fetch(Get("/slow", absl::Milliseconds(50)));
  EXPECT_FALSE(got.ok());
  EXPECT_TRUE(absl::IsDeadlineExceeded(got.status())) << got.status();
  EXPECT_LT(absl::Now() - start, absl::Milliseconds(300));
  leader.join();
}

TEST_F(FetchCacheTest, BoundedInEntriesAndBytes) {
  for (int i = 0; i < 10; ++i)
    server_->Serve(absl::StrCat("/", i), Reply::Ok(std::string(100, 'a' + i)));
  FetchCacheOptions options;
  options.max_entries = 4;
  options.max_bytes = 1000;
  auto cache = Cache(options);
  for (int i = 0; i < 10; ++i) {
    clock_.now += absl::Seconds(1);  // later entries expire later
    ASSERT_TRUE(cache->Fetch(Get(absl::StrCat("/", i))).ok());
    EXPECT_LE(cache->size(), 4u);
  }
  EXPECT_EQ(cache->stats().evictions, 6);
  // The newest are kept: fetching them again costs nothing.
  ASSERT_TRUE(cache->Fetch(Get("/9")).ok());
  EXPECT_EQ(server_->Requests("/9"), 1);
  ASSERT_TRUE(cache->Fetch(Get("/0")).ok());
  EXPECT_EQ(server_->Requests("/0"), 2);
}

TEST_F(FetchCacheTest, ACallersSizeLimitHoldsOnAHit) {
  server_->Serve("/big", Reply::Ok(std::string(3000, 'x')));
  auto cache = Cache();
  ASSERT_TRUE(cache->Fetch(Get("/big")).ok());
  FetchRequest small = Get("/big");
  small.max_bytes = 1000;
  auto got = cache->Fetch(small);
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::IsResourceExhausted(got.status())) << got.status();
}

TEST_F(FetchCacheTest, KeysSeparateKindsAndPostBodies) {
  server_->Route("/ocsp", [](const testfetch::SeenRequest& r) { return Reply::Ok(r.body); });
  auto cache = Cache();
  FetchRequest a = Get("/ocsp");
  a.kind = FetchKind::kOcsp;
  a.post_body = "A";
  FetchRequest b = a;
  b.post_body = "B";
  EXPECT_EQ(cache->Fetch(a)->body, "A");
  EXPECT_EQ(cache->Fetch(b)->body, "B");
  EXPECT_EQ(cache->Fetch(a)->body, "A");
  EXPECT_EQ(server_->Requests("/ocsp"), 2);
}

}  // namespace
}  // namespace certval::fetch
