#include "certval/validator/checks/name_constraints_check.h"

#include "certval/testing/pki/der_builder.h"
#include "certval/validator/budget.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/checks/check_test_util.h"

namespace certval::checktest {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using testpki::CertSpec;
using testpki::Tlv;

const NameConstraintsCheck kCheck;

CertSpec::Subtrees Uris(std::vector<std::string> uris) {
  CertSpec::Subtrees s;
  s.uri = std::move(uris);
  return s;
}

// The default chain, the intermediate carrying the given URI subtrees, the leaf the given URIs
// (next to its dNSName www.example.test).
std::vector<CertificatePtr> UriChain(std::optional<CertSpec::Subtrees> permitted,
                                     std::optional<CertSpec::Subtrees> excluded,
                                     std::vector<std::string> leaf_uris) {
  ChainSpec spec;
  spec.intermediate.nc_permitted = std::move(permitted);
  spec.intermediate.nc_excluded = std::move(excluded);
  spec.leaf.uri_sans = std::move(leaf_uris);
  return spec.Build();
}

std::vector<std::string> Permitted(const std::string& constraint, const std::string& uri) {
  return RunCheck(kCheck, UriChain(Uris({constraint}), std::nullopt, {uri}));
}
std::vector<std::string> Excluded(const std::string& constraint, const std::string& uri) {
  return RunCheck(kCheck, UriChain(std::nullopt, Uris({constraint}), {uri}));
}

TEST(NameConstraintsCheck, UriHostConstraintPermitsThatHostOnly) {
  EXPECT_THAT(Permitted("www.example.test", "https://www.example.test/a"), IsEmpty());
  EXPECT_THAT(Permitted("www.example.test", "HTTPS://user@WWW.Example.TEST:8443/a?b#c"), IsEmpty());
  EXPECT_THAT(Permitted("www.example.test", "https://a.www.example.test/"),
              ElementsAre("name_constraints.not_permitted@0"));
  EXPECT_THAT(Permitted("www.example.test", "https://example.test/"),
              ElementsAre("name_constraints.not_permitted@0"));
}

TEST(NameConstraintsCheck, UriDomainConstraintPermitsHostsStrictlyBelow) {
  // PKITS 4.13.34/35's shape.
  EXPECT_THAT(
      Permitted(".testcertificates.gov", "http://testserver.testcertificates.gov/index.html"),
      IsEmpty());
  EXPECT_THAT(
      Permitted(".testcertificates.gov", "http://testserver.invalidcertificates.gov/index.html"),
      ElementsAre("name_constraints.not_permitted@0"));
  EXPECT_THAT(Permitted(".testcertificates.gov", "http://testcertificates.gov/"),
              ElementsAre("name_constraints.not_permitted@0"));
}

TEST(NameConstraintsCheck, ExcludedUriSubtree) {
  EXPECT_THAT(Excluded(".invalidcertificates.gov", "http://testserver.testcertificates.gov/"),
              IsEmpty());
  EXPECT_THAT(Excluded(".invalidcertificates.gov",
                       "http://u:p@testserver.INVALIDcertificates.gov:80/index.html"),
              ElementsAre("name_constraints.excluded@0"));
  EXPECT_THAT(Excluded("www.example.test", "https://www.example.test./"),
              ElementsAre("name_constraints.excluded@0"));
}

// RFC 5280 4.2.1.10: under URI constraints, permitted or excluded, a URI whose authority has no
// host name is rejected; one certval cannot parse is too.
TEST(NameConstraintsCheck, UriWithoutHostNameFailsClosed) {
  for (const char* uri : {"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "https://[::1]/",
                          "https://10.0.0.1/", "file:///etc/passwd"}) {
    EXPECT_THAT(Permitted(".example.test", uri),
                ElementsAre("name_constraints.uri_without_dns_host@0"))
        << uri;
    EXPECT_THAT(Excluded(".evil.test", uri), ElementsAre("name_constraints.uri_without_dns_host@0"))
        << uri;
  }
  for (const char* uri : {"https://www.example.test\\@evil.test/", "www.example.test",
                          "https://a@b@www.example.test/"}) {
    EXPECT_THAT(Permitted(".example.test", uri), ElementsAre("name_constraints.invalid_name@0"))
        << uri;
    EXPECT_THAT(Excluded(".evil.test", uri), ElementsAre("name_constraints.invalid_name@0")) << uri;
  }
}

TEST(NameConstraintsCheck, UrisAreFreeWhenOnlyOtherFormsAreConstrained) {
  CertSpec::Subtrees dns;
  dns.dns = {"example.test"};
  EXPECT_THAT(RunCheck(kCheck, UriChain(dns, std::nullopt, {"urn:x:y", "https://other.test/"})),
              IsEmpty());
}

TEST(NameConstraintsCheck, InvalidUriConstraint) {
  for (const char* constraint : {"https://www.example.test/", "*.example.test", "10.0.0.1"}) {
    EXPECT_THAT(RunCheck(kCheck, UriChain(Uris({constraint}), std::nullopt, {})),
                ElementsAre("name_constraints.invalid_constraint@1"))
        << constraint;
  }
}

TEST(NameConstraintsCheck, FormsCertvalCannotEvaluateStillFailClosed) {
  // otherName { 1.2.3.4, [0] UTF8String "x" } and registeredID 1.2.3.4.
  const std::string other_name = Tlv(0xa0, Tlv(0x06, "\x2a\x03\x04") + Tlv(0xa0, Tlv(0x0c, "x")));
  const std::string registered_id = Tlv(0x88, "\x2a\x03\x04");
  for (const std::string& name : {other_name, registered_id}) {
    ChainSpec spec;
    spec.intermediate.extra.push_back({"2.5.29.30", true, Tlv(0x30, Tlv(0xa1, Tlv(0x30, name)))});
    spec.leaf.dns_sans.clear();
    spec.leaf.extra.push_back(
        {"2.5.29.17", false, Tlv(0x30, Tlv(0x82, "www.example.test") + name)});
    EXPECT_THAT(RunCheck(kCheck, spec.Build()),
                ElementsAre("name_constraints.unsupported_name_form@0"));
  }
}

// URI names are compared like any other, so they draw on the name-comparison budget.
TEST(NameConstraintsCheck, UriComparisonsAreCharged) {
  std::vector<std::string> uris;
  for (int i = 0; i < 20; ++i) uris.push_back("https://h" + std::to_string(i) + ".example.test/");
  auto path = UriChain(Uris({".example.test"}), std::nullopt, uris);
  Limits limits;
  limits.max_name_comparisons = 10;  // 1 subtree; 20 URIs, a dNSName and the subject DN
  Budget budget(limits);
  ValidationRequest request;
  request.peer_name = PeerName::Any();
  PathContext ctx;
  ctx.path = path;
  ctx.request = &request;
  ctx.time = Now();
  ctx.anchor = TrustInfo{TrustKind::kAnchor};
  ctx.budget = &budget;
  std::vector<Finding> findings;
  FindingReporter reporter(kCheck.name(), Severity::kError, &findings);
  kCheck.Run(ctx, reporter);
  EXPECT_TRUE(budget.exhausted());
  EXPECT_EQ(budget.ExhaustedFinding().code, "limits.too_many_name_comparisons");
  EXPECT_TRUE(findings.empty());  // it stopped; the Validator reports the limit
}

}  // namespace
}  // namespace certval::checktest
