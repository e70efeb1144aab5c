// Issue 16's command-line conventions, through the `certval` binary: --help and --version exit 0;
// exit 2 for what is not usable input (and 1 for certificates that are refused); directories and
// "-" wherever certificates are read; errors as JSON with --json; the system store when no trust
// flag is given, named in the output, with hints when no path is found; IDNA host names.
#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/tls/loopback_server.h"
#include "certval/validator/version.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tools/tool_runner.h"

namespace certval {
namespace {

using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
using testpki::Key;
using testpki::KeyKind;
using namespace tooltest;  // NOLINT: RunTool, Describe, WriteFile, ...

constexpr char kCaIssuersUrl[] = "http://ca.example.test/intermediate.der";
constexpr char kIdnHost[] = "xn--bcher-kva.example";  // bücher.example

class ConventionsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const absl::Time now = absl::Now();
    chain_ = new testpki::Chain(testpki::MakeChain(KeyKind::kEcP256, "good.test", now));
    testpki::CertSpec leaf = testpki::LeafSpec("good.test", now);
    leaf.extra.push_back(testpki::AiaExtension({}, {kCaIssuersUrl}));
    leaf_with_aia_ = new std::string(chain_->intermediate_ca().Issue(leaf, chain_->leaf_key));
    testpki::CertSpec idn = testpki::LeafSpec(kIdnHost, now);
    idn_leaf_ = new std::string(chain_->intermediate_ca().Issue(idn, chain_->leaf_key));

    root_pem_ = new std::string(testpki::DerToPem(chain_->root));
    intermediate_pem_ = new std::string(testpki::DerToPem(chain_->intermediate));
    chain_text_ = new std::string(chain_->ServerChainPem());
    root_file_ = WriteFile("root.pem", *root_pem_);
    chain_file_ = WriteFile("chain.pem", *chain_text_);
    leaf_only_file_ = WriteFile("leaf-only.pem", testpki::DerToPem(*leaf_with_aia_));
    idn_chain_file_ = WriteFile("idn.pem", testpki::DerToPem(*idn_leaf_) + *intermediate_pem_);
    other_root_file_ =
        WriteFile("other-root.pem",
                  testpki::DerToPem(testpki::SelfSigned(testpki::RootSpec("Some Other Root", now),
                                                        Key::Cached(KeyKind::kEcP256, 7))));
    // A system store holding the test root among others.
    bundle_file_ = WriteFile("bundle.pem", ReadBack(other_root_file_) + *root_pem_);
  }
  static void TearDownTestSuite() {
    delete chain_;
    delete leaf_with_aia_;
    delete idn_leaf_;
    delete root_pem_;
    delete intermediate_pem_;
    delete chain_text_;
  }

  static std::string ReadBack(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }

  // A fresh directory under TEST_TMPDIR.
  static std::string MakeDir(const std::string& name) {
    const std::string dir = TempPath(name);
    mkdir(dir.c_str(), 0700);
    return dir;
  }

  static std::vector<std::string> SystemStore(const std::string& bundle) {
    return {"SSL_CERT_FILE=" + bundle};
  }

  static testpki::Chain* chain_;
  static std::string* leaf_with_aia_;
  static std::string* idn_leaf_;
  static std::string *root_pem_, *intermediate_pem_, *chain_text_;
  static std::string root_file_, chain_file_, leaf_only_file_, idn_chain_file_, other_root_file_,
      bundle_file_;
};

testpki::Chain* ConventionsTest::chain_ = nullptr;
std::string* ConventionsTest::leaf_with_aia_ = nullptr;
std::string* ConventionsTest::idn_leaf_ = nullptr;
std::string *ConventionsTest::root_pem_, *ConventionsTest::intermediate_pem_,
    *ConventionsTest::chain_text_;
std::string ConventionsTest::root_file_, ConventionsTest::chain_file_,
    ConventionsTest::leaf_only_file_, ConventionsTest::idn_chain_file_,
    ConventionsTest::other_root_file_, ConventionsTest::bundle_file_;

// --- release hygiene ---

TEST_F(ConventionsTest, VersionPrintsTheVersionAndTheCryptoLibrary) {
  EXPECT_EQ(std::string(kVersion), absl::StrCat(CERTVAL_VERSION_MAJOR, ".", CERTVAL_VERSION_MINOR,
                                                ".", CERTVAL_VERSION_PATCH));
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"--version"}, {"version"}, {"verify", "--version"}}) {
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 0) << Describe(run);
    EXPECT_THAT(run.out, StartsWith(absl::StrCat("certval ", kVersion, "\n")));
    EXPECT_THAT(run.out, HasSubstr("crypto: BoringSSL"));
    EXPECT_THAT(run.out, HasSubstr("IDNA: libidn2"));
    EXPECT_EQ(run.err, "");
  }
}

TEST_F(ConventionsTest, HelpExitsZero) {
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"--help"}, {"help"}, {"-h"}, {"verify", "--help"}, {"inspect", "-h", "x.pem"}}) {
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 0) << args[0] << "\n" << Describe(run);
    EXPECT_THAT(run.out, StartsWith("usage: certval "));
    EXPECT_THAT(run.out, HasSubstr("--roots=V[,V...] (repeatable)"));
    EXPECT_THAT(run.out, HasSubstr("{\"error\": {\"code\":"));  // the documented error shape
    EXPECT_EQ(run.err, "");
  }
  // After "--", --help is an argument like any other.
  ToolRun operand = RunTool({"inspect", "--", "--help"});
  EXPECT_EQ(operand.exit_code, 2) << Describe(operand);
}

// --- exit codes: 0 valid, 1 rejected, 2 unusable ---

TEST_F(ConventionsTest, ExitCodes) {
  ToolRun valid = RunTool({"verify", "--roots", root_file_, "--host", "good.test", chain_file_});
  EXPECT_EQ(valid.exit_code, 0) << Describe(valid);
  ToolRun rejected = RunTool({"verify", "--roots", root_file_, "--host", "bad.test", chain_file_});
  EXPECT_EQ(rejected.exit_code, 1) << Describe(rejected);
  ToolRun usage = RunTool({"verify", "--roots", root_file_, "--host", "good.test"});
  EXPECT_EQ(usage.exit_code, 2) << Describe(usage);
}

TEST_F(ConventionsTest, WhatIsNotCertificatesIsAnInputError) {
  const std::string key_only =
      WriteFile("key.pem", testpki::DerToPem(chain_->leaf_key.PrivateKeyDer(), "PRIVATE KEY"));
  const std::vector<std::pair<std::string, std::string>> cases = {
      {WriteFile("text.txt", "just some text\n"), "neither PEM nor a DER certificate"},
      {WriteFile("random.bin", std::string("\x04\x02\xff\xfe garbage", 12)), "neither PEM nor"},
      {WriteFile("empty.pem", ""), "empty file"},
      {key_only, "no CERTIFICATE block"},
      {WriteFile("not-a-sequence.pem", testpki::DerToPem("\x02\x01\x05")), "not one DER SEQUENCE"},
      {WriteFile("bad-base64.pem",
                 "-----BEGIN CERTIFICATE-----\n!!not base64!!\n-----END CERTIFICATE-----\n"),
       "bad-base64.pem"},
      {TempPath("does-not-exist.pem"), "No such file"},
  };
  for (const auto& [path, why] : cases) {
    for (const std::string command : {"verify", "inspect"}) {
      std::vector<std::string> args = {command, path};
      if (command == "verify") args = {"verify", "--roots", root_file_, "--any-name", path};
      ToolRun run = RunTool(args);
      EXPECT_EQ(run.exit_code, 2) << path << "\n" << Describe(run);
      EXPECT_THAT(run.err, AllOf(HasSubstr(path), HasSubstr(why))) << Describe(run);
      EXPECT_EQ(run.out, "");
    }
  }
  // The same files as trust anchors.
  ToolRun roots = RunTool({"verify", "--roots", key_only, "--any-name", chain_file_});
  EXPECT_EQ(roots.exit_code, 2) << Describe(roots);
  EXPECT_THAT(roots.err, HasSubstr("--roots: "));
}

// Framed as a certificate (one DER SEQUENCE) but malformed inside: a certificate certval refuses.
TEST_F(ConventionsTest, AMalformedCertificateIsRejectedNotAnInputError) {
  const std::string bogus =
      WriteFile("bogus-cert.pem", testpki::DerToPem(std::string("\x30\x03\x02\x01\x05", 5)));
  ToolRun run = RunTool({"verify", "--roots", root_file_, "--any-name", bogus});
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("parse.malformed_leaf"));
  // inspect has nothing to show of it: an input error there.
  ToolRun inspect = RunTool({"inspect", bogus});
  EXPECT_EQ(inspect.exit_code, 2) << Describe(inspect);
}

TEST_F(ConventionsTest, OverLargeInputsAreInputErrors) {
  // Past the reader's bound (16 MiB): not a certificate file, whatever it holds.
  const std::string huge = WriteFile("huge.pem", std::string((16 << 20) + 1, 'A'));
  ToolRun file = RunTool({"verify", "--roots", root_file_, "--any-name", huge});
  EXPECT_EQ(file.exit_code, 2) << Describe(file);
  EXPECT_THAT(file.err, HasSubstr("more than 16 MiB"));
  // Certificates totalling more bytes than a validation takes (1 MiB).
  testpki::CertSpec big = testpki::LeafSpec("good.test", absl::Now());
  big.extra.push_back(
      {"1.2.3.4.5", false, std::string("\x04\x83\x09\x00\x00", 5) + std::string(0x090000, 'x')});
  const std::string big_leaf = chain_->intermediate_ca().Issue(big, chain_->leaf_key);
  const std::string heavy =
      WriteFile("heavy.pem", testpki::DerToPem(big_leaf) + testpki::DerToPem(big_leaf));
  ToolRun bytes = RunTool({"verify", "--roots", root_file_, "--host", "good.test", heavy});
  EXPECT_EQ(bytes.exit_code, 2) << Describe(bytes);
  EXPECT_THAT(bytes.err, HasSubstr("a validation takes at most 1048576"));
}

// More certificates than a validation takes (64) is a command mistake, typically a bundle of roots
// given as the chain; a chain whose certificates do not chain is still a chain.
TEST_F(ConventionsTest, ABundleOfRootsAsTheChainIsAnInputError) {
  std::string bundle;
  for (int i = 0; i < 65; ++i) bundle += *root_pem_;
  ToolRun run =
      RunTool({"verify", "--roots", root_file_, "--any-name", WriteFile("roots.pem", bundle)});
  EXPECT_EQ(run.exit_code, 2) << Describe(run);
  EXPECT_THAT(run.err, HasSubstr("65 certificates given in"));
  EXPECT_THAT(run.err, HasSubstr("given with --roots, not as the chain"));
  // The count includes --intermediates.
  std::string sixty_three;
  for (int i = 0; i < 63; ++i) sixty_three += *intermediate_pem_;
  ToolRun with = RunTool({"verify", "--roots", root_file_, "--host", "good.test", "--intermediates",
                          WriteFile("sixty-three.pem", sixty_three), chain_file_});
  EXPECT_EQ(with.exit_code, 2) << Describe(with);
  EXPECT_THAT(with.err, HasSubstr(absl::StrCat("65 certificates given in ", chain_file_,
                                               " (2) and --intermediates (63)")));
  // Unrelated certificates after the leaf: the validator's business.
  ToolRun unordered =
      RunTool({"verify", "--roots", root_file_, "--host", "good.test",
               WriteFile("unordered.pem", testpki::DerToPem(chain_->leaf) +
                                              ReadBack(other_root_file_) + *intermediate_pem_)});
  EXPECT_EQ(unordered.exit_code, 0) << Describe(unordered);
}

// --- directories ---

TEST_F(ConventionsTest, DirectoriesWhereverCertificatesAreRead) {
  const std::string roots = MakeDir("roots-dir");
  WriteFile("roots-dir/other.pem", ReadBack(other_root_file_));
  WriteFile("roots-dir/root.crt", *root_pem_);
  WriteFile("roots-dir/README", "not a certificate\n");
  MakeDir("roots-dir/sub");
  ToolRun run = RunTool({"verify", "--roots", roots, "--host", "good.test", chain_file_});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out,
              HasSubstr(absl::StrCat("trust: --roots ", roots, " (2 entries skipped); 2 roots")));

  const std::string intermediates = MakeDir("intermediates-dir");
  WriteFile("intermediates-dir/int.pem", *intermediate_pem_);
  ToolRun inter =
      RunTool({"verify", "--roots", root_file_, "--intermediates", intermediates, "--host",
               "good.test", WriteFile("leaf.pem", testpki::DerToPem(chain_->leaf))});
  EXPECT_EQ(inter.exit_code, 0) << Describe(inter);

  ToolRun inspect = RunTool({"inspect", roots});
  EXPECT_EQ(inspect.exit_code, 0) << Describe(inspect);
  EXPECT_THAT(inspect.out, HasSubstr("certificate 2 of 2"));
  EXPECT_THAT(inspect.out, HasSubstr(absl::StrCat(InspectLabel("source"), roots, "/root.crt")));
  EXPECT_THAT(inspect.err, HasSubstr("README: neither PEM nor a DER certificate"));
  EXPECT_THAT(inspect.err, HasSubstr("sub: skipped: not a regular file"));

  // A chain has an order, which a directory has not.
  ToolRun chain = RunTool({"verify", "--roots", root_file_, "--host", "good.test", intermediates});
  EXPECT_EQ(chain.exit_code, 2) << Describe(chain);
  EXPECT_THAT(chain.err, HasSubstr("a directory; the chain is one file"));
  // Nothing usable in it.
  const std::string empty = MakeDir("empty-dir");
  ToolRun none = RunTool({"verify", "--roots", empty, "--host", "good.test", chain_file_});
  EXPECT_EQ(none.exit_code, 2) << Describe(none);
  EXPECT_THAT(none.err, HasSubstr("empty directory"));
  WriteFile("empty-dir/notes.txt", "nothing\n");
  ToolRun useless = RunTool({"inspect", empty});
  EXPECT_EQ(useless.exit_code, 2) << Describe(useless);
  EXPECT_THAT(useless.err, HasSubstr("no certificate in any of its 1 entries"));
}

// --- standard input ---

TEST_F(ConventionsTest, DashReadsStandardInputOnce) {
  RunOptions chain_on_stdin;
  chain_on_stdin.stdin_data = *chain_text_;
  ToolRun verify =
      RunTool({"verify", "--roots", root_file_, "--host", "good.test", "-"}, chain_on_stdin);
  EXPECT_EQ(verify.exit_code, 0) << Describe(verify);
  ToolRun inspect = RunTool({"inspect", "-"}, chain_on_stdin);
  EXPECT_EQ(inspect.exit_code, 0) << Describe(inspect);
  EXPECT_THAT(inspect.out, HasSubstr(InspectLabel("source") + "<stdin>: certificate at line 1"));
  EXPECT_THAT(inspect.out, HasSubstr("certificate 2 of 2"));

  RunOptions root_on_stdin;
  root_on_stdin.stdin_data = *root_pem_;
  ToolRun roots =
      RunTool({"verify", "--roots", "-", "--host", "good.test", chain_file_}, root_on_stdin);
  EXPECT_EQ(roots.exit_code, 0) << Describe(roots);
  EXPECT_THAT(roots.out, HasSubstr("trust: --roots <stdin>; 1 root"));

  ToolRun twice = RunTool({"verify", "--roots", "-", "--host", "good.test", "-"}, root_on_stdin);
  EXPECT_EQ(twice.exit_code, 2) << Describe(twice);
  EXPECT_THAT(twice.err, HasSubstr("standard input can be read only once"));

  RunOptions nothing;
  ToolRun empty = RunTool({"inspect", "-"}, nothing);
  EXPECT_EQ(empty.exit_code, 2) << Describe(empty);
  EXPECT_THAT(empty.err, HasSubstr("<stdin>: empty file"));
}

// --- pkits and standard input ---

// `certval pkits -`: pkits.json on standard input, the certificates and CRLs it names from the
// working directory; the same table as naming the directory.
TEST_F(ConventionsTest, PkitsReadsStandardInput) {
  const std::string dir =
      absl::StrCat(std::getenv("TEST_SRCDIR"), "/certval/third_party/nist-pkits");
  std::ifstream file(dir + "/pkits.json");
  const std::string json((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(json.empty()) << dir;
  const ToolRun by_dir = RunTool({"pkits", dir});
  ASSERT_EQ(by_dir.exit_code, 0) << Describe(by_dir);
  RunOptions options;
  options.stdin_data = json;
  options.cwd = dir;
  const ToolRun by_stdin = RunTool({"pkits", "-"}, options);
  EXPECT_EQ(by_stdin.exit_code, 0) << Describe(by_stdin);
  EXPECT_EQ(by_stdin.out, by_dir.out);
  // Elsewhere the files it names are not there: an input error.
  options.cwd = TempPath("");
  const ToolRun lost = RunTool({"pkits", "-"}, options);
  EXPECT_EQ(lost.exit_code, 2) << Describe(lost);
  EXPECT_THAT(lost.err, HasSubstr("<stdin>"));
}

// --- JSON errors ---

TEST_F(ConventionsTest, JsonErrorsHaveOneShapeOnStdout) {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--json", "frobnicate"}, "usage"},
      {{"verify", "--no_such_flag", "--json", chain_file_}, "usage"},  // --json after the bad flag
      {{"verify", "--json", "--max_depth=many", "--any-name", chain_file_}, "usage"},
      {{"verify", "--json", "--roots", root_file_, chain_file_}, "usage"},  // no name
      {{"verify", "--json", "--any-name", "--roots", TempPath("missing.pem"), chain_file_},
       "input"},
      {{"verify", "--json", "--any-name", "--roots", root_file_, TempPath("missing.pem")}, "input"},
      {{"inspect", "--json", WriteFile("junk.txt", "junk")}, "input"},
      {{"verify", "--json", "--host", "b\xc3\xbc_\xf0\x9f\x99\x82.example", chain_file_}, "usage"},
      {{"limbo", "--json", TempPath("")}, "input"},  // a directory
  };
  for (const auto& [args, code] : cases) {
    ToolRun run = RunTool(args);
    EXPECT_EQ(run.exit_code, 2) << args[0] << "\n" << Describe(run);
    nlohmann::json j = ParseJson(run.out);
    ASSERT_TRUE(j.is_object()) << Describe(run);
    EXPECT_EQ(j.size(), 1u) << run.out;
    EXPECT_EQ(j["error"]["code"], code) << run.out;
    EXPECT_TRUE(j["error"]["message"].is_string()) << run.out;
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
    EXPECT_TRUE(JsonStringsAreSafe(j));
    EXPECT_EQ(run.err, "") << Describe(run);
  }
  // Without --json: the same errors as text on stderr, nothing on stdout.
  ToolRun text = RunTool({"verify", "--any-name", "--roots", TempPath("missing.pem"), chain_file_});
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_EQ(text.out, "");
  EXPECT_THAT(text.err, StartsWith("certval: --roots: "));
  // A bad message escapes what it quotes, in JSON too.
  ToolRun hostile = RunTool({"inspect", "--json", WriteFile("odd\x1b[2J.pem", "")});
  EXPECT_EQ(hostile.exit_code, 2);
  EXPECT_TRUE(IsSafeText(hostile.out));
  EXPECT_THAT(ParseJson(hostile.out)["error"]["message"].get<std::string>(),
              HasSubstr("odd\\x1b[2J.pem"));
}

TEST_F(ConventionsTest, ConnectErrorsInJson) {
  uint16_t port;
  {
    tls::LoopbackServerOptions options;
    options.chain_pem = *chain_text_;
    options.key_pem = chain_->leaf_key.PrivateKeyPem();
    auto server = tls::LoopbackServer::Start(std::move(options));
    ASSERT_TRUE(server.ok());
    port = (*server)->port();  // take a free port, then close it
  }
  ToolRun run = RunTool({"connect", absl::StrCat("127.0.0.1:", port), "--roots", root_file_,
                         "--timeout", "5", "--json"});
  EXPECT_EQ(run.exit_code, 2) << Describe(run);
  nlohmann::json j = ParseJson(run.out);
  EXPECT_EQ(j["error"]["code"], "connect") << run.out;
  EXPECT_THAT(j["error"]["message"].get<std::string>(), HasSubstr("refused"));
}

// --- default trust: the system store ---

TEST_F(ConventionsTest, NoTrustFlagMeansTheSystemStoreAndTheOutputSaysSo) {
  ToolRun run = RunTool({"verify", "--host", "good.test", chain_file_}, SystemStore(bundle_file_));
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr(absl::StrCat("trust: system store $SSL_CERT_FILE = ", bundle_file_,
                                              " (default: no trust flag given); 2 roots")));
  ToolRun json =
      RunTool({"verify", "--host", "good.test", "--json", chain_file_}, SystemStore(bundle_file_));
  ASSERT_EQ(json.exit_code, 0) << Describe(json);
  nlohmann::json j = ParseJson(json.out);
  EXPECT_EQ(j["trust"]["system_default"], true) << json.out;
  EXPECT_EQ(j["trust"]["roots"], 2);
  EXPECT_EQ(j["trust"]["sources"][0]["kind"], "system");
  EXPECT_EQ(j["trust"]["sources"][0]["origin"], "SSL_CERT_FILE");
  EXPECT_EQ(j["trust"]["sources"][0]["paths"][0], bundle_file_);
  // Any trust flag replaces the default.
  ToolRun explicit_roots =
      RunTool({"verify", "--roots", other_root_file_, "--host", "good.test", chain_file_},
              SystemStore(bundle_file_));
  EXPECT_EQ(explicit_roots.exit_code, 1) << Describe(explicit_roots);
  EXPECT_THAT(explicit_roots.out, Not(HasSubstr("system store")));
  // --system-roots plus --roots: both.
  ToolRun both = RunTool(
      {"verify", "--system-roots", "--roots", root_file_, "--host", "good.test", chain_file_},
      SystemStore(other_root_file_));
  EXPECT_EQ(both.exit_code, 0) << Describe(both);
  EXPECT_THAT(both.out,
              HasSubstr(absl::StrCat("trust: system store $SSL_CERT_FILE = ", other_root_file_,
                                     " + --roots ", root_file_, "; 2 roots")));
}

TEST_F(ConventionsTest, NoPathSaysWhatToTry) {
  // The intermediate is missing: --intermediates, and where the leaf says it can be fetched.
  ToolRun missing =
      RunTool({"verify", "--host", "good.test", leaf_only_file_}, SystemStore(bundle_file_));
  EXPECT_EQ(missing.exit_code, 1) << Describe(missing);
  EXPECT_THAT(missing.out, HasSubstr("hint: no certificate given or trusted has the subject "
                                     "O=certval test,CN=certval Test Intermediate CA"));
  EXPECT_THAT(missing.out, HasSubstr("give it with --intermediates FILE"));
  EXPECT_THAT(missing.out, HasSubstr(kCaIssuersUrl));
  EXPECT_THAT(missing.out,
              HasSubstr(absl::StrCat(
                  "hint: the roots searched were: system store $SSL_CERT_FILE = ", bundle_file_)));
  ToolRun fixed = RunTool({"verify", "--host", "good.test", "--intermediates",
                           WriteFile("int.pem", *intermediate_pem_), leaf_only_file_},
                          SystemStore(bundle_file_));
  EXPECT_EQ(fixed.exit_code, 0) << Describe(fixed);
  EXPECT_THAT(fixed.out, Not(HasSubstr("hint:")));

  // The root is not in the store: --roots.
  ToolRun untrusted = RunTool(
      {"verify", "--host", "good.test", "--json", WriteFile("full.pem", *chain_text_ + *root_pem_)},
      SystemStore(other_root_file_));
  EXPECT_EQ(untrusted.exit_code, 1) << Describe(untrusted);
  nlohmann::json j = ParseJson(untrusted.out);
  ASSERT_TRUE(j["hints"].is_array()) << untrusted.out;
  EXPECT_THAT(j["hints"][0].get<std::string>(),
              HasSubstr("ends at a self-issued certificate that is not a trusted root"));
  EXPECT_THAT(j["hints"][0].get<std::string>(), HasSubstr("--roots FILE"));
  EXPECT_THAT(j["hints"][1].get<std::string>(), HasSubstr("system store"));

  // No store at all: an input error naming where roots were looked for.
  ToolRun nowhere = RunTool({"verify", "--host", "good.test", chain_file_},
                            SystemStore(TempPath("no-such-bundle.pem")));
  EXPECT_EQ(nowhere.exit_code, 2) << Describe(nowhere);
  EXPECT_THAT(nowhere.err, HasSubstr("no trust flag given, so the system store is used"));
  EXPECT_THAT(nowhere.err,
              HasSubstr(absl::StrCat("SSL_CERT_FILE=", TempPath("no-such-bundle.pem"))));
  EXPECT_THAT(nowhere.err, HasSubstr("give roots with --roots FILE|DIR"));
  // An empty bundle: likewise.
  ToolRun empty = RunTool({"verify", "--host", "good.test", chain_file_},
                          SystemStore(WriteFile("empty-bundle.pem", "")));
  EXPECT_EQ(empty.exit_code, 2) << Describe(empty);
  EXPECT_THAT(empty.err, HasSubstr("empty-bundle.pem"));
}

TEST_F(ConventionsTest, ConnectUsesTheSystemStoreByDefault) {
  tls::LoopbackServerOptions options;
  options.chain_pem = *chain_text_;
  options.key_pem = chain_->leaf_key.PrivateKeyPem();
  auto server = tls::LoopbackServer::Start(std::move(options));
  ASSERT_TRUE(server.ok()) << server.status();
  const std::string target = absl::StrCat("127.0.0.1:", (*server)->port());
  ToolRun run =
      RunTool({"connect", target, "--servername", "good.test"}, SystemStore(bundle_file_));
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("trust: system store $SSL_CERT_FILE = "));
  ToolRun json = RunTool({"connect", target, "--servername", "good.test", "--json"},
                         SystemStore(other_root_file_));
  EXPECT_EQ(json.exit_code, 1) << Describe(json);
  nlohmann::json j = ParseJson(json.out);
  EXPECT_EQ(j["trust"]["system_default"], true) << json.out;
  ASSERT_TRUE(j["hints"].is_array()) << json.out;
}

// --- IDNA ---

TEST_F(ConventionsTest, HostAcceptsInternationalizedNames) {
  for (const std::string host : {"b\xc3\xbc"
                                 "cher.example",
                                 "B\xc3\x9c"
                                 "CHER.Example",
                                 kIdnHost}) {
    ToolRun run = RunTool({"verify", "--roots", root_file_, "--host", host, idn_chain_file_});
    EXPECT_EQ(run.exit_code, 0) << host << "\n" << Describe(run);
    EXPECT_THAT(run.out, HasSubstr(absl::StrCat("name: ", kIdnHost)));
  }
  ToolRun shown = RunTool({"verify", "--roots", root_file_, "--host",
                           "b\xc3\xbc"
                           "cher.example",
                           idn_chain_file_});
  EXPECT_THAT(shown.out, HasSubstr("name: xn--bcher-kva.example (IDNA 2008 form of b\xc3\xbc"
                                   "cher.example)"));
  // Another name still does not match.
  ToolRun other = RunTool({"verify", "--roots", root_file_, "--host",
                           "b\xc3\xa4"
                           "cher.example",
                           idn_chain_file_});
  EXPECT_EQ(other.exit_code, 1) << Describe(other);
  EXPECT_THAT(other.out, HasSubstr("peer_name.mismatch"));
}

TEST_F(ConventionsTest, InvalidInternationalizedNamesAreUsageErrors) {
  for (const std::string& host : {std::string("b\xff"
                                              "cher.example"),
                                  std::string("\xf0\x9f\x99\x82.example"),
                                  std::string("ab--c.b\xc3\xbc"
                                              "cher.example"),
                                  std::string("b\xc3\xbc"
                                              "cher..example")}) {
    ToolRun run = RunTool({"verify", "--roots", root_file_, "--host", host, idn_chain_file_});
    EXPECT_EQ(run.exit_code, 2) << Describe(run);
    EXPECT_THAT(run.err, HasSubstr("not a valid internationalized domain name (IDNA 2008)"));
    EXPECT_TRUE(IsSafeText(run.err));
    EXPECT_EQ(run.out, "");
  }
  ToolRun connect = RunTool({"connect", "\xf0\x9f\x99\x82.example:443", "--roots", root_file_});
  EXPECT_EQ(connect.exit_code, 2) << Describe(connect);
  EXPECT_THAT(connect.err, HasSubstr("IDNA 2008"));
}

TEST_F(ConventionsTest, ConnectConvertsTheServerName) {
  tls::LoopbackServerOptions options;
  options.chain_pem = testpki::DerToPem(*idn_leaf_) + *intermediate_pem_;
  options.key_pem = chain_->leaf_key.PrivateKeyPem();
  auto server = tls::LoopbackServer::Start(std::move(options));
  ASSERT_TRUE(server.ok()) << server.status();
  ToolRun run = RunTool({"connect", absl::StrCat("127.0.0.1:", (*server)->port()), "--roots",
                         root_file_, "--servername",
                         "b\xc3\xbc"
                         "cher.example"});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr(absl::StrCat("server name ", kIdnHost)));
}

}  // namespace
}  // namespace certval
