// StderrWarningSink: one line per (peer, code), bounded memory, safe from many threads.
#include "certval/validator/warning_sink.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

Finding Warning(std::string code) {
  return Finding{"validity", 0, std::move(code), "the certificate expired", Severity::kWarning};
}

int Lines(const std::string& s) {
  int n = 0;
  for (char c : s) n += c == '\n' ? 1 : 0;
  return n;
}

TEST(StderrWarningSinkTest, SamePeerAndCodeIsWrittenOnce) {
  StderrWarningSink sink;
  ::testing::internal::CaptureStderr();
  for (int i = 0; i < 5; ++i) sink.OnWarning(PeerName::Dns("a.test"), Warning("validity.expired"));
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(Lines(err), 1) << err;
  EXPECT_NE(err.find("a.test"), std::string::npos);
  EXPECT_NE(err.find("validity.expired"), std::string::npos);
  EXPECT_NE(err.find("the certificate expired"), std::string::npos);
}

TEST(StderrWarningSinkTest, AnotherPeerOrCodeIsWrittenAgain) {
  StderrWarningSink sink;
  ::testing::internal::CaptureStderr();
  sink.OnWarning(PeerName::Dns("a.test"), Warning("validity.expired"));
  sink.OnWarning(PeerName::Dns("b.test"), Warning("validity.expired"));
  sink.OnWarning(PeerName::Dns("a.test"), Warning("peer_name.mismatch"));
  sink.OnWarning(PeerName::Dns("b.test"), Warning("validity.expired"));
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(Lines(err), 3) << err;
}

TEST(StderrWarningSinkTest, EachSinkHasItsOwnMemory) {
  StderrWarningSink first, second;
  ::testing::internal::CaptureStderr();
  first.OnWarning(PeerName::Dns("a.test"), Warning("validity.expired"));
  second.OnWarning(PeerName::Dns("a.test"), Warning("validity.expired"));
  EXPECT_EQ(Lines(::testing::internal::GetCapturedStderr()), 2);
}

TEST(StderrWarningSinkTest, ForgetsAfterManyKeysSoMemoryStaysBounded) {
  StderrWarningSink sink;
  ::testing::internal::CaptureStderr();
  sink.OnWarning(PeerName::Dns("first.test"), Warning("validity.expired"));
  for (int i = 0; i < 5000; ++i) {
    sink.OnWarning(PeerName::Dns(absl::StrCat("host", i, ".test")), Warning("validity.expired"));
  }
  sink.OnWarning(PeerName::Dns("first.test"), Warning("validity.expired"));
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(Lines(err), 5002) << "after the table filled up, first.test is reported again";
}

TEST(StderrWarningSinkTest, ConcurrentDuplicatesAreWrittenOnce) {
  StderrWarningSink sink;
  ::testing::internal::CaptureStderr();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) sink.OnWarning(PeerName::Dns("a.test"), Warning("x.y"));
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(Lines(::testing::internal::GetCapturedStderr()), 1);
}

}  // namespace
}  // namespace certval
