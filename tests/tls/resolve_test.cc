#include "certval/tls/resolve.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <chrono>
#include <thread>

#include "absl/status/status.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval::tls {
namespace {

using ::testing::HasSubstr;

TEST(ResolveTcp, ResolvesANumericAddress) {
  absl::StatusOr<AddrInfoList> list = ResolveTcp("127.0.0.1", 443, absl::Now() + absl::Seconds(5));
  ASSERT_TRUE(list.ok()) << list.status();
  ASSERT_NE(list->get(), nullptr);
  EXPECT_EQ(list->get()->ai_family, AF_INET);
  EXPECT_EQ(ntohs(reinterpret_cast<const sockaddr_in*>(list->get()->ai_addr)->sin_port), 443);
}

// A resolver as slow as one whose DNS server does not answer: the caller gets its answer at the
// deadline, not when the resolver returns.
TEST(ResolveTcp, GivesUpAtTheDeadline) {
  auto slow = [](const char* host, const char* service, const addrinfo* hints, addrinfo** out) {
    std::this_thread::sleep_for(std::chrono::seconds(3));
    return getaddrinfo(host, service, hints, out);
  };
  const absl::Time start = absl::Now();
  absl::StatusOr<AddrInfoList> list =
      ResolveTcp("127.0.0.1", 443, start + absl::Milliseconds(200), slow);
  const absl::Duration took = absl::Now() - start;
  EXPECT_EQ(list.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(list.status().message(), HasSubstr("name resolution timed out"));
  EXPECT_GE(took, absl::Milliseconds(190));
  EXPECT_LT(took, absl::Seconds(2));
}

TEST(ResolveTcp, ReportsAFailedLookup) {
  auto failing = [](const char*, const char*, const addrinfo*, addrinfo**) { return EAI_NONAME; };
  absl::StatusOr<AddrInfoList> list =
      ResolveTcp("nowhere.invalid", 443, absl::Now() + absl::Seconds(5), failing);
  EXPECT_EQ(list.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(list.status().message(), HasSubstr("cannot resolve: "));
}

}  // namespace
}  // namespace certval::tls
