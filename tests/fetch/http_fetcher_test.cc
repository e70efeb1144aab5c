// HttpFetcher against a loopback server: the normal answers, and every hostile behaviour ending
// within its limit with an error that says what happened.
#include "certval/fetch/http_fetcher.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"

namespace certval::fetch {
namespace {

using testfetch::HttpTestServer;
using testfetch::Reply;

class HttpFetcherTest : public ::testing::Test {
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

  std::unique_ptr<HttpTestServer> server_;
  HttpFetcher fetcher_;
};

TEST_F(HttpFetcherTest, FetchesWithEachFraming) {
  const std::string body(3000, 'b');
  for (Reply::Framing framing :
       {Reply::Framing::kContentLength, Reply::Framing::kChunked, Reply::Framing::kUntilClose}) {
    Reply reply = Reply::Ok(body);
    reply.framing = framing;
    server_->Serve("/x", reply);
    auto got = fetcher_.Fetch(Get("/x"));
    ASSERT_TRUE(got.ok()) << got.status();
    EXPECT_EQ(got->body, body);
    EXPECT_FALSE(got->max_age.has_value());
  }
  EXPECT_EQ(server_->Requests("/x"), 3);
}

TEST_F(HttpFetcherTest, ReadsMaxAge) {
  Reply reply = Reply::Ok("z");
  reply.headers.emplace_back("Cache-Control", "public, max-age=600");
  server_->Serve("/a", reply);
  auto got = fetcher_.Fetch(Get("/a"));
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->max_age, absl::Seconds(600));
  reply.headers.back().second = "no-store";
  server_->Serve("/a", reply);
  got = fetcher_.Fetch(Get("/a"));
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->max_age, absl::ZeroDuration());
}

TEST_F(HttpFetcherTest, PostsAndFollowsARedirect) {
  server_->Route("/ocsp", [](const testfetch::SeenRequest& r) {
    return Reply::Ok(absl::StrCat(r.method, ":", r.body));
  });
  server_->Serve("/moved", Reply::Redirect("/ocsp", 307));
  FetchRequest r = Get("/moved");
  r.post_body = "request-bytes";
  r.content_type = "application/ocsp-request";
  auto got = fetcher_.Fetch(r);
  ASSERT_TRUE(got.ok()) << got.status();
  EXPECT_EQ(got->body, "POST:request-bytes");
  // A 302 does not keep a POST.
  server_->Serve("/moved", Reply::Redirect("/ocsp", 302));
  EXPECT_FALSE(fetcher_.Fetch(r).ok());
}

TEST_F(HttpFetcherTest, SlowServerEndsAtTheDeadline) {
  Reply reply = Reply::Ok("late");
  reply.delay = absl::Seconds(3);
  server_->Serve("/slow", reply);
  const absl::Time start = absl::Now();
  auto got = fetcher_.Fetch(Get("/slow", absl::Milliseconds(200)));
  const absl::Duration took = absl::Now() - start;
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::IsDeadlineExceeded(got.status())) << got.status();
  EXPECT_TRUE(absl::StrContains(got.status().message(), "timed out")) << got.status();
  EXPECT_LT(took, absl::Seconds(1)) << "the fetch outlived its deadline";
}

TEST_F(HttpFetcherTest, HugeBodiesStopAtTheLimit) {
  for (Reply::Framing framing :
       {Reply::Framing::kContentLength, Reply::Framing::kChunked, Reply::Framing::kUntilClose}) {
    Reply reply;
    reply.framing = framing;
    reply.stream_bytes = uint64_t{1} << 32;  // 4 GiB, if anyone read it
    server_->Serve("/huge", reply);
    const absl::Time start = absl::Now();
    auto got = fetcher_.Fetch(Get("/huge"));
    ASSERT_FALSE(got.ok());
    EXPECT_TRUE(absl::IsResourceExhausted(got.status())) << got.status();
    EXPECT_TRUE(absl::StrContains(got.status().message(), "body over 4096 bytes")) << got.status();
    EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  }
}

TEST_F(HttpFetcherTest, RedirectLoopStopsAfterTheLimit) {
  server_->Serve("/loop", Reply::Redirect("/loop"));
  auto got = fetcher_.Fetch(Get("/loop"));
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::StrContains(got.status().message(), "more than 3 redirects")) << got.status();
  EXPECT_EQ(server_->Requests("/loop"), 4);  // the first request and three redirects
}

TEST_F(HttpFetcherTest, RedirectToHttpsIsRefused) {
  server_->Serve("/tls", Reply::Redirect("https://127.0.0.1/x"));
  auto got = fetcher_.Fetch(Get("/tls"));
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::StrContains(got.status().message(), "only http://")) << got.status();
}

TEST_F(HttpFetcherTest, GarbageIsRefused) {
  const std::string cases[] = {
      "\x16\x03\x01\x02\x00garbage that is no HTTP",
      "HTTP/1.1 200 OK\nContent-Length: 1\n\nx",  // bare LF
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: "
      "chunked\r\n\r\n1\r\nx\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxx",
      "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nxxx\r\n0\r\n\r\n",
      "HTTP/1.1 200 OK\r\n Folded: header\r\n\r\n",
      "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",             // closes early
      "HTTP/1.1 200 OK\r\nX: " + std::string(20000, 'a') + "\r\n\r\n",  // headers too long
      "HTTP/1.1 2000 OK\r\n\r\n",
      "HTTP/2 200\r\n\r\n",
      "",
  };
  for (const std::string& raw : cases) {
    Reply reply;
    reply.raw = raw;
    server_->Serve("/g", reply);
    auto got = fetcher_.Fetch(Get("/g"));
    EXPECT_FALSE(got.ok()) << "accepted: " << raw.substr(0, 80);
    EXPECT_FALSE(absl::IsDeadlineExceeded(got.status()))
        << got.status() << " for " << raw.substr(0, 80);
  }
}

TEST_F(HttpFetcherTest, ErrorStatusAndRefusedConnection) {
  auto got = fetcher_.Fetch(Get("/nothing-here"));
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::StrContains(got.status().message(), "HTTP status 404")) << got.status();
  // A port nobody listens on: bind one, learn its number, close it.
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  close(fd);
  FetchRequest r = Get("/");
  r.url = absl::StrCat("http://127.0.0.1:", ntohs(addr.sin_port), "/");
  got = fetcher_.Fetch(r);
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::IsUnavailable(got.status())) << got.status();
}

TEST_F(HttpFetcherTest, RefusesUrlsBeforeConnecting) {
  FetchRequest r = Get("/");
  r.url = "ldap://example.com/cn=x";
  auto got = fetcher_.Fetch(r);
  ASSERT_FALSE(got.ok());
  EXPECT_TRUE(absl::IsInvalidArgument(got.status())) << got.status();
}

}  // namespace
}  // namespace certval::fetch
