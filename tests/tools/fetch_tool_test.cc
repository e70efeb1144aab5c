// `certval verify --fetch`: a leaf whose intermediate only its caIssuers URL names, served from a
// loopback HTTP server; rejected without the flag (naming the URL), accepted with it, and the
// fetch is printed.
#include <string>

#include "absl/strings/match.h"
#include "certval/testing/pki/test_pki.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"
#include "tests/tools/tool_runner.h"

namespace certval::tooltest {
namespace {

TEST(FetchToolTest, VerifyFetchesTheMissingIntermediateOnlyWhenAsked) {
  const absl::Time now = absl::Now();
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "fetch.example.test", now);
  auto server = testfetch::HttpTestServer::Start();
  ASSERT_TRUE(server.ok()) << server.status();
  (*server)->Serve("/ica.cer", testfetch::Reply::Ok(chain.intermediate));
  const std::string url = (*server)->Url("/ica.cer");
  testpki::CertSpec spec = testpki::LeafSpec("fetch.example.test", now);
  spec.extra.push_back(testpki::AiaExtension({}, {url}));
  const std::string leaf = chain.intermediate_ca().Issue(spec, chain.leaf_key);
  const std::string leaf_file = WriteFile("leaf.pem", testpki::DerToPem(leaf));
  const std::string root_file = WriteFile("root.pem", testpki::DerToPem(chain.root));

  ToolRun off =
      RunTool({"verify", "--roots", root_file, "--host", "fetch.example.test", leaf_file});
  EXPECT_EQ(off.exit_code, 1) << Describe(off);
  EXPECT_TRUE(absl::StrContains(off.out, "fetch.issuer_not_fetched")) << Describe(off);
  EXPECT_TRUE(absl::StrContains(off.out, url)) << Describe(off);
  EXPECT_EQ((*server)->TotalRequests(), 0);

  ToolRun on = RunTool(
      {"verify", "--fetch", "--roots", root_file, "--host", "fetch.example.test", leaf_file});
  EXPECT_EQ(on.exit_code, 0) << Describe(on);
  EXPECT_TRUE(absl::StrContains(on.out, "fetched: issuers " + url + " (")) << Describe(on);
  EXPECT_EQ((*server)->Requests("/ica.cer"), 1);

  ToolRun json = RunTool({"verify", "--fetch", "--json", "--roots", root_file, "--host",
                          "fetch.example.test", leaf_file});
  EXPECT_EQ(json.exit_code, 0) << Describe(json);
  nlohmann::json j = ParseJson(json.out);
  ASSERT_TRUE(j.contains("fetches")) << json.out;
  EXPECT_EQ(j["fetches"][0]["url"], url);
  EXPECT_EQ(j["fetches"][0]["kind"], "issuers");
  EXPECT_EQ(j["fetches"][0]["ok"], true);
}

}  // namespace
}  // namespace certval::tooltest
