// README.md's C++ blocks, compiled (readme_snippets.h is generated from the Markdown) and run.
#include "tests/docs/readme_snippets.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "gtest/gtest.h"

namespace certval_docs::readme {
namespace {

using certval::testpki::Chain;
using certval::testpki::DerToPem;
using certval::testpki::KeyKind;
using certval::testpki::MakeChain;

TEST(ReadmeSnippets, EveryBlockIsHere) { EXPECT_EQ(kSnippetCount, 6); }

// The one-call convenience: a privately minted chain has no path to the system's roots (exit-code
// style 1, with the reason printed); a text without a certificate is not validated at all (2).
TEST(ReadmeSnippets, VerifyPemChain) {
  const Chain chain = MakeChain(KeyKind::kEcP256, "www.example.com", absl::Now());
  ::testing::internal::CaptureStdout();
  EXPECT_EQ(verify_pem_chain::Run(chain.ServerChainPem()), 1);
  EXPECT_NE(::testing::internal::GetCapturedStdout().find("trust_anchor.no_trusted_root"),
            std::string::npos);
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(verify_pem_chain::Run("not a certificate"), 2);
  EXPECT_NE(::testing::internal::GetCapturedStderr(), "");
}

// The snippet validates for example.com: quiet when the chain is for that name, the findings on
// stderr when it is not, and a status when the root is not a certificate.
TEST(ReadmeSnippets, UsingCertval) {
  const Chain good = MakeChain(KeyKind::kEcP256, "example.com", absl::Now());
  ::testing::internal::CaptureStderr();
  EXPECT_TRUE(using_certval::Run(good.root, good.leaf, good.intermediate).ok());
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

  const Chain other = MakeChain(KeyKind::kEcP256, "other.example", absl::Now());
  ::testing::internal::CaptureStderr();
  EXPECT_TRUE(using_certval::Run(other.root, other.leaf, other.intermediate).ok());
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("peer_name.mismatch"), std::string::npos);

  EXPECT_FALSE(using_certval::Run("not DER", good.leaf, good.intermediate).ok());
}

// The revocation settings: hard-fail made explicit, the CRLs handed over as given.
TEST(ReadmeSnippets, Revocation) {
  certval::ValidatorOptions options;
  options.revocation.scope = certval::RevocationScope::kLeaf;
  options.revocation.unknown = certval::UnknownStatus::kHardFail;
  certval::ValidationRequest request;
  revocation::Run(options, request, "crl-1", "crl-2");
  EXPECT_EQ(options.revocation.scope, certval::RevocationScope::kChain);
  EXPECT_EQ(options.revocation.unknown, certval::UnknownStatus::kSoftFail);
  ASSERT_EQ(request.crls.size(), 2u);
  EXPECT_EQ(request.crls[0], "crl-1");
  EXPECT_EQ(request.crls[1], "crl-2");
}

TEST(ReadmeSnippets, DenyList) {
  certval::ValidatorOptions options;
  deny_list::Run(options);
  ASSERT_EQ(options.pre_hooks.size(), 1u);
  certval::HookContext ctx;
  const certval::PeerName evil = certval::PeerName::Dns("evil.example");
  ctx.peer_name = &evil;
  absl::StatusOr<certval::HookVerdict> verdict = options.pre_hooks[0]->Decide(ctx);
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict, certval::HookVerdict::kReject);
  const certval::PeerName fine = certval::PeerName::Dns("good.example");
  ctx.peer_name = &fine;
  verdict = options.pre_hooks[0]->Decide(ctx);
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict, certval::HookVerdict::kDefer);
}

// Run in a directory holding corp-roots.pem, as the snippet expects: the bundle's root anchors a
// chain afterwards. The system store and the built-in set load (./bazelw installs ca-certificates).
TEST(ReadmeSnippets, TrustSources) {
  const Chain corp = MakeChain(KeyKind::kEcP256, "intranet.corp.example", absl::Now());
  const Chain other = MakeChain(KeyKind::kEcP384, "pinned.example", absl::Now());
  const std::string dir = absl::StrCat(::testing::TempDir(), "/trust_sources");
  ASSERT_TRUE(mkdir(dir.c_str(), 0700) == 0 || errno == EEXIST);
  std::ofstream(dir + "/corp-roots.pem") << DerToPem(corp.root);
  char old_cwd[4096];
  ASSERT_NE(getcwd(old_cwd, sizeof old_cwd), nullptr);
  ASSERT_EQ(chdir(dir.c_str()), 0);

  auto store = std::make_shared<certval::TrustStore>();
  absl::StatusOr<certval::CertificatePtr> pinned = certval::Certificate::Parse(other.leaf);
  absl::StatusOr<certval::CertificatePtr> compromised =
      certval::Certificate::Parse(corp.intermediate);
  ASSERT_TRUE(pinned.ok() && compromised.ok());
  absl::Status status = trust_sources::Run(store.get(), *pinned, *compromised);
  ASSERT_EQ(chdir(old_cwd), 0);
  ASSERT_TRUE(status.ok()) << status;

  certval::Validator validator(store);
  certval::ValidationRequest request;
  request.leaf = corp.leaf;
  request.intermediates = {corp.intermediate};
  request.peer_name = certval::PeerName::Dns("intranet.corp.example");
  // The root came from the bundle, but the intermediate is distrusted.
  certval::ValidationResult result = validator.Validate(request);
  EXPECT_FALSE(result.valid);
  request.leaf = other.leaf;  // trusted as the exact certificate
  request.intermediates.clear();
  request.peer_name = certval::PeerName::Dns("pinned.example");
  result = validator.Validate(request);
  EXPECT_TRUE(result.valid) << result.ErrorSummary();

  // Without corp-roots.pem in the working directory, the snippet reports the error.
  EXPECT_FALSE(trust_sources::Run(store.get(), *pinned, *compromised).ok());
}

TEST(ReadmeSnippets, Caches) {
  certval::ValidatorOptions options = caches::Run();
  EXPECT_NE(options.verifier, nullptr);
  EXPECT_NE(options.certificate_cache, nullptr);
}

}  // namespace
}  // namespace certval_docs::readme
