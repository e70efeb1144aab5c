// hooks/README.md's C++ blocks, compiled (hooks_readme_snippets.h is generated from the Markdown)
// and run.
#include "tests/docs/hooks_readme_snippets.h"

#include <memory>
#include <string>

#include "certval/trust/trust_store.h"
#include "gtest/gtest.h"

namespace certval_docs::hooks_readme {
namespace {

TEST(HooksReadmeSnippets, EveryBlockIsHere) { EXPECT_EQ(kSnippetCount, 3); }

// The configuration is accepted (the pin parses, pinning is a post-hook), and the deny list says
// what the text says it does.
TEST(HooksReadmeSnippets, DenyListAndPins) {
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(deny_list_and_pins::Run(std::make_shared<certval::TrustStore>()), 0);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");

  deny_list_and_pins::DenyList deny;
  certval::HookContext ctx;
  const certval::PeerName evil = certval::PeerName::Dns("evil.example");
  ctx.peer_name = &evil;
  absl::StatusOr<certval::HookVerdict> verdict = deny.Decide(ctx);
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict, certval::HookVerdict::kReject);
  ctx.peer_name = nullptr;
  verdict = deny.Decide(ctx);
  ASSERT_TRUE(verdict.ok());
  EXPECT_EQ(*verdict, certval::HookVerdict::kDefer);
}

// The plugin path of the text does not exist here: the snippet reports the loader's error and
// leaves the options alone.
TEST(HooksReadmeSnippets, LoadPluginReportsAMissingFile) {
  certval::ValidatorOptions options;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(load_plugin::Run(options), 1);
  EXPECT_NE(::testing::internal::GetCapturedStderr().find("libexample_plugin.so"),
            std::string::npos);
  EXPECT_TRUE(options.pre_hooks.empty());
  EXPECT_TRUE(options.custom_checks.empty());
}

// No administrator policy on a build machine (no /etc/certval/policy.conf, no CERTVAL_POLICY_FILE):
// not an error, and the application's policy stands.
TEST(HooksReadmeSnippets, AdminPolicyAbsentIsNotAnError) {
  certval::ValidatorOptions options;
  options.policy.Set("validity", certval::Mode::kWarn);
  EXPECT_EQ(admin_policy::Run(options, "www.example.com"), 0);
  EXPECT_EQ(options.policy.ModeFor("validity"), certval::Mode::kWarn);
  EXPECT_EQ(options.policy.ModeFor("signature"), certval::Mode::kEnforce);
}

}  // namespace
}  // namespace certval_docs::hooks_readme
