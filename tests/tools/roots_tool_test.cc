// `certval roots`, `certval verify --root-store F` and `certval --version` (issue 19), run as a
// subprocess.
#include <string>

#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tools/tool_runner.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using namespace tooltest;  // NOLINT: RunTool, Describe, WriteFile

class RootsToolTest : public ::testing::Test {
 protected:
  RootsToolTest()
      : chain_(testpki::MakeChain(testpki::KeyKind::kEcP256, "good.test", absl::Now())) {
    root_pem_ = WriteFile("root.pem", testpki::DerToPem(chain_.root));
    chain_pem_ = WriteFile("chain.pem", chain_.ServerChainPem());
    system_pem_ = WriteFile("system.pem", testpki::DerToPem(testpki::SelfSigned(
                                              testpki::RootSpec("A System Root", absl::Now()),
                                              testpki::Key::Cached(testpki::KeyKind::kEcP256, 7))));
  }
  testpki::Chain chain_;
  std::string root_pem_, chain_pem_, system_pem_;
};

TEST_F(RootsToolTest, RootStoreAddsAConstrainedPrivateRootBesideTheSystemStore) {
  const std::string inside =
      WriteFile("inside.conf", "anchor file " + root_pem_ + " {\n  permit dns good.test\n}\n");
  ToolRun ok = RunTool({"verify", "--root-store", inside, "--host", "good.test", chain_pem_},
                       {"SSL_CERT_FILE=" + system_pem_});
  EXPECT_EQ(ok.exit_code, 0) << Describe(ok);
  EXPECT_THAT(ok.out, HasSubstr("--root-store"));
  EXPECT_THAT(ok.out, HasSubstr("system store")) << "the system store stays the default";

  const std::string outside =
      WriteFile("outside.conf", "anchor file " + root_pem_ + " {\n  permit dns other.test\n}\n");
  ToolRun refused = RunTool({"verify", "--root-store", outside, "--host", "good.test", chain_pem_},
                            {"SSL_CERT_FILE=" + system_pem_});
  EXPECT_EQ(refused.exit_code, 1) << Describe(refused);
  EXPECT_THAT(refused.out, HasSubstr("name_constraints.not_permitted"));

  const std::string broken =
      WriteFile("broken.conf", "anchor file " + root_pem_ + " {\n  permit dn good.test\n}\n");
  ToolRun error = RunTool({"verify", "--root-store", broken, "--host", "good.test", chain_pem_},
                          {"SSL_CERT_FILE=" + system_pem_});
  EXPECT_EQ(error.exit_code, 2) << Describe(error);
  EXPECT_THAT(error.out + error.err, HasSubstr("broken.conf:2: unknown name kind \"dn\""));
}

TEST_F(RootsToolTest, RootsListsBothSetsAndTheirDifference) {
  ToolRun run = RunTool({"roots"}, {"SSL_CERT_FILE=" + system_pem_});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("built-in Mozilla set: nss-dev/nss "));
  EXPECT_THAT(run.out, HasSubstr("system store: 1 roots"));
  EXPECT_THAT(run.out, HasSubstr("A System Root"));
  EXPECT_THAT(run.out, HasSubstr("ISRG Root X1"));
  EXPECT_THAT(run.out, HasSubstr("1 only in the system store"));
  EXPECT_THAT(run.out, HasSubstr("system only:   "));
  EXPECT_THAT(run.out, HasSubstr("(not in Mozilla's list"));
}

TEST_F(RootsToolTest, VersionNamesTheNssRevision) {
  ToolRun run = RunTool({"--version"});
  EXPECT_EQ(run.exit_code, 0) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("Mozilla roots built in: "));
  EXPECT_THAT(run.out, HasSubstr("from NSS certdata.txt, nss-dev/nss "));
}

}  // namespace
}  // namespace certval
