// System store discovery: SSL_CERT_FILE beats SSL_CERT_DIR beats the default locations, through an
// injected environment (no setenv, so no races between tests).
#include "certval/trust/system_store.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/mozilla_roots.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using trusttest::MakeTempDir;
using trusttest::ParseOrDie;
using trusttest::RootDer;
using trusttest::WriteFile;

// A scratch world: a bundle for SSL_CERT_FILE, a directory for SSL_CERT_DIR, a default bundle and a
// default directory, each with its own root, so a test can tell which one was loaded.
class SystemStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    base_ = MakeTempDir();
    for (const char* name : {"env_file", "env_dir", "default_file", "default_dir"}) {
      ders_[name] = RootDer(absl::StrCat("Root from ", name));
    }
    WriteFile(base_ + "/env.pem", Pem("env_file"));
    std::filesystem::create_directory(base_ + "/env_dir");
    WriteFile(base_ + "/env_dir/root.pem", Pem("env_dir"));
    WriteFile(base_ + "/default.pem", Pem("default_file"));
    std::filesystem::create_directory(base_ + "/default_dir");
    WriteFile(base_ + "/default_dir/root.der", ders_["default_dir"]);
    options_.getenv = [this](const std::string& name) -> std::optional<std::string> {
      auto it = env_.find(name);
      if (it == env_.end()) return std::nullopt;
      return it->second;
    };
    options_.bundle_files = {base_ + "/missing.pem", base_ + "/default.pem"};
    options_.directories = {base_ + "/default_dir"};
  }

  std::string Pem(const std::string& name) { return testpki::DerToPem(ders_[name]); }

  // Which of the four roots the store trusts, by name.
  std::vector<std::string> Loaded(const TrustStore& store) {
    std::vector<std::string> names;
    for (const auto& [name, der] : ders_) {
      if (store.GetTrust(*ParseOrDie(der)).kind == TrustKind::kAnchor) names.push_back(name);
    }
    return names;
  }

  std::vector<std::string> LoadedWith() {
    absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? Loaded(**store) : std::vector<std::string>{};
  }

  std::string base_;
  std::map<std::string, std::string> ders_;
  std::map<std::string, std::string> env_;
  SystemStoreOptions options_;
};

TEST_F(SystemStoreTest, SslCertFileBeatsEverything) {
  env_["SSL_CERT_FILE"] = base_ + "/env.pem";
  env_["SSL_CERT_DIR"] = base_ + "/env_dir";
  EXPECT_THAT(LoadedWith(), ElementsAre("env_file"));
  absl::StatusOr<SystemStoreLocation> found = FindSystemStore(options_);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->origin, "SSL_CERT_FILE");
}

TEST_F(SystemStoreTest, SslCertDirBeatsDefaults) {
  env_["SSL_CERT_DIR"] = base_ + "/env_dir";
  EXPECT_THAT(LoadedWith(), ElementsAre("env_dir"));
}

TEST_F(SystemStoreTest, SslCertDirIsAColonSeparatedListAndSkipsMissingEntries) {
  env_["SSL_CERT_DIR"] = absl::StrCat(base_, "/env_dir::", base_, "/nope:", base_, "/default_dir");
  absl::StatusOr<SystemStoreLocation> found = FindSystemStore(options_);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_THAT(found->directories, ElementsAre(base_ + "/env_dir", base_ + "/default_dir"));
  EXPECT_THAT(LoadedWith(), ElementsAre("default_dir", "env_dir"));
}

TEST_F(SystemStoreTest, EmptyVariablesCountAsUnset) {
  env_["SSL_CERT_FILE"] = "";
  env_["SSL_CERT_DIR"] = "";
  EXPECT_THAT(LoadedWith(), ElementsAre("default_file"));
}

TEST_F(SystemStoreTest, FirstExistingDefaultBundleWins) {
  absl::StatusOr<SystemStoreLocation> found = FindSystemStore(options_);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_EQ(found->origin, "default");
  EXPECT_THAT(found->files, ElementsAre(base_ + "/default.pem"));
  EXPECT_THAT(LoadedWith(), ElementsAre("default_file"));
}

TEST_F(SystemStoreTest, DefaultDirectoriesWhenNoBundleExists) {
  options_.bundle_files = {base_ + "/missing.pem"};
  EXPECT_THAT(LoadedWith(), ElementsAre("default_dir"));
}

TEST_F(SystemStoreTest, ExplicitSslCertFileThatIsMissingIsAnErrorNotAFallback) {
  env_["SSL_CERT_FILE"] = base_ + "/gone.pem";
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(std::string(store.status().message()),
              HasSubstr("SSL_CERT_FILE=" + base_ + "/gone.pem"));
}

TEST_F(SystemStoreTest, SslCertDirWithoutAnyDirectoryIsAnError) {
  env_["SSL_CERT_DIR"] = base_ + "/nope1:" + base_ + "/nope2";
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(std::string(store.status().message()),
              HasSubstr("SSL_CERT_DIR=" + base_ + "/nope1:"));
}

TEST_F(SystemStoreTest, BrokenBundleIsAnErrorNamingIt) {
  WriteFile(base_ + "/env.pem", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n");
  env_["SSL_CERT_FILE"] = base_ + "/env.pem";
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(std::string(store.status().message()), HasSubstr(base_ + "/env.pem: line 2"));
}

TEST_F(SystemStoreTest, NothingFoundNamesEveryPlaceLookedAt) {
  options_.bundle_files = {base_ + "/a.pem", base_ + "/b.crt"};
  options_.directories = {base_ + "/no_dir"};
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kNotFound);
  const std::string message(store.status().message());
  for (const std::string& place : {std::string("SSL_CERT_FILE"), std::string("SSL_CERT_DIR"),
                                   base_ + "/a.pem", base_ + "/b.crt", base_ + "/no_dir"}) {
    EXPECT_THAT(message, HasSubstr(place));
  }
}

TEST_F(SystemStoreTest, StatsReportWhatWasLoaded) {
  env_["SSL_CERT_DIR"] = base_ + "/env_dir:" + base_ + "/env_dir";  // listed twice
  LoadStats stats;
  ASSERT_TRUE(SystemTrustStore(options_, &stats).ok());
  EXPECT_EQ(stats.added, 1);
  EXPECT_EQ(stats.duplicates, 1);
}

// The system store's copy of a Mozilla root is a root program's anchor; a root an administrator
// added next to it is private (AnchorOrigin).
TEST_F(SystemStoreTest, MozillaRootsInTheSystemStoreAreRootProgramAnchors) {
  ASSERT_FALSE(MozillaRoots().roots.empty());
  const std::string mozilla_der = MozillaRoots().roots.front()->der();
  WriteFile(base_ + "/env.pem", testpki::DerToPem(mozilla_der) + Pem("env_file"));
  env_["SSL_CERT_FILE"] = base_ + "/env.pem";
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore(options_);
  ASSERT_TRUE(store.ok()) << store.status();
  const TrustInfo mozilla = (*store)->GetTrust(*ParseOrDie(mozilla_der));
  EXPECT_EQ(mozilla.kind, TrustKind::kAnchor);
  EXPECT_EQ(mozilla.origin, AnchorOrigin::kRootProgram);
  const TrustInfo admin = (*store)->GetTrust(*ParseOrDie(ders_["env_file"]));
  EXPECT_EQ(admin.kind, TrustKind::kAnchor);
  EXPECT_EQ(admin.origin, AnchorOrigin::kPrivate);
}

TEST(DefaultLocationsTest, CoverTheUsualDistributions) {
  const std::vector<std::string>& files = DefaultBundleFiles();
  for (const char* path : {"/etc/ssl/certs/ca-certificates.crt", "/etc/pki/tls/certs/ca-bundle.crt",
                           "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem", "/etc/ssl/cert.pem",
                           "/etc/ssl/ca-bundle.pem", "/var/lib/ca-certificates/ca-bundle.pem",
                           "/etc/ca-certificates/extracted/tls-ca-bundle.pem",
                           "/usr/local/share/certs/ca-root-nss.crt"}) {
    EXPECT_NE(std::find(files.begin(), files.end(), path), files.end()) << path;
  }
  EXPECT_EQ(DefaultBundleFiles()[0], "/etc/ssl/certs/ca-certificates.crt");
  EXPECT_EQ(DefaultCertificateDirectories()[0], "/etc/ssl/certs");
}

// The real machine, with the real environment: skipped where there is no system store.
TEST(RealSystemStoreTest, LoadsWhenPresent) {
  LoadStats stats;
  absl::StatusOr<std::shared_ptr<TrustStore>> store = SystemTrustStore({}, &stats);
  if (!store.ok() && store.status().code() == absl::StatusCode::kNotFound) {
    GTEST_SKIP() << store.status();
  }
  ASSERT_TRUE(store.ok()) << store.status();
  std::cout << "system store: " << (*store)->root_count() << " roots (" << stats.duplicates
            << " duplicates, " << stats.unparsable << " unparsable, " << stats.skipped_blocks
            << " other blocks)\n";
  for (const std::string& note : stats.notes) std::cout << "  " << note << "\n";
  EXPECT_GT((*store)->root_count(), 0u);
}

}  // namespace
}  // namespace certval
