#include "certval/validator/ip_address.h"

#include <initializer_list>
#include <optional>
#include <string>

#include "absl/strings/escaping.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

std::string Bytes(const char* hex) { return absl::HexStringToBytes(hex); }

struct ParseCase {
  const char* text;
  const char* hex;  // expected bytes as hex; nullptr: must not parse
};

// Every case runs through ParseIpAddress and IsIpAddressText; the family-specific parser must
// agree.
const ParseCase kParseCases[] = {
    // IPv4: the one accepted form.
    {"0.0.0.0", "00000000"},
    {"127.0.0.1", "7f000001"},
    {"192.0.2.1", "c0000201"},
    {"255.255.255.255", "ffffffff"},
    {"10.0.0.10", "0a00000a"},
    {"1.20.100.200", "011464c8"},
    // IPv4 traps: other parsers read these, as something else or at all.
    {"010.0.0.1", nullptr},  // leading zero: octal 8 to inet_aton
    {"10.0.0.01", nullptr},
    {"00.0.0.0", nullptr},
    {"0x7f.0.0.1", nullptr},  // hex part
    {"0x7f000001", nullptr},  // one hex number
    {"2130706433", nullptr},  // one decimal number
    {"127.1", nullptr},       // short forms
    {"127.0.1", nullptr},
    {"1.2.3", nullptr},
    {"1.2.3.4.5", nullptr},
    {"256.0.0.1", nullptr},
    {"1.2.3.1000", nullptr},
    {"1.2.3.-1", nullptr},
    {"+1.2.3.4", nullptr},
    {"1.2.3.4.", nullptr},  // trailing dot
    {".1.2.3.4", nullptr},
    {"1..3.4", nullptr},
    {" 1.2.3.4", nullptr},
    {"1.2.3.4 ", nullptr},
    {"1.2.3.4/32", nullptr},
    {"1.2.3.a", nullptr},
    {"", nullptr},
    // IPv6: full, compressed, mixed case, embedded IPv4.
    {"2001:db8:0:0:0:0:0:1", "20010db8000000000000000000000001"},
    {"2001:db8::1", "20010db8000000000000000000000001"},
    {"2001:DB8::1", "20010db8000000000000000000000001"},
    {"2001:0db8:0000:0000:0000:0000:0000:0001", "20010db8000000000000000000000001"},
    {"::", "00000000000000000000000000000000"},
    {"::1", "00000000000000000000000000000001"},
    {"1::", "00010000000000000000000000000000"},
    {"1:2:3:4:5:6:7::", "00010002000300040005000600070000"},  // "::" for a single group
    {"::2:3:4:5:6:7:8", "00000002000300040005000600070008"},
    {"1:2:3:4:5:6:7:8", "00010002000300040005000600070008"},
    {"fe80::1:2", "fe800000000000000000000000010002"},
    {"::ffff:192.0.2.1", "00000000000000000000ffffc0000201"},
    {"::FFFF:129.144.52.38", "00000000000000000000ffff81903426"},
    {"::13.1.68.3", "0000000000000000000000000d014403"},
    {"1:2:3:4:5:6:1.2.3.4", "00010002000300040005000601020304"},
    // IPv6 traps.
    {"1:2:3:4:5:6:7", nullptr},  // seven groups, no "::"
    {"1:2:3:4:5:6:7:8:9", nullptr},
    {"1:2:3:4:5:6:7:8::", nullptr},  // "::" must stand for at least one group
    {"::1:2:3:4:5:6:7:8", nullptr},
    {"1::2::3", nullptr},  // two "::"
    {":::", nullptr},
    {"1:::2", nullptr},
    {":1::2", nullptr},  // single leading colon
    {"1::2:", nullptr},  // single trailing colon
    {":", nullptr},
    {"12345::1", nullptr},  // five hex digits
    {"2001:db8::g", nullptr},
    {"fe80::1%eth0", nullptr},  // zone id
    {"[::1]", nullptr},
    {"::1/128", nullptr},
    {"1.2.3.4::", nullptr},  // IPv4 only as the last 32 bits
    {"::1.2.3.4:1", nullptr},
    {"::ffff:010.0.0.1", nullptr},  // the embedded quad is as strict as a bare one
    {"::ffff:1.2.3", nullptr},
    {"1:2:3:4:5:6:7:1.2.3.4", nullptr},  // 18 bytes
    {"::1 ", nullptr},
};

std::optional<std::string> Expected(const ParseCase& c) {
  if (c.hex == nullptr) return std::nullopt;
  return Bytes(c.hex);
}

TEST(IpAddressTest, ParseTable) {
  for (const ParseCase& c : kParseCases) {
    SCOPED_TRACE(c.text);
    std::optional<std::string> want = Expected(c);
    EXPECT_EQ(ParseIpAddress(c.text), want);
    EXPECT_EQ(IsIpAddressText(c.text), want.has_value());
    if (want && want->size() == 4) {
      EXPECT_EQ(ParseIpv4Address(c.text), want);
      EXPECT_EQ(ParseIpv6Address(c.text), std::nullopt);
    }
    if (want && want->size() == 16) {
      EXPECT_EQ(ParseIpv6Address(c.text), want);
      EXPECT_EQ(ParseIpv4Address(c.text), std::nullopt);
    }
  }
}

TEST(IpAddressTest, ParseRejectsEmbeddedNul) {
  EXPECT_EQ(ParseIpAddress(absl::string_view("1.2.3.4\0", 8)), std::nullopt);
  EXPECT_EQ(ParseIpAddress(absl::string_view("::1\0", 4)), std::nullopt);
}

TEST(IpAddressTest, CompressedAndUncompressedParseEqual) {
  EXPECT_EQ(ParseIpAddress("2001:db8:0:0:1:0:0:1"), ParseIpAddress("2001:DB8::1:0:0:1"));
  EXPECT_EQ(ParseIpAddress("0:0:0:0:0:ffff:c000:201"), ParseIpAddress("::ffff:192.0.2.1"));
}

struct FormatCase {
  const char* hex;
  const char* text;
};

const FormatCase kFormatCases[] = {
    {"c0000201", "192.0.2.1"},
    {"00000000", "0.0.0.0"},
    {"ffffffff", "255.255.255.255"},
    {"20010db8000000000000000000000001", "2001:db8::1"},
    {"00000000000000000000000000000000", "::"},
    {"00000000000000000000000000000001", "::1"},
    {"00010000000000000000000000000000", "1::"},
    // RFC 5952 4.2.2: a single zero group is not compressed.
    {"20010db8000000010001000100010001", "2001:db8:0:1:1:1:1:1"},
    // 4.2.3: the longest run wins; on a tie the first.
    {"20010db8000000000001000000000001", "2001:db8::1:0:0:1"},
    {"20010000000000010000000000000001", "2001:0:0:1::1"},
    {"20010db800000000000000000000abcd", "2001:db8::abcd"},
    {"ABCD0000000000000000000000000000", "abcd::"},
    // Section 5: IPv4-mapped addresses keep their dotted quad.
    {"00000000000000000000ffffc0000201", "::ffff:192.0.2.1"},
};

TEST(IpAddressTest, FormatTable) {
  for (const FormatCase& c : kFormatCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(FormatIpAddress(Bytes(c.hex)), c.text);
  }
}

TEST(IpAddressTest, FormatRoundTripsThroughParse) {
  for (const FormatCase& c : kFormatCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseIpAddress(c.text), Bytes(c.hex));
  }
}

TEST(IpAddressTest, FormatInvalidLength) {
  EXPECT_EQ(FormatIpAddress("abc"), "<invalid IP address: 3 bytes>");
  EXPECT_EQ(FormatIpAddress(""), "<invalid IP address: 0 bytes>");
}

TEST(IpAddressTest, NetmaskPrefixLength) {
  EXPECT_EQ(NetmaskPrefixLength(Bytes("00000000")), 0);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ff000000")), 8);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("fffffff0")), 28);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ffffffff")), 32);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ffffffffffffffffffffffffffffffff")), 128);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ffffffffffffffff0000000000000000")), 64);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ff00ff00")), std::nullopt);  // 255.0.255.0
  EXPECT_EQ(NetmaskPrefixLength(Bytes("7fffffff")), std::nullopt);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("fffffffe000000000000000000000001")), std::nullopt);
  EXPECT_EQ(NetmaskPrefixLength(Bytes("ffffff")), std::nullopt);  // wrong length
}

TEST(IpAddressTest, FormatIpConstraint) {
  EXPECT_EQ(FormatIpConstraint(Bytes("0a000000ff000000")), "10.0.0.0/8");
  EXPECT_EQ(FormatIpConstraint(Bytes("0000000000000000")), "0.0.0.0/0");
  EXPECT_EQ(FormatIpConstraint(Bytes("0a000000ff00ff00")), "10.0.0.0/255.0.255.0");
  EXPECT_EQ(FormatIpConstraint(Bytes("20010db8000000000000000000000000"
                                     "ffffffff000000000000000000000000")),
            "2001:db8::/32");
  EXPECT_EQ(FormatIpConstraint(Bytes("0a000000")), "<invalid IP constraint: 4 bytes>");
}

// FormatIpAddress into a buffer, as a string.
std::string Text(const std::string& address) {
  char buf[kMaxIpAddressText];
  return std::string(FormatIpAddress(address, buf));
}

// 16 address bytes from eight 16-bit groups.
std::string V6(std::initializer_list<int> groups) {
  std::string out;
  for (int g : groups) {
    out += static_cast<char>(g >> 8);
    out += static_cast<char>(g & 0xff);
  }
  return out;
}

TEST(IpAddressTest, FormatIntoBufferIpv4IsDottedDecimalWithoutLeadingZeros) {
  EXPECT_EQ(Text(std::string("\xc0\xa8\x01\x01", 4)), "192.168.1.1");
  EXPECT_EQ(Text(std::string("\x00\x00\x00\x00", 4)), "0.0.0.0");
  EXPECT_EQ(Text(std::string("\xff\x0a\x64\x09", 4)), "255.10.100.9");
}

TEST(IpAddressTest, FormatIntoBufferIpv6FollowsRfc5952) {
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

TEST(IpAddressTest, FormatIntoBufferOtherLengthsHaveNoText) { EXPECT_EQ(Text("abc"), ""); }

TEST(IpAddressTest, LooksLikeIpAddress) {
  for (const char* text : {"192.168.1.1", "192.168.001.001", "0xC0A80101", "3232235777", "10.1",
                           "::1", "2001:DB8::1", "fe80::1%eth0"}) {
    EXPECT_TRUE(LooksLikeIpAddress(text)) << text;
  }
  for (const char* text : {"example.com", "1e100.net", "3com.com", "123.abc", "1.2.3.4.5", "",
                           "1..2", "0x", "*.example.com"}) {
    EXPECT_FALSE(LooksLikeIpAddress(text)) << text;
  }
}

}  // namespace
}  // namespace certval
