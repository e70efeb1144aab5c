// Runs the x509-limbo conformance suite and holds certval to it: no false accepts, at least 95 % of
// the cases run correct, at most 5 % skipped, every pathological:: and crl:: case correct (the
// latter under hard-fail revocation with the case's CRLs), no case slow. The
// suite is vendored (third_party/x509-limbo); a missing file fails the test, never skips it.
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "gtest/gtest.h"
#include "tools/limbo.h"

namespace certval {
namespace {

TEST(LimboConformance, WholeSuite) {
  const std::string path = DefaultLimboPath();
  ASSERT_TRUE(std::ifstream(path).good()) << "x509-limbo file not found at '" << path << "'";
  absl::StatusOr<LimboReport> report = RunLimboFile(path);
  ASSERT_TRUE(report.ok()) << report.status();
  std::cout << report->Summary();

  if (const char* dir = std::getenv("TEST_UNDECLARED_OUTPUTS_DIR")) {
    std::ofstream(std::string(dir) + "/limbo-results.json") << report->ResultsJson();
  }
  const LimboTally& t = report->total;
  const int run = t.passed + t.failed;
  ASSERT_GT(run, 0);
  EXPECT_TRUE(report->false_accepts.empty()) << report->false_accepts.size() << " false accepts";
  EXPECT_GE(100.0 * t.passed / run, 95.0);
  EXPECT_LE(100.0 * t.skipped / report->results.size(), 5.0);
  // Every case, the pathological:: ones (deep chains, huge name constraints) included, ends in
  // bounded time; the bound is generous because this test also runs under ASan and TSan.
  for (const LimboCaseResult& r : report->results) EXPECT_LT(r.milliseconds, 5000) << r.id;
  const LimboTally& pathological = report->by_namespace["pathological"];
  EXPECT_EQ(pathological.failed, 0);
  EXPECT_GT(pathological.passed, 0);
  const LimboTally& crl = report->by_namespace["crl"];
  EXPECT_EQ(crl.failed, 0);
  EXPECT_EQ(crl.skipped, 0);
  EXPECT_EQ(crl.passed, 8);
}

}  // namespace
}  // namespace certval
