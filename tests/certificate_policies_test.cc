// Certificate-policy processing (RFC 5280 6.1, validator/policy_graph.h) end to end through the
// Validator: minted paths whose CAs assert, map and constrain policies.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "certval/testing/pki/der_builder.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;
using testpki::RawExtension;
using testpki::TestCa;
using testpki::Tlv;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

// The contents of an OBJECT IDENTIFIER, from its dotted form.
std::string OidContents(const std::string& dotted) {
  std::vector<uint64_t> arcs;
  for (absl::string_view part : absl::StrSplit(dotted, '.')) {
    uint64_t arc = 0;
    EXPECT_TRUE(absl::SimpleAtoi(part, &arc)) << dotted;
    arcs.push_back(arc);
  }
  std::string out;
  auto base128 = [&out](uint64_t v) {
    std::string bytes(1, static_cast<char>(v & 0x7f));
    for (v >>= 7; v > 0; v >>= 7) bytes.insert(bytes.begin(), static_cast<char>(0x80 | (v & 0x7f)));
    out += bytes;
  };
  base128(arcs[0] * 40 + arcs[1]);
  for (size_t i = 2; i < arcs.size(); ++i) base128(arcs[i]);
  return out;
}

std::string Policy(int n) { return "1.3.6.1.4.1.99999.1." + std::to_string(n); }
const std::string kAnyPolicy = "2.5.29.32.0";

RawExtension Mappings(const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string seq;
  for (const auto& [issuer, subject] : pairs) {
    seq += Tlv(0x30, Tlv(0x06, OidContents(issuer)) + Tlv(0x06, OidContents(subject)));
  }
  return {"2.5.29.33", /*critical=*/true, Tlv(0x30, seq)};
}

// policyConstraints with requireExplicitPolicy [0] and/or inhibitPolicyMapping [1].
RawExtension Constraints(int require_explicit, int inhibit_mapping = -1) {
  std::string seq;
  if (require_explicit >= 0) seq += Tlv(0x80, std::string(1, static_cast<char>(require_explicit)));
  if (inhibit_mapping >= 0) seq += Tlv(0x81, std::string(1, static_cast<char>(inhibit_mapping)));
  return {"2.5.29.36", /*critical=*/true, Tlv(0x30, seq)};
}

RawExtension InhibitAny(int skip_certs) {
  return {"2.5.29.54", /*critical=*/true, Tlv(0x02, std::string(1, static_cast<char>(skip_certs)))};
}

// One CA's or the leaf's policy extensions.
struct Spec {
  std::vector<std::string> policies;  // none: no certificatePolicies at all
  std::vector<RawExtension> extra;
};

class CertificatePoliciesTest : public ::testing::Test {
 protected:
  // root -> one CA per entry of `cas` -> leaf, each with its policy extensions.
  ValidationResult Validate(const std::vector<Spec>& cas, const Spec& leaf,
                            PolicyInputs inputs = {}) {
    CertSpec root_spec = testpki::RootSpec("Policy Root", kNow);
    Apply(root_, &root_spec);
    TestCa root = TestCa::Root(root_spec, Key::Cached(KeyKind::kEcP256, 90));
    TestCa ca = root;
    ValidationRequest request;
    for (size_t i = 0; i < cas.size(); ++i) {
      CertSpec spec =
          testpki::IntermediateSpec("Policy CA " + std::to_string(i), kNow, std::nullopt);
      Apply(cas[i], &spec);
      ca = ca.IssueCa(spec, Key::Cached(KeyKind::kEcP256, 91 + static_cast<int>(i)));
      request.intermediates.push_back(ca.cert_der());
    }
    CertSpec leaf_spec = testpki::LeafSpec("policy.test", kNow);
    Apply(leaf, &leaf_spec);
    request.leaf = ca.Issue(leaf_spec, Key::Cached(KeyKind::kEcP256, 120));
    request.peer_name = PeerName::Dns("policy.test");
    request.profile = Profile::kRfc5280;
    request.time = kNow;
    request.policy = std::move(inputs);
    auto store = std::make_shared<TrustStore>();
    EXPECT_TRUE(store->AddRootDer(root.cert_der()).ok());
    ValidatorOptions options;
    options.warning_sink = std::make_shared<NullWarningSink>();
    options.limits = limits_;
    return Validator(store, options).Validate(request);
  }

  static void Apply(const Spec& s, CertSpec* spec) {
    if (!s.policies.empty()) spec->extra.push_back(testpki::PoliciesExtension(s.policies));
    spec->extra.insert(spec->extra.end(), s.extra.begin(), s.extra.end());
  }

  static std::string Codes(const ValidationResult& r) {
    std::string out;
    for (const Finding& f : r.findings) out += FormatFinding(f) + "\n";
    return out;
  }
  static bool Has(const ValidationResult& r, absl::string_view code) {
    for (const Finding& f : r.findings) {
      if (f.code == code) return true;
    }
    return false;
  }
  static std::vector<std::string> Oids(const std::vector<std::string>& dotted) {
    std::vector<std::string> out;
    for (const std::string& d : dotted) out.push_back(OidContents(d));
    return out;
  }

  Limits limits_;
  Spec root_;  // the trust anchor's own policy extensions
};

TEST_F(CertificatePoliciesTest, OnePolicyAllTheWay) {
  ValidationResult r = Validate({{{Policy(1)}}}, {{Policy(1)}});
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_EQ(r.authority_constrained_policies, Oids({Policy(1)}));
  EXPECT_EQ(r.user_constrained_policies, Oids({Policy(1)}));
}

// The issue's first shape: a critical requireExplicitPolicy=0 over a leaf without policies.
TEST_F(CertificatePoliciesTest, RequireExplicitPolicyOverALeafWithoutPolicies) {
  ValidationResult r = Validate({{{Policy(1)}, {Constraints(0)}}}, {});
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(Has(r, "certificate_policies.explicit_policy_required")) << Codes(r);
  // Without the constraint, a leaf without policies is fine: no policy was asked for.
  ValidationResult free = Validate({{{Policy(1)}}}, {});
  EXPECT_TRUE(free.valid) << Codes(free);
  EXPECT_THAT(free.user_constrained_policies, IsEmpty());
}

// The issue's second shape: mapping anyPolicy is forbidden (RFC 5280 4.2.1.5).
TEST_F(CertificatePoliciesTest, MappingAnyPolicyIsRefused) {
  ValidationResult r =
      Validate({{{kAnyPolicy}, {Mappings({{kAnyPolicy, Policy(2)}})}}}, {{Policy(2)}});
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(Has(r, "certificate_policies.any_policy_mapped")) << Codes(r);
  ValidationResult to_any =
      Validate({{{Policy(1)}, {Mappings({{Policy(1), kAnyPolicy}})}}}, {{Policy(1)}});
  EXPECT_TRUE(Has(to_any, "certificate_policies.any_policy_mapped")) << Codes(to_any);
}

TEST_F(CertificatePoliciesTest, UserPolicySetWithExplicitPolicy) {
  PolicyInputs wants_2;
  wants_2.user_initial_policy_set = Oids({Policy(2)});
  wants_2.initial_explicit_policy = true;
  ValidationResult r = Validate({{{Policy(1)}}}, {{Policy(1)}}, wants_2);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(Has(r, "certificate_policies.no_acceptable_policy")) << Codes(r);

  PolicyInputs wants_1 = wants_2;
  wants_1.user_initial_policy_set = Oids({Policy(1)});
  ValidationResult ok = Validate({{{Policy(1), Policy(2)}}}, {{Policy(1)}}, wants_1);
  EXPECT_TRUE(ok.valid) << Codes(ok);
  EXPECT_EQ(ok.user_constrained_policies, Oids({Policy(1)}));
  EXPECT_EQ(ok.authority_constrained_policies, Oids({Policy(1)}));
}

TEST_F(CertificatePoliciesTest, MappedPoliciesKeepTheAuthoritysName) {
  // The CA asserts 1 and maps it to 3, the leaf asserts 3: the path is valid for policy 1.
  PolicyInputs wants_1;
  wants_1.user_initial_policy_set = Oids({Policy(1)});
  wants_1.initial_explicit_policy = true;
  const std::vector<Spec> cas = {{{Policy(1)}, {Mappings({{Policy(1), Policy(3)}})}},
                                 {{Policy(3)}}};
  ValidationResult r = Validate(cas, {{Policy(3)}}, wants_1);
  EXPECT_TRUE(r.valid) << Codes(r);
  EXPECT_EQ(r.user_constrained_policies, Oids({Policy(1)}));
  // The same path with mapping inhibited by the caller: policy 1 no longer reaches the leaf.
  wants_1.initial_policy_mapping_inhibit = true;
  ValidationResult inhibited = Validate(cas, {{Policy(3)}}, wants_1);
  EXPECT_FALSE(inhibited.valid);
  EXPECT_TRUE(Has(inhibited, "certificate_policies.explicit_policy_required") ||
              Has(inhibited, "certificate_policies.no_acceptable_policy"))
      << Codes(inhibited);
}

TEST_F(CertificatePoliciesTest, InhibitAnyPolicyStopsAnyPolicyBelow) {
  // CA 0 asserts anyPolicy with inhibitAnyPolicy 0: CA 1's anyPolicy no longer stands for policy 5.
  PolicyInputs explicit_policy;
  explicit_policy.initial_explicit_policy = true;
  const std::vector<Spec> inhibited = {{{kAnyPolicy}, {InhibitAny(0)}}, {{kAnyPolicy}}};
  ValidationResult r = Validate(inhibited, {{Policy(5)}}, explicit_policy);
  EXPECT_FALSE(r.valid) << Codes(r);
  ValidationResult allowed =
      Validate({{{kAnyPolicy}}, {{kAnyPolicy}}}, {{Policy(5)}}, explicit_policy);
  EXPECT_TRUE(allowed.valid) << Codes(allowed);
  EXPECT_EQ(allowed.authority_constrained_policies, Oids({Policy(5)}));
}

TEST_F(CertificatePoliciesTest, UnknownQualifierInACriticalExtensionIsRefused) {
  // PolicyInformation { 1.3.6.1.4.1.99999.1.1, { { 1.2.3.4 (an unknown qualifier), NULL } } }
  const std::string info =
      Tlv(0x30, Tlv(0x06, OidContents(Policy(1))) +
                    Tlv(0x30, Tlv(0x30, Tlv(0x06, OidContents("1.2.3.4")) + Tlv(0x05, ""))));
  Spec ca{{}, {{"2.5.29.32", /*critical=*/true, Tlv(0x30, info)}}};
  ValidationResult r = Validate({ca}, {{Policy(1)}});
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(Has(r, "certificate_policies.unknown_critical_qualifier")) << Codes(r);
  ca.extra[0].critical = false;  // non-critical: the qualifier may be ignored
  ValidationResult ok = Validate({ca}, {{Policy(1)}});
  EXPECT_TRUE(ok.valid) << Codes(ok);
}

// The anchor's own policy extensions constrain the path (RFC 5937), as its nameConstraints do.
TEST_F(CertificatePoliciesTest, TheAnchorsPolicyExtensionsTakePart) {
  root_ = {{}, {Constraints(0)}};  // requireExplicitPolicy 0 on the root itself
  ValidationResult required = Validate({{{Policy(1)}}}, {});
  EXPECT_FALSE(required.valid);
  EXPECT_TRUE(Has(required, "certificate_policies.explicit_policy_required")) << Codes(required);
  EXPECT_TRUE(Validate({{{Policy(1)}}}, {{Policy(1)}}).valid);

  root_ = {{Policy(1)}, {Constraints(0)}};  // the root names the only policy it vouches for
  ValidationResult other = Validate({{{Policy(2)}}}, {{Policy(2)}});
  EXPECT_FALSE(other.valid) << Codes(other);
  ValidationResult same = Validate({{{Policy(1)}}}, {{Policy(1)}});
  EXPECT_TRUE(same.valid) << Codes(same);
  EXPECT_EQ(same.authority_constrained_policies, Oids({Policy(1)}));

  root_ = {{kAnyPolicy}, {InhibitAny(0)}};  // anyPolicy below the root no longer stands for 5
  PolicyInputs explicit_policy;
  explicit_policy.initial_explicit_policy = true;
  EXPECT_FALSE(Validate({{{kAnyPolicy}}}, {{Policy(5)}}, explicit_policy).valid);
  root_ = {};
  EXPECT_TRUE(Validate({{{kAnyPolicy}}}, {{Policy(5)}}, explicit_policy).valid);
}

// CVE-2023-0464's shape: every CA asserts N policies and maps each to all N. A tree would hold N^k
// nodes at depth k; the graph holds N per depth with N^2 edges, and the budget ends it cleanly.
TEST_F(CertificatePoliciesTest, MappingBombEndsAtThePolicyBudget) {
  constexpr int kPolicies = 60;
  Spec ca;
  std::vector<std::pair<std::string, std::string>> pairs;
  for (int i = 0; i < kPolicies; ++i) {
    ca.policies.push_back(Policy(i));
    for (int j = 0; j < kPolicies; ++j) pairs.push_back({Policy(i), Policy(j)});
  }
  ca.extra.push_back(Mappings(pairs));
  ca.extra[0].critical = false;
  const std::vector<Spec> cas(8, ca);
  ValidationResult r = Validate(cas, {{Policy(0)}});
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(Has(r, "limits.too_many_policy_nodes")) << Codes(r);
  // With room for it, the same path is valid: the graph stays polynomial.
  limits_.max_policy_nodes = 1 << 20;
  ValidationResult roomy = Validate(cas, {{Policy(0)}});
  EXPECT_TRUE(roomy.valid) << Codes(roomy);
}

}  // namespace
}  // namespace certval
