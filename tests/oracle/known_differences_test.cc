// Each rule of the table of known differences, on a chain minted to show exactly that difference:
// both verifiers really run, they disagree, and that rule (alone) explains it. Then the rules'
// limits: a finding or an error outside a rule stays unexplained. Last, docs/differential.md
// carries the same table.
#include "tests/oracle/known_differences.h"

#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/oracle/chromium_verifier.h"

namespace certval {
namespace oracle {
namespace {

namespace tp = testpki;
const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01

// One input through both verifiers. Not copyable: the Comparison points into it.
struct Both {
  ValidationRequest request;
  std::vector<std::string> anchors;
  ValidationResult result;
  ChromiumInput input;
  ChromiumVerdict verdict;

  Both(const Both&) = delete;
  Both(std::string leaf, std::vector<std::string> intermediates, std::vector<std::string> roots,
       Profile profile, PeerName name = PeerName::Dns("example.test")) {
    request.leaf = std::move(leaf);
    request.intermediates = std::move(intermediates);
    request.profile = profile;
    request.peer_name = std::move(name);
    request.time = kNow;
    anchors = std::move(roots);
  }
  void Go() {
    auto store = std::make_shared<TrustStore>();
    for (const std::string& der : anchors) {
      EXPECT_TRUE(store->AddRootDer(der, AnchorOrigin::kRootProgram).ok());
    }
    ValidatorOptions options;
    options.warning_sink = std::make_shared<NullWarningSink>();
    result = Validator(store, options).Validate(request);
    input = InputFromRequest(request, anchors, kNow);
    verdict = RunChromium(input);
  }
  Comparison c() const { return Comparison{"test", &request, &input, &result, &verdict}; }
};

std::string Codes(const Both& r) {
  std::string out;
  for (const Finding* f : r.c().CertvalErrors())
    absl::StrAppend(&out, f->code, "@", f->cert_index, " ");
  return absl::StrCat(out, "| chromium: ", r.verdict.error);
}

void ExpectExplainedBy(const Both& r, const std::string& rule, Direction direction) {
  const Comparison c = r.c();
  ASSERT_TRUE(c.Disagree()) << "no disagreement: " << Codes(r);
  EXPECT_EQ(c.direction(), direction) << Codes(r);
  const Explanation e = Explain(c);
  EXPECT_TRUE(e.explained) << DescribeDisagreement(c, e);
  EXPECT_EQ(e.rules, std::vector<std::string>{rule}) << DescribeDisagreement(c, e);
}

void ExpectAgree(const Both& r, bool accepted) {
  EXPECT_EQ(r.result.valid, accepted) << Codes(r);
  EXPECT_EQ(r.verdict.accepted, accepted) << Codes(r);
}

// A P-256 chain (root, intermediate, leaf for example.test) with a leaf spec the test shapes.
struct Pki {
  tp::Chain chain = tp::MakeChain(tp::KeyKind::kEcP256, "example.test", kNow);
  tp::TestCa inter = chain.intermediate_ca();
  std::string Leaf(const tp::CertSpec& spec, tp::KeyKind kind = tp::KeyKind::kEcP256) const {
    return inter.Issue(spec, tp::Key::Cached(kind, 7));
  }
};

TEST(KnownDifferences, ChainsAgreeWithoutAnyRule) {
  Pki pki;
  for (Profile p : {Profile::kWebPki, Profile::kRfc5280, Profile::kRfc5280Strict}) {
    Both r(pki.chain.leaf, {pki.chain.intermediate}, {pki.chain.root}, p);
    r.Go();
    ExpectAgree(r, true);
    Both wrong(pki.chain.leaf, {pki.chain.intermediate}, {pki.chain.root}, p,
               PeerName::Dns("other.test"));
    wrong.Go();
    ExpectAgree(wrong, false);
    EXPECT_EQ(wrong.verdict.status, "NAME_MISMATCH");
  }
}

TEST(KnownDifferences, WeakRsaKey) {
  Pki pki;
  const std::string leaf = pki.Leaf(tp::LeafSpec("example.test", kNow), tp::KeyKind::kRsa1024);
  Both web(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  web.Go();
  ExpectExplainedBy(web, "weak_rsa_key", Direction::kCertvalRejects);
  Both rfc(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280);
  rfc.Go();
  ExpectAgree(rfc, true);  // 1024 bits is both verifiers' RFC 5280 minimum
}

TEST(KnownDifferences, StrictLeafEku) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.eku.reset();
  const std::string leaf = pki.Leaf(spec);
  Both web(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  web.Go();
  ExpectExplainedBy(web, "strict_leaf_eku", Direction::kCertvalRejects);
  Both rfc(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280);
  rfc.Go();
  ExpectAgree(rfc, true);
}

TEST(KnownDifferences, CnInSan) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.subject = tp::NameSpec{{"CN", "other.test"}};
  Both r(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  r.Go();
  ExpectExplainedBy(r, "cn_in_san", Direction::kCertvalRejects);
}

TEST(KnownDifferences, BrRootProfile) {
  tp::CertSpec root_spec = tp::RootSpec("EKU Root", kNow);
  root_spec.eku = std::vector<std::string>{"serverAuth"};
  tp::TestCa root = tp::TestCa::Root(root_spec, tp::Key::Cached(tp::KeyKind::kEcP256, 3));
  Both r(root.Issue(tp::LeafSpec("example.test", kNow), tp::Key::Cached(tp::KeyKind::kEcP256, 4)),
         {}, {root.cert_der()}, Profile::kWebPki);
  r.Go();
  ExpectExplainedBy(r, "br_root_profile", Direction::kCertvalRejects);
}

TEST(KnownDifferences, BrSubscriberProfile) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.san_critical = true;
  Both r(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  r.Go();
  ExpectExplainedBy(r, "br_subscriber_profile", Direction::kCertvalRejects);
}

TEST(KnownDifferences, Rfc5280EncodingMusts) {
  Pki pki;
  tp::CertSpec ica = tp::IntermediateSpec("Noncritical BC CA", kNow);
  ica.basic_constraints_critical = false;
  tp::TestCa inter = pki.chain.root_ca().IssueCa(ica, tp::Key::Cached(tp::KeyKind::kEcP256, 5));
  const std::string leaf =
      inter.Issue(tp::LeafSpec("example.test", kNow), tp::Key::Cached(tp::KeyKind::kEcP256, 6));
  Both strict(leaf, {inter.cert_der()}, {pki.chain.root}, Profile::kRfc5280Strict);
  strict.Go();
  ExpectExplainedBy(strict, "rfc5280_encoding_musts", Direction::kCertvalRejects);
  Both rfc(leaf, {inter.cert_der()}, {pki.chain.root}, Profile::kRfc5280);
  rfc.Go();
  ExpectAgree(rfc, true);  // section 6 takes a non-critical cA=TRUE (PKITS 4.6.4)
}

TEST(KnownDifferences, DnsNameSyntax) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("a_b.example.test", kNow);
  Both r(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280,
         PeerName::Dns("a_b.example.test"));
  r.Go();
  ExpectExplainedBy(r, "dns_name_syntax", Direction::kCertvalRejects);
}

TEST(KnownDifferences, RevocationNotCheckedByOracle) {
  Pki pki;
  tp::CrlSpec crl = tp::CrlSpecFor(pki.chain.intermediate_ca(), kNow);
  crl.entries.push_back({tp::SerialOf(pki.chain.leaf),
                         kNow - absl::Hours(1),
                         tp::kReasonKeyCompromise,
                         std::nullopt,
                         {}});
  Both r(pki.chain.leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  r.request.crls = {tp::IssueCrl(crl, pki.chain.intermediate_key)};
  r.Go();
  ExpectExplainedBy(r, "revocation_not_checked_by_oracle", Direction::kCertvalRejects);
  // Without revocation data the rule covers nothing: the same chain is accepted by both.
  Both plain(pki.chain.leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  plain.Go();
  ExpectAgree(plain, true);
}

TEST(KnownDifferences, WildcardOverPublicSuffix) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.subject = tp::NameSpec{{"O", "certval test"}};
  spec.dns_sans = {"*.co.uk"};
  const std::string leaf = pki.Leaf(spec);
  Both r(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280,
         PeerName::Dns("example.co.uk"));
  r.Go();
  ExpectExplainedBy(r, "wildcard_over_public_suffix", Direction::kCertvalRejects);
  // The same leaf for a name its wildcard does not cover: both refuse it.
  Both other(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280,
             PeerName::Dns("a.b.co.uk"));
  other.Go();
  ExpectAgree(other, false);
}

TEST(KnownDifferences, UriNameConstraints) {
  Pki pki;
  tp::CertSpec ica = tp::IntermediateSpec("URI Constrained CA", kNow);
  tp::CertSpec::Subtrees permitted;
  permitted.uri = {".example.test"};
  ica.nc_permitted = permitted;
  tp::TestCa inter = pki.chain.root_ca().IssueCa(ica, tp::Key::Cached(tp::KeyKind::kEcP256, 5));
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.uri_sans = {"https://www.example.test/"};
  Both r(inter.Issue(spec, tp::Key::Cached(tp::KeyKind::kEcP256, 6)), {inter.cert_der()},
         {pki.chain.root}, Profile::kRfc5280);
  r.Go();
  ExpectExplainedBy(r, "uri_name_constraints", Direction::kCertvalAccepts);
}

TEST(KnownDifferences, Ed25519) {
  tp::Chain chain = tp::MakeChain(tp::KeyKind::kEd25519, "example.test", kNow);
  Both r(chain.leaf, {chain.intermediate}, {chain.root}, Profile::kRfc5280);
  r.Go();
  ExpectExplainedBy(r, "ed25519", Direction::kCertvalAccepts);
  Both web(chain.leaf, {chain.intermediate}, {chain.root}, Profile::kWebPki);
  web.Go();
  ExpectAgree(web, false);  // CABF BR 6.1.5 allows only RSA and ECDSA
}

TEST(KnownDifferences, Rfc5280ProfileEmptySubjectSan) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.subject = tp::NameSpec();  // empty
  spec.san_critical = false;
  const std::string leaf = pki.Leaf(spec);
  Both rfc(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280);
  rfc.Go();
  ExpectExplainedBy(rfc, "rfc5280_profile_empty_subject_san", Direction::kCertvalAccepts);
  // Under rfc5280_strict certval refuses it too, and the rule does not apply: both reject.
  Both strict(leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280Strict);
  strict.Go();
  ExpectAgree(strict, false);
  // With the SAN critical, both accept under rfc5280.
  spec.san_critical = true;
  Both fixed(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280);
  fixed.Go();
  ExpectAgree(fixed, true);
}

TEST(KnownDifferences, DepthLimitCountsSelfIssued) {
  Pki pki;
  // root -> ICA -> ICA (self-issued: the same name, a new key) -> leaf: one logical intermediate.
  tp::TestCa ica =
      pki.chain.root_ca().IssueCa(tp::IntermediateSpec("Rolled CA", kNow, std::nullopt),
                                  tp::Key::Cached(tp::KeyKind::kEcP256, 5));
  tp::TestCa rolled = ica.IssueCa(tp::IntermediateSpec("Rolled CA", kNow, std::nullopt),
                                  tp::Key::Cached(tp::KeyKind::kEcP256, 6));
  const std::string leaf =
      rolled.Issue(tp::LeafSpec("example.test", kNow), tp::Key::Cached(tp::KeyKind::kEcP256, 7));
  Both r(leaf, {ica.cert_der(), rolled.cert_der()}, {pki.chain.root}, Profile::kRfc5280);
  r.request.max_depth = 1;
  r.Go();
  ExpectExplainedBy(r, "depth_limit_counts_self_issued", Direction::kCertvalAccepts);
  Both unlimited(leaf, {ica.cert_der(), rolled.cert_der()}, {pki.chain.root}, Profile::kRfc5280);
  unlimited.Go();
  ExpectAgree(unlimited, true);
}

// --- the rules' limits ---

TEST(KnownDifferences, AnUncoveredFindingStaysUnexplained) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.eku.reset();
  Both r(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kWebPki);
  r.Go();
  // A second error no rule covers, as if certval had found one more problem.
  r.result.findings.push_back(Finding{"validity", 0, "validity.expired", "test", Severity::kError});
  const Explanation e = Explain(r.c());
  EXPECT_FALSE(e.explained);
  EXPECT_EQ(e.unexplained, "validity.expired@0");
  EXPECT_EQ(e.rules, std::vector<std::string>{"strict_leaf_eku"});
  // The same finding under rfc5280 is not a webpki rule's either.
  r.result.findings.clear();
  r.result.findings.push_back(
      Finding{"ext_key_usage", 0, "ext_key_usage.missing", "test", Severity::kError});
  r.request.profile = Profile::kRfc5280;
  EXPECT_FALSE(Explain(r.c()).explained);
}

TEST(KnownDifferences, ACertvalAcceptNeedsTheRulesChromiumError) {
  tp::Chain chain = tp::MakeChain(tp::KeyKind::kEd25519, "example.test", kNow);
  Both r(chain.leaf, {chain.intermediate}, {chain.root}, Profile::kRfc5280);
  r.Go();
  ASSERT_TRUE(Explain(r.c()).explained);
  // Had Chromium refused the Ed25519 path for another reason too, the rule would not cover it.
  r.verdict.errors.push_back("Time is after notAfter");
  const Explanation e = Explain(r.c());
  EXPECT_FALSE(e.explained);
  EXPECT_EQ(e.unexplained, r.verdict.error);
  // Nor does the depth rule explain a case without a maximum depth.
  Pki pki;
  Both plain(pki.chain.leaf, {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280);
  plain.Go();
  plain.verdict.accepted = false;
  plain.verdict.errors = {"VerifySignedData failed"};
  EXPECT_FALSE(Explain(plain.c()).explained);
}

TEST(KnownDifferences, WildcardRuleNeedsAPublicSuffix) {
  Pki pki;
  tp::CertSpec spec = tp::LeafSpec("example.test", kNow);
  spec.subject = tp::NameSpec{{"O", "certval test"}};
  spec.dns_sans = {"*.example.test"};
  Both r(pki.Leaf(spec), {pki.chain.intermediate}, {pki.chain.root}, Profile::kRfc5280,
         PeerName::Dns("www.example.test"));
  r.Go();
  ExpectAgree(r, true);
  // Had certval refused this name, no rule would say why.
  r.result.valid = false;
  r.result.findings.push_back(
      Finding{"peer_name", 0, "peer_name.mismatch", "test", Severity::kError});
  EXPECT_FALSE(Explain(r.c()).explained);
}

// --- the table in the docs ---

TEST(KnownDifferences, DocsCarryTheSameTable) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  ASSERT_NE(srcdir, nullptr);
  const std::string path =
      absl::StrCat(srcdir, "/", workspace ? workspace : "certval", "/docs/differential.md");
  std::ifstream in(path);
  ASSERT_TRUE(in.good()) << path;
  std::stringstream text;
  text << in.rdbuf();
  std::set<std::string> names;
  for (const KnownDifference& k : KnownDifferences()) {
    EXPECT_TRUE(names.insert(k.name).second) << "duplicate rule " << k.name;
    const std::string row = absl::StrCat(
        "| `", k.name, "` | ",
        k.direction == Direction::kCertvalRejects ? "certval rejects" : "certval accepts", " | ",
        k.reason, " |");
    EXPECT_NE(text.str().find(row), std::string::npos) << "docs/differential.md lacks the row\n"
                                                       << row;
  }
}

}  // namespace
}  // namespace oracle
}  // namespace certval
