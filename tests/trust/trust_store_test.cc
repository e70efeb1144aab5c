// TrustStore on its own: the index lookups, trust kinds, bulk add and concurrent use.
#include "certval/trust/trust_store.h"

#include <atomic>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/mozilla_roots.h"
#include "certval/trust/root_programs.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

using trusttest::Now;
using trusttest::ParseOrDie;
using trusttest::RootDer;

// A leaf issued by `root_cn`'s CA (same key index as RootDer uses by default).
CertificatePtr LeafUnder(absl::string_view root_cn) {
  testpki::TestCa ca = testpki::TestCa::Root(testpki::RootSpec(std::string(root_cn), Now()),
                                             testpki::Key::Cached(testpki::KeyKind::kEcP256));
  return ParseOrDie(ca.Issue(testpki::LeafSpec("a.example.test", Now()),
                             testpki::Key::Cached(testpki::KeyKind::kEcP256, 9)));
}

TEST(TrustStoreTest, EmptyStoreKnowsNothing) {
  TrustStore store;
  CertificatePtr root = ParseOrDie(RootDer("Root A"));
  std::vector<CertificatePtr> issuers;
  store.FindIssuers(*root, &issuers);
  EXPECT_TRUE(issuers.empty());
  EXPECT_EQ(store.GetTrust(*root).kind, TrustKind::kUnspecified);
  EXPECT_EQ(store.root_count(), 0u);
}

TEST(TrustStoreTest, AddRootIsAnAnchorFoundBySubject) {
  TrustStore store;
  CertificatePtr root = ParseOrDie(RootDer("Root A"));
  store.AddRoot(root);
  EXPECT_EQ(store.root_count(), 1u);
  EXPECT_EQ(store.GetTrust(*root).kind, TrustKind::kAnchor);

  std::vector<CertificatePtr> issuers;
  store.FindIssuers(*LeafUnder("Root A"), &issuers);
  ASSERT_EQ(issuers.size(), 1u);
  EXPECT_EQ(issuers[0]->der(), root->der());
}

TEST(TrustStoreTest, SameSubjectOtherKeyIsNotTheAnchor) {
  TrustStore store;
  store.AddRoot(ParseOrDie(RootDer("Root A", 0)));
  CertificatePtr impostor = ParseOrDie(RootDer("Root A", 1));
  EXPECT_EQ(store.GetTrust(*impostor).kind, TrustKind::kUnspecified);
}

TEST(TrustStoreTest, AddRootTwiceKeepsOneAndItsConstraints) {
  TrustStore store;
  CertificatePtr root = ParseOrDie(RootDer("Root A"));
  auto constraints = std::make_shared<AnchorConstraints>();
  constraints->permitted_dns = {"example.test"};
  store.AddRoot(root, constraints);
  store.AddRoot(ParseOrDie(root->der()));  // the same DER, parsed again
  EXPECT_EQ(store.root_count(), 1u);
  EXPECT_EQ(store.Roots().size(), 1u);
  TrustInfo trust = store.GetTrust(*root);
  EXPECT_EQ(trust.kind, TrustKind::kAnchor);
  EXPECT_EQ(trust.constraints, constraints);
}

TEST(TrustStoreTest, AddRootsCountsOnlyNewRoots) {
  std::vector<CertificatePtr> batch;
  for (int i = 0; i < 50; ++i) batch.push_back(ParseOrDie(RootDer(absl::StrCat("Root ", i))));
  TrustStore store;
  store.AddRoot(batch[0]);        // already there before the bulk add
  batch.push_back(batch.back());  // a duplicate inside the batch
  batch.push_back(nullptr);       // ignored
  EXPECT_EQ(store.AddRoots(batch), 49u);
  EXPECT_EQ(store.root_count(), 50u);
  EXPECT_EQ(store.GetTrust(*batch[25]).kind, TrustKind::kAnchor);
}

TEST(TrustStoreTest, AddCertTrustsExactlyThatCertificate) {
  TrustStore store;
  CertificatePtr leaf = LeafUnder("Root A");
  store.AddCert(leaf);
  EXPECT_EQ(store.GetTrust(*leaf).kind, TrustKind::kLeaf);
  EXPECT_EQ(store.root_count(), 0u);  // not an anchor: it issues nothing
  std::vector<CertificatePtr> issuers;
  store.FindIssuers(*leaf, &issuers);
  EXPECT_TRUE(issuers.empty());
}

TEST(TrustStoreTest, DistrustByCertificateOrSpkiHashWinsOverTrust) {
  TrustStore store;
  CertificatePtr a = ParseOrDie(RootDer("Root A", 0));
  CertificatePtr b = ParseOrDie(RootDer("Root B", 1));
  store.AddRoot(a);
  store.AddCert(b);
  store.Distrust(*a);
  store.DistrustSpkiSha256(SpkiSha256(*b));
  EXPECT_EQ(store.GetTrust(*a).kind, TrustKind::kDistrusted);
  EXPECT_EQ(store.GetTrust(*b).kind, TrustKind::kDistrusted);
  EXPECT_TRUE(store.IsDistrusted(*a));
  // Distrust is by key: another certificate for the same key is distrusted too.
  EXPECT_EQ(store.GetTrust(*ParseOrDie(RootDer("Root C", 0))).kind, TrustKind::kDistrusted);
}

TEST(TrustStoreTest, SpkiSha256IsTheHashOfTheSpki) {
  CertificatePtr a = ParseOrDie(RootDer("Root A"));
  EXPECT_EQ(SpkiSha256(*a).size(), 32u);
  EXPECT_EQ(SpkiSha256(*a), SpkiSha256(*ParseOrDie(RootDer("Other name, same key"))));
  EXPECT_NE(SpkiSha256(*a), SpkiSha256(*ParseOrDie(RootDer("Root A", 1))));
}

TEST(TrustStoreTest, AddDerRejectsGarbage) {
  TrustStore store;
  EXPECT_FALSE(store.AddRootDer("not a certificate").ok());
  EXPECT_FALSE(store.AddCertDer("").ok());
  EXPECT_TRUE(store.AddRootDer(RootDer("Root A")).ok());
  EXPECT_EQ(store.root_count(), 1u);
}

// Readers never see a torn state while a writer adds roots: each lookup finds either nothing or
// the complete anchor, and the count only grows.
TEST(TrustStoreTest, ConcurrentReadersWhileRootsAreAdded) {
  constexpr int kRoots = 200;
  std::vector<CertificatePtr> roots;
  for (int i = 0; i < kRoots; ++i) roots.push_back(ParseOrDie(RootDer(absl::StrCat("R", i))));
  TrustStore store;
  std::atomic<bool> done{false};
  std::atomic<int> bad{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      size_t last = 0;
      while (!done.load()) {
        for (const CertificatePtr& root : roots) {
          TrustKind kind = store.GetTrust(*root).kind;
          if (kind != TrustKind::kAnchor && kind != TrustKind::kUnspecified) ++bad;
        }
        size_t now = store.root_count();
        if (now < last) ++bad;
        last = now;
      }
    });
  }
  for (int i = 0; i < kRoots; i += 20) {
    store.AddRoots(std::vector<CertificatePtr>(roots.begin() + i, roots.begin() + i + 20));
  }
  done = true;
  for (std::thread& t : readers) t.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(store.root_count(), static_cast<size_t>(kRoots));
}

// --- where an anchor's authority comes from (AnchorOrigin) ---

// A root of the built-in Mozilla set, parsed anew (a separate copy, as a file would give).
CertificatePtr AMozillaRoot() {
  const MozillaRootSet& set = MozillaRoots();
  EXPECT_FALSE(set.roots.empty());
  return ParseOrDie(set.roots.front()->der());
}

TEST(TrustStoreTest, AddRootIsPrivateUnlessTheCallerSaysRootProgram) {
  TrustStore store;
  CertificatePtr a = ParseOrDie(RootDer("Root A"));
  CertificatePtr b = ParseOrDie(RootDer("Root B"));
  store.AddRoot(a);
  store.AddRoot(b, nullptr, AnchorOrigin::kRootProgram);
  EXPECT_EQ(store.GetTrust(*a).origin, AnchorOrigin::kPrivate);
  EXPECT_EQ(store.GetTrust(*b).origin, AnchorOrigin::kRootProgram);
  ASSERT_TRUE(store.AddRootDer(RootDer("Root C"), AnchorOrigin::kRootProgram).ok());
  EXPECT_EQ(store.GetTrust(*ParseOrDie(RootDer("Root C"))).origin, AnchorOrigin::kRootProgram);
}

TEST(TrustStoreTest, AMozillaRootIsARootProgramsWhateverTheCallerSays) {
  CertificatePtr mozilla = AMozillaRoot();
  ASSERT_TRUE(IsMozillaRoot(*mozilla));
  EXPECT_FALSE(IsMozillaRoot(*ParseOrDie(RootDer("Root A"))));
  TrustStore one, bulk, der;
  one.AddRoot(mozilla, nullptr, AnchorOrigin::kPrivate);
  EXPECT_EQ(one.GetTrust(*mozilla).origin, AnchorOrigin::kRootProgram);
  CertificatePtr private_root = ParseOrDie(RootDer("Root A"));
  bulk.AddRoots({mozilla, private_root});
  EXPECT_EQ(bulk.GetTrust(*mozilla).origin, AnchorOrigin::kRootProgram);
  EXPECT_EQ(bulk.GetTrust(*private_root).origin, AnchorOrigin::kPrivate);
  ASSERT_TRUE(der.AddRootDer(mozilla->der()).ok());
  EXPECT_EQ(der.GetTrust(*mozilla).origin, AnchorOrigin::kRootProgram);
}

TEST(TrustStoreTest, AddRootTwiceKeepsTheFirstOrigin) {
  TrustStore store;
  CertificatePtr root = ParseOrDie(RootDer("Root A"));
  store.AddRoot(root);
  store.AddRoot(ParseOrDie(root->der()), nullptr, AnchorOrigin::kRootProgram);
  EXPECT_EQ(store.GetTrust(*root).origin, AnchorOrigin::kPrivate);
}

// The compiled-in fingerprints cover the Mozilla set (and the roots Mozilla lists without
// trusting).
TEST(TrustStoreTest, EveryMozillaRootIsRecognized) {
  const MozillaRootSet& set = MozillaRoots();
  for (const CertificatePtr& root : set.roots) EXPECT_TRUE(IsMozillaRoot(*root));
  EXPECT_GE(MozillaFingerprintCount(), set.embedded.size());
  EXPECT_GE(MozillaFingerprintCount(), set.roots.size() > 0 ? 100u : 0u);
}

}  // namespace
}  // namespace certval
