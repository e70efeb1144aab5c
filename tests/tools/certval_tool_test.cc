// The `certval` binary, run as a subprocess: every subcommand, its exit codes (0 valid or allowed,
// 1 rejected, 2 usage or input error), its messages, and its behaviour on bad input. Certificates
// come from the test-PKI builder; TLS servers for `connect` run in this process on 127.0.0.1.
// The conventions of issue 16 (inputs, JSON errors, default trust, IDNA, --help/--version) are in
// cli_conventions_test.cc, inspect's output in inspect_test.cc.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/tls/loopback_server.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tools/tool_runner.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testpki::Key;
using testpki::KeyKind;
using namespace tooltest;  // NOLINT: RunTool, Describe, WriteFile, ...

// Files for every test: a root, good/expired/IP chains (leaf first), bad inputs.
class ToolTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const absl::Time now = absl::Now();
    chain_ = new testpki::Chain(testpki::MakeChain(KeyKind::kEcP256, "good.test", now));
    testpki::CertSpec expired = testpki::LeafSpec("good.test", now);
    expired.not_before = now - absl::Hours(24 * 30);
    expired.not_after = now - absl::Hours(24);
    expired_leaf_ = new std::string(chain_->intermediate_ca().Issue(expired, chain_->leaf_key));
    ip_leaf_ = new std::string(
        chain_->intermediate_ca().Issue(testpki::LeafSpec("127.0.0.1", now), chain_->leaf_key));
    root_pem_ = WriteFile("root.pem", testpki::DerToPem(chain_->root));
    other_root_pem_ =
        WriteFile("other-root.pem",
                  testpki::DerToPem(testpki::SelfSigned(testpki::RootSpec("Some Other Root", now),
                                                        Key::Cached(KeyKind::kEcP256, 7))));
    chain_pem_ = WriteFile("chain.pem", chain_->ServerChainPem());
    expired_pem_ = WriteFile("expired.pem", ServerChain(*expired_leaf_));
    testpki::CertSpec hostile = testpki::LeafSpec("good.test", now);
    hostile.subject = testpki::NameSpec{{"CN", kHostileCn}, {"O", kHostileO}};
    hostile.subject.string_tags = {0x14};  // T61String: the parser takes any bytes as Latin-1
    hostile.dns_sans = {"good.test", kHostileDns};
    hostile.email_sans = {kHostileEmail};
    hostile_leaf_ = new std::string(chain_->intermediate_ca().Issue(hostile, chain_->leaf_key));
    hostile_pem_ = WriteFile("hostile.pem", ServerChain(*hostile_leaf_));
  }
  static void TearDownTestSuite() {
    delete chain_;
    delete expired_leaf_;
    delete ip_leaf_;
    delete hostile_leaf_;
  }

  static std::string ServerChain(const std::string& leaf_der) {
    return testpki::DerToPem(leaf_der) + testpki::DerToPem(chain_->intermediate);
  }

  // A loopback TLS server presenting `leaf_der` (plus the intermediate).
  static std::unique_ptr<tls::LoopbackServer> Serve(const std::string& leaf_der) {
    tls::LoopbackServerOptions options;
    options.chain_pem = ServerChain(leaf_der);
    options.key_pem = chain_->leaf_key.PrivateKeyPem();
    auto server = tls::LoopbackServer::Start(std::move(options));
    EXPECT_TRUE(server.ok()) << server.status();
    return server.ok() ? *std::move(server) : nullptr;
  }

  static std::string Target(uint16_t port) { return absl::StrCat("127.0.0.1:", port); }

  // Certificate text an attacker chose: terminal escape sequences (ESC, BEL, a C1 CSI), bytes
  // that are not UTF-8, and a backslash.
  static constexpr char kHostileCn[] =
      "cn\x1b[2J\x9b"
      "31m\xff\\.test";                                       // as T61String
  static constexpr char kHostileO[] = "org\x1b]0;owned\x07";  // valid UTF-8
  // SAN names are IA5Strings, 7-bit: a byte above 0x7F makes the certificate malformed
  // (security_test's Ia5StringTest), so their hostile text is ASCII controls.
  static constexpr char kHostileDns[] = "san\x1b[31m\x7f\x01.test";
  static constexpr char kHostileEmail[] = "mail\x1b[K\x02@x.test";

  static testpki::Chain* chain_;
  static std::string* expired_leaf_;
  static std::string* ip_leaf_;
  static std::string* hostile_leaf_;  // issued by the intermediate, valid for good.test
  static std::string root_pem_, chain_pem_, expired_pem_, hostile_pem_;
  static std::string
      other_root_pem_;  // a root that issued nothing here: a system store without ours
};

testpki::Chain* ToolTest::chain_ = nullptr;
std::string* ToolTest::expired_leaf_ = nullptr;
std::string* ToolTest::ip_leaf_ = nullptr;
std::string* ToolTest::hostile_leaf_ = nullptr;
std::string ToolTest::root_pem_, ToolTest::chain_pem_, ToolTest::expired_pem_,
    ToolTest::hostile_pem_, ToolTest::other_root_pem_;

// The hostile texts as the tool shows them.
constexpr char kShownDns[] = "san\\x1b[31m\\x7f\\x01.test";
constexpr char kShownEmail[] = "mail\\x1b[K\\x02@x.test";
constexpr char kShownO[] = "O=org\\x1b]0\\;owned\\x07";  // RFC 4514 escapes ';'
// The T61String read as Latin-1 (0x9b is the C1 control U+009B, 0xff is ÿ), then escaped.
constexpr char kShownCn[] = "CN=cn\\x1b[2J\\u009b31m\xc3\xbf\\\\.test";

// --- usage ---

TEST_F(ToolTest, NoSubcommandUnknownSubcommandAndUnknownFlagAreUsageErrors) {
  ToolRun none = RunTool({});
  EXPECT_EQ(none.exit_code, 2) << Describe(none);
  EXPECT_THAT(none.err, HasSubstr("missing subcommand"));
  ToolRun unknown = RunTool({"frobnicate"});
  EXPECT_EQ(unknown.exit_code, 2) << Describe(unknown);
  EXPECT_THAT(unknown.err, HasSubstr("unknown subcommand 'frobnicate'"));
  ToolRun flag = RunTool({"verify", "--no_such_flag", chain_pem_});
  EXPECT_EQ(flag.exit_code, 2) << Describe(flag);  // absl's own exit(1) must not leak through
  EXPECT_THAT(flag.err, HasSubstr("no_such_flag"));
  ToolRun bad_value = RunTool({"verify", "--max_depth=many", chain_pem_});
  EXPECT_EQ(bad_value.exit_code, 2) << Describe(bad_value);
}

// --- verify ---

TEST_F(ToolTest, VerifyValidChain) {
  ToolRun run = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", chain_pem_});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("verdict: VALID"));
}

TEST_F(ToolTest, VerifyJsonIsJson) {
  ToolRun run =
      RunTool({"verify", "--roots", root_pem_, "--host", "good.test", "--json", chain_pem_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << run.out;
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["path"].size(), 3u);
}

TEST_F(ToolTest, VerifyRejections) {
  ToolRun expired = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", expired_pem_});
  EXPECT_EQ(expired.exit_code, 1) << Describe(expired);
  EXPECT_THAT(expired.out, HasSubstr("validity.expired"));
  ToolRun wrong_host = RunTool({"verify", "--roots", root_pem_, "--host", "bad.test", chain_pem_});
  EXPECT_EQ(wrong_host.exit_code, 1) << Describe(wrong_host);
  EXPECT_THAT(wrong_host.out, HasSubstr("peer_name.mismatch"));
  // No trust flag: the system store, here a bundle without the test root.
  ToolRun no_roots =
      RunTool({"verify", "--host", "good.test", chain_pem_}, {"SSL_CERT_FILE=" + other_root_pem_});
  EXPECT_EQ(no_roots.exit_code, 1) << Describe(no_roots);
  EXPECT_THAT(no_roots.out, HasSubstr("trust_anchor.no_trusted_root"));
  EXPECT_THAT(no_roots.out, HasSubstr("trust: system store"));
}

TEST_F(ToolTest, VerifyWarnAndDisableAllowAndSaySo) {
  ToolRun warn = RunTool(
      {"verify", "--roots", root_pem_, "--host", "good.test", "--mode", "warn", expired_pem_});
  EXPECT_EQ(warn.exit_code, 0) << Describe(warn);
  EXPECT_THAT(warn.out, HasSubstr("allowed with warnings"));
  ToolRun per_check = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", "--disable",
                               "validity", expired_pem_});
  EXPECT_EQ(per_check.exit_code, 0) << Describe(per_check);
  ToolRun disable = RunTool({"verify", "--mode=disable", "--any-name", expired_pem_},
                            {"SSL_CERT_FILE=" + other_root_pem_});
  EXPECT_EQ(disable.exit_code, 0) << Describe(disable);
}

// Issue 13: a chain valid for some name proves nothing about the peer, so verify needs the name,
// or --any-name to say that none is checked.
TEST_F(ToolTest, VerifyNeedsAPeerNameOrAnyName) {
  ToolRun none = RunTool({"verify", "--roots", root_pem_, chain_pem_});
  EXPECT_EQ(none.exit_code, 2) << Describe(none);
  EXPECT_THAT(none.err, HasSubstr("verify needs the name the peer must have"));
  EXPECT_THAT(none.err, HasSubstr("--any-name"));
  EXPECT_EQ(none.out, "");
  ToolRun any = RunTool({"verify", "--roots", root_pem_, "--any-name", chain_pem_});
  EXPECT_EQ(any.exit_code, 0) << Describe(any);
  EXPECT_THAT(any.out, HasSubstr("verdict: VALID"));
  EXPECT_THAT(any.out, Not(HasSubstr("peer_name")));
  ToolRun dashed = RunTool({"verify", "--roots", root_pem_, "--any_name", expired_pem_});
  EXPECT_EQ(dashed.exit_code, 1) << Describe(dashed);  // the other checks still run
  EXPECT_THAT(dashed.out, HasSubstr("validity.expired"));
  ToolRun both =
      RunTool({"verify", "--roots", root_pem_, "--any-name", "--host", "good.test", chain_pem_});
  EXPECT_EQ(both.exit_code, 2) << Describe(both);
  EXPECT_THAT(both.err, HasSubstr("at most one of --host, --ip, --email, --any-name"));
}

// Issue 13: a misspelt check name must not leave the check enforced while the user believes it is
// not, nor show up as a rejection; the message names the checks.
TEST_F(ToolTest, UnknownCheckNamesAreUsageErrors) {
  for (const std::vector<std::string>& flags :
       std::vector<std::vector<std::string>>{{"--warn", "validty"},
                                             {"--disable", "nope"},
                                             {"--disable=validity,peer-name"},
                                             {"--warn", "validity", "--warn", ""}}) {
    std::vector<std::string> args = {"verify", "--roots", root_pem_, "--host", "good.test"};
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(expired_pem_);
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 2) << flags.back() << "\n" << Describe(run);
    EXPECT_THAT(run.err, HasSubstr("no check has that name; the checks are: signature, "));
    EXPECT_THAT(run.err, HasSubstr("name_constraints, certificate_policies, peer_name"));
    EXPECT_EQ(run.out, "");
  }
  // Every listed name is accepted.
  ToolRun known = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", "--warn",
                           "validity,name_constraints,certificate_profile,trust_anchor,hooks",
                           "--disable", "pinning", expired_pem_});
  EXPECT_EQ(known.exit_code, 0) << Describe(known);
  // connect refuses before dialing.
  ToolRun connect =
      RunTool({"connect", "127.0.0.1:1", "--roots", root_pem_, "--disable", "validty"});
  EXPECT_EQ(connect.exit_code, 2) << Describe(connect);
  EXPECT_THAT(connect.err, HasSubstr("--disable 'validty': no check has that name"));
}

TEST_F(ToolTest, HelpListsTheCheckNamesAndAnyName) {
  ToolRun help = RunTool({"--help"});
  const std::string kLine = "Checks C for --warn and --disable: ";
  const size_t at = help.out.find(kLine);
  ASSERT_NE(at, std::string::npos) << Describe(help);
  const std::string line = help.out.substr(at, help.out.find('\n', at) - at);
  for (const char* name : {"signature", "public_key", "validity", "basic_constraints", "key_usage",
                           "ext_key_usage", "name_constraints", "peer_name", "critical_extensions",
                           "certificate_profile", "trust_anchor", "hooks", "pinning"}) {
    EXPECT_THAT(line, HasSubstr(absl::StrCat(" ", name))) << line;
  }
  EXPECT_THAT(help.out, HasSubstr("--host N|--ip A|--email E|--any-name"));
}

TEST_F(ToolTest, VerifyBadFilesAreInputErrors) {
  const std::string missing = TempPath("does-not-exist.pem");
  const std::string empty = WriteFile("empty.pem", "");
  const std::string garbage = WriteFile(
      "garbage.pem", "-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n");
  for (const std::string& path : {missing, empty, garbage}) {
    ToolRun run = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", path});
    EXPECT_EQ(run.exit_code, 2) << path << "\n" << Describe(run);
    EXPECT_THAT(run.err, HasSubstr(path));
  }
  ToolRun bad_root = RunTool({"verify", "--roots", missing, "--host", "good.test", chain_pem_});
  EXPECT_EQ(bad_root.exit_code, 2) << Describe(bad_root);
  ToolRun no_chain = RunTool({"verify", "--roots", root_pem_});
  EXPECT_EQ(no_chain.exit_code, 2) << Describe(no_chain);
}

TEST_F(ToolTest, VerifyBadFlagValuesAreUsageErrors) {
  const std::vector<std::vector<std::string>> cases = {{"--mode", "lenient"},
                                                       {"--purpose", "codeSigning"},
                                                       {"--profile", "strictest"},
                                                       {"--time", "yesterday"},
                                                       {"--host", "a.test", "--ip", "127.0.0.1"},
                                                       {"--email", "a@b.test", "--any-name"}};
  for (const auto& flags : cases) {
    std::vector<std::string> args = {"verify", "--roots", root_pem_};
    if (flags.size() < 3) args.insert(args.end(), {"--host", "good.test"});
    args.insert(args.end(), flags.begin(), flags.end());
    args.push_back(chain_pem_);
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 2) << flags[0] << "\n" << Describe(run);
    EXPECT_THAT(run.err, HasSubstr("certval:"));
  }
}

// --profile selects each of the three profiles (README, "Profiles"): an intermediate whose
// basicConstraints cA=TRUE is not critical breaks section 4.2.1.9 but not 6.1's algorithm.
TEST_F(ToolTest, VerifyProfileFlag) {
  const absl::Time now = absl::Now();
  testpki::CertSpec ica = testpki::IntermediateSpec("Non-critical BC CA", now);
  ica.basic_constraints_critical = false;
  testpki::TestCa ca = chain_->root_ca().IssueCa(ica, Key::Cached(KeyKind::kEcP256, 7));
  const std::string pem =
      WriteFile("noncritical-bc.pem",
                testpki::DerToPem(ca.Issue(testpki::LeafSpec("good.test", now), chain_->leaf_key)) +
                    testpki::DerToPem(ca.cert_der()));
  // --roots adds a private root: under webpki the BRs' criticality rule is then a warning only.
  for (const char* profile : {"webpki", "rfc5280_strict", "rfc5280"}) {
    ToolRun run =
        RunTool({"verify", "--roots", root_pem_, "--host", "good.test", "--profile", profile, pem});
    const bool strict = std::string(profile) == "rfc5280_strict";
    EXPECT_EQ(run.exit_code, strict ? 1 : 0) << profile << "\n" << Describe(run);
    if (std::string(profile) != "rfc5280") {
      EXPECT_THAT(run.out, HasSubstr("basic_constraints.not_critical")) << profile;
    }
  }
  ToolRun bad = RunTool(
      {"verify", "--roots", root_pem_, "--host", "good.test", "--profile", "rfc5280-strict", pem});
  EXPECT_EQ(bad.exit_code, 2) << Describe(bad);
  EXPECT_THAT(bad.err, HasSubstr("expected webpki, rfc5280 or rfc5280_strict"));
}

TEST_F(ToolTest, VerifyWithSystemRootsFromSslCertFileAndDashedFlagNames) {
  ToolRun run = RunTool({"verify", "--system-roots", "--host", "good.test", chain_pem_},
                        {"SSL_CERT_FILE=" + root_pem_});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  ToolRun missing = RunTool({"verify", "--system-roots", "--host", "good.test", chain_pem_},
                            {"SSL_CERT_FILE=" + TempPath("no-bundle.pem")});
  EXPECT_EQ(missing.exit_code, 2) << Describe(missing);
}

TEST_F(ToolTest, VerifyWithMozillaRootsDoesNotTrustTheTestRoot) {
  ToolRun run = RunTool({"verify", "--mozilla-roots", "--host", "good.test", chain_pem_});
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("trust_anchor.no_trusted_root"));
}

// Issue 13 item 10: certificate text is escaped in text and JSON, and JSON never aborts.
TEST_F(ToolTest, VerifyEscapesCertificateTextInTextAndJson) {
  // other.test: the mismatch message quotes every SAN; the profile check quotes the CN.
  ToolRun text = RunTool({"verify", "--roots", root_pem_, "--host", "other.test", hostile_pem_});
  EXPECT_EQ(text.exit_code, 1) << Describe(text);
  EXPECT_TRUE(IsSafeText(text.out));
  EXPECT_TRUE(IsSafeText(text.err));
  EXPECT_THAT(text.out, HasSubstr(kShownDns));
  EXPECT_THAT(text.out, HasSubstr(kShownEmail));
  EXPECT_THAT(text.out, HasSubstr(kShownO));
  EXPECT_THAT(text.out, HasSubstr(kShownCn));  // the path, and the profile check's finding

  ToolRun json =
      RunTool({"verify", "--roots", root_pem_, "--host", "other.test", "--json", hostile_pem_});
  ASSERT_EQ(json.exit_code, 1) << Describe(json);  // not 134: nlohmann threw on invalid UTF-8
  EXPECT_TRUE(IsSafeText(json.out));
  nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << json.out;
  EXPECT_TRUE(JsonStringsAreSafe(j));
  EXPECT_THAT(j["path"][0]["subject"].get<std::string>(), HasSubstr(kShownO));
  bool mismatch = false;
  for (const auto& f : j["findings"]) {
    if (f["code"] != "peer_name.mismatch") continue;
    mismatch = true;
    EXPECT_THAT(f["message"].get<std::string>(), HasSubstr(kShownDns));
  }
  EXPECT_TRUE(mismatch) << json.out;
}

// Usage errors quote flag values and file names, which are escaped the same way.
TEST_F(ToolTest, UsageErrorsEscapeWhatTheyQuote) {
  ToolRun purpose = RunTool({"verify", "--roots", root_pem_, "--host", "good.test", "--purpose",
                             "x\x1b[2J\xff", chain_pem_});
  EXPECT_EQ(purpose.exit_code, 2) << Describe(purpose);
  EXPECT_TRUE(IsSafeText(purpose.err));
  EXPECT_THAT(purpose.err, HasSubstr("--purpose 'x\\x1b[2J\\xff'"));
  const std::string odd = WriteFile("odd\x1b]0;name\x07.pem", "");
  ToolRun file = RunTool({"inspect", odd});
  EXPECT_EQ(file.exit_code, 2) << Describe(file);
  EXPECT_TRUE(IsSafeText(file.err));
  EXPECT_THAT(file.err, HasSubstr("odd\\x1b]0;name\\x07.pem"));
}

TEST_F(ToolTest, InspectEscapesCertificateText) {
  ToolRun text = RunTool({"inspect", hostile_pem_});
  ASSERT_EQ(text.exit_code, 0) << Describe(text);
  EXPECT_TRUE(IsSafeText(text.out));
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat(InspectLabel("subject"), kShownO, ",", kShownCn)));
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat("DNS:", kShownDns)));
  EXPECT_THAT(text.out, HasSubstr(absl::StrCat("email:", kShownEmail)));
  ToolRun run = RunTool({"inspect", "--json", hostile_pem_});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);  // not 134
  EXPECT_TRUE(IsSafeText(run.out));
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << run.out;
  EXPECT_TRUE(JsonStringsAreSafe(j));
  ASSERT_EQ(j.size(), 2u);  // the leaf and the intermediate
  EXPECT_THAT(j[0]["subject"].get<std::string>(), HasSubstr(kShownCn));
  EXPECT_THAT(j[0]["subject"].get<std::string>(), HasSubstr(kShownO));
  EXPECT_EQ(j[0]["subject_alt_names"]["dns"][1], kShownDns);
  EXPECT_EQ(j[0]["subject_alt_names"]["email"][0], kShownEmail);
}

// --- inspect ---

TEST_F(ToolTest, InspectGoodAndBrokenCertificates) {
  ToolRun good = RunTool({"inspect", "--json", root_pem_});
  ASSERT_EQ(good.exit_code, 0) << Describe(good);
  nlohmann::json j = nlohmann::json::parse(good.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << good.out;
  ASSERT_TRUE(j.is_array()) << good.out;  // one certificate: still an array
  ASSERT_EQ(j.size(), 1u);
  EXPECT_THAT(j[0]["subject"].get<std::string>(), HasSubstr("certval Test Root CA"));

  std::string broken_der = chain_->root;
  broken_der[1] = static_cast<char>(0x85);  // an outer length that is not DER
  const std::string broken = WriteFile("broken.pem", testpki::DerToPem(broken_der));
  ToolRun bad = RunTool({"inspect", broken});
  EXPECT_EQ(bad.exit_code, 2) << Describe(bad);
  EXPECT_THAT(bad.err, HasSubstr(broken));
  ToolRun truncated = RunTool({"inspect", WriteFile("truncated.der", chain_->root.substr(0, 40))});
  EXPECT_EQ(truncated.exit_code, 2) << Describe(truncated);
  ToolRun missing = RunTool({"inspect", TempPath("nope.pem")});
  EXPECT_EQ(missing.exit_code, 2) << Describe(missing);
  ToolRun none = RunTool({"inspect"});
  EXPECT_EQ(none.exit_code, 2) << Describe(none);
}

// --- limbo ---

nlohmann::json LimboCase(const std::string& id, const std::string& expected,
                         const std::string& root, const std::string& leaf,
                         const std::string& intermediate) {
  return {{"id", id},
          {"expected_result", expected},
          {"features", nlohmann::json::array()},
          {"trusted_certs", {testpki::DerToPem(root)}},
          {"untrusted_intermediates", {testpki::DerToPem(intermediate)}},
          {"peer_certificate", testpki::DerToPem(leaf)},
          {"validation_kind", "SERVER"},
          {"expected_peer_name", {{"kind", "DNS"}, {"value", "good.test"}}},
          {"validation_time", nullptr}};
}

TEST_F(ToolTest, LimboRunsATinyFileAndWritesResults) {
  nlohmann::json doc = {
      {"version", 1},
      {"testcases",
       {LimboCase("webpki::tiny-good", "SUCCESS", chain_->root, chain_->leaf, chain_->intermediate),
        LimboCase("webpki::tiny-expired", "FAILURE", chain_->root, *expired_leaf_,
                  chain_->intermediate)}}};
  const std::string file = WriteFile("tiny-limbo.json", doc.dump());
  const std::string results = TempPath("tiny-results.json");
  ToolRun run = RunTool({"limbo", file, "--results", results});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("2 passed, 0 failed, 0 skipped"));
  std::ifstream in(results);
  nlohmann::json written = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(written.is_discarded());
  ASSERT_EQ(written["results"].size(), 2u);
  EXPECT_EQ(written["results"][1]["actual_result"], "FAILURE");
}

// A case without expected_peer_name tests the chain alone: the runner says PeerName::Any(), or the
// library's peer_name.missing would reject it.
TEST_F(ToolTest, LimboCaseWithoutAPeerNameChecksTheChainAlone) {
  nlohmann::json good = LimboCase("webpki::no-name-good", "SUCCESS", chain_->root, chain_->leaf,
                                  chain_->intermediate);
  good["expected_peer_name"] = nullptr;
  nlohmann::json expired = LimboCase("webpki::no-name-expired", "FAILURE", chain_->root,
                                     *expired_leaf_, chain_->intermediate);
  expired["expected_peer_name"] = nullptr;
  const std::string results = TempPath("no-name-results.json");
  ToolRun run = RunTool(
      {"limbo", WriteFile("no-name.json", nlohmann::json{{"testcases", {good, expired}}}.dump()),
       "--results", results});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("2 passed, 0 failed, 0 skipped"));
  std::ifstream in(results);
  nlohmann::json written = nlohmann::json::parse(in, nullptr, false);
  ASSERT_FALSE(written.is_discarded());
  EXPECT_THAT(written["results"][1]["context"].get<std::string>(), HasSubstr("validity.expired"));
  EXPECT_THAT(written["results"][1]["context"].get<std::string>(), Not(HasSubstr("peer_name")));
}

TEST_F(ToolTest, LimboFalseAcceptIsExitOne) {
  nlohmann::json doc = {{"testcases",
                         {LimboCase("webpki::wrongly-expected-failure", "FAILURE", chain_->root,
                                    chain_->leaf, chain_->intermediate)}}};
  ToolRun run = RunTool({"limbo", WriteFile("false-accept.json", doc.dump())});
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("FALSE ACCEPT"));
}

TEST_F(ToolTest, LimboBadFilesAreInputErrors) {
  ToolRun not_json = RunTool({"limbo", WriteFile("not.json", "{ this is not json")});
  EXPECT_EQ(not_json.exit_code, 2) << Describe(not_json);
  ToolRun malformed =
      RunTool({"limbo", WriteFile("malformed.json", R"({"testcases": [{"id": 1}]})")});
  EXPECT_EQ(malformed.exit_code, 2) << Describe(malformed);
  ToolRun missing = RunTool({"limbo", TempPath("missing.json")});
  EXPECT_EQ(missing.exit_code, 2) << Describe(missing);
}

// --- connect ---

TEST_F(ToolTest, ConnectToAGoodServer) {
  auto server = Serve(chain_->leaf);
  ASSERT_NE(server, nullptr);
  ToolRun run = RunTool(
      {"connect", Target(server->port()), "--roots", root_pem_, "--servername", "good.test"});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("handshake: completed, TLSv1.3"));
  EXPECT_THAT(run.out, HasSubstr("verdict: VALID"));
}

TEST_F(ToolTest, ConnectJson) {
  auto server = Serve(chain_->leaf);
  ASSERT_NE(server, nullptr);
  ToolRun run = RunTool({"connect", Target(server->port()), "--roots", root_pem_, "--servername",
                         "good.test", "--json"});
  ASSERT_EQ(run.exit_code, 0) << Describe(run);
  nlohmann::json j = nlohmann::json::parse(run.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << run.out;
  EXPECT_EQ(j["valid"], true);
  EXPECT_EQ(j["tls"]["handshake_ok"], true);
  EXPECT_EQ(j["tls"]["server_name"], "good.test");
}

TEST_F(ToolTest, ConnectRejectsExpiredAndWrongHost) {
  auto expired = Serve(*expired_leaf_);
  auto good = Serve(chain_->leaf);
  ASSERT_TRUE(expired && good);
  ToolRun run = RunTool(
      {"connect", Target(expired->port()), "--roots", root_pem_, "--servername", "good.test"});
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("sent alert certificate_expired"));
  EXPECT_THAT(run.out, HasSubstr("validity.expired"));
  ToolRun wrong = RunTool(
      {"connect", Target(good->port()), "--roots", root_pem_, "--servername", "elsewhere.test"});
  EXPECT_EQ(wrong.exit_code, 1) << Describe(wrong);
  EXPECT_THAT(wrong.out, HasSubstr("peer_name.mismatch"));
  ToolRun untrusted = RunTool({"connect", Target(good->port()), "--servername", "good.test"},
                              {"SSL_CERT_FILE=" + other_root_pem_});
  EXPECT_EQ(untrusted.exit_code, 1) << Describe(untrusted);
  EXPECT_THAT(untrusted.out, HasSubstr("unknown_ca"));
}

// The same rendering through the TLS path: the server presents the hostile leaf.
TEST_F(ToolTest, ConnectEscapesCertificateText) {
  auto server = Serve(*hostile_leaf_);
  ASSERT_NE(server, nullptr);
  ToolRun text = RunTool(
      {"connect", Target(server->port()), "--roots", root_pem_, "--servername", "other.test"});
  EXPECT_EQ(text.exit_code, 1) << Describe(text);
  EXPECT_TRUE(IsSafeText(text.out));
  EXPECT_TRUE(IsSafeText(text.err));
  EXPECT_THAT(text.out, HasSubstr(kShownDns));
  ToolRun json = RunTool({"connect", Target(server->port()), "--roots", root_pem_, "--servername",
                          "other.test", "--json"});
  ASSERT_EQ(json.exit_code, 1) << Describe(json);  // not 134
  EXPECT_TRUE(IsSafeText(json.out));
  nlohmann::json j = nlohmann::json::parse(json.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << json.out;
  EXPECT_TRUE(JsonStringsAreSafe(j));
  EXPECT_THAT(j["path"][0]["subject"].get<std::string>(), HasSubstr(kShownO));
}

TEST_F(ToolTest, ConnectWarnModeAllowsExpired) {
  auto server = Serve(*expired_leaf_);
  ASSERT_NE(server, nullptr);
  ToolRun run = RunTool({"connect", Target(server->port()), "--roots", root_pem_, "--servername",
                         "good.test", "--mode", "warn"});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("allowed with warnings"));
}

TEST_F(ToolTest, ConnectByIpAddressChecksTheIp) {
  auto server = Serve(*ip_leaf_);
  ASSERT_NE(server, nullptr);
  ToolRun run = RunTool({"connect", Target(server->port()), "--roots", root_pem_});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("server name not sent, checking 127.0.0.1"));
}

TEST_F(ToolTest, ConnectToAClosedPortIsAnInputError) {
  uint16_t port;
  {
    auto server = Serve(chain_->leaf);  // take a free port, then close it
    ASSERT_NE(server, nullptr);
    port = server->port();
  }
  ToolRun run = RunTool({"connect", Target(port), "--roots", root_pem_, "--timeout", "5"});
  EXPECT_EQ(run.exit_code, 2) << Describe(run);
  EXPECT_THAT(run.err, HasSubstr(Target(port)));
  EXPECT_THAT(run.err, HasSubstr("refused"));
}

// A peer that accepts the connection and hangs up without a word of TLS: no verdict, exit 2.
TEST_F(ToolTest, ConnectToSomethingThatIsNotTlsIsAnInputError) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ASSERT_GE(fd, 0);
  tls::Socket listener(fd);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(listen(fd, 4), 0);
  socklen_t len = sizeof addr;
  ASSERT_EQ(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len), 0);
  const uint16_t port = ntohs(addr.sin_port);
  std::thread closer([fd] {
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, 10000) > 0) close(accept(fd, nullptr, nullptr));
  });
  ToolRun run = RunTool({"connect", Target(port), "--roots", root_pem_, "--timeout", "5"});
  closer.join();
  EXPECT_EQ(run.exit_code, 2) << Describe(run);
  EXPECT_THAT(run.err, HasSubstr("no verdict"));
}

TEST_F(ToolTest, ConnectUsageErrors) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"connect"},
           {"connect", "no-port"},
           {"connect", "127.0.0.1:99999"},
           {"connect", "127.0.0.1:443", "extra"},
           {"connect", "127.0.0.1:1", "--mode", "bogus"},
           {"connect", "127.0.0.1:1", "--purpose", "bogus"},
           {"connect", "127.0.0.1:1", "--timeout", "0"},
           {"connect", "127.0.0.1:1", "--any-name"},
           {"connect", "127.0.0.1:1", "--roots", TempPath("missing-root.pem")}}) {
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 2) << args.back() << "\n" << Describe(run);
  }
}

// --- demo ---

TEST_F(ToolTest, DemoPassesQuickly) {
  const absl::Time start = absl::Now();
  ToolRun run = RunTool({"demo"});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("13 of 13 scenarios came out as expected"));
  EXPECT_LT(absl::Now() - start, absl::Seconds(20));
  ToolRun extra = RunTool({"demo", "now"});
  EXPECT_EQ(extra.exit_code, 2) << Describe(extra);
}

}  // namespace
}  // namespace certval
