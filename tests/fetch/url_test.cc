#include "certval/fetch/url.h"

#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "gtest/gtest.h"

namespace certval::fetch {
namespace {

TEST(UrlTest, ParsesTheFormsCertificatesUse) {
  auto url = ParseHttpUrl("http://crl.Example.com/ca.crl");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "crl.example.com");
  EXPECT_EQ(url->port, 80);
  EXPECT_EQ(url->target, "/ca.crl");
  EXPECT_EQ(url->HostHeader(), "crl.example.com");

  url = ParseHttpUrl("HTTP://127.0.0.1:8080");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->target, "/");
  EXPECT_EQ(url->ToString(), "http://127.0.0.1:8080/");

  url = ParseHttpUrl("http://[::1]:81/a?b=c");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->HostHeader(), "[::1]:81");
  EXPECT_EQ(url->target, "/a?b=c");

  url = ParseHttpUrl("http://ocsp.example?x");
  ASSERT_TRUE(url.ok()) << url.status();
  EXPECT_EQ(url->target, "/?x");
}

TEST(UrlTest, RefusesWhatCouldSmuggleOrSurprise) {
  const std::vector<std::string> bads = {"https://example.com/",
                                         "ftp://example.com/",
                                         "ldap://ldap.example.com/cn=CA",
                                         "example.com/x",
                                         "http://",
                                         "http:///path",
                                         "http://user@example.com/",
                                         "http://example.com/a#frag",
                                         "http://example.com/a b",
                                         "http://example.com/a\r\nX-Injected: 1",
                                         std::string("http://example.com/\0", 20),
                                         "http://example.com:0/",
                                         "http://example.com:65536/",
                                         "http://example.com:/",
                                         "http://example.com:8o/",
                                         "http://exa mple.com/",
                                         "http://[::1/",
                                         "http://[]/",
                                         "http://[::1]x/",
                                         "http://ex\xc3\xa4mple.com/",
                                         "http://" + std::string(300, 'a') + "/",
                                         "http://example.com/" + std::string(kMaxUrlLength, 'a')};
  for (const std::string& bad : bads) {
    EXPECT_FALSE(ParseHttpUrl(bad).ok()) << bad;
  }
  EXPECT_TRUE(absl::StrContains(ParseHttpUrl("https://x/").status().message(), "only http://"));
}

TEST(UrlTest, RedirectsToAbsoluteHttpOrAPathOnly) {
  auto base = ParseHttpUrl("http://a.example:8080/x/y");
  ASSERT_TRUE(base.ok());
  auto r = ResolveRedirect(*base, "/z");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->ToString(), "http://a.example:8080/z");
  r = ResolveRedirect(*base, "http://b.example/q");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ(r->ToString(), "http://b.example/q");
  EXPECT_FALSE(ResolveRedirect(*base, "https://b.example/q").ok());
  EXPECT_FALSE(ResolveRedirect(*base, "//b.example/q").ok());
  EXPECT_FALSE(ResolveRedirect(*base, "relative").ok());
  EXPECT_FALSE(ResolveRedirect(*base, "/a\r\nb").ok());
}

}  // namespace
}  // namespace certval::fetch
