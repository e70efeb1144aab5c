// certval::VerifyPemChain: a PEM chain, a host and the system store, in one call. The store is
// pointed at a minted root through SystemStoreOptions::getenv (SSL_CERT_FILE), except in the test
// of the default, which reads the real system store.
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/quick/verify.h"
#include "certval/testing/pki/test_pki.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

bool HasCode(const ValidationResult& result, const std::string& code) {
  for (const Finding& f : result.findings) {
    if (f.code == code) return true;
  }
  return false;
}

class VerifyPemChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const absl::Time now = absl::Now();
    chain_ = testpki::MakeChain(testpki::KeyKind::kEcP256, "quick.example.test", now);
    ip_leaf_pem_ = testpki::DerToPem(chain_.intermediate_ca().Issue(
                       testpki::LeafSpec("192.0.2.7", now),
                       testpki::Key::Cached(testpki::KeyKind::kEcP256, 3))) +
                   testpki::DerToPem(chain_.intermediate);
    roots_file_ = absl::StrCat(::testing::TempDir(), "/quick_roots.pem");
    std::ofstream(roots_file_) << testpki::DerToPem(chain_.root);
  }

  // Options whose system store is the minted root (as if SSL_CERT_FILE named it).
  VerifyPemOptions MintedStore() const {
    VerifyPemOptions options;
    const std::string file = roots_file_;
    options.system_store.getenv = [file](const std::string& name) -> std::optional<std::string> {
      if (name == "SSL_CERT_FILE") return file;
      return std::nullopt;
    };
    return options;
  }

  testpki::Chain chain_;
  std::string ip_leaf_pem_;
  std::string roots_file_;
};

TEST_F(VerifyPemChainTest, ValidChainForItsHost) {
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(chain_.ServerChainPem(), "quick.example.test", MintedStore());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->valid) << result->ErrorSummary();
  ASSERT_EQ(result->path.size(), 3u);  // leaf, intermediate, the minted root
}

TEST_F(VerifyPemChainTest, OtherHostIsRejected) {
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(chain_.ServerChainPem(), "elsewhere.example.test", MintedStore());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->valid);
  EXPECT_TRUE(HasCode(*result, "peer_name.mismatch")) << result->ErrorSummary();
}

TEST_F(VerifyPemChainTest, IpLiteralIsMatchedAsAnAddress) {
  absl::StatusOr<ValidationResult> good = VerifyPemChain(ip_leaf_pem_, "192.0.2.7", MintedStore());
  ASSERT_TRUE(good.ok()) << good.status();
  EXPECT_TRUE(good->valid) << good->ErrorSummary();
  absl::StatusOr<ValidationResult> bad = VerifyPemChain(ip_leaf_pem_, "192.0.2.8", MintedStore());
  ASSERT_TRUE(bad.ok()) << bad.status();
  EXPECT_TRUE(HasCode(*bad, "peer_name.mismatch")) << bad->ErrorSummary();
}

TEST_F(VerifyPemChainTest, MissingIntermediateFindsNoPath) {
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(testpki::DerToPem(chain_.leaf), "quick.example.test", MintedStore());
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->valid);
  EXPECT_TRUE(HasCode(*result, "trust_anchor.no_trusted_root")) << result->ErrorSummary();
}

TEST_F(VerifyPemChainTest, RequestSettingsAreKept) {
  VerifyPemOptions options = MintedStore();
  options.request.time = absl::Now() + absl::Hours(24 * 365);  // after the leaf's 90 days
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(chain_.ServerChainPem(), "quick.example.test", options);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->valid);
  EXPECT_TRUE(HasCode(*result, "validity.expired")) << result->ErrorSummary();
}

TEST_F(VerifyPemChainTest, NothingToValidateIsAnError) {
  EXPECT_EQ(VerifyPemChain(chain_.ServerChainPem(), "", MintedStore()).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      VerifyPemChain("no certificate here\n", "quick.example.test", MintedStore()).status().code(),
      absl::StatusCode::kInvalidArgument);
  EXPECT_FALSE(VerifyPemChain("-----BEGIN CERTIFICATE-----\n!!!\n-----END CERTIFICATE-----\n",
                              "quick.example.test", MintedStore())
                   .ok());
}

TEST_F(VerifyPemChainTest, UnusableStoreIsAnError) {
  VerifyPemOptions options;
  options.system_store.getenv = [](const std::string& name) -> std::optional<std::string> {
    if (name == "SSL_CERT_FILE") return std::string("/nonexistent/certval-roots.pem");
    return std::nullopt;
  };
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(chain_.ServerChainPem(), "quick.example.test", options);
  EXPECT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("/nonexistent/certval-roots.pem"), std::string::npos)
      << result.status();
}

TEST_F(VerifyPemChainTest, BadConfigurationIsAnError) {
  VerifyPemOptions options = MintedStore();
  options.validator.policy.Set("no_such_check", Mode::kWarn);
  EXPECT_FALSE(VerifyPemChain(chain_.ServerChainPem(), "quick.example.test", options).ok());
}

// With default options the roots are the system's (./bazelw installs ca-certificates): the store
// is found and loaded, and a privately minted chain has no path to any of its roots.
TEST_F(VerifyPemChainTest, DefaultIsTheSystemStore) {
  absl::StatusOr<ValidationResult> result =
      VerifyPemChain(chain_.ServerChainPem(), "quick.example.test");
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->valid);
  EXPECT_TRUE(HasCode(*result, "trust_anchor.no_trusted_root")) << result->ErrorSummary();
}

}  // namespace
}  // namespace certval
