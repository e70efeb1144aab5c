// OCSP responses (RFC 6960) through the Validator: issuer-signed and delegated responders, CertID
// matching, time windows with the clock-skew allowance, unknown critical extensions, the cost in
// signatures, and OCSP Must-Staple (RFC 7633).
#include "certval/validator/ocsp.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/revocation_checker.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::KeyKind;
using testpki::OcspSpec;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

class OcspTest : public ::testing::Test {
 protected:
  OcspTest() : chain_(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)) {
    store_ = std::make_shared<TrustStore>();
    EXPECT_TRUE(store_->AddRootDer(chain_.root).ok());
  }

  OcspSpec LeafSpec() const {
    return testpki::OcspSpecFor(chain_.leaf, chain_.intermediate_ca(), kNow);
  }
  std::string Sign(const OcspSpec& spec) const {
    return testpki::IssueOcspResponse(spec, chain_.intermediate_key);
  }

  ValidationRequest Request() const {
    ValidationRequest r;
    r.leaf = chain_.leaf;
    r.intermediates = {chain_.intermediate};
    r.peer_name = PeerName::Dns("example.test");
    r.time = kNow;
    return r;
  }

  // Leaf only, hard-fail: the OCSP response alone decides.
  ValidationResult Validate(const ValidationRequest& r, bool leaf_only = true) const {
    ValidatorOptions o;
    o.warning_sink = std::make_shared<NullWarningSink>();
    o.revocation.unknown = UnknownStatus::kHardFail;
    if (leaf_only) o.revocation.scope = RevocationScope::kLeaf;
    return Validator(store_, o).Validate(r);
  }

  ValidationResult WithResponse(const std::string& der) const {
    ValidationRequest r = Request();
    r.ocsp_responses = {der};
    return Validate(r);
  }

  static std::vector<std::string> Codes(const ValidationResult& r, Severity severity) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      if (f.severity == severity) out.push_back(absl::StrCat(f.code, "@", f.cert_index));
    }
    return out;
  }
  static std::string Message(const ValidationResult& r, absl::string_view code) {
    for (const Finding& f : r.findings) {
      if (f.code == code) return f.message;
    }
    return "";
  }

  // A delegated responder certificate issued by `ca`, with `eku` (empty: no EKU extension).
  std::string Responder(const testpki::TestCa& ca, std::vector<std::string> eku) const {
    testpki::CertSpec spec = testpki::LeafSpec("ocsp.example.test", kNow);
    spec.subject = testpki::NameSpec::Cn("certval Test OCSP Responder");
    spec.eku = eku.empty() ? std::nullopt : std::optional<std::vector<std::string>>(eku);
    return ca.Issue(spec, testpki::Key::Cached(KeyKind::kEcP256, 60));
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
};

TEST_F(OcspTest, ParsesAnIssuerSignedResponse) {
  auto response = OcspResponse::Parse(Sign(LeafSpec()));
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_TRUE((*response)->successful());
  ASSERT_EQ((*response)->responses().size(), 1u);
  EXPECT_EQ((*response)->responses()[0].status, OcspCertStatus::kGood);
  auto leaf = *Certificate::Parse(chain_.leaf);
  auto intermediate = *Certificate::Parse(chain_.intermediate);
  EXPECT_NE((*response)->Find(*leaf, *intermediate), nullptr);
  EXPECT_EQ((*response)->Find(*intermediate, *intermediate), nullptr);
}

TEST_F(OcspTest, GoodIssuerSignedResponseCostsOneSignature) {
  const ValidationResult floor = Validate(Request());  // no revocation data at all
  ASSERT_TRUE(floor.valid) << floor.ErrorSummary();
  const ValidationResult r = WithResponse(Sign(LeafSpec()));
  ASSERT_TRUE(r.valid) << r.ErrorSummary();
  ASSERT_EQ(r.revocation.size(), 1u);
  EXPECT_EQ(r.revocation[0].state, RevocationState::kGood);
  EXPECT_EQ(r.revocation[0].source, "OCSP response #1 (issuer-signed)");
  EXPECT_EQ(r.signature_checks, floor.signature_checks + 1);
}

TEST_F(OcspTest, Sha256CertIdAndByKeyResponderId) {
  OcspSpec spec = LeafSpec();
  spec.responses[0].sha256 = true;
  spec.responder_name.clear();
  spec.responder_spki = chain_.intermediate_key.SpkiDer();
  EXPECT_TRUE(WithResponse(Sign(spec)).valid);
}

TEST_F(OcspTest, RevokedResponseIsAnError) {
  OcspSpec spec = LeafSpec();
  spec.responses[0].status = 1;
  spec.responses[0].revocation_time = kNow - absl::Hours(30);
  spec.responses[0].reason = testpki::kReasonKeyCompromise;
  ValidationResult r = WithResponse(Sign(spec));
  EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.revoked@0"});
  EXPECT_EQ(r.revocation[0].reason, RevocationReason::kKeyCompromise);
  EXPECT_EQ(r.revocation[0].revocation_time, kNow - absl::Hours(30));
}

TEST_F(OcspTest, DelegatedResponderCostsTwoSignatures) {
  const ValidationResult floor = Validate(Request());
  OcspSpec spec = LeafSpec();
  spec.responder_name = testpki::EncodeName(testpki::NameSpec::Cn("certval Test OCSP Responder"));
  spec.certs = {Responder(chain_.intermediate_ca(), {"OCSPSigning"})};
  ValidationResult r =
      WithResponse(testpki::IssueOcspResponse(spec, testpki::Key::Cached(KeyKind::kEcP256, 60)));
  ASSERT_TRUE(r.valid) << r.ErrorSummary();
  EXPECT_EQ(r.revocation[0].source,
            "OCSP response #1 (delegated responder CN=certval Test OCSP Responder)");
  EXPECT_EQ(r.signature_checks, floor.signature_checks + 2);
}

TEST_F(OcspTest, DelegatedResponderMustBeAuthorized) {
  const testpki::Key key = testpki::Key::Cached(KeyKind::kEcP256, 60);
  OcspSpec spec = LeafSpec();
  spec.responder_name = testpki::EncodeName(testpki::NameSpec::Cn("certval Test OCSP Responder"));
  struct Case {
    const char* name;
    std::string responder;
    const char* why;
  };
  const std::vector<Case> cases = {
      {"no OCSPSigning", Responder(chain_.intermediate_ca(), {"serverAuth"}),
       "lacks id-kp-OCSPSigning"},
      {"another CA's responder", Responder(chain_.root_ca(), {"OCSPSigning"}),
       "neither by the issuer nor by a responder"},
  };
  for (const Case& c : cases) {
    spec.certs = {c.responder};
    ValidationResult r = WithResponse(testpki::IssueOcspResponse(spec, key));
    EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.unknown@0"})
        << c.name;
    EXPECT_TRUE(absl::StrContains(Message(r, "revocation.unknown"), c.why))
        << c.name << ": " << Message(r, "revocation.unknown");
  }
  // Signed by a key nobody vouches for, naming the issuer.
  spec = LeafSpec();
  ValidationResult forged = WithResponse(testpki::IssueOcspResponse(spec, key));
  EXPECT_TRUE(absl::StrContains(Message(forged, "revocation.unknown"), "does not verify"))
      << Message(forged, "revocation.unknown");
}

TEST_F(OcspTest, TimeWindowsAllowFiveMinutesOfSkew) {
  struct Case {
    absl::Time this_update;
    std::optional<absl::Time> next_update;
    bool current;
  };
  const std::vector<Case> cases = {
      {kNow - absl::Hours(1), kNow + absl::Hours(1), true},
      {kNow + absl::Minutes(4), kNow + absl::Hours(1), true},  // a fast responder clock
      {kNow + absl::Minutes(6), kNow + absl::Hours(1), false},
      {kNow - absl::Hours(2), kNow - absl::Minutes(4), true},  // just expired: within the skew
      {kNow - absl::Hours(2), kNow - absl::Minutes(6), false},
      {kNow - absl::Hours(24 * 6), std::nullopt, true},  // no nextUpdate: 7 days
      {kNow - absl::Hours(24 * 8), std::nullopt, false},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    OcspSpec spec = LeafSpec();
    spec.responses[0].this_update = cases[i].this_update;
    spec.responses[0].next_update = cases[i].next_update;
    ValidationResult r = WithResponse(Sign(spec));
    EXPECT_EQ(r.valid, cases[i].current) << "case " << i << ": " << r.ErrorSummary();
  }
}

TEST_F(OcspTest, ResponsesThatDoNotAnswer) {
  OcspSpec unknown = LeafSpec();
  unknown.responses[0].status = 2;
  OcspSpec other_cert = testpki::OcspSpecFor(chain_.intermediate, chain_.root_ca(), kNow);
  OcspSpec try_later;
  try_later.response_status = 3;
  OcspSpec critical = LeafSpec();
  critical.extensions.push_back({"1.3.6.1.4.1.55738.3", true, std::string("\x05\x00", 2)});
  OcspSpec forged = LeafSpec();
  forged.corrupt_signature = true;
  for (const std::string& der :
       {Sign(unknown), testpki::IssueOcspResponse(other_cert, chain_.root_key), Sign(try_later),
        Sign(critical), Sign(forged)}) {
    ValidationResult r = WithResponse(der);
    EXPECT_EQ(Codes(r, Severity::kError), std::vector<std::string>{"revocation.unknown@0"});
  }
  ValidationResult r = WithResponse(Sign(critical));
  EXPECT_EQ(Codes(r, Severity::kInfo),
            std::vector<std::string>{"parse.malformed_ocsp_response@-1"});
  EXPECT_TRUE(
      absl::StrContains(Message(r, "parse.malformed_ocsp_response"), "unknown critical extension"));
  // A responder's "unknown" leaves the question to the CRLs.
  ValidationRequest with_crl = Request();
  with_crl.ocsp_responses = {Sign(unknown)};
  with_crl.crls = {testpki::IssueCrl(testpki::CrlSpecFor(chain_.intermediate_ca(), kNow),
                                     chain_.intermediate_key)};
  EXPECT_TRUE(Validate(with_crl).valid);
}

TEST_F(OcspTest, HostileInputEndsInAnErrorNotACrash) {
  OcspSpec spec = LeafSpec();
  spec.certs = {Responder(chain_.intermediate_ca(), {"OCSPSigning"})};
  const std::string good = Sign(spec);
  ASSERT_TRUE(OcspResponse::Parse(good).ok());
  for (size_t n = 0; n < good.size(); ++n)
    EXPECT_FALSE(OcspResponse::Parse(good.substr(0, n)).ok()) << n;
  for (size_t i = 0; i < good.size(); i += 3) {
    std::string bad = good;
    bad[i] ^= 0xa5;
    (void)OcspResponse::Parse(bad);  // must not crash; may or may not parse
  }
  EXPECT_FALSE(OcspResponse::Parse(good + std::string(1, '\0')).ok());
  // Thousands of response extensions: refused at the 33rd, not compared pairwise.
  OcspSpec many = LeafSpec();
  for (int i = 0; i < 5000; ++i)
    many.extensions.push_back({absl::StrCat("1.3.6.1.4.1.55738.8.", i), false, "\x05\x00"});
  auto refused = OcspResponse::Parse(Sign(many));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("more than 32 extensions"), std::string::npos)
      << refused.status();
}

class MustStapleTest : public OcspTest {
 protected:
  MustStapleTest() {
    testpki::CertSpec spec = testpki::LeafSpec("example.test", kNow);
    spec.extra.push_back({"1.3.6.1.5.5.7.1.24", false, std::string("\x30\x03\x02\x01\x05", 5)});
    must_staple_leaf_ = chain_.intermediate_ca().Issue(spec, chain_.leaf_key);
  }
  ValidationRequest StapleRequest(std::optional<std::string> staple) const {
    ValidationRequest r = Request();
    r.leaf = must_staple_leaf_;
    r.stapled_ocsp = std::move(staple);
    return r;
  }
  ValidationResult ValidateDefault(const ValidationRequest& r) const {
    ValidatorOptions o;  // default policy: soft-fail, whole chain
    o.warning_sink = std::make_shared<NullWarningSink>();
    return Validator(store_, o).Validate(r);
  }
  std::string must_staple_leaf_;
};

TEST_F(MustStapleTest, MissingStapleIsAnError) {
  ValidationResult r = ValidateDefault(StapleRequest(""));
  EXPECT_FALSE(r.valid);
  EXPECT_EQ(Codes(r, Severity::kError),
            std::vector<std::string>{"revocation.must_staple_missing@0"});
}

TEST_F(MustStapleTest, GoodStapleSatisfiesIt) {
  const std::string staple =
      Sign(testpki::OcspSpecFor(must_staple_leaf_, chain_.intermediate_ca(), kNow));
  ValidationResult r = ValidateDefault(StapleRequest(staple));
  EXPECT_TRUE(r.valid) << r.ErrorSummary();
  ASSERT_FALSE(r.revocation.empty());
  EXPECT_EQ(r.revocation[0].source, "stapled OCSP response (issuer-signed)");
  // Supplied out of band instead, it is not a staple.
  ValidationRequest out_of_band = StapleRequest("");
  out_of_band.ocsp_responses = {staple};
  EXPECT_EQ(Codes(ValidateDefault(out_of_band), Severity::kError),
            std::vector<std::string>{"revocation.must_staple_missing@0"});
}

TEST_F(MustStapleTest, OutsideTlsThereIsNoStapleToMiss) {
  EXPECT_TRUE(ValidateDefault(StapleRequest(std::nullopt)).valid);
  // An ordinary leaf in TLS without a staple: nothing to say.
  ValidationRequest r = Request();
  r.stapled_ocsp = "";
  ValidationResult plain = ValidateDefault(r);
  EXPECT_TRUE(plain.valid) << plain.ErrorSummary();
  EXPECT_TRUE(plain.findings.empty());
  EXPECT_TRUE(RequiresStapledOcsp(**Certificate::Parse(must_staple_leaf_)));
  EXPECT_FALSE(RequiresStapledOcsp(**Certificate::Parse(chain_.leaf)));
}

}  // namespace
}  // namespace certval
