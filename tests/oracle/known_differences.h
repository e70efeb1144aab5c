// The one table of known semantic differences between certval and Chromium's verifier (issue 20).
// docs/differential.md carries the same table; //tests/oracle:known_differences_test checks that
// every rule is in the document and that each rule fires where it should and nowhere else.
//
// A disagreement is a case where one verifier accepts and the other rejects:
//   certval rejects, Chromium accepts: certval is stricter. Explained when EVERY error finding of
//     certval is covered by a rule (each rule names the finding codes it covers, and may require
//     a feature of the case), so an unrelated error hiding behind a known one is still reported.
//   certval accepts, Chromium rejects: a possible false accept in certval. Explained only by a rule
//     whose predicate on the case (Chromium's error ids and a feature of the chain) holds.
#ifndef CERTVAL_TESTS_ORACLE_KNOWN_DIFFERENCES_H_
#define CERTVAL_TESTS_ORACLE_KNOWN_DIFFERENCES_H_

#include <functional>
#include <string>
#include <vector>

#include "certval/validator/request.h"
#include "certval/validator/result.h"
#include "tests/oracle/chromium_verifier.h"

namespace certval {
namespace oracle {

enum class Direction {
  kCertvalRejects,  // certval rejects what Chromium accepts
  kCertvalAccepts,  // certval accepts what Chromium rejects
};

// One case run through both verifiers.
struct Comparison {
  std::string id;  // the suite's case id; "" in the fuzzer
  const ValidationRequest* request = nullptr;
  const ChromiumInput* input = nullptr;
  const ValidationResult* certval = nullptr;
  const ChromiumVerdict* chromium = nullptr;

  bool Disagree() const { return certval->valid != chromium->accepted; }
  Direction direction() const {
    return certval->valid ? Direction::kCertvalAccepts : Direction::kCertvalRejects;
  }
  // certval's error findings as "code" (e.g. "validity.expired") and their certificate indices.
  std::vector<const Finding*> CertvalErrors() const;
};

struct KnownDifference {
  std::string name;  // stable, e.g. "weak_rsa_key"; the docs table's first column
  Direction direction;
  std::string reason;  // one sentence, the docs table's text
  // kCertvalRejects: the certval error findings this rule covers, given the case.
  std::function<bool(const Comparison&, const Finding&)> covers_finding;
  // kCertvalAccepts: whether the rule explains the case.
  std::function<bool(const Comparison&)> explains;
};

const std::vector<KnownDifference>& KnownDifferences();

struct Explanation {
  bool explained = false;
  // The rules that apply (for kCertvalRejects, one per covered finding, deduplicated); when not
  // explained, what is left unexplained (certval's uncovered findings, or Chromium's error).
  std::vector<std::string> rules;
  std::string unexplained;
};

// Explains a disagreement (c.Disagree() must hold) with the table.
Explanation Explain(const Comparison& c);

// One line for a disagreement: id, both verdicts with certval's codes and Chromium's error, and the
// rules or what is unexplained.
std::string DescribeDisagreement(const Comparison& c, const Explanation& e);

}  // namespace oracle
}  // namespace certval

#endif  // CERTVAL_TESTS_ORACLE_KNOWN_DIFFERENCES_H_
