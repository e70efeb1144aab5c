// certval verify's revocation flags (--crl, --ocsp, --revocation-set, --revocation, --unknown)
// and `certval revocation build`, through the binary.
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tools/tool_runner.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using tooltest::Describe;
using tooltest::RunTool;
using tooltest::ToolRun;
using tooltest::WriteFile;

class RevocationToolTest : public ::testing::Test {
 protected:
  RevocationToolTest()
      : now_(absl::Now()),
        chain_(testpki::MakeChain(testpki::KeyKind::kEcP256, "good.test", now_)) {
    root_ = WriteFile("root.pem", testpki::DerToPem(chain_.root));
    intermediate_ = WriteFile("intermediate.pem", testpki::DerToPem(chain_.intermediate));
    chain_pem_ = WriteFile("chain.pem", chain_.ServerChainPem());
    root_crl_ = WriteFile("root.crl", testpki::IssueCrl(testpki::CrlSpecFor(chain_.root_ca(), now_),
                                                        chain_.root_key));
    testpki::CrlSpec revoking = testpki::CrlSpecFor(chain_.intermediate_ca(), now_);
    revoking.entries.push_back({testpki::SerialOf(chain_.leaf),
                                now_ - absl::Hours(1),
                                testpki::kReasonKeyCompromise,
                                std::nullopt,
                                {}});
    revoking_crl_ = WriteFile(
        "revoking.crl.pem",
        testpki::DerToPem(testpki::IssueCrl(revoking, chain_.intermediate_key), "X509 CRL"));
    empty_crl_ = WriteFile("empty.crl",
                           testpki::IssueCrl(testpki::CrlSpecFor(chain_.intermediate_ca(), now_),
                                             chain_.intermediate_key));
  }

  std::vector<std::string> Verify(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"verify", "--roots", root_, "--host", "good.test"};
    args.insert(args.end(), extra.begin(), extra.end());
    args.push_back(chain_pem_);
    return args;
  }

  absl::Time now_;
  testpki::Chain chain_;
  std::string root_, intermediate_, chain_pem_, root_crl_, revoking_crl_, empty_crl_;
};

TEST_F(RevocationToolTest, CrlsDecideAndStatusesArePrinted) {
  ToolRun good = RunTool(Verify({"--crl", root_crl_, "--crl", empty_crl_, "--unknown", "hard"}));
  EXPECT_EQ(good.exit_code, 0) << Describe(good);
  EXPECT_THAT(good.out,
              HasSubstr("status:  good (crl: the CRL of CN=certval Test Intermediate CA"));
  ToolRun revoked = RunTool(Verify({"--crl", root_crl_, "--crl", revoking_crl_}));
  EXPECT_EQ(revoked.exit_code, 1) << Describe(revoked);
  EXPECT_THAT(revoked.out, HasSubstr("revocation.revoked [cert 0] error: revoked (keyCompromise)"));
}

TEST_F(RevocationToolTest, UnknownIsSoftUnlessAskedAndScopeIsAFlag) {
  ToolRun soft = RunTool(Verify({"--crl", empty_crl_}));
  EXPECT_EQ(soft.exit_code, 0) << Describe(soft);
  EXPECT_THAT(soft.out, HasSubstr("revocation.unknown [cert 1] warning"));
  ToolRun hard = RunTool(Verify({"--crl", empty_crl_, "--unknown", "hard"}));
  EXPECT_EQ(hard.exit_code, 1) << Describe(hard);
  ToolRun leaf =
      RunTool(Verify({"--crl", empty_crl_, "--unknown", "hard", "--revocation", "leaf"}));
  EXPECT_EQ(leaf.exit_code, 0) << Describe(leaf);
}

TEST_F(RevocationToolTest, OcspFile) {
  testpki::OcspSpec spec = testpki::OcspSpecFor(chain_.leaf, chain_.intermediate_ca(), now_);
  spec.responses[0].status = 1;
  spec.responses[0].revocation_time = now_ - absl::Hours(2);
  const std::string ocsp =
      WriteFile("leaf.ocsp", testpki::IssueOcspResponse(spec, chain_.intermediate_key));
  ToolRun run = RunTool(Verify({"--ocsp", ocsp, "--revocation", "leaf", "--json"}));
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  nlohmann::json j = tooltest::ParseJson(run.out);
  ASSERT_TRUE(j.contains("revocation")) << run.out;
  EXPECT_EQ(j["revocation"][0]["status"], "revoked");
  EXPECT_EQ(j["revocation"][0]["source"], "OCSP response #1 (issuer-signed)");
}

TEST_F(RevocationToolTest, BuildARevocationSetAndUseIt) {
  const std::string set = tooltest::TempPath("set.bin");
  ToolRun build = RunTool({"revocation", "build", "--issuers", intermediate_, "--issuers", root_,
                           "--sequence", "42", "--out", set, revoking_crl_, root_crl_});
  ASSERT_EQ(build.exit_code, 0) << Describe(build);
  EXPECT_THAT(build.out, HasSubstr("revocation set 42: 2 issuers, 1 serials, 0 blocked keys"));
  ToolRun run = RunTool(Verify({"--revocation-set", set, "--unknown", "hard"}));
  EXPECT_EQ(run.exit_code, 1) << Describe(run);
  EXPECT_THAT(run.out, HasSubstr("revoked according to revocation set 42"));
  // Blocking the leaf's key instead (an empty CRL for its issuer).
  const std::string leaf = WriteFile("leaf.pem", testpki::DerToPem(chain_.leaf));
  ToolRun blocked_build = RunTool({"revocation", "build", "--issuers", intermediate_,
                                   "--blocked-cert", leaf, "--out", set, empty_crl_});
  ASSERT_EQ(blocked_build.exit_code, 0) << Describe(blocked_build);
  ToolRun blocked = RunTool(Verify({"--revocation-set", set}));
  EXPECT_EQ(blocked.exit_code, 1) << Describe(blocked);
  EXPECT_THAT(blocked.out, HasSubstr("blocked key"));
}

TEST_F(RevocationToolTest, BadInputsAreClearErrors) {
  ToolRun scope = RunTool(Verify({"--revocation", "sideways"}));
  EXPECT_EQ(scope.exit_code, 2) << Describe(scope);
  EXPECT_THAT(scope.err, HasSubstr("--revocation 'sideways': leaf or chain"));
  ToolRun unknown = RunTool(Verify({"--unknown", "maybe"}));
  EXPECT_EQ(unknown.exit_code, 2) << Describe(unknown);
  ToolRun missing = RunTool(Verify({"--crl", "/nonexistent.crl"}));
  EXPECT_EQ(missing.exit_code, 2) << Describe(missing);
  EXPECT_THAT(missing.err, HasSubstr("/nonexistent.crl"));
  const std::string garbage = WriteFile("garbage.set", "not a set");
  ToolRun bad_set = RunTool(Verify({"--revocation-set", garbage}));
  EXPECT_EQ(bad_set.exit_code, 2) << Describe(bad_set);
  EXPECT_THAT(bad_set.err, HasSubstr("revocation set"));
  // A CRL its --issuers do not sign.
  ToolRun wrong = RunTool(
      {"revocation", "build", "--issuers", root_, "--out", tooltest::TempPath("x"), empty_crl_});
  EXPECT_EQ(wrong.exit_code, 2) << Describe(wrong);
  EXPECT_THAT(wrong.err, HasSubstr("no --issuers certificate"));
  ToolRun no_out = RunTool({"revocation", "build", "--issuers", root_, root_crl_});
  EXPECT_EQ(no_out.exit_code, 2) << Describe(no_out);
}

}  // namespace
}  // namespace certval
