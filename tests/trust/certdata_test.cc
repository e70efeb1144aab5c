// trust/certdata.h: NSS's certdata.txt format, on the vendored file and on small hand-written ones
// (every malformation names its line).
#include "certval/trust/certdata.h"

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval::certdata {
namespace {

using ::testing::HasSubstr;

std::string Octal(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    char buf[5];
    std::snprintf(buf, sizeof(buf), "\\%03o", c);
    out += buf;
  }
  return out;
}

std::string CertObject(
    const std::string& label, const std::string& serial,
    const std::string& server_distrust = "CKA_NSS_SERVER_DISTRUST_AFTER CK_BBOOL CK_FALSE") {
  return absl::StrCat("CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\n", "CKA_LABEL UTF8 \"", label,
                      "\"\n", "CKA_ISSUER MULTILINE_OCTAL\n", Octal("issuer"), "\nEND\n",
                      "CKA_SERIAL_NUMBER MULTILINE_OCTAL\n", Octal(serial), "\nEND\n",
                      "CKA_VALUE MULTILINE_OCTAL\n", Octal("der of " + label), "\nEND\n",
                      server_distrust, "\n", "CKA_NSS_EMAIL_DISTRUST_AFTER CK_BBOOL CK_FALSE\n\n");
}

std::string TrustObject(const std::string& label, const std::string& serial,
                        const std::string& server, const std::string& email) {
  return absl::StrCat("CKA_CLASS CK_OBJECT_CLASS CKO_NSS_TRUST\n", "CKA_LABEL UTF8 \"", label,
                      "\"\n", "CKA_ISSUER MULTILINE_OCTAL\n", Octal("issuer"), "\nEND\n",
                      "CKA_SERIAL_NUMBER MULTILINE_OCTAL\n", Octal(serial), "\nEND\n",
                      "CKA_TRUST_SERVER_AUTH CK_TRUST ", server, "\n",
                      "CKA_TRUST_EMAIL_PROTECTION CK_TRUST ", email, "\n\n");
}

const char kHeader[] = "# a comment\n\nBEGINDATA\n";

TEST(CertdataTest, TrustBitsAndDatesAttachToTheirCertificates) {
  const std::string text = absl::StrCat(
      kHeader, CertObject("Web", "1"), CertObject("Mail", "2"),
      CertObject(
          "Old", "3",
          "CKA_NSS_SERVER_DISTRUST_AFTER MULTILINE_OCTAL\n" + Octal("241130235959Z") + "\nEND"),
      TrustObject("Web", "1", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_MUST_VERIFY_TRUST"),
      TrustObject("Mail", "2", "CKT_NSS_MUST_VERIFY_TRUST", "CKT_NSS_TRUSTED_DELEGATOR"),
      TrustObject("Old", "3", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_NOT_TRUSTED"));
  absl::StatusOr<File> file = Parse(text);
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->roots.size(), 3u);
  EXPECT_EQ(file->roots[0].label, "Web");
  EXPECT_EQ(file->roots[0].der, "der of Web");
  EXPECT_EQ(file->roots[0].sha256.size(), 32u);
  EXPECT_EQ(file->roots[0].server, TrustLevel::kTrusted);
  EXPECT_EQ(file->roots[0].email, TrustLevel::kMustVerify);
  EXPECT_EQ(file->roots[1].server, TrustLevel::kMustVerify);
  EXPECT_EQ(file->roots[1].email, TrustLevel::kTrusted);
  EXPECT_EQ(file->roots[2].email, TrustLevel::kDistrusted);
  EXPECT_EQ(file->roots[2].server_distrust_after, 1733011199);  // 2024-11-30T23:59:59Z
  EXPECT_FALSE(file->roots[0].server_distrust_after.has_value());
  EXPECT_FALSE(file->roots[2].email_distrust_after.has_value());
}

// Izenpe.com's date sits on its trust object in NSS's file; the earlier of two dates applies.
TEST(CertdataTest, ADateOnTheTrustObjectCountsAndTheEarlierWins) {
  std::string trust =
      TrustObject("A", "1", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_TRUSTED_DELEGATOR");
  trust.insert(trust.size() - 1, "CKA_NSS_SERVER_DISTRUST_AFTER MULTILINE_OCTAL\n" +
                                     Octal("260415235959Z") + "\nEND\n");
  absl::StatusOr<File> only_trust = Parse(absl::StrCat(kHeader, CertObject("A", "1"), trust));
  ASSERT_TRUE(only_trust.ok()) << only_trust.status();
  EXPECT_EQ(only_trust->roots[0].server_distrust_after, 1776297599);  // 2026-04-15T23:59:59Z
  absl::StatusOr<File> both =
      Parse(absl::StrCat(kHeader,
                         CertObject("A", "1",
                                    "CKA_NSS_SERVER_DISTRUST_AFTER MULTILINE_OCTAL\n" +
                                        Octal("241130235959Z") + "\nEND"),
                         trust));
  ASSERT_TRUE(both.ok()) << both.status();
  EXPECT_EQ(both->roots[0].server_distrust_after, 1733011199);
}

TEST(CertdataTest, TrustWithoutCertificateIsReportedApart) {
  absl::StatusOr<File> file = Parse(absl::StrCat(
      kHeader, TrustObject("Gone", "9", "CKT_NSS_NOT_TRUSTED", "CKT_NSS_NOT_TRUSTED")));
  ASSERT_TRUE(file.ok()) << file.status();
  EXPECT_TRUE(file->roots.empty());
  ASSERT_EQ(file->trust_only.size(), 1u);
  EXPECT_EQ(file->trust_only[0].label, "Gone");
  EXPECT_EQ(file->trust_only[0].server, TrustLevel::kDistrusted);
}

struct Malformed {
  std::string name;
  std::string text;
  std::string error;  // a substring of the status message, line number included
};

std::vector<Malformed> MalformedFiles() {
  const std::string good =
      absl::StrCat(kHeader, CertObject("A", "1"),
                   TrustObject("A", "1", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_MUST_VERIFY_TRUST"));
  // Line 7 is the first octal line of CKA_ISSUER (3 header lines, CLASS, LABEL, ISSUER).
  return {
      {"no BEGINDATA", "# nothing\n", "no BEGINDATA"},
      {"bad octal digit", absl::StrReplaceAll(good, {{"\\151\\163", "\\181\\163"}}),
       "line 7: octal data"},
      {"octal above 377", absl::StrReplaceAll(good, {{"\\151\\163", "\\451\\163"}}),
       "line 7: octal escape above"},
      {"unterminated octal",
       absl::StrCat(kHeader, "CKA_CLASS CK_OBJECT_CLASS CKO_CERTIFICATE\n",
                    "CKA_VALUE MULTILINE_OCTAL\n\\060\n"),
       "line 5: MULTILINE_OCTAL without END"},
      {"unknown type", absl::StrCat(good, "CKA_CLASS CK_OBJECT_CLASS CKO_X\nCKA_FOO FLOAT 1\n"),
       "unknown attribute type FLOAT"},
      {"not an attribute", absl::StrCat(good, "garbage here\n"), "expected \"CKA_<name>"},
      {"unquoted label", absl::StrReplaceAll(good, {{"UTF8 \"A\"", "UTF8 A"}}),
       "line 5: a UTF8 value must be quoted"},
      {"unknown trust", absl::StrReplaceAll(good, {{"CKT_NSS_TRUSTED_DELEGATOR", "CKT_MAYBE"}}),
       "unknown trust value CKT_MAYBE"},
      {"certificate without trust", absl::StrCat(kHeader, CertObject("A", "1")),
       "line 4: certificate \"A\" has no trust object"},
      {"two trust objects",
       absl::StrCat(
           good, TrustObject("A", "1", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_TRUSTED_DELEGATOR")),
       "a second trust object for \"A\""},
      {"certificate without value",
       absl::StrReplaceAll(good, {{"CKA_VALUE MULTILINE_OCTAL", "CKA_VALUX MULTILINE_OCTAL"}}),
       "line 4: object without CKA_VALUE"},
      {"bad date",
       absl::StrCat(
           kHeader,
           CertObject("A", "1",
                      "CKA_NSS_SERVER_DISTRUST_AFTER MULTILINE_OCTAL\n" + Octal("241330235959Z") +
                          "\nEND"),
           TrustObject("A", "1", "CKT_NSS_TRUSTED_DELEGATOR", "CKT_NSS_TRUSTED_DELEGATOR")),
       "CKA_NSS_SERVER_DISTRUST_AFTER is not a UTCTime"},
      {"distrust-after true",
       absl::StrReplaceAll(good, {{"CKA_NSS_SERVER_DISTRUST_AFTER CK_BBOOL CK_FALSE",
                                   "CKA_NSS_SERVER_DISTRUST_AFTER CK_BBOOL CK_TRUE"}}),
       "must be CK_FALSE"},
      {"sha1 mismatch",
       absl::StrReplaceAll(
           good, {{"CKA_TRUST_SERVER_AUTH",
                   "CKA_CERT_SHA1_HASH MULTILINE_OCTAL\n\\000\nEND\nCKA_TRUST_SERVER_AUTH"}}),
       "CKA_CERT_SHA1_HASH does not match the certificate \"A\""},
  };
}

TEST(CertdataTest, MalformedFilesNameTheLine) {
  for (const Malformed& m : MalformedFiles()) {
    absl::StatusOr<File> file = Parse(m.text);
    ASSERT_FALSE(file.ok()) << m.name;
    EXPECT_THAT(std::string(file.status().message()), HasSubstr(m.error)) << m.name;
  }
}

TEST(CertdataTest, ParseTime) {
  EXPECT_EQ(ParseTime("700101000000Z"), 0);           // RFC 5280: 70 is 1970
  EXPECT_EQ(ParseTime("491231235959Z"), 2524607999);  // 49 is 2049
  EXPECT_EQ(ParseTime("20240229000000Z"), 1709164800);
  EXPECT_FALSE(ParseTime("230229000000Z").has_value());  // not a leap year
  EXPECT_FALSE(ParseTime("241301000000Z").has_value());
  EXPECT_FALSE(ParseTime("2411300000Z").has_value());
  EXPECT_FALSE(ParseTime("241130000000+").has_value());
  EXPECT_FALSE(ParseTime("24113000000aZ").has_value());
}

// The vendored file: every certificate has its trust, and the figures the README quotes.
TEST(CertdataTest, TheVendoredFileParses) {
  std::ifstream in(::testing::internal::GetArgvs().at(1), std::ios::binary);
  ASSERT_TRUE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  absl::StatusOr<File> file = Parse(ss.str());
  ASSERT_TRUE(file.ok()) << file.status();
  int server = 0, email = 0, anchors = 0, dated = 0;
  for (const Root& r : file->roots) {
    server += r.server == TrustLevel::kTrusted;
    email += r.email == TrustLevel::kTrusted;
    anchors += r.server == TrustLevel::kTrusted || r.email == TrustLevel::kTrusted;
    dated += r.server_distrust_after.has_value() || r.email_distrust_after.has_value();
  }
  std::cout << "certdata.txt: " << file->roots.size() << " certificates, " << anchors
            << " anchors (" << server << " for TLS servers, " << email << " for email), " << dated
            << " with a distrust-after date\n";
  EXPECT_GT(anchors, 100);
  EXPECT_GT(dated, 0);
  EXPECT_TRUE(file->trust_only.empty());
}

}  // namespace
}  // namespace certval::certdata
