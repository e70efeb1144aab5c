// The plugin loader with a real plugin (examples/plugin) and bad ones (tests/hooks/plugins), all
// built by Bazel as shared objects and loaded through dlopen.
#include "certval/hooks/plugin_loader.h"

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::HasFinding;
using hooktest::kNow;
using ::testing::HasSubstr;

std::string Msg(const absl::Status& status) { return std::string(status.message()); }

std::string Runfile(absl::string_view path) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir != nullptr ? srcdir : ".", "/",
                      workspace != nullptr ? workspace : "certval", "/", path);
}

std::string Example() { return Runfile("examples/plugin/libexample_plugin.so"); }
std::string Bad(absl::string_view name) {
  return Runfile(absl::StrCat("tests/hooks/plugins/lib", name, ".so"));
}

std::string TempFile(absl::string_view name, absl::string_view content) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  std::string path = absl::StrCat(tmp != nullptr ? tmp : "/tmp", "/", name);
  std::ofstream(path) << content;
  return path;
}

class PluginLoaderTest : public ::testing::Test {
 protected:
  Validator WithPlugin(const LoadedPlugin& plugin, Policy policy = {}) {
    ValidatorOptions options;
    options.policy = std::move(policy);
    options.warning_sink = sink_;
    options.pre_hooks = {plugin.hook};
    options.custom_checks = {plugin.check};
    return Validator(pki_.store, options);
  }
  ValidationRequest For(const std::string& host) { return pki_.Request(host, pki_.Leaf(host)); }

  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
};

TEST_F(PluginLoaderTest, LoadsTheExamplePlugin) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Example());
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  EXPECT_EQ(plugin->name, "example_plugin");
  ASSERT_NE(plugin->hook, nullptr);
  ASSERT_NE(plugin->check, nullptr);
  EXPECT_EQ(plugin->hook->name(), "example_plugin");
  EXPECT_EQ(plugin->check->name(), "leaf_lifetime");
}

TEST_F(PluginLoaderTest, PluginHookRejectsBlockedPeersAndDefersOthers) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Example());
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  Validator validator = WithPlugin(*plugin);
  for (const char* host : {"blocked.test", "www.blocked.test", "a.b.BLOCKED.test"}) {
    ValidationResult r = validator.Validate(For(host));
    EXPECT_FALSE(r.valid) << host << "\n" << Describe(r);
    EXPECT_EQ(r.decided_by_hook, "example_plugin") << host;
  }
  ValidationResult ok = validator.Validate(pki_.Request());
  EXPECT_TRUE(ok.valid) << Describe(ok);
  EXPECT_EQ(ok.decider, Decider::kChain);
  EXPECT_TRUE(validator.Validate(For("notblocked.test")).valid);
}

TEST_F(PluginLoaderTest, PluginHookErrorFollowsTheHooksMode) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Example());
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  ValidationResult enforce = WithPlugin(*plugin).Validate(For("db.error.test"));
  EXPECT_FALSE(enforce.valid);
  EXPECT_TRUE(HasFinding(enforce, "hooks.hook_failed", Severity::kError)) << Describe(enforce);
  EXPECT_THAT(enforce.ErrorSummary(), HasSubstr("deny-list backend unreachable for db.error.test"));

  Policy warn;
  warn.Set("hooks", Mode::kWarn);
  ValidationResult r = WithPlugin(*plugin, warn).Validate(For("db.error.test"));
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(sink_->Count("hooks.hook_failed"), 1);
}

TEST_F(PluginLoaderTest, PluginCheckRunsUnderItsOwnPolicyName) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Example());
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  testpki::CertSpec spec = testpki::LeafSpec("example.test", kNow);
  spec.not_after = kNow + absl::Hours(24 * 500);  // 501 days in all
  ValidationRequest request = pki_.Request("example.test", pki_.Leaf(spec));

  ValidationResult enforce = WithPlugin(*plugin).Validate(request);
  EXPECT_FALSE(enforce.valid);
  ASSERT_TRUE(HasFinding(enforce, "leaf_lifetime.too_long", Severity::kError)) << Describe(enforce);
  for (const Finding& f : enforce.findings) {
    if (f.code == "leaf_lifetime.too_long") {
      EXPECT_EQ(f.cert_index, 0);
      EXPECT_THAT(f.message, HasSubstr("501 days"));
    }
  }
  Policy warn;
  warn.Set("leaf_lifetime", Mode::kWarn);
  EXPECT_TRUE(WithPlugin(*plugin, warn).Validate(request).valid);
  EXPECT_EQ(sink_->Count("leaf_lifetime.too_long"), 1);
  Policy off;
  off.Set("leaf_lifetime", Mode::kDisable);
  ValidationResult disabled = WithPlugin(*plugin, off).Validate(request);
  EXPECT_TRUE(disabled.valid);
  EXPECT_FALSE(hooktest::HasCheckFinding(disabled, "leaf_lifetime"));
}

TEST_F(PluginLoaderTest, TheValidatorKeepsThePluginLoaded) {
  absl::StatusOr<Validator> validator = [&]() -> absl::StatusOr<Validator> {
    absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Example());
    if (!plugin.ok()) return plugin.status();
    return WithPlugin(*plugin);
  }();  // the LoadedPlugin is gone; the hook and check inside the Validator remain
  ASSERT_TRUE(validator.ok());
  EXPECT_FALSE(validator->Validate(For("www.blocked.test")).valid);
  EXPECT_TRUE(validator->Validate(pki_.Request()).valid);
}

// A post-hook plugin sees in `path` the validated path only: never the best failing one, which
// would let a plugin that judges its certificates vouch for a chain the checks refused.
TEST_F(PluginLoaderTest, PostHookPluginSeesOnlyTheValidatedPath) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("path_trusting"));
  ASSERT_TRUE(plugin.ok()) << plugin.status();
  ValidatorOptions options;
  options.warning_sink = sink_;
  options.post_hooks = {plugin->hook};
  Validator validator(pki_.store, options);
  ValidationResult good = validator.Validate(pki_.Request());
  EXPECT_TRUE(good.valid) << Describe(good);
  EXPECT_EQ(good.decided_by_hook, "path_trusting");  // it saw the validated path
  ValidationResult wrong_host = validator.Validate(pki_.Request("other.test"));
  EXPECT_FALSE(wrong_host.valid) << Describe(wrong_host);
  EXPECT_EQ(wrong_host.decider, Decider::kChain) << "the plugin saw a path the checks refused";
}

TEST_F(PluginLoaderTest, MissingFileIsNotFound) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Runfile("no/such/plugin.so"));
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kNotFound) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("no such file"));
}

TEST_F(PluginLoaderTest, BareNameIsNotLookedUpInTheLibraryPath) {
  // "libc.so.6" exists on the library path; a bare name means a file in the working directory.
  EXPECT_EQ(LoadPlugin("libc.so.6").status().code(), absl::StatusCode::kNotFound);
}

TEST_F(PluginLoaderTest, NotASharedObjectSaysSo) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(TempFile("text.so", "this is not ELF\n"));
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kInvalidArgument) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("not a loadable shared object"));
  const char* tmp = std::getenv("TEST_TMPDIR");
  absl::StatusOr<LoadedPlugin> dir = LoadPlugin(tmp != nullptr ? tmp : "/tmp");
  EXPECT_EQ(dir.status().code(), absl::StatusCode::kInvalidArgument) << dir.status();
}

TEST_F(PluginLoaderTest, MissingInitSymbolSaysSo) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("missing_symbol"));
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kInvalidArgument) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("does not export certval_plugin_init"));
}

// Issue 13, item 11: the version is checked before the plugin runs, so a plugin built for another
// layout never writes into the host's struct (this one would write past its end, and say so).
TEST_F(PluginLoaderTest, WrongAbiVersionIsRefusedBeforeInitRuns) {
  unsetenv("CERTVAL_TEST_PLUGIN_INIT_RAN");
  absl::Status probed = ProbePlugin(Bad("wrong_abi"));
  EXPECT_EQ(probed.code(), absl::StatusCode::kFailedPrecondition) << probed;
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("wrong_abi"));
  EXPECT_EQ(std::getenv("CERTVAL_TEST_PLUGIN_INIT_RAN"), nullptr) << "init ran";
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kFailedPrecondition) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("ABI version 43"));
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("speaks version 2"));
}

TEST_F(PluginLoaderTest, VersionOnePluginIsRefusedBeforeInitRuns) {
  unsetenv("CERTVAL_TEST_PLUGIN_INIT_RAN");
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("old_abi"));
  EXPECT_EQ(std::getenv("CERTVAL_TEST_PLUGIN_INIT_RAN"), nullptr) << "init ran";
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kFailedPrecondition) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("ABI version 1 (it does not export "
                                              "certval_plugin_abi_version)"));
}

TEST_F(PluginLoaderTest, InitFailureCarriesThePluginsReason) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("init_fails"));
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kAborted) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("returned 7"));
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("configuration /nonexistent/pins.conf missing"));
}

TEST_F(PluginLoaderTest, CheckMayNotBorrowABuiltInName) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad("reserved_check"));
  EXPECT_EQ(plugin.status().code(), absl::StatusCode::kInvalidArgument) << plugin.status();
  EXPECT_THAT(Msg(plugin.status()), HasSubstr("'validity' is reserved"));
}

// Issue 13: a check name that names nothing certval knows, or that it already uses, is refused.
TEST_F(PluginLoaderTest, CheckNameMustBeAPlainUnusedIdentifier) {
  const struct {
    const char* plugin;
    const char* reason;
  } cases[] = {
      {"named_check_empty", "check name '' is not a plain name"},
      {"named_check_dash", "check name 'leaf-lifetime' is not a plain name"},
      {"named_check_upper", "check name 'Leaf_lifetime' is not a plain name"},
      {"named_check_digit", "check name '9lives' is not a plain name"},
      {"named_check_long", "is not a plain name"},
      {"named_check_configuration", "'configuration' is reserved"},
      {"named_check_pinning", "'pinning' is reserved"},
      {"named_check_hooks", "'hooks' is reserved"},
  };
  for (const auto& c : cases) {
    absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(Bad(c.plugin));
    EXPECT_EQ(plugin.status().code(), absl::StatusCode::kInvalidArgument)
        << c.plugin << ": " << plugin.status();
    EXPECT_THAT(Msg(plugin.status()), HasSubstr(c.reason)) << c.plugin;
  }
  absl::StatusOr<LoadedPlugin> ok = LoadPlugin(Bad("named_check_ok"));
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_EQ(ok->check->name(), "site_rules_2");
}

TEST_F(PluginLoaderTest, ProbeReportsWhatLoadingWouldDo) {
  EXPECT_TRUE(ProbePlugin(Example()).ok());
  EXPECT_EQ(ProbePlugin(Bad("init_fails")).code(), absl::StatusCode::kAborted);
  EXPECT_EQ(ProbePlugin(Bad("wrong_abi")).code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(ProbePlugin(Runfile("no/such/plugin.so")).code(), absl::StatusCode::kNotFound);
}

TEST_F(PluginLoaderTest, ProbeSurvivesAPluginThatCrashesInInit) {
  absl::Status status = ProbePlugin(Bad("crash_init"));
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal) << status;
  EXPECT_THAT(Msg(status), HasSubstr("crashed while loading"));
  EXPECT_THAT(Msg(status), HasSubstr("SIGSEGV"));
}

}  // namespace
}  // namespace certval
