// Tests for DecodePemCertificates.
#include "certval/validator/pem.h"

#include <openssl/base64.h>

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "certval/validator/certificate.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Arbitrary binary "DER": the decoder does not parse what it decodes.
std::string Blob(int seed, size_t size) {
  std::string out;
  for (size_t i = 0; i < size; ++i) out.push_back(static_cast<char>((seed * 131 + i * 29) & 0xff));
  return out;
}

// A PEM block with base64 lines of 64 characters, lines joined by `eol`.
std::string Block(const std::string& label, const std::string& der, const std::string& eol = "\n") {
  size_t encoded_len;
  EVP_EncodedLength(&encoded_len, der.size());
  std::string base64(encoded_len, '\0');
  base64.resize(EVP_EncodeBlock(reinterpret_cast<uint8_t*>(&base64[0]),
                                reinterpret_cast<const uint8_t*>(der.data()), der.size()));
  std::string out = absl::StrCat("-----BEGIN ", label, "-----", eol);
  for (size_t i = 0; i < base64.size(); i += 64) absl::StrAppend(&out, base64.substr(i, 64), eol);
  absl::StrAppend(&out, "-----END ", label, "-----", eol);
  return out;
}

std::string ErrorOf(const absl::StatusOr<std::vector<std::string>>& result) {
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(result.status().message());
}

TEST(PemTest, SingleCertificate) {
  const std::string der = Blob(1, 300);
  int skipped = -1;
  absl::StatusOr<std::vector<std::string>> certs =
      DecodePemCertificates(Block("CERTIFICATE", der), &skipped);
  ASSERT_TRUE(certs.ok()) << certs.status();
  EXPECT_THAT(*certs, ElementsAre(der));
  EXPECT_EQ(skipped, 0);
}

TEST(PemTest, BundleOfThreeWithTextAround) {
  const std::string a = Blob(1, 100), b = Blob(2, 257), c = Blob(3, 1);
  const std::string pem =
      absl::StrCat("# Bundle\nsubject=CN=a\n", Block("CERTIFICATE", a), "\n\nsubject=CN=b\n",
                   Block("CERTIFICATE", b), Block("CERTIFICATE", c), "trailing text\n");
  absl::StatusOr<std::vector<std::string>> certs = DecodePemCertificates(pem);
  ASSERT_TRUE(certs.ok()) << certs.status();
  EXPECT_THAT(*certs, ElementsAre(a, b, c));
}

TEST(PemTest, CrlfIndentationAndNoFinalNewline) {
  const std::string der = Blob(4, 200);
  std::string pem = Block("CERTIFICATE", der, "\r\n");
  pem.insert(pem.find("\r\n") + 2, "  ");  // an indented base64 line
  pem.resize(pem.size() - 2);              // no line break after END
  absl::StatusOr<std::vector<std::string>> certs = DecodePemCertificates(pem);
  ASSERT_TRUE(certs.ok()) << certs.status();
  EXPECT_THAT(*certs, ElementsAre(der));
}

TEST(PemTest, OtherBlocksAreSkippedAndCounted) {
  const std::string der = Blob(5, 90);
  const std::string pem = absl::StrCat(
      "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nnot base64 at all!\n-----END RSA "
      "PRIVATE "
      "KEY-----\n",
      Block("CERTIFICATE", der), Block("PRIVATE KEY", Blob(6, 40)),
      Block("TRUSTED CERTIFICATE", Blob(7, 40)));
  int skipped = -1;
  absl::StatusOr<std::vector<std::string>> certs = DecodePemCertificates(pem, &skipped);
  ASSERT_TRUE(certs.ok()) << certs.status();
  EXPECT_THAT(*certs, ElementsAre(der));
  EXPECT_EQ(skipped, 3);
}

TEST(PemTest, MissingEndNamesTheBeginLine) {
  std::string pem = absl::StrCat("first\nsecond\n", Block("CERTIFICATE", Blob(8, 100)));
  pem.resize(pem.find("-----END"));
  EXPECT_EQ(ErrorOf(DecodePemCertificates(pem)), "line 3: END line missing for CERTIFICATE block");

  // A second BEGIN before the first block's END.
  const std::string nested =
      absl::StrCat(Block("CERTIFICATE", Blob(9, 10)), "-----BEGIN CERTIFICATE-----\nAAAA\n",
                   Block("CERTIFICATE", Blob(10, 10)));
  EXPECT_EQ(ErrorOf(DecodePemCertificates(nested)),
            "line 4: END line missing for CERTIFICATE block");
}

TEST(PemTest, MismatchedEnd) {
  const std::string pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n";
  EXPECT_THAT(ErrorOf(DecodePemCertificates(pem)),
              HasSubstr("line 3: END PRIVATE KEY does not match BEGIN CERTIFICATE on line 1"));
}

TEST(PemTest, InvalidBase64) {
  const std::string bad_char =
      "intro\n-----BEGIN CERTIFICATE-----\nAAAA\nAA!A\n-----END CERTIFICATE-----\n";
  EXPECT_EQ(ErrorOf(DecodePemCertificates(bad_char)), "line 4: invalid base64 character");

  const std::string bad_length = "-----BEGIN CERTIFICATE-----\nAAAAA\n-----END CERTIFICATE-----\n";
  EXPECT_THAT(ErrorOf(DecodePemCertificates(bad_length)), HasSubstr("line 1: invalid base64"));

  const std::string bad_padding =
      "\n\n-----BEGIN CERTIFICATE-----\nA===\n-----END CERTIFICATE-----\n";
  EXPECT_THAT(ErrorOf(DecodePemCertificates(bad_padding)), HasSubstr("line 3: invalid base64"));
}

TEST(PemTest, EmptyCertificateBlock) {
  EXPECT_EQ(
      ErrorOf(DecodePemCertificates("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n")),
      "line 1: empty CERTIFICATE block");
}

TEST(PemTest, NoCertificateBlock) {
  EXPECT_EQ(ErrorOf(DecodePemCertificates("")), "no CERTIFICATE block");
  EXPECT_EQ(ErrorOf(DecodePemCertificates("just some text\n-----BEGIN-----\n")),
            "no CERTIFICATE block");
  int skipped = -1;
  EXPECT_EQ(ErrorOf(DecodePemCertificates(Block("PRIVATE KEY", Blob(11, 32)), &skipped)),
            "no CERTIFICATE block");
  EXPECT_EQ(skipped, 1);
}

}  // namespace
}  // namespace certval
