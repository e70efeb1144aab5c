#include "certval/hooks/host_pattern.h"

#include "gtest/gtest.h"

namespace certval {
namespace {

TEST(HostPatternTest, Canonicalizes) {
  EXPECT_EQ(*CanonicalHostPattern("API.Example.COM."), "api.example.com");
  EXPECT_EQ(*CanonicalHostPattern("*.Example.com"), "*.example.com");
  EXPECT_EQ(*CanonicalHostPattern("192.0.2.7"), "192.0.2.7");
  EXPECT_EQ(*CanonicalHostPattern("2001:db8::1"), "2001:db8::1");
}

TEST(HostPatternTest, RefusesMalformedPatterns) {
  for (const char* bad : {"", ".", "*.", "*", "a..b", "a*.example.com", "*.*.example.com",
                          "foo.*.com", "a b.com", ".example.com"}) {
    EXPECT_FALSE(CanonicalHostPattern(bad).ok()) << bad;
  }
}

TEST(HostPatternTest, MostSpecificEntryWins) {
  HostPatternMap<int> map;
  map["*.example.com"] = 1;
  map["*.api.example.com"] = 2;
  map["login.api.example.com"] = 3;
  EXPECT_EQ(*map.Find("www.example.com"), 1);
  EXPECT_EQ(*map.Find("a.b.c.example.com"), 1);  // any depth
  EXPECT_EQ(*map.Find("v1.api.example.com"), 2);
  EXPECT_EQ(*map.Find("LOGIN.api.example.com."), 3);
  EXPECT_EQ(*map.Find("api.example.com"), 1);
  EXPECT_EQ(map.Find("example.com"), nullptr);  // the wildcard is for names below it only
  EXPECT_EQ(map.Find("badexample.com"), nullptr);
  EXPECT_EQ(map.Find("example.com.evil.test"), nullptr);
}

}  // namespace
}  // namespace certval
