// Issue 19's anchor metadata, end to end through the Validator: distrust-after dates (a leaf issued
// after the date refused with its own code, one issued before accepted), trust bits (an email-only
// root cannot anchor a TLS server path), max leaf validity, and Mozilla's metadata following a
// root by fingerprint whatever store it was loaded from.
#include <memory>
#include <string>
#include <vector>

#include "certval/testing/pki/test_pki.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/root_programs.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

using trusttest::Now;
using trusttest::ParseOrDie;

constexpr char kHost[] = "www.example.test";

bool HasCode(const ValidationResult& r, const std::string& code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return true;
  }
  return false;
}

std::string Codes(const ValidationResult& r) {
  std::string out;
  for (const Finding& f : r.findings) out += FormatFinding(f) + "\n";
  return out;
}

class AnchorMetadataTest : public ::testing::Test {
 protected:
  AnchorMetadataTest() : chain_(testpki::MakeChain(testpki::KeyKind::kEcP256, kHost, Now())) {}

  // A leaf from the chain's intermediate whose notBefore is `issued` (valid 90 days).
  std::string LeafIssuedAt(absl::Time issued, std::vector<std::string> eku = {"serverAuth"}) {
    testpki::CertSpec spec = testpki::LeafSpec(kHost, issued + absl::Hours(24));
    spec.eku = std::move(eku);
    return chain_.intermediate_ca().Issue(spec, chain_.leaf_key);
  }

  ValidationResult Validate(const std::string& leaf, absl::Time at,
                            Purpose purpose = Purpose::kServerAuth) {
    Validator validator(store_, ValidatorOptions{});
    ValidationRequest request;
    request.leaf = leaf;
    request.intermediates = {chain_.intermediate};
    request.peer_name = PeerName::Dns(kHost);
    request.purpose = purpose;
    request.time = at;
    return validator.Validate(request);
  }

  void AddRootWith(const AnchorConstraints& c) {
    store_->AddRoot(ParseOrDie(chain_.root), std::make_shared<AnchorConstraints>(c));
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_ = std::make_shared<TrustStore>("root-store");
};

TEST_F(AnchorMetadataTest, LeafIssuedAfterTheServerDistrustAfterDateIsRefused) {
  const absl::Time date = Now();
  AnchorConstraints c;
  c.server_distrust_after = date;
  AddRootWith(c);

  ValidationResult before = Validate(LeafIssuedAt(date - absl::Hours(48)), date + absl::Hours(24));
  EXPECT_TRUE(before.valid) << Codes(before);
  EXPECT_EQ(before.anchor_source, "root-store");

  ValidationResult after = Validate(LeafIssuedAt(date + absl::Hours(1)), date + absl::Hours(24));
  EXPECT_FALSE(after.valid);
  EXPECT_TRUE(HasCode(after, "trust_anchor.distrusted_after")) << Codes(after);

  // Exactly at the date: not after it, still trusted (Mozilla refuses notBefore > date).
  ValidationResult at = Validate(LeafIssuedAt(date), date + absl::Hours(24));
  EXPECT_TRUE(at.valid) << Codes(at);
}

TEST_F(AnchorMetadataTest, AnEmailDistrustAfterDateDoesNotTouchTls) {
  AnchorConstraints c;
  c.email_distrust_after = Now() - absl::Hours(24 * 365);
  AddRootWith(c);
  ValidationResult r = Validate(LeafIssuedAt(Now()), Now() + absl::Hours(1));
  EXPECT_TRUE(r.valid) << Codes(r);
}

TEST_F(AnchorMetadataTest, AnEmailOnlyRootCannotAnchorATlsServerPath) {
  AnchorConstraints c;
  c.trusted_for_server = false;
  AddRootWith(c);
  ValidationResult server = Validate(LeafIssuedAt(Now()), Now() + absl::Hours(1));
  EXPECT_FALSE(server.valid);
  EXPECT_TRUE(HasCode(server, "trust_anchor.purpose_not_trusted")) << Codes(server);
  ValidationResult client =
      Validate(LeafIssuedAt(Now(), {"clientAuth"}), Now() + absl::Hours(1), Purpose::kClientAuth);
  EXPECT_TRUE(HasCode(client, "trust_anchor.purpose_not_trusted")) << Codes(client);
  // An S/MIME leaf, validated for no particular purpose, is what the root is for.
  ValidationResult email =
      Validate(LeafIssuedAt(Now(), {"emailProtection"}), Now() + absl::Hours(1), Purpose::kAny);
  EXPECT_FALSE(HasCode(email, "trust_anchor.purpose_not_trusted")) << Codes(email);
}

TEST_F(AnchorMetadataTest, WithoutAPurposeEveryUseOfTheLeafNeedsItsTrustBit) {
  AnchorConstraints c;
  c.trusted_for_email = false;
  AddRootWith(c);
  ValidationResult tls = Validate(LeafIssuedAt(Now()), Now() + absl::Hours(1), Purpose::kAny);
  EXPECT_FALSE(HasCode(tls, "trust_anchor.purpose_not_trusted")) << Codes(tls);
  ValidationResult email =
      Validate(LeafIssuedAt(Now(), {"emailProtection"}), Now() + absl::Hours(1), Purpose::kAny);
  EXPECT_TRUE(HasCode(email, "trust_anchor.purpose_not_trusted")) << Codes(email);
}

TEST_F(AnchorMetadataTest, MaxLeafValidity) {
  AnchorConstraints c;
  c.max_leaf_validity = absl::Hours(24 * 90);  // the test leaves are valid for 91 days
  AddRootWith(c);
  ValidationResult r = Validate(LeafIssuedAt(Now()), Now() + absl::Hours(1));
  EXPECT_TRUE(HasCode(r, "trust_anchor.leaf_validity_too_long")) << Codes(r);
  store_ = std::make_shared<TrustStore>();
  c.max_leaf_validity = absl::Hours(24 * 100);
  AddRootWith(c);
  ValidationResult ok = Validate(LeafIssuedAt(Now()), Now() + absl::Hours(1));
  EXPECT_TRUE(ok.valid) << Codes(ok);
}

// The first built-in root for which `pred` holds, or null.
template <typename Pred>
CertificatePtr FindBuiltin(Pred pred) {
  for (const CertificatePtr& root : MozillaRoots().roots) {
    std::optional<MozillaRootInfo> info = FindMozillaRoot(root->der_sha256());
    if (info && pred(*info)) return root;
  }
  return nullptr;
}

// A leaf claiming `root` as its issuer (no one has the roots' keys: the signature check is off).
std::string LeafUnder(const Certificate& root, absl::Time issued) {
  testpki::CertSpec spec = testpki::LeafSpec(kHost, issued + absl::Hours(24));
  return testpki::IssueCertificate(spec, testpki::Key::Cached(testpki::KeyKind::kEcP256, 1),
                                   testpki::Key::Cached(testpki::KeyKind::kEcP256, 0),
                                   std::string(root.subject().der));
}

ValidationResult ValidateUnder(std::shared_ptr<TrustStore> store, const std::string& leaf,
                               absl::Time at) {
  ValidatorOptions options;
  options.policy.Set("signature", Mode::kDisable);
  options.warning_sink = std::make_shared<NullWarningSink>();
  ValidationRequest request;
  request.leaf = leaf;
  request.peer_name = PeerName::Dns(kHost);
  request.time = at;
  return Validator(store, options).Validate(request);
}

// Mozilla's dates follow the root: a copy loaded as a plain private root (as from the system
// store) gets the same distrust-after date as the built-in set's.
TEST(MozillaMetadataTest, DistrustAfterFollowsTheRootByFingerprint) {
  CertificatePtr root = FindBuiltin([](const MozillaRootInfo& i) {
    return i.server == MozillaTrust::kTrusted && i.server_distrust_after.has_value();
  });
  ASSERT_NE(root, nullptr) << "certdata.txt has TLS roots with a distrust-after date";
  const absl::Time date = *FindMozillaRoot(root->der_sha256())->server_distrust_after;
  auto system = std::make_shared<TrustStore>("system");
  system->AddRoot(ParseOrDie(std::string(root->der())), nullptr, AnchorOrigin::kPrivate);
  const TrustInfo trust = system->GetTrust(*root);
  ASSERT_EQ(trust.kind, TrustKind::kAnchor);
  EXPECT_EQ(trust.origin, AnchorOrigin::kRootProgram);
  EXPECT_EQ(trust.source, "system");
  ASSERT_NE(trust.constraints, nullptr);
  EXPECT_EQ(trust.constraints->server_distrust_after, date);

  ValidationResult before = ValidateUnder(system, LeafUnder(*root, date - absl::Hours(72)), date);
  EXPECT_TRUE(before.valid) << Codes(before);
  ValidationResult after =
      ValidateUnder(system, LeafUnder(*root, date + absl::Hours(24)), date + absl::Hours(48));
  EXPECT_FALSE(after.valid);
  EXPECT_TRUE(HasCode(after, "trust_anchor.distrusted_after")) << Codes(after);
}

TEST(MozillaMetadataTest, MozillasEmailOnlyRootsCannotAnchorTls) {
  CertificatePtr root = FindBuiltin([](const MozillaRootInfo& i) {
    return i.server != MozillaTrust::kTrusted && i.email == MozillaTrust::kTrusted;
  });
  ASSERT_NE(root, nullptr) << "certdata.txt has email-only roots";
  absl::StatusOr<std::shared_ptr<TrustStore>> builtin = MozillaTrustStore();
  ASSERT_TRUE(builtin.ok());
  const absl::Time now = std::max(Now(), root->not_before() + absl::Hours(24 * 30));
  ValidationResult r = ValidateUnder(*builtin, LeafUnder(*root, now - absl::Hours(48)), now);
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.purpose_not_trusted")) << Codes(r);
  EXPECT_EQ(r.anchor_source, "mozilla");
}

// A caller's own limits on a Mozilla root add to Mozilla's, never lift them.
TEST(MozillaMetadataTest, CallerConstraintsCannotLiftMozillasLimits) {
  CertificatePtr root = FindBuiltin([](const MozillaRootInfo& i) {
    return i.server != MozillaTrust::kTrusted && i.email == MozillaTrust::kTrusted;
  });
  ASSERT_NE(root, nullptr);
  auto lax = std::make_shared<AnchorConstraints>();  // trusted_for_server = true by default
  lax->permitted_dns = {"example.test"};
  TrustStore store;
  store.AddRoot(root, lax);
  const TrustInfo trust = store.GetTrust(*root);
  ASSERT_NE(trust.constraints, nullptr);
  EXPECT_FALSE(trust.constraints->trusted_for_server);
  EXPECT_EQ(trust.constraints->permitted_dns, lax->permitted_dns);
}

}  // namespace
}  // namespace certval
