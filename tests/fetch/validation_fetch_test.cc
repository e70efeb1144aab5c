// Fetching inside validations: a missing intermediate from caIssuers (DER and PKCS#7), revocation
// data on demand (OCSP, CRL), and every hostile server behaviour ending within the per-validation
// budget with a "fetch.*" finding.
#include <openssl/bytestring.h>
#include <openssl/mem.h>
#include <openssl/pkcs7.h>
#include <openssl/pool.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/fetch/fetch_cache.h"
#include "certval/fetch/http_fetcher.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"

namespace certval {
namespace {

using testfetch::HttpTestServer;
using testfetch::Reply;
using testpki::KeyKind;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

std::string Pkcs7(const std::vector<std::string>& ders) {
  bssl::UniquePtr<STACK_OF(CRYPTO_BUFFER)> stack(sk_CRYPTO_BUFFER_new_null());
  for (const std::string& der : ders) {
    sk_CRYPTO_BUFFER_push(
        stack.get(),
        CRYPTO_BUFFER_new(reinterpret_cast<const uint8_t*>(der.data()), der.size(), nullptr));
  }
  bssl::ScopedCBB cbb;
  uint8_t* out = nullptr;
  size_t len = 0;
  EXPECT_TRUE(CBB_init(cbb.get(), 1024) && PKCS7_bundle_raw_certificates(cbb.get(), stack.get()) &&
              CBB_finish(cbb.get(), &out, &len));
  std::string der(reinterpret_cast<const char*>(out), len);
  OPENSSL_free(out);
  sk_CRYPTO_BUFFER_pop_free(stack.get(), CRYPTO_BUFFER_free);
  stack.release();
  return der;
}

class ValidationFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = HttpTestServer::Start();
    ASSERT_TRUE(s.ok()) << s.status();
    server_ = *std::move(s);
    chain_ = testpki::MakeChain(KeyKind::kEcP256, "aia.example.test", kNow);
    store_ = std::make_shared<TrustStore>();
    ASSERT_TRUE(store_->AddRootDer(chain_.root).ok());
    server_->Serve("/ica.cer", Reply::Ok(chain_.intermediate, "application/pkix-cert"));
  }

  // A leaf under the chain's intermediate naming `ca_issuers` (and `ocsp`, `crl`) URLs.
  std::string Leaf(const std::vector<std::string>& ca_issuers,
                   const std::vector<std::string>& ocsp = {},
                   const std::vector<std::string>& crl = {}) const {
    testpki::CertSpec spec = testpki::LeafSpec("aia.example.test", kNow);
    if (!ca_issuers.empty() || !ocsp.empty())
      spec.extra.push_back(testpki::AiaExtension(ocsp, ca_issuers));
    if (!crl.empty()) spec.extra.push_back(testpki::CrlDistributionPointsExtension(crl));
    return chain_.intermediate_ca().Issue(spec, chain_.leaf_key);
  }

  ValidationRequest Request(std::string leaf) const {
    ValidationRequest r;
    r.leaf = std::move(leaf);
    r.peer_name = PeerName::Dns("aia.example.test");
    r.time = kNow;
    return r;
  }

  ValidatorOptions Fetching() const {
    ValidatorOptions o;
    o.fetch = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
    o.warning_sink = std::make_shared<NullWarningSink>();
    return o;
  }

  ValidationResult Validate(const ValidationRequest& r, ValidatorOptions o) const {
    if (o.warning_sink == nullptr) o.warning_sink = std::make_shared<NullWarningSink>();
    return Validator(store_, std::move(o)).Validate(r);
  }

  static const Finding* Find(const ValidationResult& result, absl::string_view code) {
    for (const Finding& f : result.findings) {
      if (f.code == code) return &f;
    }
    return nullptr;
  }

  static std::string Describe(const ValidationResult& result) {
    std::string out;
    for (const Finding& f : result.findings) absl::StrAppend(&out, "  ", FormatFinding(f), "\n");
    return out;
  }

  std::unique_ptr<HttpTestServer> server_;
  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
};

TEST_F(ValidationFetchTest, AiaOnlyIntermediateFailsWithFetchingOffNamingTheUrl) {
  const std::string url = server_->Url("/ica.cer");
  ValidationResult result = Validate(Request(Leaf({url})), {});
  EXPECT_FALSE(result.valid);
  ASSERT_NE(Find(result, "trust_anchor.no_trusted_root"), nullptr) << Describe(result);
  const Finding* f = Find(result, "fetch.issuer_not_fetched");
  ASSERT_NE(f, nullptr) << Describe(result);
  EXPECT_EQ(f->severity, Severity::kError);
  EXPECT_EQ(f->cert_index, 0);
  EXPECT_TRUE(absl::StrContains(f->message, url)) << f->message;
  EXPECT_TRUE(absl::StrContains(f->message, "fetching is off")) << f->message;
  EXPECT_TRUE(result.fetches.empty());
  EXPECT_EQ(server_->TotalRequests(), 0) << "fetching is off: nothing may be fetched";
}

TEST_F(ValidationFetchTest, AiaOnlyIntermediateValidatesWithFetchingOn) {
  const std::string url = server_->Url("/ica.cer");
  ValidationResult result = Validate(Request(Leaf({url})), Fetching());
  EXPECT_TRUE(result.valid) << Describe(result);
  ASSERT_EQ(result.path.size(), 3u);
  EXPECT_EQ(result.path[1]->der(), chain_.intermediate);
  ASSERT_EQ(result.fetches.size(), 1u);
  EXPECT_EQ(result.fetches[0].url, url);
  EXPECT_TRUE(result.fetches[0].ok);
  EXPECT_EQ(result.fetches[0].kind, FetchKind::kIssuers);
  EXPECT_EQ(Find(result, "fetch.issuer_not_fetched"), nullptr);
  EXPECT_EQ(server_->Requests("/ica.cer"), 1);
}

TEST_F(ValidationFetchTest, PresentedIntermediateNeedsNoFetch) {
  ValidationRequest r = Request(Leaf({server_->Url("/ica.cer")}));
  r.intermediates = {chain_.intermediate};
  ValidationResult result = Validate(r, Fetching());
  EXPECT_TRUE(result.valid) << Describe(result);
  EXPECT_TRUE(result.fetches.empty());
  EXPECT_EQ(server_->TotalRequests(), 0);
}

TEST_F(ValidationFetchTest, Pkcs7CertsOnlyAnswerWorks) {
  server_->Serve("/ica.p7c",
                 Reply::Ok(Pkcs7({chain_.root, chain_.intermediate}), "application/pkcs7-mime"));
  ValidationResult result = Validate(Request(Leaf({server_->Url("/ica.p7c")})), Fetching());
  EXPECT_TRUE(result.valid) << Describe(result);
}

TEST_F(ValidationFetchTest, FetchedCertificatesAreNotTrusted) {
  // The server answers with a self-signed "intermediate" of the right name: it is no anchor.
  testpki::CertSpec spec = testpki::RootSpec("certval Test Intermediate CA", kNow);
  const std::string impostor =
      testpki::TestCa::Root(spec, testpki::Key::Cached(KeyKind::kEcP256, 7)).cert_der();
  server_->Serve("/fake.cer", Reply::Ok(impostor));
  ValidationResult result = Validate(Request(Leaf({server_->Url("/fake.cer")})), Fetching());
  EXPECT_FALSE(result.valid);
  EXPECT_NE(Find(result, "trust_anchor.no_trusted_root"), nullptr) << Describe(result);
}

// Each hostile behaviour: the validation ends within the fetch budget, with a finding.
struct Hostile {
  std::string name;
  Reply reply;
  std::string code;
  std::string mentions;
};

TEST_F(ValidationFetchTest, HostileServersEndWithinTheBudgetWithAFinding) {
  Reply slow = Reply::Ok(chain_.intermediate);
  slow.delay = absl::Seconds(5);
  Reply huge;
  huge.framing = Reply::Framing::kUntilClose;
  huge.stream_bytes = uint64_t{1} << 32;
  Reply garbage;
  garbage.raw = "\x16\x03\x01 this is not HTTP\r\n\r\n";
  const std::vector<Hostile> cases = {
      {"slow", slow, "fetch.failed", "timed out"},
      {"huge", huge, "fetch.failed", "body over 65536 bytes"},
      {"loop", Reply::Redirect("/h/loop"), "fetch.failed", "more than 3 redirects"},
      {"garbage", garbage, "fetch.failed", "malformed HTTP response"},
      {"not a certificate", Reply::Ok("<html>hello</html>"), "fetch.unusable",
       "neither a DER certificate"},
      {"404",
       [] {
         Reply r;
         r.status = 404;
         return r;
       }(),
       "fetch.failed", "HTTP status 404"},
  };
  for (const Hostile& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string target =
        c.name == "loop" ? "/h/loop" : "/h/" + std::to_string(&c - &cases[0]);
    server_->Serve(target, c.reply);
    ValidatorOptions o = Fetching();
    o.limits.max_fetch_time = absl::Milliseconds(200);
    const absl::Time start = absl::Now();
    ValidationResult result = Validate(Request(Leaf({server_->Url(target)})), o);
    const absl::Duration took = absl::Now() - start;
    EXPECT_FALSE(result.valid);
    EXPECT_LT(took, absl::Seconds(2)) << "the validation outlived its fetch budget";
    const Finding* f = Find(result, c.code);
    ASSERT_NE(f, nullptr) << Describe(result);
    std::cout << "[ FINDING ] " << c.name << ": " << FormatFinding(*f) << "\n";
    EXPECT_TRUE(absl::StrContains(f->message, c.mentions)) << f->message;
    EXPECT_TRUE(absl::StrContains(f->message, server_->Url(target))) << f->message;
    EXPECT_EQ(f->severity, Severity::kWarning);
    ASSERT_EQ(result.fetches.size(), 1u);
    EXPECT_EQ(result.fetches[0].ok, c.code == "fetch.unusable");  // fetched, but not certificates
  }
}

TEST_F(ValidationFetchTest, FetchCountLimit) {
  ValidatorOptions o = Fetching();
  o.limits.max_fetches = 0;
  ValidationResult result = Validate(Request(Leaf({server_->Url("/ica.cer")})), o);
  EXPECT_FALSE(result.valid);
  const Finding* f = Find(result, "fetch.too_many_fetches");
  ASSERT_NE(f, nullptr) << Describe(result);
  EXPECT_TRUE(absl::StrContains(f->message, "more than 0 fetches")) << f->message;
  EXPECT_EQ(server_->TotalRequests(), 0);
}

TEST_F(ValidationFetchTest, FetchByteLimit) {
  ValidatorOptions o = Fetching();
  o.limits.max_fetch_bytes = 100;  // smaller than the intermediate
  ValidationResult result = Validate(Request(Leaf({server_->Url("/ica.cer")})), o);
  EXPECT_FALSE(result.valid);
  ASSERT_NE(Find(result, "fetch.too_many_bytes"), nullptr) << Describe(result);
  ASSERT_NE(Find(result, "fetch.failed"), nullptr) << Describe(result);
}

TEST_F(ValidationFetchTest, FetchTimeLimitAcrossFetches) {
  Reply slow = Reply::Ok(chain_.intermediate);
  slow.delay = absl::Seconds(5);
  server_->Serve("/slow.cer", slow);
  ValidatorOptions o = Fetching();
  o.limits.max_fetch_time = absl::Milliseconds(200);
  // The slow URL uses the whole fetch time; the good one after it is not tried.
  ValidationResult result =
      Validate(Request(Leaf({server_->Url("/slow.cer"), server_->Url("/ica.cer")})), o);
  EXPECT_FALSE(result.valid);
  ASSERT_NE(Find(result, "fetch.deadline_exceeded"), nullptr) << Describe(result);
  EXPECT_EQ(server_->Requests("/ica.cer"), 0);
}

TEST_F(ValidationFetchTest, RequestDeadlineBoundsFetching) {
  Reply slow = Reply::Ok(chain_.intermediate);
  slow.delay = absl::Seconds(5);
  server_->Serve("/slow.cer", slow);
  ValidationRequest r = Request(Leaf({server_->Url("/slow.cer")}));
  r.deadline = absl::Now() + absl::Milliseconds(200);
  const absl::Time start = absl::Now();
  ValidationResult result = Validate(r, Fetching());
  EXPECT_FALSE(result.valid);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
}

// --- revocation on demand ---

TEST_F(ValidationFetchTest, OcspFetchedWhenNoSourceHasAStatus) {
  const std::string leaf = Leaf({}, {server_->Url("/ocsp")});
  testpki::OcspSpec spec = testpki::OcspSpecFor(leaf, chain_.intermediate_ca(), kNow);
  spec.responses[0].status = 1;  // revoked
  spec.responses[0].revocation_time = kNow - absl::Hours(2);
  const std::string response = testpki::IssueOcspResponse(spec, chain_.intermediate_key);
  std::string posted;
  server_->Route("/ocsp", [&](const testfetch::SeenRequest& r) {
    posted = r.body;
    return Reply::Ok(response, "application/ocsp-response");
  });
  ValidationRequest r = Request(leaf);
  r.intermediates = {chain_.intermediate};
  ValidatorOptions o = Fetching();
  o.revocation.scope = RevocationScope::kLeaf;
  // Without revocation fetching granted, nothing is fetched and nothing is said.
  ValidationResult off = Validate(r, o);
  EXPECT_TRUE(off.valid) << Describe(off);
  EXPECT_EQ(server_->TotalRequests(), 0);
  o.fetch_policy.revocation = true;
  ValidationResult result = Validate(r, o);
  EXPECT_FALSE(result.valid);
  ASSERT_NE(Find(result, "revocation.revoked"), nullptr) << Describe(result);
  EXPECT_FALSE(posted.empty());
  ASSERT_EQ(result.fetches.size(), 1u);
  EXPECT_EQ(result.fetches[0].kind, FetchKind::kOcsp);
}

TEST_F(ValidationFetchTest, CrlFetchedWhenOcspCannotAnswer) {
  const std::string leaf = Leaf({}, {server_->Url("/dead-ocsp")}, {server_->Url("/ca.crl")});
  testpki::CrlSpec crl = testpki::CrlSpecFor(chain_.intermediate_ca(), kNow);
  crl.entries.push_back({testpki::SerialOf(leaf),
                         kNow - absl::Hours(1),
                         testpki::kReasonKeyCompromise,
                         std::nullopt,
                         {}});
  server_->Serve("/ca.crl", Reply::Ok(testpki::IssueCrl(crl, chain_.intermediate_key)));
  ValidationRequest r = Request(leaf);
  r.intermediates = {chain_.intermediate};
  ValidatorOptions o = Fetching();
  o.revocation.scope = RevocationScope::kLeaf;
  o.fetch_policy.revocation = true;
  ValidationResult result = Validate(r, o);
  EXPECT_FALSE(result.valid);
  const Finding* f = Find(result, "revocation.revoked");
  ASSERT_NE(f, nullptr) << Describe(result);
  EXPECT_TRUE(absl::StrContains(f->message, "keyCompromise")) << f->message;
  EXPECT_NE(Find(result, "fetch.failed"), nullptr) << Describe(result);  // the dead OCSP URL
  EXPECT_EQ(server_->Requests("/ca.crl"), 1);
}

TEST_F(ValidationFetchTest, GoodCrlFetchedMakesTheStatusGood) {
  const std::string leaf = Leaf({}, {}, {server_->Url("/ca.crl")});
  server_->Serve("/ca.crl",
                 Reply::Ok(testpki::IssueCrl(testpki::CrlSpecFor(chain_.intermediate_ca(), kNow),
                                             chain_.intermediate_key)));
  ValidationRequest r = Request(leaf);
  r.intermediates = {chain_.intermediate};
  ValidatorOptions o = Fetching();
  o.revocation.scope = RevocationScope::kLeaf;
  o.revocation.unknown = UnknownStatus::kHardFail;
  o.fetch_policy.revocation = true;
  ValidationResult result = Validate(r, o);
  EXPECT_TRUE(result.valid) << Describe(result);
  ASSERT_EQ(result.revocation.size(), 1u);
  EXPECT_EQ(result.revocation[0].state, RevocationState::kGood);
}

}  // namespace
}  // namespace certval
