// Every finding code certval can produce, one table row each: how to provoke it, the expected code,
// certificate index and severity, and a word its message must contain (the certificate, field or
// value it is about). Then:
//   - the table covers the registry (validator/codes.h), so a new code without a row fails here;
//   - the registry is well formed: "<check>.<id>", each check a name certval reserves;
//   - Certificate::Parse errors name the field path ("tbsCertificate.validity.notBefore at offset
//   N").
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "certval/hooks/pinning_hook.h"
#include "certval/hooks/plugin_loader.h"
#include "certval/hooks/trust_any_hook.h"
#include "certval/testing/pki/der_builder.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/codes.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

// Every code the library produces: the registry, and the one a plugin check gets when it reports
// without a code of its own (hooks/plugin_loader.cc: "<check name>.failed").
const std::set<std::string>& AllCodes() {
  static const auto* const codes = [] {
    auto* set = new std::set<std::string>{"<plugin check>.failed"};
    for (const FindingCode& code : AllFindingCodes()) set->insert(std::string(code.text()));
    return set;
  }();
  return *codes;
}

// Codes this test does not provoke, and why (printed, not silently skipped).
const std::vector<std::pair<std::string, std::string>> kNotProducedHere = {
    {"tls.no_peer_certificate",
     "made by the TLS binding's verify callback when the peer sent no certificate; needs a TLS "
     "handshake, and BoringSSL does not call the callback for an empty chain in the flows "
     "//tests/tls exercises"},
    {"limits.path_too_deep",
     "needs a chain of more than 32 intermediates; asserted in //tests:limits_test "
     "(ChainDeeperThanTheAbsoluteCapIsRejected)"},
};

// ---- DER helpers for hand-made fields ---------------------------------------------------------

using testpki::RsaSpki;
using testpki::Tlv;

std::string Seq(const std::string& c) { return Tlv(0x30, c); }
std::string Oid(const std::string& bytes) { return Tlv(0x06, bytes); }
std::string Bits(const std::string& bytes) { return Tlv(0x03, std::string(1, '\0') + bytes); }

const std::string kEcPublicKey = "\x2a\x86\x48\xce\x3d\x02\x01";
const std::string kUncompressedPoint = "\x04" + std::string(64, '\x01');

// A SubjectPublicKeyInfo for an EC key with `params` (no need for a real point: the leaf's key
// verifies nothing in these paths).
std::string EcSpki(const std::string& params) {
  return Seq(Seq(Oid(kEcPublicKey) + params) + Bits(kUncompressedPoint));
}

// Replaces the one occurrence of `from` in `der` (aborts the test fixture if it is not unique).
std::string Patch(std::string der, const std::string& from, const std::string& to) {
  const size_t at = der.find(from);
  if (at == std::string::npos || der.find(from, at + 1) != std::string::npos) {
    ADD_FAILURE() << "fixture: the bytes to patch are not there exactly once";
    return der;
  }
  return der.replace(at, from.size(), to);
}

// ---- The environment every row runs in --------------------------------------------------------

class RecordingSink : public WarningSink {
 public:
  void OnWarning(const PeerName&, const Finding& f) override { warnings.push_back(f); }
  std::vector<Finding> warnings;
};

// root -> intermediate -> leaf "example.test" (P-256), a store trusting the root, and helpers.
class Env {
 public:
  Env() : chain(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)) {}

  CertSpec LeafSpec(std::string host = "example.test") const {
    return testpki::LeafSpec(host, kNow);
  }
  std::string Leaf(const CertSpec& spec) const {
    return chain.intermediate_ca().Issue(spec, chain.leaf_key);
  }
  ValidationRequest Request(std::string leaf) const {
    ValidationRequest r;
    r.leaf = std::move(leaf);
    r.intermediates = {chain.intermediate};
    r.peer_name = PeerName::Dns("example.test");
    r.time = kNow;
    return r;
  }
  // The chain's root -> an intermediate made from `ica` -> a leaf made from `leaf`.
  ValidationRequest UnderIntermediate(const CertSpec& ica, const CertSpec& leaf) const {
    TestCa ca = chain.root_ca().IssueCa(ica, Key::Cached(KeyKind::kEcP256, 40));
    ValidationRequest r = Request(ca.Issue(leaf, chain.leaf_key));
    r.intermediates = {ca.cert_der()};
    return r;
  }
  std::shared_ptr<TrustStore> Store(
      const std::string& root_der,
      std::shared_ptr<const AnchorConstraints> constraints = nullptr) const {
    auto store = std::make_shared<TrustStore>();
    auto root = Certificate::Parse(root_der);
    EXPECT_TRUE(root.ok()) << root.status();
    if (root.ok()) store->AddRoot(*root, std::move(constraints), origin);
    return store;
  }
  // A root made from `root_spec` (trusted) -> intermediate -> the default leaf.
  std::vector<Finding> UnderRoot(const CertSpec& root_spec) {
    TestCa root = TestCa::Root(root_spec, Key::Cached(KeyKind::kEcP256, 41));
    TestCa ca = root.IssueCa(testpki::IntermediateSpec("Row Intermediate", kNow),
                             Key::Cached(KeyKind::kEcP256, 42));
    ValidationRequest r = Request(ca.Issue(LeafSpec(), chain.leaf_key));
    r.intermediates = {ca.cert_der()};
    return Run(r, {}, Store(root.cert_der()));
  }

  // Validates and returns the result's findings followed by the warnings the sink received.
  std::vector<Finding> Run(const ValidationRequest& r, ValidatorOptions options = {},
                           std::shared_ptr<TrustStore> store = nullptr) {
    if (options.warning_sink == nullptr) options.warning_sink = sink;
    if (store == nullptr) store = Store(chain.root);
    ValidationResult result = Validator(store, options).Validate(r);
    std::vector<Finding> all = result.findings;
    all.insert(all.end(), sink->warnings.begin(), sink->warnings.end());
    return all;
  }

  testpki::Chain chain;
  std::shared_ptr<RecordingSink> sink = std::make_shared<RecordingSink>();
  // The rows' roots are a root program's, so that the BRs' issuance rules are errors; the same rows
  // run again below a private root (BelowAPrivateRootOnlyIssuanceRulesAreAdvisory).
  AnchorOrigin origin = AnchorOrigin::kRootProgram;
};

class FixedHook : public Hook {
 public:
  explicit FixedHook(absl::StatusOr<HookVerdict> verdict) : verdict_(std::move(verdict)) {}
  absl::string_view name() const override { return "row_hook"; }
  absl::StatusOr<HookVerdict> Decide(const HookContext&) const override { return verdict_; }

 private:
  absl::StatusOr<HookVerdict> verdict_;
};

// A Fetcher that answers every fetch the same way, for the fetch.* rows (no network).
class FixedFetcher : public Fetcher {
 public:
  explicit FixedFetcher(absl::StatusOr<FetchResponse> answer) : answer_(std::move(answer)) {}
  absl::StatusOr<FetchResponse> Fetch(const FetchRequest&) const override { return answer_; }

 private:
  absl::StatusOr<FetchResponse> answer_;
};

// A leaf whose intermediate is not presented, only named by its caIssuers URL; fetching through
// `answer` when given.
std::vector<Finding> AiaOnly(Env& e, std::optional<absl::StatusOr<FetchResponse>> answer,
                             ValidatorOptions o = {}) {
  CertSpec s = e.LeafSpec();
  s.extra.push_back(testpki::AiaExtension({}, {"http://ca.example.test/ica.cer"}));
  ValidationRequest r = e.Request(e.Leaf(s));
  r.intermediates.clear();
  if (answer) o.fetch = std::make_shared<FixedFetcher>(*std::move(answer));
  return e.Run(r, o);
}

ValidatorOptions WithPreHook(absl::StatusOr<HookVerdict> verdict) {
  ValidatorOptions o;
  o.pre_hooks.push_back(std::make_shared<FixedHook>(std::move(verdict)));
  return o;
}

std::string Runfile(absl::string_view path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir ? srcdir : ".", "/", workspace ? workspace : "certval", "/", path);
}

// ---- The table --------------------------------------------------------------------------------

struct Row {
  std::string code;
  int cert_index;
  Severity severity;
  std::string mentions;  // the message must contain this (what the finding is about)
  std::function<std::vector<Finding>(Env&)> produce;
};

std::vector<Row> Rows() {
  const Severity E = Severity::kError;
  std::vector<Row> rows = {
      // --- validator/validation_run.cc, request_input.cc ---
      {"limits.input_too_large", -1, E, "exceeds the limit of 100", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_input_bytes = 100;
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"limits.too_many_certificates", -1, E, "2 certificates presented", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_input_certificates = 1;
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"parse.malformed_leaf", 0, E, "certificate at offset 0", [](Env& e) {
         return e.Run(e.Request("not a certificate"));
       }},
      {"parse.malformed_intermediate", -1, Severity::kInfo, "intermediate #1", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.intermediates.insert(r.intermediates.begin(), "junk");
         return e.Run(r);
       }},
      {"trust_anchor.distrusted", 0, E, "leaf", [](Env& e) {
         auto store = e.Store(e.chain.root);
         store->Distrust(**Certificate::Parse(e.chain.leaf));
         return e.Run(e.Request(e.chain.leaf), {}, store);
       }},
      {"trust_anchor.no_trusted_root", 0, E, "trusted root", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.intermediates.clear();
         return e.Run(r);
       }},
      {"configuration.invalid", -1, E, "'validty'", [](Env& e) {
         ValidatorOptions o;
         o.policy.Set("validty", Mode::kWarn);
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"policy.checks_disabled", -1, Severity::kWarning, "validity", [](Env& e) {
         ValidatorOptions o;
         o.policy.Set("validity", Mode::kDisable);
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      // --- validator/budget.cc ---
      {"limits.too_many_signatures", -1, E, "signature verifications", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_signature_checks = 1;
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"limits.too_many_build_steps", -1, E, "issuer candidates", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_build_steps = 1;
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"limits.too_many_paths", -1, E, "candidate paths", [](Env& e) {
         CertSpec expired = e.LeafSpec();
         expired.not_after = kNow - absl::Hours(1);
         ValidatorOptions o;
         o.limits.max_paths_evaluated = 1;
         // Two copies of the intermediate: the second path goes over the limit.
         ValidationRequest r = e.Request(e.Leaf(expired));
         TestCa other = e.chain.root_ca().IssueCa(
             testpki::IntermediateSpec("certval Test Intermediate CA", kNow), e.chain.intermediate_key);
         r.intermediates.push_back(other.cert_der());
         return e.Run(r, o);
       }},
      {"limits.deadline_exceeded", -1, E, "deadline", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.deadline = absl::InfinitePast();
         return e.Run(r);
       }},
      {"hooks.hook_failed", -1, E, "row_hook", [](Env& e) {
         return e.Run(e.Request(e.chain.leaf), WithPreHook(absl::UnavailableError("backend down")));
       }},
      {"hooks.accepted", -1, Severity::kInfo, "row_hook", [](Env& e) {
         return e.Run(e.Request(e.chain.leaf), WithPreHook(HookVerdict::kAccept));
       }},
      {"hooks.rejected", -1, E, "row_hook", [](Env& e) {
         return e.Run(e.Request(e.chain.leaf), WithPreHook(HookVerdict::kReject));
       }},
      // --- hooks/: warnings that go to the sink ---
      {"hooks.trust_any", -1, Severity::kWarning, "disabled", [](Env& e) {
         ValidatorOptions o;
         o.pre_hooks.push_back(std::make_shared<TrustAnyHook>(e.sink));
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"pinning.mismatch", -1, Severity::kWarning, "example.test", [](Env& e) {
         PinSet pins;
         EXPECT_TRUE(pins.Add("example.test", std::string(32, '\x01')).ok());
         ValidatorOptions o;
         o.post_hooks.push_back(std::make_shared<PinningHook>(pins, Mode::kWarn, e.sink));
         return e.Run(e.Request(e.chain.leaf), o);
       }},
      {"<plugin check>.failed", -1, E, "without a code", [](Env& e) {
         absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Runfile("tests/hooks/plugins/liberror_codes_plugin.so"));
         EXPECT_TRUE(plugin.ok()) << plugin.status();
         if (!plugin.ok()) return std::vector<Finding>{};
         ValidatorOptions o;
         o.custom_checks.push_back(plugin->check);
         std::vector<Finding> found = e.Run(e.Request(e.chain.leaf), o);
         for (Finding& f : found) {  // the code carries the plugin's check name
           if (f.code != "error_codes_plugin.failed") continue;
           f.check = "<plugin check>";
           f.code = "<plugin check>.failed";
         }
         return found;
       }},
      // --- signature ---
      {"signature.invalid", 0, E, "certificate 1", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.corrupt_signature = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"signature.weak_algorithm", 0, E, "ecdsa-with-SHA1", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.hash = testpki::SigHash::kSha1;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"signature.algorithm_not_allowed", 0, E, "Ed25519", [](Env& e) {
         // An Ed25519 intermediate signs the leaf: under the web PKI profile, refused.
         TestCa ed = e.chain.root_ca().IssueCa(testpki::IntermediateSpec("Ed CA", kNow),
                                               Key::Cached(KeyKind::kEd25519, 44));
         ValidationRequest r = e.Request(ed.Issue(e.LeafSpec(), e.chain.leaf_key));
         r.intermediates = {ed.cert_der()};
         return e.Run(r);
       }},
      {"signature.unsupported_algorithm", 0, E, "2a8648ce3d040305", [](Env& e) {
         // ecdsa-with-SHA256's OID with its last arc changed to 5 (unassigned), in both copies.
         const std::string good = Seq(Oid("\x2a\x86\x48\xce\x3d\x04\x03\x02"));
         const std::string odd = Seq(Oid("\x2a\x86\x48\xce\x3d\x04\x03\x05"));
         CertSpec s = e.LeafSpec();
         s.tbs_signature_algorithm_override = odd;
         return e.Run(e.Request(Patch(e.Leaf(s), good, odd)));
       }},
      // --- public_key ---
      {"public_key.rsa_too_small", 0, E, "1024 bits", [](Env& e) {
         return e.Run(e.Request(e.chain.intermediate_ca().Issue(e.LeafSpec(),
                                                                Key::Cached(KeyKind::kRsa1024))));
       }},
      {"public_key.rsa_not_multiple_of_8", 0, E, "2049 bits", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.spki_override = RsaSpki(2049);
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"public_key.ec_explicit_curve", 0, E, "explicit curve", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.spki_override = EcSpki(Seq(Tlv(0x02, "\x01")));
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"public_key.ec_curve_not_allowed", 0, E, "1.3.132.0.10", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.spki_override = EcSpki(Oid(std::string("\x2b\x81\x04\x00\x0a", 5)));  // secp256k1
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"public_key.key_type_not_allowed", 0, E, "unrecognised key algorithm", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.spki_override = Seq(Seq(Oid("\x2a\x03\x04")) + Bits("\x01\x02"));  // OID 1.2.3.4
         return e.Run(e.Request(e.Leaf(s)));
       }},
      // --- validity ---
      {"validity.not_yet_valid", 0, E, "notBefore", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.not_before = kNow + absl::Hours(1);
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"validity.expired", 0, E, "notAfter", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.not_after = kNow - absl::Hours(1);
         return e.Run(e.Request(e.Leaf(s)));
       }},
      // --- basic_constraints ---
      {"basic_constraints.not_ca", 1, E, "cA=FALSE", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow, std::nullopt);
         ica.ca = false;
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"basic_constraints.missing", 1, E, "no basicConstraints", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow, std::nullopt);
         ica.ca.reset();
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"basic_constraints.not_critical", 1, E, "non-critical basicConstraints", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.basic_constraints_critical = false;
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"basic_constraints.path_len_without_ca", 0, E, "pathLenConstraint 0", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.ca = false;
         s.path_len = 0;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"basic_constraints.ca_as_leaf", 0, E, "cA=TRUE", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.ca = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"basic_constraints.path_len_exceeded", 2, E, "pathLenConstraint 0", [](Env& e) {
         // The chain's intermediate has pathLen 0; put one more CA under it.
         TestCa sub = e.chain.intermediate_ca().IssueCa(
             testpki::IntermediateSpec("Row Sub CA", kNow, std::nullopt),
             Key::Cached(KeyKind::kEcP256, 43));
         ValidationRequest r = e.Request(sub.Issue(e.LeafSpec(), e.chain.leaf_key));
         r.intermediates = {sub.cert_der(), e.chain.intermediate};
         return e.Run(r);
       }},
      // --- key_usage ---
      {"key_usage.missing_key_cert_sign", 1, E, "without keyCertSign", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.key_usage = testpki::kKuCrlSign;
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"key_usage.key_cert_sign_without_ca", 0, E, "keyCertSign", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.key_usage = testpki::kKuDigitalSignature | testpki::kKuKeyCertSign;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"key_usage.missing_required_usage", 0, E, "keyEncipherment", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.required_key_usage = kKeyEncipherment;
         return e.Run(r);
       }},
      // --- ext_key_usage ---
      {"ext_key_usage.purpose_not_allowed", 0, E, "serverAuth", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.eku = std::vector<std::string>{"clientAuth"};
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"ext_key_usage.missing", 0, E, "no extKeyUsage", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.eku.reset();
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"ext_key_usage.critical", 0, E, "critical", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.eku_critical = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"ext_key_usage.any_eku", 0, E, "anyExtendedKeyUsage", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.eku = std::vector<std::string>{"serverAuth", "anyExtendedKeyUsage"};
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"ext_key_usage.forbidden_in_leaf", 0, E, "codeSigning, OCSPSigning", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.eku = std::vector<std::string>{"serverAuth", "codeSigning", "OCSPSigning"};
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"ext_key_usage.root_has_eku", 2, E, "the root has extKeyUsage", [](Env& e) {
         CertSpec root = testpki::RootSpec("Row Root", kNow);
         root.eku = std::vector<std::string>{"serverAuth"};
         return e.UnderRoot(root);
       }},
      {"ext_key_usage.anchor_disallows_purpose", 2, E, "1.3.6.1.5.5.7.3.2", [](Env& e) {
         auto constraints = std::make_shared<AnchorConstraints>();
         constraints->allowed_ekus = {"\x2b\x06\x01\x05\x05\x07\x03\x02"};  // clientAuth only
         return e.Run(e.Request(e.chain.leaf), {}, e.Store(e.chain.root, constraints));
       }},
      // --- trust_anchor (validator/checks/trust_anchor_check.cc: the anchor's metadata) ---
      {"trust_anchor.purpose_not_trusted", 2, E, "not trusted for TLS", [](Env& e) {
         auto constraints = std::make_shared<AnchorConstraints>();
         constraints->trusted_for_server = false;  // an email-only root
         return e.Run(e.Request(e.chain.leaf), {}, e.Store(e.chain.root, constraints));
       }},
      {"trust_anchor.distrusted_after", 0, E, "distrust-after date", [](Env& e) {
         auto constraints = std::make_shared<AnchorConstraints>();
         constraints->server_distrust_after =
             (*Certificate::Parse(e.chain.leaf))->not_before() - absl::Seconds(1);
         return e.Run(e.Request(e.chain.leaf), {}, e.Store(e.chain.root, constraints));
       }},
      {"trust_anchor.leaf_validity_too_long", 0, E, "longer than the trust anchor allows",
       [](Env& e) {
         auto constraints = std::make_shared<AnchorConstraints>();
         constraints->max_leaf_validity = absl::Hours(1);
         return e.Run(e.Request(e.chain.leaf), {}, e.Store(e.chain.root, constraints));
       }},
      // --- name_constraints (on an intermediate over the default leaf "example.test") ---
      {"name_constraints.invalid_constraint", 1, E, "'*.example.test'", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{"*.example.test"}, {}, {}, {}, {}};
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"name_constraints.unsupported_name_form", 0, E, "registeredID", [](Env& e) {
         // registeredID 1.2.3.4, permitted by the CA and presented by the leaf next to its dNSName.
         const std::string registered_id = Tlv(0x88, "\x2a\x03\x04");
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back({"2.5.29.30", true, Seq(Tlv(0xa0, Seq(registered_id)))});
         CertSpec leaf = e.LeafSpec();
         leaf.dns_sans.clear();
         leaf.extra.push_back({"2.5.29.17", false, Seq(Tlv(0x82, "example.test") + registered_id)});
         return e.Run(e.UnderIntermediate(ica, leaf));
       }},
      {"name_constraints.uri_without_dns_host", 0, E, "'https://10.0.0.1/'", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{}, {}, {".example.test"}, {}, {}};
         CertSpec leaf = e.LeafSpec();
         leaf.uri_sans = {"https://10.0.0.1/"};
         return e.Run(e.UnderIntermediate(ica, leaf));
       }},
      {"limits.too_many_name_comparisons", -1, E, "name-constraint comparisons", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{"example.test"}, {}, {}, {}, {}};
         ValidatorOptions o;
         o.limits.max_name_comparisons = 1;
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()), o);
       }},
      // --- certificate_policies ---
      {"certificate_policies.explicit_policy_required", 0, E, "explicit policy", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         ica.extra.push_back({"2.5.29.36", true, std::string("\x30\x03\x80\x01\x00", 5)});
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"certificate_policies.any_policy_mapped", 1, E, "anyPolicy", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back(testpki::PoliciesExtension({"2.5.29.32.0"}));
         // policyMappings { { anyPolicy, 1.3.6.1.4.1.55738.2 } }
         ica.extra.push_back({"2.5.29.33", true,
                              Seq(Seq(Oid(std::string("\x55\x1d\x20\x00", 4)) + Oid("\x2b\x06\x01\x04\x01\x83\xb3\x3a\x02")))});
         CertSpec leaf = e.LeafSpec();
         leaf.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         return e.Run(e.UnderIntermediate(ica, leaf));
       }},
      {"certificate_policies.no_acceptable_policy", -1, E, "user_initial_policy_set", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         CertSpec leaf = e.LeafSpec();
         leaf.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         ValidationRequest r = e.UnderIntermediate(ica, leaf);
         r.policy.initial_explicit_policy = true;
         r.policy.user_initial_policy_set = {"\x2b\x06\x01\x04\x01\x83\xb3\x3a\x03"};
         return e.Run(r);
       }},
      {"certificate_policies.unknown_critical_qualifier", 1, E, "qualifier", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         // { { 1.3.6.1.4.1.55738.2, { { 1.2.3.4, NULL } } } }, critical
         ica.extra.push_back({"2.5.29.32", true,
                              Seq(Seq(Oid("\x2b\x06\x01\x04\x01\x83\xb3\x3a\x02") +
                                      Seq(Seq(Oid("\x2a\x03\x04") + std::string("\x05\x00", 2)))))});
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"limits.too_many_policy_nodes", -1, E, "policy graph", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         ica.extra.push_back({"2.5.29.36", true, std::string("\x30\x03\x80\x01\x00", 5)});
         CertSpec leaf = e.LeafSpec();
         leaf.extra.push_back(testpki::PoliciesExtension({"1.3.6.1.4.1.55738.2"}));
         ValidatorOptions o;
         o.limits.max_policy_nodes = 1;
         return e.Run(e.UnderIntermediate(ica, leaf), o);
       }},
      {"name_constraints.invalid_name", 0, E, "'bad..example.test'", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{"example.test"}, {}, {}, {}, {}};
         CertSpec leaf = e.LeafSpec();
         leaf.dns_sans.push_back("bad..example.test");
         return e.Run(e.UnderIntermediate(ica, leaf));
       }},
      {"name_constraints.excluded", 0, E, "'example.test'", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_excluded = CertSpec::Subtrees{{"example.test"}, {}, {}, {}, {}};
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"name_constraints.not_permitted", 0, E, "'example.test'", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{"other.test"}, {}, {}, {}, {}};
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      // --- peer_name ---
      {"peer_name.invalid_reference", -1, E, "'not a host!'", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.peer_name = PeerName::Dns("not a host!");
         return e.Run(r);
       }},
      {"peer_name.no_san", 0, E, "no subjectAltName", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.dns_sans.clear();
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"peer_name.mismatch", 0, E, "'other.test'", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.peer_name = PeerName::Dns("other.test");
         return e.Run(r);
       }},
      {"peer_name.missing", -1, E, "PeerName::Any()", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.peer_name = PeerName{};
         return e.Run(r);
       }},
      // --- critical_extensions ---
      {"critical_extensions.unrecognized", 0, E, "1.2.3.4", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.extra.push_back({"1.2.3.4", true, std::string("\x05\x00", 2)});
         return e.Run(e.Request(e.Leaf(s)));
       }},
      // --- certificate_profile ---
      {"certificate_profile.serial_negative", 0, E, "0xff01", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.serial = std::string("\xff\x01", 2);
         s.serial_verbatim = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.serial_zero", 0, E, "serialNumber is 0", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.serial = std::string(1, '\0');
         s.serial_verbatim = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.serial_too_long", 0, E, "21 octets", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.serial = std::string(21, '\x01');
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.san_critical", 0, E, "subjectAltName is critical", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.san_critical = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.ca_subject_empty", 0, E, "empty subject", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.subject = {};
         s.san_critical = true;
         s.ca = true;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.san_missing_for_empty_subject", 0, E, "no subjectAltName",
       [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.subject = {};
         s.dns_sans.clear();
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.san_not_critical_with_empty_subject", 0, E, "not critical",
       [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.subject = {};
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.aki_critical", 0, E, "authorityKeyIdentifier is critical", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.authority_key_id = false;
         s.extra.push_back({"2.5.29.35", true, Seq(Tlv(0x80, std::string(20, '\x07')))});
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.aki_missing", 0, E, "no authorityKeyIdentifier", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.authority_key_id = false;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.aki_missing_key_id", 0, E, "no keyIdentifier", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.authority_key_id = false;
         s.extra.push_back({"2.5.29.35", false, Seq("")});
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.root_aki_missing_key_id", 2, E, "root's authorityKeyIdentifier",
       [](Env& e) {
         CertSpec root = testpki::RootSpec("Row Root", kNow);
         root.authority_key_id = false;
         root.extra.push_back({"2.5.29.35", false, Seq("")});
         return e.UnderRoot(root);
       }},
      {"certificate_profile.root_aki_ski_mismatch", 2, E, "0707070707", [](Env& e) {
         CertSpec root = testpki::RootSpec("Row Root", kNow);
         root.authority_key_id_override = std::string(20, '\x07');
         return e.UnderRoot(root);
       }},
      {"certificate_profile.root_aki_issuer_serial", 2, E, "authorityCertSerialNumber",
       [](Env& e) {
         CertSpec root = testpki::RootSpec("Row Root", kNow);
         root.authority_key_id = false;
         // keyIdentifier, authorityCertIssuer (directoryName: its own name), serial 1.
         const std::string issuer = Tlv(0xa1, Tlv(0xa4, testpki::EncodeName(root.subject)));
         root.extra.push_back({"2.5.29.35", false,
                               Seq(Tlv(0x80, std::string(20, '\x07')) + issuer + Tlv(0x82, "\x01"))});
         return e.UnderRoot(root);
       }},
      {"certificate_profile.ski_critical", 0, E, "subjectKeyIdentifier is critical", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.subject_key_id = false;
         s.extra.push_back({"2.5.29.14", true, Tlv(0x04, std::string(20, '\x07'))});
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.ski_missing", 1, E, "without subjectKeyIdentifier", [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.subject_key_id = false;
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"certificate_profile.aia_critical", 0, E, "authorityInfoAccess is critical", [](Env& e) {
         CertSpec s = e.LeafSpec();
         testpki::RawExtension aia = testpki::AiaExtension({"http://ocsp.example.test"}, {});
         aia.critical = true;
         s.extra.push_back(aia);
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.policy_constraints_not_critical", 1, E, "policyConstraints",
       [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.extra.push_back({"2.5.29.36", false, Seq(Tlv(0x80, std::string(1, '\0')))});
         return e.Run(e.UnderIntermediate(ica, e.LeafSpec()));
       }},
      {"certificate_profile.name_constraints_in_ee", 0, E, "not a CA", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.nc_permitted = CertSpec::Subtrees{{"example.test"}, {}, {}, {}, {}};
         return e.Run(e.Request(e.Leaf(s)));
       }},
      {"certificate_profile.name_constraints_not_critical", 1, E, "nameConstraints is not critical",
       [](Env& e) {
         CertSpec ica = testpki::IntermediateSpec("Row CA", kNow);
         ica.nc_permitted = CertSpec::Subtrees{{"example.test"}, {}, {}, {}, {}};
         ica.nc_critical = false;
         ValidationRequest r = e.UnderIntermediate(ica, e.LeafSpec());
         r.profile = Profile::kRfc5280Strict;
         return e.Run(r);
       }},
      {"certificate_profile.cn_not_in_san", 0, E, "\"example.test\"", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.dns_sans = {"www.example.test"};
         ValidationRequest r = e.Request(e.Leaf(s));
         r.peer_name = PeerName::Dns("www.example.test");
         return e.Run(r);
       }},
      {"certificate_profile.not_v3", 0, E, "v1 certificate", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.version = 1;
         return e.Run(e.Request(e.Leaf(s)));
       }},
      // --- revocation (validator/checks/revocation_check.cc, validator/validation_run.cc) ---
      {"revocation.revoked", 0, E, "keyCompromise", [](Env& e) {
         testpki::CrlSpec crl = testpki::CrlSpecFor(e.chain.intermediate_ca(), kNow);
         crl.entries.push_back({testpki::SerialOf(e.chain.leaf), kNow - absl::Hours(1),
                                testpki::kReasonKeyCompromise, std::nullopt, {}});
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {testpki::IssueCrl(crl, e.chain.intermediate_key)};
         return e.Run(r);
       }},
      {"revocation.unknown", 1, Severity::kWarning, "no CRL covers it", [](Env& e) {
         // The leaf's CRL only: the intermediate has no status (soft-fail: a warning).
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {testpki::IssueCrl(testpki::CrlSpecFor(e.chain.intermediate_ca(), kNow),
                                     e.chain.intermediate_key)};
         return e.Run(r);
       }},
      {"revocation.must_staple_missing", 0, E, "RFC 7633", [](Env& e) {
         CertSpec s = e.LeafSpec();
         s.extra.push_back({"1.3.6.1.5.5.7.1.24", false, std::string("\x30\x03\x02\x01\x05", 5)});
         ValidationRequest r = e.Request(e.Leaf(s));
         r.stapled_ocsp = "";  // a TLS handshake in which the server stapled nothing
         return e.Run(r);
       }},
      {"parse.malformed_ocsp_response", -1, Severity::kInfo, "OCSP response #1", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.ocsp_responses = {"not an OCSP response"};
         return e.Run(r);
       }},
      {"parse.malformed_crl", -1, Severity::kInfo, "CRL #1", [](Env& e) {
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {"not a CRL"};
         return e.Run(r);
       }},
      {"limits.too_many_revocation_inputs", -1, E, "CRLs and OCSP responses", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_revocation_inputs = 1;
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {"a", "b"};
         return e.Run(r, o);
       }},
      {"limits.revocation_input_too_large", -1, E, "revocation data of 20 bytes", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_revocation_input_bytes = 10;
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {std::string(20, 'x')};
         return e.Run(r, o);
       }},
      {"limits.too_many_revocation_steps", -1, E, "revocation steps", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_revocation_steps = 1;  // the first entry parsed is over it
         testpki::CrlSpec crl = testpki::CrlSpecFor(e.chain.intermediate_ca(), kNow);
         crl.entries.push_back({"\x01", kNow, std::nullopt, std::nullopt, {}});
         ValidationRequest r = e.Request(e.chain.leaf);
         r.crls = {testpki::IssueCrl(crl, e.chain.intermediate_key)};
         return e.Run(r, o);
       }},
      // --- fetching (validator/fetch_session.cc, validator/budget.cc) ---
      {"fetch.issuer_not_fetched", 0, E, "http://ca.example.test/ica.cer",
       [](Env& e) { return AiaOnly(e, std::nullopt); }},
      {"fetch.failed", 0, Severity::kWarning, "connection refused",
       [](Env& e) { return AiaOnly(e, absl::UnavailableError("connection refused")); }},
      {"fetch.unusable", 0, Severity::kWarning, "neither a DER certificate",
       [](Env& e) { return AiaOnly(e, FetchResponse{"junk", std::nullopt, false}); }},
      {"fetch.too_many_fetches", -1, Severity::kWarning, "more than 0 fetches", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_fetches = 0;
         return AiaOnly(e, absl::UnavailableError("never asked"), o);
       }},
      {"fetch.too_many_bytes", -1, Severity::kWarning, "more than 10 bytes fetched", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_fetch_bytes = 10;
         return AiaOnly(e, absl::ResourceExhaustedError("body over 10 bytes"), o);
       }},
      {"fetch.deadline_exceeded", -1, Severity::kWarning, "the time for fetching", [](Env& e) {
         ValidatorOptions o;
         o.limits.max_fetch_time = absl::ZeroDuration();
         return AiaOnly(e, absl::UnavailableError("never asked"), o);
       }},
  };
  return rows;
}

void PrintTo(const Row& row, std::ostream* os) { *os << row.code; }  // for gtest's messages

std::string Describe(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) absl::StrAppend(&out, "  ", FormatFinding(f), "\n");
  return out;
}

class ErrorCodeRowTest : public ::testing::TestWithParam<Row> {};

TEST_P(ErrorCodeRowTest, ProducesItsCodeWithAClearMessage) {
  const Row& row = GetParam();
  Env env;
  std::vector<Finding> findings = row.produce(env);
  const Finding* found = nullptr;
  for (const Finding& f : findings) {
    if (f.code == row.code) found = &f;
  }
  ASSERT_NE(found, nullptr) << "no " << row.code << " among:\n" << Describe(findings);
  std::cout << "[ FINDING ] " << FormatFinding(*found) << "\n";
  EXPECT_EQ(found->cert_index, row.cert_index) << FormatFinding(*found);
  EXPECT_EQ(found->severity, row.severity) << FormatFinding(*found);
  EXPECT_EQ(found->check + found->code.substr(found->code.find('.')), found->code)
      << "the code starts with the check's name";
  EXPECT_FALSE(found->message.empty());
  EXPECT_TRUE(absl::StrContains(found->message, row.mentions))
      << "message of " << row.code << " should mention \"" << row.mentions
      << "\": " << found->message;
}

// The codes of the Baseline Requirements' issuance rules under webpki: advisory warnings on a path
// to a private anchor (README "Profiles"). Every other code keeps its severity there.
const std::set<std::string> kIssuanceCodes = {
    "basic_constraints.not_critical",
    "basic_constraints.path_len_without_ca",
    "basic_constraints.ca_as_leaf",
    "ext_key_usage.root_has_eku",
    "certificate_profile.serial_negative",
    "certificate_profile.serial_zero",
    "certificate_profile.serial_too_long",
    "certificate_profile.san_critical",
    "certificate_profile.ca_subject_empty",
    "certificate_profile.san_missing_for_empty_subject",
    "certificate_profile.san_not_critical_with_empty_subject",
    "certificate_profile.aki_critical",
    "certificate_profile.aki_missing",
    "certificate_profile.aki_missing_key_id",
    "certificate_profile.root_aki_missing_key_id",
    "certificate_profile.root_aki_ski_mismatch",
    "certificate_profile.root_aki_issuer_serial",
    "certificate_profile.ski_critical",
    "certificate_profile.ski_missing",
    "certificate_profile.aia_critical",
    "certificate_profile.policy_constraints_not_critical",
    "certificate_profile.name_constraints_in_ee",
    "certificate_profile.cn_not_in_san",
    "certificate_profile.not_v3",
    // Not certificate_profile.name_constraints_not_critical: its row runs under rfc5280_strict,
    // which holds every path to section 4.
};

TEST_P(ErrorCodeRowTest, BelowAPrivateRootOnlyIssuanceRulesAreAdvisory) {
  const Row& row = GetParam();
  Env env;
  env.origin = AnchorOrigin::kPrivate;
  std::vector<Finding> findings = row.produce(env);
  const Finding* found = nullptr;
  for (const Finding& f : findings) {
    if (f.code == row.code) found = &f;
  }
  ASSERT_NE(found, nullptr) << "no " << row.code << " among:\n" << Describe(findings);
  if (kIssuanceCodes.count(row.code)) {
    EXPECT_EQ(found->severity, Severity::kWarning) << FormatFinding(*found);
    EXPECT_TRUE(absl::StrContains(found->message, "[advisory: the trust anchor is private"))
        << FormatFinding(*found);
  } else {
    EXPECT_EQ(found->severity, row.severity) << FormatFinding(*found);
    EXPECT_FALSE(absl::StrContains(found->message, "[advisory")) << FormatFinding(*found);
  }
}

std::string RowName(const ::testing::TestParamInfo<Row>& info) {
  std::string name;
  for (char c : info.param.code) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(AllCodes, ErrorCodeRowTest, ::testing::ValuesIn(Rows()), RowName);

// ---- Coverage of the table and of the list ----------------------------------------------------

TEST(ErrorCodesTest, TableHasARowForEveryCode) {
  std::set<std::string> covered;
  for (const Row& row : Rows()) {
    EXPECT_TRUE(covered.insert(row.code).second) << "two rows for " << row.code;
    EXPECT_TRUE(AllCodes().count(row.code)) << row.code << " is not in the registry";
  }
  for (const auto& [code, why] : kNotProducedHere) {
    EXPECT_TRUE(AllCodes().count(code)) << code;
    EXPECT_FALSE(covered.count(code)) << code << " has a row after all: drop it from the list";
    covered.insert(code);
    std::cout << "[ NOT PRODUCED ] " << code << ": " << why << "\n";
  }
  for (const std::string& code : AllCodes()) {
    EXPECT_TRUE(covered.count(code)) << "no row (and no reason) for " << code;
  }
}

TEST(ErrorCodesTest, RegistryIsWellFormed) {
  std::set<std::string> seen;
  for (const FindingCode& code : AllFindingCodes()) {
    const std::string text(code.text());
    EXPECT_TRUE(seen.insert(text).second) << "registered twice: " << text;
    EXPECT_TRUE(std::regex_match(text, std::regex("[a-z0-9_]+\\.[a-z0-9_]+"))) << text;
    EXPECT_TRUE(IsReservedCheckName(code.check())) << text << ": its check is no name certval owns";
  }
  EXPECT_GE(seen.size(), 90u);
}

// ---- Certificate::Parse: errors name the field ------------------------------------------------

struct ParseRow {
  std::string name;
  std::string der;
  std::string path_re;  // regex for the path before " at offset N: "
};

std::vector<ParseRow> ParseRows() {
  Env e;
  const std::string leaf = e.chain.leaf;
  auto with = [&](const std::function<void(CertSpec&)>& edit) {
    CertSpec s = e.LeafSpec();
    s.not_before = absl::FromUnixSeconds(1767139200);  // 2025-12-31T00:00:00Z: 251231000000Z
    s.not_after = absl::FromUnixSeconds(1775001600);   // 2026-04-01T00:00:00Z: 260401000000Z
    edit(s);
    return e.Leaf(s);
  };
  auto signature_at = [](const std::string& der) {
    auto cert = Certificate::Parse(der);
    return static_cast<size_t>((*cert)->signature().data() - (*cert)->der().data());
  };
  std::string unused_bits = leaf;
  unused_bits[signature_at(leaf) - 1] = '\x01';  // the BIT STRING's unused-bits byte
  const std::string v3 = "\xa0\x03\x02\x01\x02";
  const std::string e_ext = R"(tbsCertificate\.extensions\[\d+\])";
  return {
      {"empty input", "", "certificate"},
      {"truncated", leaf.substr(0, leaf.size() - 1), "certificate"},
      {"trailing byte", leaf + std::string(1, '\0'), "certificate"},
      {"explicit v1", Patch(leaf, v3, "\xa0\x03\x02\x01" + std::string(1, '\0')),
       R"(tbsCertificate\.version)"},
      {"extensions in v2", Patch(leaf, v3, "\xa0\x03\x02\x01\x01"),
       R"(tbsCertificate\.extensions)"},
      {"empty serial", with([](CertSpec& s) {
         s.serial = "";
         s.serial_verbatim = true;
       }),
       R"(tbsCertificate\.serialNumber)"},
      {"padded serial", with([](CertSpec& s) {
         s.serial = std::string("\0\1", 2);
         s.serial_verbatim = true;
       }),
       R"(tbsCertificate\.serialNumber)"},
      {"inner algorithm differs", with([](CertSpec& s) {
         s.tbs_signature_algorithm_override = Seq(Oid("\x2a\x86\x48\xce\x3d\x04\x03\x03"));
       }),
       R"(tbsCertificate\.signature)"},
      {"empty issuer",
       testpki::IssueCertificate(e.LeafSpec(), e.chain.leaf_key, e.chain.intermediate_key,
                                 testpki::EncodeName({})),
       R"(tbsCertificate\.issuer)"},
      {"bad notBefore", Patch(with([](CertSpec&) {}), "251231000000Z", "2512310000001"),
       R"(tbsCertificate\.validity\.notBefore)"},
      {"bad notAfter", Patch(with([](CertSpec&) {}), "260401000000Z", "260401000000+"),
       R"(tbsCertificate\.validity\.notAfter)"},
      {"empty RDN in subject",
       with([](CertSpec& s) { s.subject = testpki::NameSpec::Raw(Seq(Tlv(0x31, ""))); }),
       R"(tbsCertificate\.subject)"},
      {"empty SubjectPublicKeyInfo", with([](CertSpec& s) {
         s.spki_override = Seq("");
         s.subject_key_id = false;  // the builder cannot hash a key that is not there
       }),
       R"(tbsCertificate\.subjectPublicKeyInfo)"},
      {"short Ed25519 key",
       with([](CertSpec& s) { s.spki_override = Seq(Seq(Oid("\x2b\x65\x70")) + Bits("abc")); }),
       R"(tbsCertificate\.subjectPublicKeyInfo)"},
      {"bad basicConstraints", with([](CertSpec& s) {
         s.extra.push_back({"2.5.29.19", true, std::string("\x05\x00", 2)});
       }),
       e_ext + R"( \(basicConstraints\))"},
      {"duplicate keyUsage", with([](CertSpec& s) {
         s.extra.push_back({"2.5.29.15", true, "\x03\x02\x07\x80"});
       }),
       e_ext + R"( \(keyUsage\))"},
      {"five-byte iPAddress", with([](CertSpec& s) {
         s.dns_sans.clear();
         s.extra.push_back({"2.5.29.17", false, Seq(Tlv(0x87, "\x01\x02\x03\x04\x05"))});
       }),
       e_ext + R"( \(subjectAltName\))"},
      {"signature BIT STRING with unused bits", unused_bits, "signatureValue"},
  };
}

TEST(ParseErrorsTest, MessagesNameTheFieldAndOffset) {
  for (const ParseRow& row : ParseRows()) {
    SCOPED_TRACE(row.name);
    auto cert = Certificate::Parse(row.der);
    ASSERT_FALSE(cert.ok()) << "parsed";
    const std::string message(cert.status().message());
    std::smatch m;
    ASSERT_TRUE(
        std::regex_match(message, m, std::regex("(" + row.path_re + ") at offset (\\d+): (.+)")))
        << message;
    EXPECT_LE(std::stoul(m[2].str()), row.der.size()) << message;
    std::cout << "[ PARSE ] " << row.name << ": " << message << "\n";
  }
}

}  // namespace
}  // namespace certval
