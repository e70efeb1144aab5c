// The name_constraints and peer_name checks, end to end through the Validator, on minted PKIs.
#include <memory>

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

struct Outcome {
  bool valid;
  std::string errors;
  bool Has(absl::string_view code) const {
    return errors.find(std::string(code)) != std::string::npos;
  }
};

// root (optionally constrained) -> intermediate (optionally constrained) -> leaf.
class NameChecksTest : public ::testing::Test {
 protected:
  Outcome Run(const CertSpec& leaf_spec, std::optional<CertSpec::Subtrees> permitted,
              std::optional<CertSpec::Subtrees> excluded, PeerName peer,
              std::shared_ptr<const AnchorConstraints> anchor = nullptr) {
    TestCa root =
        TestCa::Root(testpki::RootSpec("NC Root", kNow), Key::Cached(KeyKind::kEcP256, 30));
    CertSpec ica_spec = testpki::IntermediateSpec("NC Intermediate", kNow);
    ica_spec.nc_permitted = std::move(permitted);
    ica_spec.nc_excluded = std::move(excluded);
    TestCa ica = root.IssueCa(ica_spec, Key::Cached(KeyKind::kEcP256, 31));
    auto store = std::make_shared<TrustStore>();
    auto parsed = Certificate::Parse(root.cert_der());
    EXPECT_TRUE(parsed.ok());
    store->AddRoot(*parsed, std::move(anchor));
    ValidatorOptions options;
    options.warning_sink = std::make_shared<NullWarningSink>();
    ValidationRequest request;
    request.leaf = ica.Issue(leaf_spec, Key::Cached(KeyKind::kEcP256, 32));
    request.intermediates = {ica.cert_der()};
    request.time = kNow;
    request.peer_name = std::move(peer);
    ValidationResult r = Validator(store, options).Validate(request);
    return {r.valid, r.ErrorSummary()};
  }

  static CertSpec Leaf(std::vector<std::string> dns, std::vector<std::string> ips = {}) {
    CertSpec spec = testpki::LeafSpec("leaf.test", kNow);
    spec.subject = {};  // an empty subject keeps the CN out of directoryName constraints
    spec.san_critical = true;
    spec.dns_sans = std::move(dns);
    spec.ip_sans = std::move(ips);
    return spec;
  }
  static CertSpec::Subtrees Dns(std::vector<std::string> names) {
    CertSpec::Subtrees s;
    s.dns = std::move(names);
    return s;
  }
  static CertSpec::Subtrees Ip(std::vector<std::string> cidrs) {
    CertSpec::Subtrees s;
    s.ip_cidr = std::move(cidrs);
    return s;
  }
};

// Certificates carry A-labels; a peer name typed with U-labels is converted (IDNA 2008) first.
TEST_F(NameChecksTest, InternationalizedPeerNameMatchesItsALabel) {
  const CertSpec leaf = Leaf({"xn--bcher-kva.example"});
  EXPECT_TRUE(Run(leaf, std::nullopt, std::nullopt, PeerName::Dns("bücher.example")).valid);
  EXPECT_TRUE(Run(leaf, std::nullopt, std::nullopt, PeerName::Dns("Bücher.Example")).valid);
  EXPECT_TRUE(Run(leaf, std::nullopt, std::nullopt, PeerName::Dns("xn--bcher-kva.example")).valid);
  Outcome other = Run(leaf, std::nullopt, std::nullopt, PeerName::Dns("bucher.example"));
  EXPECT_TRUE(other.Has("peer_name.mismatch")) << other.errors;
  // Not a name IDNA 2008 allows (U+2665 BLACK HEART SUIT): refused, never matched loosely.
  Outcome bad = Run(leaf, std::nullopt, std::nullopt, PeerName::Dns("\xe2\x99\xa5.example"));
  EXPECT_TRUE(bad.Has("peer_name.invalid_reference")) << bad.errors;
}

TEST_F(NameChecksTest, PermittedDnsSubtreeAdmitsNamesBelowIt) {
  Outcome o = Run(Leaf({"a.b.example.com"}), Dns({"example.com"}), std::nullopt,
                  PeerName::Dns("a.b.example.com"));
  EXPECT_TRUE(o.valid) << o.errors;
}

TEST_F(NameChecksTest, NameOutsidePermittedSubtreeIsRejected) {
  Outcome o =
      Run(Leaf({"example.org"}), Dns({"example.com"}), std::nullopt, PeerName::Dns("example.org"));
  EXPECT_FALSE(o.valid);
  EXPECT_TRUE(o.Has("name_constraints.not_permitted")) << o.errors;
}

TEST_F(NameChecksTest, LookalikeSuffixIsNotInSubtree) {
  Outcome o = Run(Leaf({"badexample.com"}), Dns({"example.com"}), std::nullopt,
                  PeerName::Dns("badexample.com"));
  EXPECT_TRUE(o.Has("name_constraints.not_permitted")) << o.errors;
}

TEST_F(NameChecksTest, ExcludedWinsOverPermitted) {
  Outcome o = Run(Leaf({"example.com"}), Dns({"example.com"}), Dns({"example.com"}),
                  PeerName::Dns("example.com"));
  EXPECT_TRUE(o.Has("name_constraints.excluded")) << o.errors;
}

TEST_F(NameChecksTest, WildcardThatCouldNameAnExcludedHostIsRejected) {
  // CVE-2025-61727: *.example.com can stand for bar.example.com, which is excluded.
  Outcome o = Run(Leaf({"*.example.com"}), std::nullopt, Dns({"bar.example.com"}),
                  PeerName::Dns("foo.example.com"));
  EXPECT_TRUE(o.Has("name_constraints.excluded")) << o.errors;
}

TEST_F(NameChecksTest, IpSubtrees) {
  EXPECT_TRUE(
      Run(Leaf({}, {"192.0.2.7"}), Ip({"192.0.2.0/24"}), std::nullopt, PeerName::Ip("192.0.2.7"))
          .valid);
  EXPECT_TRUE(Run(Leaf({}, {"198.51.100.1"}), Ip({"192.0.2.0/24"}), std::nullopt,
                  PeerName::Ip("198.51.100.1"))
                  .Has("not_permitted"));
  EXPECT_TRUE(Run(Leaf({}, {"2001:db8::1"}), std::nullopt, Ip({"2001:db8::/32"}),
                  PeerName::Ip("2001:db8::1"))
                  .Has("excluded"));
  // A DNS-only constraint says nothing about IP names.
  EXPECT_TRUE(
      Run(Leaf({}, {"192.0.2.7"}), Dns({"example.com"}), std::nullopt, PeerName::Ip("192.0.2.7"))
          .valid);
}

TEST_F(NameChecksTest, LeadingPeriodDnsConstraintIsMalformed) {
  Outcome o = Run(Leaf({"a.example.com"}), Dns({".example.com"}), std::nullopt,
                  PeerName::Dns("a.example.com"));
  EXPECT_TRUE(o.Has("name_constraints.invalid_constraint")) << o.errors;
}

TEST_F(NameChecksTest, AnchorConstraintsFromTheApplication) {
  auto constraints = std::make_shared<AnchorConstraints>();
  constraints->permitted_dns = {"corp.example"};
  EXPECT_TRUE(Run(Leaf({"intranet.corp.example"}), std::nullopt, std::nullopt,
                  PeerName::Dns("intranet.corp.example"), constraints)
                  .valid);
  Outcome o = Run(Leaf({"bank.example"}), std::nullopt, std::nullopt, PeerName::Dns("bank.example"),
                  constraints);
  EXPECT_TRUE(o.Has("name_constraints.not_permitted")) << o.errors;
}

TEST_F(NameChecksTest, PeerNameMatching) {
  EXPECT_TRUE(
      Run(Leaf({"www.example.com"}), std::nullopt, std::nullopt, PeerName::Dns("WWW.Example.COM"))
          .valid);
  EXPECT_TRUE(
      Run(Leaf({"*.example.com"}), std::nullopt, std::nullopt, PeerName::Dns("a.example.com"))
          .valid);
  EXPECT_TRUE(
      Run(Leaf({"*.example.com"}), std::nullopt, std::nullopt, PeerName::Dns("a.b.example.com"))
          .Has("peer_name.mismatch"));
  EXPECT_TRUE(Run(Leaf({"*.example.com"}), std::nullopt, std::nullopt, PeerName::Dns("example.com"))
                  .Has("peer_name.mismatch"));
  EXPECT_TRUE(Run(Leaf({"*.co.uk"}), std::nullopt, std::nullopt, PeerName::Dns("example.co.uk"))
                  .Has("peer_name.mismatch"));
  EXPECT_TRUE(Run(Leaf({"example.com"}), std::nullopt, std::nullopt, PeerName::Dns("example.org"))
                  .Has("peer_name.mismatch"));
  EXPECT_TRUE(
      Run(Leaf({}, {"127.0.0.1"}), std::nullopt, std::nullopt, PeerName::Ip("127.0.0.1")).valid);
  // An IP written as a dNSName is not an iPAddress SAN.
  EXPECT_TRUE(Run(Leaf({"127.0.0.1"}), std::nullopt, std::nullopt, PeerName::Ip("127.0.0.1"))
                  .Has("peer_name.mismatch"));
  EXPECT_TRUE(Run(Leaf({"example.com"}), std::nullopt, std::nullopt, PeerName::Dns("exa mple.com"))
                  .Has("peer_name.invalid_reference"));
}

TEST_F(NameChecksTest, NoSanMeansNoMatchUnlessCommonNameFallbackIsAsked) {
  CertSpec spec = testpki::LeafSpec("cn-only.test", kNow);
  spec.dns_sans.clear();
  Outcome o = Run(spec, std::nullopt, std::nullopt, PeerName::Dns("cn-only.test"));
  EXPECT_TRUE(o.Has("peer_name.no_san")) << o.errors;
}

}  // namespace
}  // namespace certval
