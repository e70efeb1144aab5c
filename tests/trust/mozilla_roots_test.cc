// The built-in Mozilla root set: compiled from NSS's certdata.txt, with its version.
#include "certval/trust/mozilla_roots.h"

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "gtest/gtest.h"

namespace certval {
namespace {

// third_party/nss/REVISION's first line; passed as the test's first argument (see BUILD).
std::string RecordedVersion() {
  std::ifstream in(::testing::internal::GetArgvs().at(1));
  std::string line;
  std::getline(in, line);
  return line;
}

TEST(MozillaRootsTest, HasMoreThanAHundredRootsAndPrintsTheCount) {
  const MozillaRootSet& set = MozillaRoots();
  std::cout << "Mozilla roots built in: " << MozillaRootCount() << " (" << MozillaRootsVersion()
            << ")\n";
  EXPECT_GT(MozillaRootCount(), 100u);
  EXPECT_EQ(set.embedded.size(), MozillaRootCount());
}

TEST(MozillaRootsTest, VersionIsTheNssRevision) {
  EXPECT_FALSE(MozillaRootsVersion().empty());
  EXPECT_EQ(std::string(MozillaRootsVersion()), RecordedVersion());
  EXPECT_EQ(MozillaRoots().version, std::string(MozillaRootsVersion()));
}

// Every built-in root parses (Certum Trusted Network CA 2, with a GeneralizedTime before
// 2050, once did not): a failure here is a parser regression.
TEST(MozillaRootsTest, EveryRootParses) {
  const MozillaRootSet& set = MozillaRoots();
  for (const std::string& failure : set.unparsable)
    ADD_FAILURE() << "unparsable built-in root: " << failure;
  EXPECT_EQ(set.roots.size(), set.embedded.size());
}

TEST(MozillaRootsTest, EmbeddedEntriesHaveNamesAndDer) {
  bool found_isrg = false;
  for (const EmbeddedCertificate& root : MozillaRoots().embedded) {
    EXPECT_FALSE(root.name.empty());
    ASSERT_FALSE(root.der.empty());
    EXPECT_EQ(static_cast<unsigned char>(root.der[0]), 0x30) << root.name;
    found_isrg |= root.name == "ISRG Root X1";
  }
  EXPECT_TRUE(found_isrg) << "ISRG Root X1 has been in the Mozilla set since 2021";
}

TEST(MozillaRootsTest, TrustStoreHoldsEveryRootAndIsIndependent) {
  absl::StatusOr<std::shared_ptr<TrustStore>> a = MozillaTrustStore();
  absl::StatusOr<std::shared_ptr<TrustStore>> b = MozillaTrustStore();
  ASSERT_TRUE(a.ok() && b.ok());
  const MozillaRootSet& set = MozillaRoots();
  EXPECT_EQ((*a)->root_count(), set.roots.size());
  for (const CertificatePtr& root : set.roots) {
    EXPECT_EQ((*a)->GetTrust(*root).kind, TrustKind::kAnchor);
  }
  (*a)->Distrust(*set.roots.front());
  EXPECT_EQ((*a)->GetTrust(*set.roots.front()).kind, TrustKind::kDistrusted);
  EXPECT_EQ((*b)->GetTrust(*set.roots.front()).kind, TrustKind::kAnchor);
}

}  // namespace
}  // namespace certval
