// tools/describe: names per RFC 4514 (order, multi-valued RDNs, string types, escapes, #hex) and
// GeneralName texts, on hand-built DER.
#include "tools/describe.h"

#include <string>

#include "certval/testing/pki/der_builder.h"
#include "certval/validator/certificate.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::Tlv;

const std::string kCn = "\x06\x03\x55\x04\x03";  // OBJECT IDENTIFIER 2.5.4.3, tag and length
const std::string kO = "\x06\x03\x55\x04\x0a";
const std::string kC = "\x06\x03\x55\x04\x06";
const std::string kDescription = "\x06\x03\x55\x04\x0d";  // not a string-only type: any encoding
const std::string kUnknown = "\x06\x03\x2a\x03\x04";      // 1.2.3.4

std::string Ava(const std::string& type, const std::string& value) {
  return Tlv(0x30, type + value);
}
std::string Utf8(const std::string& s) { return Tlv(0x0c, s); }
std::string Rdn(const std::string& avas) { return Tlv(0x31, avas); }

std::string Show(const std::string& rdns) {
  const std::string der = Tlv(0x30, rdns);
  Name name;
  absl::Status s = ParseName(der, &name);
  EXPECT_TRUE(s.ok()) << s;
  return NameToString(name);
}

TEST(DescribeTest, NamesAreRfc4514LastRdnFirst) {
  EXPECT_EQ(Show(Rdn(Ava(kC, Tlv(0x13, "DE"))) + Rdn(Ava(kO, Utf8("Example"))) +
                 Rdn(Ava(kCn, Utf8("www.example.com")))),
            "CN=www.example.com,O=Example,C=DE");
  // A multi-valued RDN keeps its attributes together, joined by "+".
  EXPECT_EQ(Show(Rdn(Ava(kC, Tlv(0x13, "DE"))) + Rdn(Ava(kCn, Utf8("a")) + Ava(kO, Utf8("b")))),
            "CN=a+O=b,C=DE");
}

TEST(DescribeTest, StringTypesAreDecodedToUtf8) {
  EXPECT_EQ(Show(Rdn(Ava(kCn, Tlv(0x1e, std::string("\x00\xdc\x00x", 4))))),
            "CN=\xc3\x9cx");  // BMP
  EXPECT_EQ(Show(Rdn(Ava(kCn, Tlv(0x1c, std::string("\x00\x00\x00\xfc", 4))))),
            "CN=\xc3\xbc");                                                    // UCS-4
  EXPECT_EQ(Show(Rdn(Ava(kCn, Tlv(0x14, "M\xfcller")))), "CN=M\xc3\xbcller");  // T61 as Latin-1
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("B\xc3\xbc"
                                  "cher")))),
            "O=B\xc3\xbc"
            "cher");
}

TEST(DescribeTest, SpecialCharactersAreEscaped) {
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("a,b+c\"d;e<f>g")))), "O=a\\,b\\+c\\\"d\\;e\\<f\\>g");
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("#x")))), "O=\\#x");
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8(" x y ")))), "O=\\ x y\\ ");
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("x#")))), "O=x#");
  // EscapeText's own escapes: a backslash doubled, control characters and bad UTF-8 shown.
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("a\\b")))), "O=a\\\\b");
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("a\x1b[2Jb")))), "O=a\\x1b[2Jb");
  EXPECT_EQ(Show(Rdn(Ava(kO, Utf8("a\xe2\x80\xae"
                                  "b")))),
            "O=a\\u202eb");  // a bidi override
  // Latin-1 C1 controls of a T61String (the parser's reading) are shown as code points.
  EXPECT_EQ(Show(Rdn(Ava(kO, Tlv(0x14,
                                 "a\x9b"
                                 "b")))),
            "O=a\\u009bb");
}

TEST(DescribeTest, UnnamedTypesAndNonStringValuesAreHex) {
  EXPECT_EQ(Show(Rdn(Ava(kUnknown, Utf8("x")))), "1.2.3.4=#0c0178");
  EXPECT_EQ(Show(Rdn(Ava(kDescription, Tlv(0x02, "\x05")))), "description=#020105");
}

TEST(DescribeTest, EmptyName) {
  Name name;
  ASSERT_TRUE(ParseName(std::string("\x30\x00", 2), &name).ok());
  EXPECT_EQ(NameToString(name), "");
  EXPECT_EQ(NameText(name), "(empty)");
}

TEST(DescribeTest, GeneralNames) {
  EXPECT_EQ(GeneralNameText(GeneralNameType::kIpAddress, std::string("\xc0\x00\x02\x07", 4)),
            "IP:192.0.2.7");
  EXPECT_EQ(GeneralNameText(GeneralNameType::kIpAddress,
                            std::string("\x20\x01\x0d\xb8\0\0\0\0\0\0\0\0\0\0\0\x01", 16)),
            "IP:2001:db8::1");
  EXPECT_EQ(GeneralNameText(GeneralNameType::kIpAddress, std::string("\x0a\0\0\0\xff\0\0\0", 8)),
            "IP:10.0.0.0/8");
  EXPECT_EQ(GeneralNameText(GeneralNameType::kDnsName, "a\x1b.example"), "DNS:a\\x1b.example");
  EXPECT_EQ(GeneralNameText(GeneralNameType::kDirectoryName, Tlv(0x30, Rdn(Ava(kCn, Utf8("x"))))),
            "DirName:CN=x");
}

TEST(DescribeTest, KnownOidsHaveNames) {
  EXPECT_STREQ(EkuName("1.3.6.1.5.5.7.3.1"), "serverAuth");
  EXPECT_EQ(EkuName("1.2.3.4"), nullptr);
  EXPECT_STREQ(PolicyName("2.23.140.1.2.1"), "CA/B Forum domain validated");
  EXPECT_STREQ(ExtensionName("2.5.29.17"), "subjectAltName");
  EXPECT_EQ(KeyUsageNames(0x161), (std::vector<std::string>{"digitalSignature", "keyCertSign",
                                                            "cRLSign", "decipherOnly"}));
}

}  // namespace
}  // namespace certval
