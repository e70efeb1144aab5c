// The file loaders: PEM bundles (text and file), DER files, plain and c_rehash directories.
#include "certval/trust/loaders.h"

#include <openssl/x509.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "certval/testing/pki/test_pki.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using trusttest::MakeTempDir;
using trusttest::ParseOrDie;
using trusttest::RootDer;
using trusttest::RootPem;
using trusttest::WriteFile;

constexpr char kCrlBlock[] = "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n";

std::string KeyPem() { return testpki::Key::Cached(testpki::KeyKind::kEcP256).PrivateKeyPem(); }

// OpenSSL's subject-name hash, as c_rehash names its links.
std::string SubjectHash(const std::string& der) {
  const uint8_t* p = reinterpret_cast<const uint8_t*>(der.data());
  X509* x509 = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (x509 == nullptr) return "ffffffff";
  std::string hash = absl::StrFormat("%08x", X509_subject_name_hash(x509));
  X509_free(x509);
  return hash;
}

// --- PEM bundles ---

TEST(LoadPemBundleTest, AddsCertificatesAndCountsOtherBlocks) {
  TrustStore store;
  const std::string text =
      absl::StrCat("comment lines are ignored\n", RootPem("A"), KeyPem(), RootPem("B"), kCrlBlock);
  absl::StatusOr<LoadStats> stats = LoadPemBundleText(text, store);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 2);
  EXPECT_EQ(stats->skipped_blocks, 2);
  EXPECT_EQ(stats->duplicates, 0);
  EXPECT_EQ(store.root_count(), 2u);
}

TEST(LoadPemBundleTest, LoadingTheSameBundleTwiceCountsDuplicates) {
  TrustStore store;
  const std::string text = RootPem("A");
  ASSERT_TRUE(LoadPemBundleText(text, store).ok());
  absl::StatusOr<LoadStats> again = LoadPemBundleText(text, store);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->added, 0);
  EXPECT_EQ(again->duplicates, 1);
  EXPECT_EQ(store.root_count(), 1u);
}

TEST(LoadPemBundleTest, FileLoads) {
  const std::string path = MakeTempDir() + "/bundle.pem";
  WriteFile(path, RootPem("A") + RootPem("B") + RootPem("C"));
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundle(path, store);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 3);
  EXPECT_EQ(stats->files, 1);
}

TEST(LoadPemBundleTest, BadBase64NamesFileAndLine) {
  const std::string path = MakeTempDir() + "/broken.pem";
  const std::string first = RootPem("A");
  std::string second = RootPem("B");
  second.replace(second.find('\n') + 5, 1, "!");  // a bad character on the block's first data line
  WriteFile(path, first + second);
  const int first_lines = static_cast<int>(std::count(first.begin(), first.end(), '\n'));
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundle(path, store);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()),
              HasSubstr(absl::StrCat(path, ": line ", first_lines + 2)));
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr("base64"));
  EXPECT_EQ(store.root_count(), 0u) << "a failed load must add nothing, not even block A";
}

TEST(LoadPemBundleTest, BadBase64LengthIsAnError) {
  TrustStore store;
  std::string pem = RootPem("A");
  pem.erase(pem.find('\n') + 1, 1);  // drop one base64 character
  absl::StatusOr<LoadStats> stats = LoadPemBundleText(pem, store, "inline.pem");
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr("inline.pem: line 1"));
}

TEST(LoadPemBundleTest, MissingEndLineNamesTheBeginLine) {
  const std::string path = MakeTempDir() + "/truncated.pem";
  std::string second = RootPem("B");
  second.resize(second.find("-----END"));
  const std::string first = RootPem("A");
  WriteFile(path, first + second);
  const int begin_line = static_cast<int>(std::count(first.begin(), first.end(), '\n')) + 1;
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundle(path, store);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()),
              HasSubstr(absl::StrCat(path, ": line ", begin_line, ": END line missing")));
}

TEST(LoadPemBundleTest, BlockThatIsNotACertificateNamesItsLine) {
  const std::string junk = testpki::DerToPem(std::string("\x30\x03\x02\x01\x05", 5));
  const std::string first = RootPem("A") + "\n";
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundleText(first + junk, store, "bundle.pem");
  ASSERT_FALSE(stats.ok());
  const int line = static_cast<int>(std::count(first.begin(), first.end(), '\n')) + 1;
  EXPECT_THAT(std::string(stats.status().message()),
              HasSubstr(absl::StrCat("bundle.pem: certificate at line ", line, ": ")));
}

TEST(LoadPemBundleTest, SkipUnparsableCountsInsteadOfFailing) {
  const std::string junk = testpki::DerToPem(std::string("\x30\x03\x02\x01\x05", 5));
  TrustStore store;
  LoadOptions options;
  options.skip_unparsable = true;
  absl::StatusOr<LoadStats> stats =
      LoadPemBundleText(RootPem("A") + junk + RootPem("B"), store, "bundle.pem", options);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 2);
  EXPECT_EQ(stats->unparsable, 1);
  ASSERT_EQ(stats->notes.size(), 1u);
  EXPECT_THAT(stats->notes[0], HasSubstr("bundle.pem: certificate at line"));
}

TEST(LoadPemBundleTest, NoCertificateBlockIsAnError) {
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundleText(KeyPem() + kCrlBlock, store, "keys.pem");
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr("keys.pem: no CERTIFICATE block"));
  EXPECT_FALSE(LoadPemBundleText("", store).ok());
}

TEST(LoadPemBundleTest, MissingFileNamesIt) {
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadPemBundle("/nonexistent/bundle.pem", store);
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(stats.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr("/nonexistent/bundle.pem"));
}

// --- DER files ---

TEST(LoadDerFileTest, LoadsOneCertificate) {
  const std::string path = MakeTempDir() + "/root.der";
  WriteFile(path, RootDer("A"));
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDerFile(path, store);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 1);
}

TEST(LoadDerFileTest, BrokenDerNamesTheFile) {
  const std::string dir = MakeTempDir();
  std::string der = RootDer("A");
  WriteFile(dir + "/truncated.der", der.substr(0, der.size() / 2));
  WriteFile(dir + "/text.der", "hello");
  TrustStore store;
  absl::StatusOr<LoadStats> truncated = LoadDerFile(dir + "/truncated.der", store);
  ASSERT_FALSE(truncated.ok());
  EXPECT_THAT(std::string(truncated.status().message()), HasSubstr(dir + "/truncated.der: "));
  absl::StatusOr<LoadStats> text = LoadDerFile(dir + "/text.der", store);
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(std::string(text.status().message()), HasSubstr("neither PEM nor a DER certificate"));
}

// --- directories ---

TEST(LoadDirectoryTest, PlainDirectoryLoadsPemAndDerAndSkipsTheRest) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/two.pem", RootPem("A") + RootPem("B"));
  WriteFile(dir + "/one.crt", RootDer("C"));
  WriteFile(dir + "/README", "certificates live here\n");
  WriteFile(dir + "/revoked.r0", kCrlBlock);
  WriteFile(dir + "/broken.pem", "-----BEGIN CERTIFICATE-----\nAAAA\n");
  fs::create_directory(dir + "/subdir");
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDirectory(dir, store);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 3);
  EXPECT_EQ(stats->files, 2);
  EXPECT_EQ(stats->skipped_files, 4);  // README, revoked.r0, broken.pem, subdir
  ASSERT_EQ(stats->notes.size(), 4u);
  EXPECT_THAT(stats->notes[0], HasSubstr(dir + "/README"));
  EXPECT_THAT(stats->notes[1], HasSubstr(dir + "/broken.pem: line 1: END line missing"));
}

TEST(LoadDirectoryTest, HashedLayoutLoadsEachCertificateOnce) {
  const std::string dir = MakeTempDir();
  // Two roots share a subject (and so a hash): c_rehash names them <hash>.0 and <hash>.1.
  const std::string ders[] = {RootDer("Alpha", 0), RootDer("Beta", 1), RootDer("Beta", 2)};
  const std::string names[] = {"Alpha.pem", "Beta_1.pem", "Beta_2.pem"};
  for (int i = 0; i < 3; ++i) WriteFile(dir + "/" + names[i], testpki::DerToPem(ders[i]));
  fs::create_symlink(names[0], dir + "/" + SubjectHash(ders[0]) + ".0");
  fs::create_symlink(names[1], dir + "/" + SubjectHash(ders[1]) + ".0");
  fs::create_symlink(names[2], dir + "/" + SubjectHash(ders[2]) + ".1");
  fs::create_symlink("gone.pem", dir + "/0badc0de.0");  // dangling
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDirectory(dir, store);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_EQ(stats->added, 3);
  EXPECT_EQ(stats->duplicates, 3);  // each link and its target are the same certificate
  EXPECT_EQ(stats->skipped_files, 1);
  EXPECT_EQ(store.root_count(), 3u);
  for (const std::string& der : ders) {
    EXPECT_EQ(store.GetTrust(*ParseOrDie(der)).kind, TrustKind::kAnchor);
  }
}

TEST(LoadDirectoryTest, EmptyDirectoryIsAnErrorSayingSo) {
  const std::string dir = MakeTempDir();
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDirectory(dir, store);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr(dir + ": the directory is empty"));
}

TEST(LoadDirectoryTest, DirectoryWithoutCertificatesIsAnError) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/README", "nothing here\n");
  WriteFile(dir + "/key.pem", KeyPem());
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDirectory(dir, store);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()),
              HasSubstr(dir + ": no certificate in any of its 2 entries (2 skipped)"));
}

TEST(LoadDirectoryTest, MissingDirectoryNamesIt) {
  TrustStore store;
  absl::StatusOr<LoadStats> stats = LoadDirectory("/nonexistent/certs", store);
  ASSERT_FALSE(stats.ok());
  EXPECT_THAT(std::string(stats.status().message()), HasSubstr("/nonexistent/certs"));
}

TEST(LoadPathTest, DispatchesOnFileOrDirectory) {
  const std::string dir = MakeTempDir();
  WriteFile(dir + "/a.pem", RootPem("A"));
  WriteFile(dir + "/b.der", RootDer("B"));
  TrustStore store;
  ASSERT_TRUE(LoadPath(dir + "/a.pem", store).ok());
  ASSERT_TRUE(LoadPath(dir + "/b.der", store).ok());
  EXPECT_EQ(store.root_count(), 2u);
  absl::StatusOr<LoadStats> again = LoadPath(dir, store);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->duplicates, 2);
}

}  // namespace
}  // namespace certval
