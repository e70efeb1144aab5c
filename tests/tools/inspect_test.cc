// `certval inspect` on minted certificates: every line of the text form, and the JSON shape.
#include <openssl/sha.h>

#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "certval/hooks/pinning_hook.h"
#include "certval/testing/pki/test_pki.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tools/tool_runner.h"

namespace certval {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testpki::Key;
using testpki::KeyKind;
using namespace tooltest;  // NOLINT: RunTool, Describe, WriteFile, ...

std::string Sha256(const std::string& bytes) {
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof digest);
}

std::string ColonHexUpper(const std::string& bytes) {
  std::vector<std::string> parts;
  for (char c : bytes) parts.push_back(absl::BytesToHexString(std::string(1, c)));
  return absl::AsciiStrToUpper(absl::StrJoin(parts, ":"));
}

// The line of `text` that starts with "  <label>:".
std::string Line(const std::string& label, const std::string& value) {
  return absl::StrCat(InspectLabel(label), value, "\n");
}

class InspectTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const absl::Time now = absl::Now();
    chain_ = new testpki::Chain(testpki::MakeChain(KeyKind::kEcP256, "good.test", now));
    testpki::CertSpec spec = testpki::LeafSpec("shop.example.test", now);
    spec.subject = testpki::NameSpec{{"C", "DE"},
                                     {"O",
                                      "B\xc3\xbc"
                                      "cher, M\xc3\xbcller & Co"},
                                     {"CN", "shop.example.test"}};
    spec.serial = std::string("\x01\x02\xab\xcd", 4);
    spec.not_before = now - absl::Hours(24 * 10);
    spec.not_after = now + absl::Hours(24 * 30 + 1);
    spec.key_usage = testpki::kKuDigitalSignature | testpki::kKuKeyEncipherment;
    spec.eku = std::vector<std::string>{"serverAuth", "clientAuth", "1.2.3.4.5"};
    spec.dns_sans = {"shop.example.test", "*.shop.example.test"};
    spec.ip_sans = {"192.0.2.7", "2001:db8::1"};
    spec.email_sans = {"admin@example.test"};
    spec.uri_sans = {"https://shop.example.test/"};
    spec.extra = {
        testpki::AiaExtension({"http://ocsp.example.test"}, {"http://ca.example.test/int.der"}),
        testpki::CrlDistributionPointsExtension({"http://crl.example.test/int.crl"}),
        testpki::PoliciesExtension({"2.23.140.1.2.2", "1.3.6.1.4.1.99999.1"})};
    leaf_key_ = new Key(Key::Cached(KeyKind::kEcP256, 3));
    leaf_ = new std::string(chain_->intermediate_ca().Issue(spec, *leaf_key_));
    leaf_file_ = WriteFile("leaf.pem", testpki::DerToPem(*leaf_));

    testpki::CertSpec ca = testpki::IntermediateSpec("Constrained CA", now, 0);
    ca.nc_permitted = testpki::CertSpec::Subtrees{};
    ca.nc_permitted->dns = {"example.test"};
    ca.nc_permitted->ip_cidr = {"10.0.0.0/8"};
    ca.nc_excluded = testpki::CertSpec::Subtrees{};
    ca.nc_excluded->dns = {"bad.example.test"};
    ca_file_ = WriteFile("constrained-ca.pem", testpki::DerToPem(chain_->root_ca().Issue(
                                                   ca, Key::Cached(KeyKind::kRsa2048, 4))));

    testpki::CertSpec expired = testpki::LeafSpec("old.test", now);
    expired.not_before = now - absl::Hours(24 * 100);
    expired.not_after = now - absl::Hours(24 * 3 + 1);
    expired_file_ =
        WriteFile("expired.pem",
                  testpki::DerToPem(chain_->intermediate_ca().Issue(expired, chain_->leaf_key)));
    testpki::CertSpec future = testpki::LeafSpec("new.test", now);
    future.not_before = now + absl::Hours(24 * 2 + 1);
    future_file_ = WriteFile(
        "future.pem", testpki::DerToPem(chain_->intermediate_ca().Issue(future, chain_->leaf_key)));
  }
  static void TearDownTestSuite() {
    delete chain_;
    delete leaf_key_;
    delete leaf_;
  }

  static testpki::Chain* chain_;
  static Key* leaf_key_;
  static std::string* leaf_;
  static std::string leaf_file_, ca_file_, expired_file_, future_file_;
};

testpki::Chain* InspectTest::chain_ = nullptr;
Key* InspectTest::leaf_key_ = nullptr;
std::string* InspectTest::leaf_ = nullptr;
std::string InspectTest::leaf_file_, InspectTest::ca_file_, InspectTest::expired_file_,
    InspectTest::future_file_;

TEST_F(InspectTest, TextShowsEveryField) {
  ToolRun run = RunTool({"inspect", leaf_file_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_EQ(run.err, "");
  EXPECT_TRUE(IsSafeText(run.out));
  const std::string& out = run.out;
  EXPECT_THAT(out, testing::StartsWith("certificate 1 of 1\n"));
  EXPECT_THAT(out, HasSubstr(Line("source", leaf_file_ + ": certificate at line 1")));
  EXPECT_THAT(out, HasSubstr(Line("subject",
                                  "CN=shop.example.test,O=B\xc3\xbc"
                                  "cher\\, M\xc3\xbcller & Co,C=DE")));
  EXPECT_THAT(out, HasSubstr(Line("issuer", "O=certval test,CN=certval Test Intermediate CA")));
  EXPECT_THAT(out, HasSubstr(Line("serial", "01:02:ab:cd")));
  EXPECT_THAT(out, HasSubstr(Line("version", "3")));
  EXPECT_THAT(out, HasSubstr(Line("signature algorithm", "ecdsa-with-SHA256")));
  EXPECT_THAT(out, HasSubstr(InspectLabel("not before") + "20"));
  EXPECT_THAT(out, HasSubstr(InspectLabel("not after") + "20"));
  EXPECT_THAT(out, HasSubstr(Line("validity", "valid, expires in 30 days")));
  EXPECT_THAT(out, HasSubstr(Line("public key", "ECDSA P-256, 256 bits")));
  EXPECT_THAT(out, HasSubstr(Line("key usage", "digitalSignature, keyEncipherment (critical)")));
  EXPECT_THAT(out, HasSubstr(Line("extended key usage", "serverAuth, clientAuth, 1.2.3.4.5")));
  EXPECT_THAT(out, HasSubstr("  subject alt names:\n"
                             "      DNS:shop.example.test\n"
                             "      DNS:*.shop.example.test\n"
                             "      IP:192.0.2.7\n"
                             "      IP:2001:db8::1\n"
                             "      email:admin@example.test\n"
                             "      URI:https://shop.example.test/\n"));
  EXPECT_THAT(out, Not(HasSubstr("basic constraints")));  // the leaf has none
  EXPECT_THAT(out, HasSubstr("  authority info access:\n"
                             "      OCSP http://ocsp.example.test\n"
                             "      CA issuers http://ca.example.test/int.der\n"));
  EXPECT_THAT(out, HasSubstr(Line("CRL distribution points", "http://crl.example.test/int.crl")));
  EXPECT_THAT(out, HasSubstr("  certificate policies:\n"
                             "      2.23.140.1.2.2 (CA/B Forum organization validated)\n"
                             "      1.3.6.1.4.1.99999.1\n"));
  EXPECT_THAT(out, HasSubstr(InspectLabel("subject key id")));
  EXPECT_THAT(out, HasSubstr(InspectLabel("authority key id")));
  EXPECT_THAT(out,
              HasSubstr(Line("extensions",
                             "subjectKeyIdentifier, authorityKeyIdentifier, keyUsage (critical), "
                             "extKeyUsage, subjectAltName, authorityInfoAccess, "
                             "cRLDistributionPoints, certificatePolicies")));
  EXPECT_THAT(out, HasSubstr(Line("SHA-256 fingerprint", ColonHexUpper(Sha256(*leaf_)))));
  const std::string pin = "sha256//" + absl::Base64Escape(Sha256(leaf_key_->SpkiDer()));
  EXPECT_THAT(out, HasSubstr(Line("SPKI SHA-256 pin", pin)));
}

// The pin is exactly what PinSet::AddBase64 takes.
TEST_F(InspectTest, ThePinIsWhatPinningTakes) {
  ToolRun run = RunTool({"inspect", "--json", leaf_file_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  const std::string pin = ParseJson(run.out)[0]["spki_sha256_pin"].get<std::string>();
  PinSet pins;
  ASSERT_TRUE(pins.AddBase64("shop.example.test", pin).ok()) << pin;
  const auto* set = pins.PinsFor("shop.example.test");
  ASSERT_NE(set, nullptr);
  EXPECT_TRUE(set->contains(Sha256(leaf_key_->SpkiDer())));
}

TEST_F(InspectTest, ConstraintsOfACa) {
  ToolRun run = RunTool({"inspect", ca_file_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr(Line("public key", "RSA, 2048 bits")));
  EXPECT_THAT(run.out, HasSubstr(Line("basic constraints", "CA:true, pathlen:0 (critical)")));
  EXPECT_THAT(run.out, HasSubstr(Line("key usage", "keyCertSign, cRLSign (critical)")));
  EXPECT_THAT(run.out, HasSubstr("  name constraints: (critical)\n"));
  EXPECT_THAT(run.out, HasSubstr("      permitted DNS:example.test\n"));
  EXPECT_THAT(run.out, HasSubstr("      permitted IP:10.0.0.0/8\n"));
  EXPECT_THAT(run.out, HasSubstr("      excluded DNS:bad.example.test\n"));
}

TEST_F(InspectTest, TimeLeftAndSinceExpiry) {
  ToolRun expired = RunTool({"inspect", expired_file_});
  EXPECT_THAT(expired.out, HasSubstr(Line("validity", "expired 3 days ago")));
  ToolRun future = RunTool({"inspect", future_file_});
  EXPECT_THAT(future.out, HasSubstr(Line("validity", "not yet valid: starts in 2 days")));
  // --time: as of another moment.
  ToolRun later = RunTool(
      {"inspect", "--time",
       absl::FormatTime(absl::RFC3339_sec, absl::Now() + absl::Hours(24 * 40), absl::UTCTimeZone()),
       leaf_file_});
  EXPECT_THAT(later.out, HasSubstr(Line("validity", "expired 9 days ago")));
  ToolRun bad = RunTool({"inspect", "--time", "soon", leaf_file_});
  EXPECT_EQ(bad.exit_code, 2) << Describe(bad);
}

TEST_F(InspectTest, JsonShape) {
  ToolRun run = RunTool({"inspect", "--json", leaf_file_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  nlohmann::json all = ParseJson(run.out);
  ASSERT_TRUE(all.is_array()) << run.out;
  ASSERT_EQ(all.size(), 1u);
  const nlohmann::json& j = all[0];
  EXPECT_TRUE(JsonStringsAreSafe(j));
  EXPECT_EQ(j["source"], leaf_file_ + ": certificate at line 1");
  EXPECT_EQ(j["subject"],
            "CN=shop.example.test,O=B\xc3\xbc"
            "cher\\, M\xc3\xbcller & Co,C=DE");
  EXPECT_EQ(j["issuer"], "O=certval test,CN=certval Test Intermediate CA");
  EXPECT_EQ(j["self_issued"], false);
  EXPECT_EQ(j["serial"], "0102abcd");
  EXPECT_EQ(j["version"], 3);
  EXPECT_EQ(j["signature_algorithm"], "ecdsa-with-SHA256");
  EXPECT_TRUE(j["not_before"].is_string());
  EXPECT_TRUE(j["not_after"].is_string());
  EXPECT_EQ(j["validity"]["status"], "valid");
  EXPECT_GT(j["validity"]["seconds_left"].get<int64_t>(), 30 * 86400);
  EXPECT_TRUE(j["validity"]["at"].is_string());
  EXPECT_EQ(j["public_key"]["type"], "ECDSA P-256");
  EXPECT_EQ(j["public_key"]["bits"], 256);
  EXPECT_EQ(j["key_usage"], nlohmann::json({"digitalSignature", "keyEncipherment"}));
  EXPECT_EQ(j["ext_key_usage"], nlohmann::json({"serverAuth", "clientAuth", "1.2.3.4.5"}));
  const nlohmann::json& san = j["subject_alt_names"];
  EXPECT_EQ(san["dns"], nlohmann::json({"shop.example.test", "*.shop.example.test"}));
  EXPECT_EQ(san["ip"], nlohmann::json({"192.0.2.7", "2001:db8::1"}));
  EXPECT_EQ(san["email"], nlohmann::json({"admin@example.test"}));
  EXPECT_EQ(san["uri"], nlohmann::json({"https://shop.example.test/"}));
  EXPECT_EQ(san["directory_name"], nlohmann::json::array());
  EXPECT_EQ(san["other"], nlohmann::json::array());
  EXPECT_FALSE(j.contains("basic_constraints"));
  EXPECT_EQ(j["authority_info_access"]["ocsp"], nlohmann::json({"http://ocsp.example.test"}));
  EXPECT_EQ(j["authority_info_access"]["ca_issuers"],
            nlohmann::json({"http://ca.example.test/int.der"}));
  EXPECT_EQ(j["crl_distribution_points"], nlohmann::json({"http://crl.example.test/int.crl"}));
  ASSERT_EQ(j["certificate_policies"].size(), 2u);
  EXPECT_EQ(j["certificate_policies"][0]["oid"], "2.23.140.1.2.2");
  EXPECT_EQ(j["certificate_policies"][0]["name"], "CA/B Forum organization validated");
  EXPECT_FALSE(j["certificate_policies"][1].contains("name"));
  EXPECT_TRUE(j["subject_key_id"].is_string());
  EXPECT_TRUE(j["authority_key_id"].is_string());
  std::vector<std::string> names;
  for (const auto& e : j["extensions"]) {
    EXPECT_TRUE(e["oid"].is_string());
    EXPECT_TRUE(e["critical"].is_boolean());
    names.push_back(e.value("name", e["oid"].get<std::string>()));
  }
  EXPECT_THAT(names, Contains("subjectAltName"));
  EXPECT_EQ(j["sha256_fingerprint"], ColonHexUpper(Sha256(*leaf_)));
  EXPECT_EQ(j["spki_sha256_pin"], "sha256//" + absl::Base64Escape(Sha256(leaf_key_->SpkiDer())));

  ToolRun ca = RunTool({"inspect", "--json", ca_file_});
  nlohmann::json c = ParseJson(ca.out)[0];
  EXPECT_EQ(c["basic_constraints"], nlohmann::json({{"ca", true}, {"path_len", 0}}));
  EXPECT_THAT(c["name_constraints"]["permitted"].get<std::vector<std::string>>(),
              ElementsAre("DNS:example.test", "IP:10.0.0.0/8"));
  EXPECT_THAT(c["name_constraints"]["excluded"].get<std::vector<std::string>>(),
              ElementsAre("DNS:bad.example.test"));
}

// Several certificates: text blocks numbered in order; JSON an array in the same order.
TEST_F(InspectTest, SeveralCertificates) {
  const std::string chain =
      WriteFile("chain.pem", chain_->ServerChainPem() + testpki::DerToPem(chain_->root));
  ToolRun text = RunTool({"inspect", chain});
  ASSERT_EQ(text.exit_code, 0) << Describe(text);
  EXPECT_THAT(text.out, HasSubstr("certificate 1 of 3\n"));
  EXPECT_THAT(text.out, HasSubstr("\ncertificate 3 of 3\n"));
  ToolRun json = RunTool({"inspect", "--json", chain});
  nlohmann::json j = ParseJson(json.out);
  ASSERT_EQ(j.size(), 3u) << json.out;
  EXPECT_EQ(j[0]["subject"], "CN=good.test");
  EXPECT_EQ(j[2]["subject"], "O=certval test,CN=certval Test Root CA");
  EXPECT_EQ(j[2]["self_issued"], true);
  EXPECT_THAT(j[2]["source"].get<std::string>(), HasSubstr(": certificate at line "));
}

}  // namespace
}  // namespace certval
