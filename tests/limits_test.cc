// Bounded work: pathological inputs end quickly with a clear finding, and every field of Limits
// (validator/request.h) trips with its own code. Wall-clock bounds here are generous sanity checks
// (sanitizer builds are slow); the assertions that matter are the findings and the counters.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
constexpr double kSanitySeconds = 5.0;

// The first finding with `code`, or null.
const Finding* Find(const ValidationResult& r, absl::string_view code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return &f;
  }
  return nullptr;
}

std::string All(const ValidationResult& r) {
  std::string out;
  for (const Finding& f : r.findings) absl::StrAppend(&out, FormatFinding(f), "\n");
  return out;
}

// Runs `fn` and returns its wall time in seconds.
template <typename Fn>
double Seconds(Fn fn) {
  auto start = std::chrono::steady_clock::now();
  fn();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class LimitsTest : public ::testing::Test {
 protected:
  LimitsTest()
      : chain_(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)),
        store_(std::make_shared<TrustStore>()) {
    EXPECT_TRUE(store_->AddRootDer(chain_.root).ok());
  }

  ValidationRequest Request(std::string leaf, std::vector<std::string> intermediates,
                            std::string host = "example.test") const {
    ValidationRequest r;
    r.leaf = std::move(leaf);
    r.intermediates = std::move(intermediates);
    r.peer_name = PeerName::Dns(std::move(host));
    r.time = kNow;
    return r;
  }

  ValidationResult Validate(const ValidationRequest& r, Limits limits = {},
                            Policy policy = {}) const {
    ValidatorOptions options;
    options.limits = limits;
    options.policy = std::move(policy);
    options.warning_sink = std::make_shared<NullWarningSink>();
    return Validator(store_, options).Validate(r);
  }

  // root -> CA 1 -> CA 2 -> ... -> CA n -> leaf; returns the leaf, fills the intermediates.
  std::string LinearChain(int n, std::vector<std::string>* intermediates) const {
    TestCa ca = chain_.root_ca();
    for (int i = 1; i <= n; ++i) {
      ca = ca.IssueCa(testpki::IntermediateSpec(absl::StrCat("CA ", i), kNow, std::nullopt),
                      Key::Cached(KeyKind::kEcP256, 400 + i));
      intermediates->push_back(ca.cert_der());
    }
    return ca.Issue(testpki::LeafSpec("example.test", kNow), chain_.leaf_key);
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
};

// ---- (a) many same-subject intermediates: the signature-check budget -------------------------

// 40 CAs all named "Same CA" (each one a plausible issuer of every other), the i-th keyed i and
// signed by key i+1, in a ring; the leaf is signed by key 0. `to_root`, when set, adds one more
// "Same CA" on key 0 issued by the trusted root: the only way out of the ring.
struct SameSubjectCas {
  std::vector<std::string> ders;
  std::string leaf;
};

SameSubjectCas MakeSameSubjectCas(const TestCa& root, bool to_root) {
  constexpr int kCount = 40;
  SameSubjectCas out;
  std::vector<Key> keys;
  for (int i = 0; i < kCount; ++i) keys.push_back(Key::Cached(KeyKind::kEcP256, 100 + i));
  CertSpec spec = testpki::IntermediateSpec("Same CA", kNow, std::nullopt);
  const std::string name = testpki::EncodeName(spec.subject);
  for (int i = 0; i < kCount; ++i) {
    out.ders.push_back(testpki::IssueCertificate(spec, keys[i], keys[(i + 1) % kCount], name));
  }
  if (to_root) out.ders.push_back(root.Issue(spec, keys[0]));  // last, so found last
  out.leaf = testpki::IssueCertificate(testpki::LeafSpec("example.test", kNow),
                                       Key::Cached(KeyKind::kEcP256, 99), keys[0], name);
  return out;
}

TEST_F(LimitsTest, CrossSignedSameSubjectRingWithoutPathStopsAtSignatureBudget) {
  SameSubjectCas cas = MakeSameSubjectCas(chain_.root_ca(), /*to_root=*/false);
  ValidationResult r;
  double s = Seconds([&] { r = Validate(Request(cas.leaf, cas.ders)); });
  EXPECT_FALSE(r.valid);
  const Finding* budget = Find(r, "limits.too_many_signatures");
  ASSERT_NE(budget, nullptr) << All(r);
  EXPECT_EQ(budget->severity, Severity::kError);
  EXPECT_TRUE(absl::StrContains(budget->message, "signature verifications")) << budget->message;
  EXPECT_LE(r.signature_checks, Limits{}.max_signature_checks);
  EXPECT_EQ(r.signature_checks, Limits{}.max_signature_checks)
      << "it should use the budget, then stop";
  EXPECT_LT(s, kSanitySeconds);
}

TEST_F(LimitsTest, CrossSignedSameSubjectRingWithOnePathFindsIt) {
  SameSubjectCas cas = MakeSameSubjectCas(chain_.root_ca(), /*to_root=*/true);
  ValidationResult r;
  double s = Seconds([&] { r = Validate(Request(cas.leaf, cas.ders)); });
  EXPECT_TRUE(r.valid) << All(r);
  ASSERT_EQ(r.path.size(), 3u);
  EXPECT_EQ(r.path[1]->der(), cas.ders.back());
  EXPECT_LE(r.signature_checks, Limits{}.max_signature_checks);
  EXPECT_LT(s, kSanitySeconds);
}

TEST_F(LimitsTest, SameKeySameSubjectDifferentSerialsIsAPlainRejection) {
  // 40 self-signed "Same CA" certificates on one key (serials differ): one CA to the loop rule.
  Key key = Key::Cached(KeyKind::kEcP256, 150);
  CertSpec spec = testpki::IntermediateSpec("Same CA", kNow, std::nullopt);
  std::vector<std::string> ders;
  for (int i = 0; i < 40; ++i) ders.push_back(testpki::SelfSigned(spec, key));
  std::string leaf =
      testpki::IssueCertificate(testpki::LeafSpec("example.test", kNow), chain_.leaf_key, key,
                                testpki::EncodeName(spec.subject));
  ValidationResult r;
  double s = Seconds([&] { r = Validate(Request(leaf, ders)); });
  EXPECT_FALSE(r.valid);
  EXPECT_NE(Find(r, "trust_anchor.no_trusted_root"), nullptr) << All(r);
  EXPECT_LE(r.signature_checks, Limits{}.max_signature_checks);
  EXPECT_LT(s, kSanitySeconds);
}

TEST_F(LimitsTest, SignatureBudgetIsExactlyTheLimit) {
  // leaf -> intermediate -> root needs two verifications while building.
  ValidationRequest req = Request(chain_.leaf, {chain_.intermediate});
  Limits two;
  two.max_signature_checks = 2;
  ValidationResult ok = Validate(req, two);
  EXPECT_TRUE(ok.valid) << All(ok);
  EXPECT_EQ(ok.signature_checks, 2);

  Limits one;
  one.max_signature_checks = 1;
  ValidationResult r = Validate(req, one);
  EXPECT_FALSE(r.valid);
  ASSERT_NE(Find(r, "limits.too_many_signatures"), nullptr) << All(r);
  EXPECT_EQ(r.signature_checks, 1);
}

// ---- (b) name constraints: subtrees x names -------------------------------------------------

// root -> intermediate permitting d0.example .. d<subtrees-1>.example -> leaf with `sans` DNS SANs
// h<i>.d<i>.example (all inside; the first is also the CN and the peer name).
ValidationRequest NameConstraintsRequest(const TestCa& root, int subtrees, int sans) {
  CertSpec ica_spec = testpki::IntermediateSpec("Many Subtrees CA", kNow);
  CertSpec::Subtrees permitted;
  for (int i = 0; i < subtrees; ++i) permitted.dns.push_back(absl::StrCat("d", i, ".example"));
  ica_spec.nc_permitted = permitted;
  TestCa ica = root.IssueCa(ica_spec, Key::Cached(KeyKind::kEcP256, 160));
  CertSpec leaf_spec = testpki::LeafSpec("h0.d0.example", kNow);
  leaf_spec.dns_sans.clear();
  for (int i = 0; i < sans; ++i) {
    leaf_spec.dns_sans.push_back(absl::StrCat("h", i, ".d", i % subtrees, ".example"));
  }
  ValidationRequest r;
  r.leaf = ica.Issue(leaf_spec, Key::Cached(KeyKind::kEcP256, 161));
  r.intermediates = {ica.cert_der()};
  r.peer_name = PeerName::Dns("h0.d0.example");
  r.time = kNow;
  return r;
}

TEST_F(LimitsTest, ThousandsOfSubtreesTimesThousandsOfNamesStopAtComparisonBudget) {
  ValidationRequest req = NameConstraintsRequest(chain_.root_ca(), 2000, 2000);
  ValidationResult r;
  double s = Seconds([&] { r = Validate(req); });
  EXPECT_FALSE(r.valid);
  // The validation's budget ran out: the path as a whole is refused, naming the limit it hit.
  const Finding* budget = Find(r, "limits.too_many_name_comparisons");
  ASSERT_NE(budget, nullptr) << All(r);
  EXPECT_EQ(budget->severity, Severity::kError);
  EXPECT_EQ(budget->cert_index, -1);
  EXPECT_TRUE(absl::StrContains(budget->message,
                                absl::StrCat(Limits{}.max_name_comparisons, " name-constraint")))
      << budget->message;
  EXPECT_EQ(Find(r, "name_constraints.not_permitted"), nullptr) << "no comparison should have run";
  EXPECT_LT(s, kSanitySeconds);
}

TEST_F(LimitsTest, NameComparisonBudgetIsExactlyTheLimit) {
  Limits limits;
  limits.max_name_comparisons = 110;
  // Judging the 10 subtrees (10), then comparing them with 9 SANs + the subject as a
  // directoryName (100): 110 units, allowed.
  ValidationResult at = Validate(NameConstraintsRequest(chain_.root_ca(), 10, 9), limits);
  EXPECT_TRUE(at.valid) << All(at);
  // One more SAN: 120.
  ValidationResult over = Validate(NameConstraintsRequest(chain_.root_ca(), 10, 10), limits);
  EXPECT_FALSE(over.valid);
  EXPECT_NE(Find(over, "limits.too_many_name_comparisons"), nullptr) << All(over);
}

// The hostile review's shape: 40,000 directoryName subtrees x 20 leaf names in a 1 MiB chain once
// took 947 s (a linear cache scan per comparison, a budget restarted per path).
TEST_F(LimitsTest, DirectoryNameBombIsRefusedQuicklyWithAndWithoutARoot) {
  testpki::Chain bomb = testpki::NameConstraintsBomb(40000, 20, kNow);
  EXPECT_LE(bomb.leaf.size() + bomb.intermediate.size(), Limits{}.max_input_bytes);
  EXPECT_GT(bomb.intermediate.size(), 800u * 1024);
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(bomb.root).ok());
  for (bool with_root : {true, false}) {
    ValidationRequest req = Request(bomb.leaf, {bomb.intermediate});
    req.peer_name = PeerName::Dns("bomb.example.test");
    ValidatorOptions options;
    options.warning_sink = std::make_shared<NullWarningSink>();
    Validator validator(with_root ? store : std::make_shared<TrustStore>(), options);
    ValidationResult r;
    double s = Seconds([&] { r = validator.Validate(req); });
    EXPECT_FALSE(r.valid);
    // The constraint refuses the names (or the budget ends the work first); either is an error.
    EXPECT_TRUE(Find(r, "name_constraints.not_permitted") != nullptr ||
                Find(r, "limits.too_many_name_comparisons") != nullptr)
        << All(r);
    EXPECT_LT(s, kSanitySeconds) << (with_root ? "with" : "without") << " a root";
  }
}

// ---- (c) every other limit --------------------------------------------------------------------

TEST_F(LimitsTest, MaxIntermediatesCutsLongerPaths) {
  std::vector<std::string> ders;
  std::string leaf = LinearChain(2, &ders);
  Limits one;
  one.max_intermediates = 1;
  ValidationResult r = Validate(Request(leaf, ders), one);
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "trust_anchor.no_trusted_root");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_TRUE(absl::StrContains(f->message, "within 1 intermediate")) << f->message;

  Limits two;
  two.max_intermediates = 2;
  EXPECT_TRUE(Validate(Request(leaf, ders), two).valid);
}

TEST_F(LimitsTest, RequestMaxDepthOverridesLimits) {
  ValidationRequest req = Request(chain_.leaf, {chain_.intermediate});
  req.max_depth = 0;
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "trust_anchor.no_trusted_root");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_TRUE(absl::StrContains(f->message, "within 0 intermediates")) << f->message;
}

TEST_F(LimitsTest, MaxInputCertificates) {
  Limits limits;
  limits.max_input_certificates = 2;
  EXPECT_TRUE(Validate(Request(chain_.leaf, {chain_.intermediate}), limits).valid);
  ValidationResult r = Validate(Request(chain_.leaf, {chain_.intermediate, chain_.root}), limits);
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "limits.too_many_certificates");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_EQ(f->cert_index, -1);
  EXPECT_EQ(f->message, "3 certificates presented; the limit is 2");
  EXPECT_EQ(r.paths_evaluated, 0) << "nothing is built from a refused input";
}

TEST_F(LimitsTest, MaxInputBytes) {
  const size_t total = chain_.leaf.size() + chain_.intermediate.size();
  ValidationRequest req = Request(chain_.leaf, {chain_.intermediate});
  Limits exact;
  exact.max_input_bytes = total;
  EXPECT_TRUE(Validate(req, exact).valid);
  Limits under;
  under.max_input_bytes = total - 1;
  ValidationResult r = Validate(req, under);
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "limits.input_too_large");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_TRUE(absl::StrContains(f->message, absl::StrCat(total, " bytes"))) << f->message;
}

TEST_F(LimitsTest, MaxPathsEvaluated) {
  // Six certificates for the intermediate (same name and key, other serials), all issued by the
  // root, and an expired leaf: every one of the six paths fails.
  TestCa root = chain_.root_ca();
  std::vector<std::string> copies;
  for (int i = 0; i < 6; ++i) {
    copies.push_back(root.Issue(testpki::IntermediateSpec("certval Test Intermediate CA", kNow),
                                chain_.intermediate_key));
  }
  CertSpec expired = testpki::LeafSpec("example.test", kNow);
  expired.not_after = kNow - absl::Hours(1);
  ValidationRequest req = Request(chain_.intermediate_ca().Issue(expired, chain_.leaf_key), copies);

  ValidationResult all = Validate(req);
  EXPECT_FALSE(all.valid);
  EXPECT_EQ(all.paths_evaluated, 6);
  EXPECT_EQ(Find(all, "limits.too_many_paths"), nullptr) << All(all);

  Limits three;
  three.max_paths_evaluated = 3;
  ValidationResult r = Validate(req, three);
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(r.paths_evaluated, 3);
  const Finding* f = Find(r, "limits.too_many_paths");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_EQ(f->message, "3 candidate paths evaluated without success");
  EXPECT_NE(Find(r, "validity.expired"), nullptr) << "the best failing path is still reported";
}

TEST_F(LimitsTest, MaxBuildStepsWithASmallLimit) {
  // 20 unrelated CAs carrying the intermediate's name: 20 candidates for the leaf's issuer.
  std::vector<std::string> ders;
  CertSpec spec = testpki::IntermediateSpec("certval Test Intermediate CA", kNow);
  for (int i = 0; i < 20; ++i) {
    ders.push_back(testpki::SelfSigned(spec, Key::Cached(KeyKind::kEcP256, 170 + i)));
  }
  Limits limits;
  limits.max_build_steps = 10;
  ValidationResult r = Validate(Request(chain_.leaf, ders), limits);
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "limits.too_many_build_steps");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_EQ(f->message, "more than 10 issuer candidates considered");
}

TEST_F(LimitsTest, MaxBuildStepsWithDefaultsWhenSignaturesDoNotPrune) {
  // With the signature check in WARN mode the builder cannot prune by signature, so the ring of
  // 40 same-subject CAs has 40^k orderings at depth k: only the step budget ends it.
  SameSubjectCas cas = MakeSameSubjectCas(chain_.root_ca(), /*to_root=*/false);
  Policy policy;
  policy.Set("signature", Mode::kWarn);
  ValidationResult r;
  double s = Seconds([&] { r = Validate(Request(cas.leaf, cas.ders), Limits{}, policy); });
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "limits.too_many_build_steps");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_EQ(f->message,
            absl::StrCat("more than ", Limits{}.max_build_steps, " issuer candidates considered"));
  EXPECT_EQ(r.signature_checks, 0);
  EXPECT_LT(s, kSanitySeconds);
}

// ---- (d) the absolute depth cap ---------------------------------------------------------------

TEST_F(LimitsTest, ChainDeeperThanTheAbsoluteCapIsRejected) {
  std::vector<std::string> ders;
  std::string leaf = LinearChain(34, &ders);
  ValidationRequest req = Request(leaf, ders);
  req.max_depth = 100;  // the caller allows it; certval's own cap (32) does not
  ValidationResult r;
  double s = Seconds([&] { r = Validate(req); });
  EXPECT_FALSE(r.valid);
  const Finding* f = Find(r, "limits.path_too_deep");
  ASSERT_NE(f, nullptr) << All(r);
  EXPECT_TRUE(absl::StrContains(f->message, "more than 32 intermediates")) << f->message;
  // The no-path finding names the depth that really cut the search, not the caller's 100.
  const Finding* no_root = Find(r, "trust_anchor.no_trusted_root");
  ASSERT_NE(no_root, nullptr) << All(r);
  EXPECT_TRUE(absl::StrContains(no_root->message, "within 32 intermediates")) << no_root->message;
  EXPECT_LT(s, kSanitySeconds);
}

TEST_F(LimitsTest, ChainJustUnderTheAbsoluteCapIsBuilt) {
  std::vector<std::string> ders;
  std::string leaf = LinearChain(30, &ders);
  ValidationRequest req = Request(leaf, ders);
  req.max_depth = 100;
  ValidationResult r = Validate(req);
  EXPECT_TRUE(r.valid) << All(r);
  EXPECT_EQ(r.path.size(), 32u);
}

}  // namespace
}  // namespace certval
