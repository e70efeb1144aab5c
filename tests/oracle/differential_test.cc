// Runs x509-limbo and NIST PKITS through certval and through Chromium's verifier, on the same input
// (tools/limbo.h and tools/pkits.h hand each case's request and anchors to an observer), and prints
// every disagreement with its reason from the table of known differences (known_differences.h,
// docs/differential.md). Fails on any disagreement the table does not explain, either way.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_format.h"
#include "gtest/gtest.h"
#include "tests/oracle/chromium_verifier.h"
#include "tests/oracle/known_differences.h"
#include "tools/limbo.h"
#include "tools/pkits.h"

namespace certval {
namespace oracle {
namespace {

struct Tally {
  int cases = 0, agree = 0;
  std::map<std::string, int> by_reason;  // "certval rejects: weak_rsa_key" -> count
  std::vector<std::string> unexplained;
};

void Compare(const std::string& id, const ValidationRequest& request,
             const std::vector<std::string>& anchors, const ValidationResult& result,
             Tally* tally) {
  ++tally->cases;
  const ChromiumInput input = InputFromRequest(request, anchors, absl::Now());
  const ChromiumVerdict verdict = RunChromium(input);
  Comparison c{id, &request, &input, &result, &verdict};
  if (!c.Disagree()) {
    ++tally->agree;
    return;
  }
  const Explanation e = Explain(c);
  const std::string line = DescribeDisagreement(c, e);
  std::cout << "DISAGREE " << line << "\n";
  const std::string side = c.direction() == Direction::kCertvalRejects
                               ? "certval rejects, chromium accepts"
                               : "certval accepts, chromium rejects";
  if (e.explained) {
    for (const std::string& rule : e.rules) ++tally->by_reason[side + ": " + rule];
  } else {
    ++tally->by_reason[side + ": UNEXPLAINED"];
    tally->unexplained.push_back(line);
  }
}

void PrintTally(const std::string& suite, const Tally& t) {
  std::cout << absl::StrFormat("== %s: %d cases run by both, %d agree, %d disagree\n", suite,
                               t.cases, t.agree, t.cases - t.agree);
  for (const auto& [reason, n] : t.by_reason)
    std::cout << absl::StrFormat("  %4d  %s\n", n, reason);
}

TEST(Differential, Limbo) {
  Tally tally;
  LimboRunOptions options;
  options.observer = [&tally](const LimboCaseResult& r, const ValidationRequest& request,
                              const std::vector<std::string>& anchors,
                              const ValidationResult& result) {
    Compare(r.id, request, anchors, result, &tally);
  };
  absl::StatusOr<LimboReport> report = RunLimboFile(DefaultLimboPath(), options);
  ASSERT_TRUE(report.ok()) << report.status();
  PrintTally("x509-limbo", tally);
  // Every case certval ran (all but the skipped has-crl ones) went through Chromium too.
  EXPECT_EQ(tally.cases, report->total.passed + report->total.failed);
  EXPECT_GT(tally.cases, 150);
  EXPECT_TRUE(tally.unexplained.empty())
      << tally.unexplained.size() << " unexplained disagreements";
}

TEST(Differential, Pkits) {
  Tally tally;
  PkitsRunOptions options;
  options.check_implied_policy_sets = true;
  options.observer = [&tally](const PkitsTestResult& r, const ValidationRequest& request,
                              const std::vector<std::string>& anchors,
                              const ValidationResult& result) {
    Compare("pkits " + r.id + " " + r.name, request, anchors, result, &tally);
  };
  absl::StatusOr<PkitsReport> report = RunPkits(DefaultPkitsPath(), options);
  ASSERT_TRUE(report.ok()) << report.status();
  PrintTally("NIST PKITS", tally);
  EXPECT_EQ(tally.cases, report->total.passed + report->total.failed);
  EXPECT_GT(tally.cases, 150);
  EXPECT_TRUE(tally.unexplained.empty())
      << tally.unexplained.size() << " unexplained disagreements";
}

}  // namespace
}  // namespace oracle
}  // namespace certval
