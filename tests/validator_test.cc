// The Validator end to end: path building (backtracking, shortest path, loops, budget, depth),
// trust kinds, the tristate policy and hooks, on PKIs minted by the test-PKI builder.
#include "certval/validator/validator.h"

#include <memory>

#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

bool HasCode(const ValidationResult& r, absl::string_view code, Severity severity) {
  for (const Finding& f : r.findings) {
    if (f.code == code && f.severity == severity) return true;
  }
  return false;
}

std::string Codes(const ValidationResult& r) { return r.ErrorSummary(); }

class ValidatorTest : public ::testing::Test {
 protected:
  ValidatorTest()
      : chain_(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)),
        store_(std::make_shared<TrustStore>()) {
    EXPECT_TRUE(store_->AddRootDer(chain_.root).ok());
  }

  ValidationRequest Request(std::vector<std::string> intermediates) const {
    ValidationRequest r;
    r.leaf = chain_.leaf;
    r.intermediates = std::move(intermediates);
    r.time = kNow;
    r.peer_name = PeerName::Dns("example.test");
    return r;
  }

  ValidationResult Validate(const ValidationRequest& r, ValidatorOptions options = {}) const {
    options.warning_sink =
        options.warning_sink ? options.warning_sink : std::make_shared<NullWarningSink>();
    return Validator(store_, std::move(options)).Validate(r);
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
};

TEST_F(ValidatorTest, ValidChainBuildsLeafIntermediateRoot) {
  ValidationResult r = Validate(Request({chain_.intermediate}));
  EXPECT_TRUE(r.valid) << Codes(r);
  ASSERT_EQ(r.path.size(), 3u);
  EXPECT_EQ(r.path[0]->der(), chain_.leaf);
  EXPECT_EQ(r.path[1]->der(), chain_.intermediate);
  EXPECT_EQ(r.path[2]->der(), chain_.root);
  EXPECT_EQ(r.anchor, TrustKind::kAnchor);
  EXPECT_EQ(r.decider, Decider::kChain);
}

TEST_F(ValidatorTest, MissingIntermediateHasNoPathToRoot) {
  ValidationResult r = Validate(Request({}));
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root", Severity::kError)) << Codes(r);
}

TEST_F(ValidatorTest, UntrustedRootIsRejected) {
  auto empty = std::make_shared<TrustStore>();
  ValidationRequest req = Request({chain_.intermediate, chain_.root});
  ValidationResult r = Validator(empty, {}).Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root", Severity::kError)) << Codes(r);
  EXPECT_EQ(r.path.size(), 3u);  // the presented chain is reported
}

TEST_F(ValidatorTest, DistractorIntermediatesAreIgnored) {
  TestCa other =
      TestCa::Root(testpki::RootSpec("Other Root", kNow), Key::Cached(KeyKind::kEcP256, 7));
  std::string distractor = other.Issue(testpki::IntermediateSpec("Unrelated CA", kNow),
                                       Key::Cached(KeyKind::kEcP256, 8));
  ValidationResult r = Validate(Request({distractor, chain_.root, chain_.intermediate}));
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_EQ(r.path.size(), 3u);
}

TEST_F(ValidatorTest, BacktracksPastExpiredCrossSignToValidIssuer) {
  // Two certificates for the same intermediate (same name and key): an expired one first.
  TestCa root = chain_.root_ca();
  CertSpec expired = testpki::IntermediateSpec("certval Test Intermediate CA", kNow);
  expired.not_before = kNow - absl::Hours(24 * 400);
  expired.not_after = kNow - absl::Hours(24 * 30);
  std::string old_ica = root.Issue(expired, chain_.intermediate_key);
  ValidationResult r = Validate(Request({old_ica, chain_.intermediate}));
  EXPECT_TRUE(r.valid) << Codes(r);
  ASSERT_EQ(r.path.size(), 3u);
  EXPECT_EQ(r.path[1]->der(), chain_.intermediate);
  EXPECT_GE(r.paths_evaluated, 2);
}

TEST_F(ValidatorTest, PrefersShortestPath) {
  // The intermediate is also cross-signed by a second CA that chains to the same root:
  // leaf -> ICA -> root beats leaf -> ICA' -> CA2 -> root.
  TestCa root = chain_.root_ca();
  TestCa ca2 = root.IssueCa(testpki::IntermediateSpec("Second CA", kNow, 2),
                            Key::Cached(KeyKind::kEcP256, 9));
  std::string ica_by_ca2 = ca2.Issue(
      testpki::IntermediateSpec("certval Test Intermediate CA", kNow), chain_.intermediate_key);
  ValidationResult r = Validate(Request({ica_by_ca2, ca2.cert_der(), chain_.intermediate}));
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_EQ(r.path.size(), 3u);
}

TEST_F(ValidatorTest, CycleOfCrossSignedIntermediatesTerminates) {
  Key ka = Key::Cached(KeyKind::kEcP256, 10), kb = Key::Cached(KeyKind::kEcP256, 11);
  CertSpec a_spec = testpki::IntermediateSpec("CA A", kNow, std::nullopt);
  CertSpec b_spec = testpki::IntermediateSpec("CA B", kNow, std::nullopt);
  std::string a_by_b =
      testpki::IssueCertificate(a_spec, ka, kb, testpki::EncodeName(b_spec.subject));
  std::string b_by_a =
      testpki::IssueCertificate(b_spec, kb, ka, testpki::EncodeName(a_spec.subject));
  std::string leaf = testpki::IssueCertificate(testpki::LeafSpec("example.test", kNow),
                                               Key::Cached(KeyKind::kEcP256, 12), ka,
                                               testpki::EncodeName(a_spec.subject));
  ValidationRequest req = Request({a_by_b, b_by_a});
  req.leaf = leaf;
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root", Severity::kError)) << Codes(r);
}

TEST_F(ValidatorTest, ManySameSubjectCandidatesStopAtBudget) {
  // 40 intermediates with one subject and distinct keys, each signing the next: the builder must
  // give up quickly with a budget finding rather than try every order.
  std::vector<Key> keys;
  for (int i = 0; i < 40; ++i) keys.push_back(Key::Cached(KeyKind::kEcP256, 100 + i));
  CertSpec spec = testpki::IntermediateSpec("Same CA", kNow, std::nullopt);
  std::string name = testpki::EncodeName(spec.subject);
  std::vector<std::string> ders;
  for (int i = 0; i < 40; ++i) {
    ders.push_back(testpki::IssueCertificate(spec, keys[i], keys[(i + 1) % 40], name));
  }
  ValidationRequest req = Request(ders);
  req.leaf = testpki::IssueCertificate(testpki::LeafSpec("example.test", kNow),
                                       Key::Cached(KeyKind::kEcP256, 99), keys[0], name);
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "limits.too_many_signatures", Severity::kError)) << Codes(r);
  EXPECT_LE(r.signature_checks, Limits{}.max_signature_checks + 1);
}

TEST_F(ValidatorTest, MaxDepthLimitsIntermediates) {
  ValidationRequest req = Request({chain_.intermediate});
  req.max_depth = 0;
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root", Severity::kError)) << Codes(r);
  req.max_depth = 1;
  EXPECT_TRUE(Validate(req).valid);
}

TEST_F(ValidatorTest, AddCertTrustsExactlyThatCertificate) {
  CertSpec spec = testpki::LeafSpec("self.test", kNow);
  std::string self_signed = testpki::SelfSigned(spec, Key::Cached(KeyKind::kEcP256, 20));
  ValidationRequest req = Request({});
  req.leaf = self_signed;
  req.peer_name = PeerName::Dns("self.test");
  EXPECT_FALSE(Validate(req).valid);
  ASSERT_TRUE(store_->AddCertDer(self_signed).ok());
  ValidationResult r = Validate(req);
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_EQ(r.anchor, TrustKind::kLeaf);
  EXPECT_EQ(r.path.size(), 1u);
}

TEST_F(ValidatorTest, NoPeerNameIsAnErrorUnlessAnyNameIsAskedFor) {
  ValidationRequest req = Request({chain_.intermediate});
  req.peer_name = PeerName{};
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "peer_name.missing", Severity::kError)) << Codes(r);
  req.peer_name = PeerName::Any();
  EXPECT_TRUE(Validate(req).valid);
}

TEST_F(ValidatorTest, UnknownCheckNamesAreAConfigurationError) {
  ValidatorOptions options;
  options.policy.Set("validty", Mode::kDisable);  // a typo must not silently change nothing
  auto created = Validator::Create(store_, options);
  ASSERT_FALSE(created.ok());
  EXPECT_NE(created.status().message().find("validty"), std::string::npos);
  ValidationResult r = Validate(Request({chain_.intermediate}), options);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "configuration.invalid", Severity::kError)) << Codes(r);
  options.policy.Set("validity", Mode::kWarn);
  options.policy.Clear("validty");
  EXPECT_TRUE(Validator::Create(store_, options).ok());
}

TEST_F(ValidatorTest, DistrustedIntermediateBreaksTheChain) {
  auto ica = Certificate::Parse(chain_.intermediate);
  ASSERT_TRUE(ica.ok());
  store_->Distrust(**ica);
  ValidationResult r = Validate(Request({chain_.intermediate}));
  EXPECT_FALSE(r.valid) << "a distrusted key must never be part of an accepted path";
}

TEST_F(ValidatorTest, ExpiredLeafUnderEachMode) {
  CertSpec spec = testpki::LeafSpec("example.test", kNow);
  spec.not_after = kNow - absl::Hours(1);
  ValidationRequest req = Request({chain_.intermediate});
  req.leaf = chain_.intermediate_ca().Issue(spec, chain_.leaf_key);

  ValidationResult enforce = Validate(req);
  EXPECT_FALSE(enforce.valid);
  EXPECT_TRUE(HasCode(enforce, "validity.expired", Severity::kError)) << Codes(enforce);

  ValidatorOptions warn;
  warn.policy.Set("validity", Mode::kWarn);
  ValidationResult warned = Validate(req, warn);
  EXPECT_TRUE(warned.valid) << Codes(warned);
  EXPECT_TRUE(HasCode(warned, "validity.expired", Severity::kWarning));

  ValidatorOptions off;
  off.policy.Set("validity", Mode::kDisable);
  ValidationResult disabled = Validate(req, off);
  EXPECT_TRUE(disabled.valid);
  // Not one word about the expiry, but the result says which check it does not vouch for.
  ASSERT_EQ(disabled.findings.size(), 1u) << Codes(disabled);
  EXPECT_EQ(disabled.findings[0].code, "policy.checks_disabled");
  EXPECT_EQ(disabled.findings[0].severity, Severity::kWarning);
  EXPECT_NE(disabled.findings[0].message.find("validity"), std::string::npos);
}

TEST_F(ValidatorTest, TrustAnchorCheckCanBeRelaxed) {
  auto empty = std::make_shared<TrustStore>();
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.policy.Set("trust_anchor", Mode::kWarn);
  ValidationResult r =
      Validator(empty, options).Validate(Request({chain_.intermediate, chain_.root}));
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_TRUE(HasCode(r, "trust_anchor.no_trusted_root", Severity::kWarning));
}

class RecordingSink : public WarningSink {
 public:
  void OnWarning(const PeerName&, const Finding& f) override { codes.push_back(f.code); }
  std::vector<std::string> codes;
};

TEST_F(ValidatorTest, WarningsReachTheSink) {
  CertSpec spec = testpki::LeafSpec("example.test", kNow);
  spec.not_after = kNow - absl::Hours(1);
  ValidationRequest req = Request({chain_.intermediate});
  req.leaf = chain_.intermediate_ca().Issue(spec, chain_.leaf_key);
  auto sink = std::make_shared<RecordingSink>();
  ValidatorOptions options;
  options.policy.set_global(Mode::kWarn);
  options.warning_sink = sink;
  EXPECT_TRUE(Validate(req, options).valid);
  EXPECT_EQ(sink->codes, std::vector<std::string>{"validity.expired"});
}

class FixedHook : public Hook {
 public:
  explicit FixedHook(absl::StatusOr<HookVerdict> verdict, int* calls = nullptr)
      : verdict_(verdict), calls_(calls) {}
  absl::string_view name() const override { return "fixed"; }
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override {
    if (calls_) ++*calls_;
    seen_result = ctx.builtin_result != nullptr;
    return verdict_;
  }
  mutable bool seen_result = false;

 private:
  absl::StatusOr<HookVerdict> verdict_;
  int* calls_;
};

TEST_F(ValidatorTest, PreHookAcceptReplacesValidation) {
  ValidatorOptions options;
  options.pre_hooks.push_back(std::make_shared<FixedHook>(HookVerdict::kDefer));
  options.pre_hooks.push_back(std::make_shared<FixedHook>(HookVerdict::kAccept));
  ValidationResult r = Validate(Request({}), options);  // no path exists, the hook decides
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(r.decider, Decider::kHook);
  EXPECT_EQ(r.paths_evaluated, 0);
}

TEST_F(ValidatorTest, PostHookSeesResultAndCanVeto) {
  auto hook = std::make_shared<FixedHook>(HookVerdict::kReject);
  ValidatorOptions options;
  options.post_hooks.push_back(hook);
  ValidationResult r = Validate(Request({chain_.intermediate}), options);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(hook->seen_result);
  EXPECT_TRUE(HasCode(r, "hooks.rejected", Severity::kError));
}

TEST_F(ValidatorTest, FailingHookRejectsUnderEnforceWarnsUnderWarn) {
  ValidatorOptions options;
  options.pre_hooks.push_back(
      std::make_shared<FixedHook>(absl::InternalError("backend unreachable")));
  ValidationResult enforce = Validate(Request({chain_.intermediate}), options);
  EXPECT_FALSE(enforce.valid);
  EXPECT_TRUE(HasCode(enforce, "hooks.hook_failed", Severity::kError));

  options.policy.Set("hooks", Mode::kWarn);
  ValidationResult warn = Validate(Request({chain_.intermediate}), options);
  EXPECT_TRUE(warn.valid) << Codes(warn);  // falls through to the built-in chain
  EXPECT_TRUE(HasCode(warn, "hooks.hook_failed", Severity::kWarning));
}

TEST_F(ValidatorTest, MalformedLeafIsAFindingNotACrash) {
  ValidationRequest req = Request({});
  req.leaf = "not a certificate";
  ValidationResult r = Validate(req);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "parse.malformed_leaf", Severity::kError)) << Codes(r);
}

TEST_F(ValidatorTest, TooManyCertificatesIsRefused) {
  std::vector<std::string> many(100, chain_.intermediate);
  ValidationResult r = Validate(Request(many));
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "limits.too_many_certificates", Severity::kError)) << Codes(r);
}

}  // namespace
}  // namespace certval
