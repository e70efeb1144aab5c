// ToAsciiHostName: IDNA 2008 (UTS #46 non-transitional mapping) over libidn2, table-driven.
#include "certval/validator/idna.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using std::string_literals::operator""s;

struct Converts {
  const char* input;
  const char* ascii;
};

TEST(IdnaTest, Converts) {
  const Converts kCases[] = {
      // ASCII: lower-cased, nothing else (not validated; the name matcher judges it).
      {"example.com", "example.com"},
      {"WWW.Example.COM", "www.example.com"},
      {"xn--bcher-kva.example", "xn--bcher-kva.example"},
      {"XN--BCHER-KVA.example", "xn--bcher-kva.example"},
      {"*.Example.com", "*.example.com"},
      {"a_b.example", "a_b.example"},
      {"127.0.0.1", "127.0.0.1"},
      {"example.com.", "example.com."},
      {"", ""},
      // U-labels to A-labels.
      {"b\xc3\xbc"
       "cher.example",
       "xn--bcher-kva.example"},  // bücher
      {"B\xc3\x9c"
       "CHER.Example",
       "xn--bcher-kva.example"},  // BÜCHER: UTS #46 case folding
      {"b\xc3\xbc"
       "cher.example.",
       "xn--bcher-kva.example."},  // a trailing root dot stays
      {"WWW.b\xc3\xbc"
       "cher.example",
       "www.xn--bcher-kva.example"},
      // Non-transitional: ß keeps its IDNA 2008 meaning (transitional would give strasse.de).
      {"stra\xc3\x9f"
       "e.de",
       "xn--strae-oqa.de"},
      // NFC: u + combining diaeresis is ü.
      {"bu\xcc\x88"
       "cher.example",
       "xn--bcher-kva.example"},
      // Full-width letters and the ideographic full stop map to ASCII.
      {"\xef\xbd\x85\xef\xbd\x98\xef\xbd\x81\xef\xbd\x8d\xef\xbd\x90\xef\xbd\x8c\xef\xbd\x85"
       "\xe3\x80\x82\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x8d",
       "example.com"},
      // Non-Latin scripts.
      {"\xe4\xbe\x8b\xe3\x81\x88.\xe3\x83\x86\xe3\x82\xb9\xe3\x83\x88", "xn--r8jz45g.xn--zckzah"},
      {"\xd0\xbf\xd1\x80\xd0\xb8\xd0\xbc\xd0\xb5\xd1\x80.\xd1\x80\xd1\x84",  // пример.рф
       "xn--e1afmkfd.xn--p1ai"},
      // An A-label next to a U-label is checked and kept.
      {"xn--bcher-kva.b\xc3\xbc"
       "cher.example",
       "xn--bcher-kva.xn--bcher-kva.example"},
  };
  for (const Converts& c : kCases) {
    absl::StatusOr<std::string> ascii = ToAsciiHostName(c.input);
    ASSERT_TRUE(ascii.ok()) << c.input << ": " << ascii.status();
    EXPECT_EQ(*ascii, c.ascii) << c.input;
  }
}

struct Refuses {
  std::string input;
  const char* why;  // part of the message
};

TEST(IdnaTest, RefusesInvalidNames) {
  const Refuses kCases[] = {
      {"b\xff"
       "cher.example",
       "encoding"},  // not UTF-8
      {"b\xc3\xbc"
       "cher\xc3",
       "encoding"},                                // truncated UTF-8
      {"\xf0\x9f\x99\x82.example", "disallowed"},  // an emoji: IDNA 2008 disallows it
      {"\xe2\x80\x8dx.b\xc3\xbc"
       "cher.example",
       "context-j"},  // ZWJ outside its context
      {"xn--zz.b\xc3\xbc"
       "cher.example",
       "punycode"},  // a malformed A-label
      {"ab--c.b\xc3\xbc"
       "cher.example",
       "hyphen"},  // "--" in positions 3-4
      {"-ab.b\xc3\xbc"
       "cher.example",
       "hyphen"},                               // a leading hyphen
      {"b\xc3\xbc cher.example", "roundtrip"},  // a space
      {"b\xc3\xbc"
       "cher..example",
       "empty label"},
      {".b\xc3\xbc"
       "cher.example",
       "empty label"},
      {"b\xc3\xbc"
       "cher\0.evil.example"s,
       "NUL"},  // libidn2 would stop at the NUL
  };
  for (const Refuses& c : kCases) {
    absl::StatusOr<std::string> ascii = ToAsciiHostName(c.input);
    ASSERT_FALSE(ascii.ok()) << c.input << " -> " << *ascii;
    EXPECT_EQ(ascii.status().code(), absl::StatusCode::kInvalidArgument) << c.input;
    EXPECT_THAT(std::string(ascii.status().message()), HasSubstr(c.why)) << c.input;
  }
}

TEST(IdnaTest, RefusesNamesTooLongForDns) {
  const std::string label(60, 'a');
  const std::string long_label = "b\xc3\xbc" + std::string(70, 'c');  // > 63 octets as an A-label
  EXPECT_FALSE(ToAsciiHostName(long_label + ".example").ok());
  std::string name;
  for (int i = 0; i < 5; ++i) name += label + ".";
  name +=
      "b\xc3\xbc"
      "cher";  // > 253 octets in all
  EXPECT_FALSE(ToAsciiHostName(name).ok());
}

}  // namespace
}  // namespace certval
