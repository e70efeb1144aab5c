#include "validator/checks/ip_text.h"

#include <string>

#include "gtest/gtest.h"

namespace certval::ip_text {
namespace {

std::string Text(const std::string& address) {
  char buf[kMaxText];
  return std::string(Canonical(address, buf));
}

std::string V6(std::initializer_list<int> groups) {
  std::string out;
  for (int g : groups) {
    out += static_cast<char>(g >> 8);
    out += static_cast<char>(g & 0xff);
  }
  return out;
}

TEST(IpText, Ipv4IsDottedDecimalWithoutLeadingZeros) {
  EXPECT_EQ(Text(std::string("\xc0\xa8\x01\x01", 4)), "192.168.1.1");
  EXPECT_EQ(Text(std::string("\x00\x00\x00\x00", 4)), "0.0.0.0");
  EXPECT_EQ(Text(std::string("\xff\x0a\x64\x09", 4)), "255.10.100.9");
}

TEST(IpText, Ipv6FollowsRfc5952) {
  EXPECT_EQ(Text(V6({0, 0, 0, 0, 0, 0, 0, 0})), "::");
  EXPECT_EQ(Text(V6({0, 0, 0, 0, 0, 0, 0, 1})), "::1");
  EXPECT_EQ(Text(V6({1, 0, 0, 0, 0, 0, 0, 0})), "1::");
  EXPECT_EQ(Text(V6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1})), "2001:db8::1");
  EXPECT_EQ(Text(V6({0x2001, 0xdb8, 0, 0, 0, 0, 2, 1})), "2001:db8::2:1");
  // A single zero group is not compressed (4.2.2).
  EXPECT_EQ(Text(V6({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1})), "2001:db8:0:1:1:1:1:1");
  // Of two equal runs the first is compressed (4.2.3); the longer run wins over an earlier one.
  EXPECT_EQ(Text(V6({0x2001, 0xdb8, 0, 0, 1, 0, 0, 1})), "2001:db8::1:0:0:1");
  EXPECT_EQ(Text(V6({0x2001, 0, 0, 1, 0, 0, 0, 1})), "2001:0:0:1::1");
  // Lowercase, no leading zeros (4.1, 4.3).
  EXPECT_EQ(Text(V6({0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334})), "2001:db8::8a2e:370:7334");
  EXPECT_EQ(Text(V6({0xABCD, 0x00EF, 1, 2, 3, 4, 5, 6})), "abcd:ef:1:2:3:4:5:6");
  // IPv4-mapped addresses end in dotted decimal (5).
  EXPECT_EQ(Text(V6({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201})), "::ffff:192.0.2.1");
}

TEST(IpText, OtherLengthsHaveNoText) { EXPECT_EQ(Text("abc"), ""); }

TEST(IpText, LooksLikeIp) {
  for (const char* text : {"192.168.1.1", "192.168.001.001", "0xC0A80101", "3232235777", "10.1",
                           "::1", "2001:DB8::1", "fe80::1%eth0"}) {
    EXPECT_TRUE(LooksLikeIp(text)) << text;
  }
  for (const char* text : {"example.com", "1e100.net", "3com.com", "123.abc", "1.2.3.4.5", "",
                           "1..2", "0x", "*.example.com"}) {
    EXPECT_FALSE(LooksLikeIp(text)) << text;
  }
}

}  // namespace
}  // namespace certval::ip_text
