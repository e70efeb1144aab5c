// TrustAnyHook: accepts everything, on the record, warns once per instance, touches nothing global.
#include "certval/hooks/trust_any_hook.h"

#include <stdlib.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "certval/hooks/simple.h"
#include "gtest/gtest.h"
#include "tests/hooks/hook_test_util.h"

extern char** environ;

namespace certval {
namespace {

using hooktest::Describe;
using hooktest::HasFinding;
using hooktest::kNow;

std::vector<std::string> Environment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  std::sort(env.begin(), env.end());
  return env;
}

class TrustAnyHookTest : public ::testing::Test {
 protected:
  Validator Make(std::shared_ptr<WarningSink> sink) const {
    ValidatorOptions options;
    options.warning_sink = sink;
    options.pre_hooks = {std::make_shared<TrustAnyHook>(sink)};
    return Validator(pki_.store, options);
  }

  hooktest::TestPki pki_;
  std::shared_ptr<hooktest::RecordingSink> sink_ = std::make_shared<hooktest::RecordingSink>();
};

TEST_F(TrustAnyHookTest, AcceptsWhatValidationWouldRejectAndSaysSo) {
  testpki::Chain other = testpki::MakeChain(testpki::KeyKind::kEcP256, "evil.test", kNow);
  ValidationRequest request = pki_.Request("example.test", other.leaf);  // wrong root, wrong name
  ValidationResult r = Make(sink_).Validate(request);
  EXPECT_TRUE(r.valid) << Describe(r);
  EXPECT_EQ(r.decider, Decider::kHook);
  EXPECT_EQ(r.decided_by_hook, TrustAnyHook::kName);
  ASSERT_TRUE(HasFinding(r, "hooks.accepted", Severity::kInfo)) << Describe(r);
  EXPECT_NE(Describe(r).find("certificate validation disabled"), std::string::npos) << Describe(r);
}

TEST_F(TrustAnyHookTest, WarnsOncePerInstance) {
  Validator validator = Make(sink_);
  for (const char* peer : {"a.test", "b.test", "c.test"}) validator.Validate(pki_.Request(peer));
  EXPECT_EQ(sink_->Count(TrustAnyHook::kWarningCode), 1);
  EXPECT_EQ(sink_->records().front().peer, "a.test");

  // Another Validator with its own hook warns again: the state is per instance, not per process.
  Make(sink_).Validate(pki_.Request());
  EXPECT_EQ(sink_->Count(TrustAnyHook::kWarningCode), 2);
}

TEST_F(TrustAnyHookTest, WarnsOnceUnderConcurrentFirstUse) {
  Validator validator = Make(sink_);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] { validator.Validate(pki_.Request()); });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(sink_->Count(TrustAnyHook::kWarningCode), 1);
}

TEST_F(TrustAnyHookTest, WithoutASinkWarnsOnStderrOnce) {
  TrustAnyHook hook;  // no sink
  HookContext ctx;
  PeerName peer = PeerName::Dns("example.test");
  ctx.peer_name = &peer;
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(*hook.Decide(ctx), HookVerdict::kAccept);
  EXPECT_EQ(*hook.Decide(ctx), HookVerdict::kAccept);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("hooks.trust_any"), std::string::npos) << err;
  EXPECT_EQ(err.find("hooks.trust_any"), err.rfind("hooks.trust_any")) << err;
}

TEST_F(TrustAnyHookTest, LeavesTheEnvironmentAlone) {
  // The variables the vendor's "trust any certificate" deletes, and the ones certval itself reads.
  setenv("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt", 1);
  setenv("CURL_CA_BUNDLE", "/etc/ssl/certs/ca-certificates.crt", 1);
  setenv("SSL_CERT_FILE", "/etc/ssl/certs/ca-certificates.crt", 1);
  std::vector<std::string> before = Environment();

  Make(sink_).Validate(pki_.Request());
  SimpleValidation simple(pki_.store);
  ::testing::internal::CaptureStderr();
  simple.DisableValidation();
  ::testing::internal::GetCapturedStderr();
  simple.SetWarningSink(sink_).Build().Validate(pki_.Request());

  EXPECT_EQ(Environment(), before);
  // And other validators in the process still validate.
  ValidatorOptions options;
  options.warning_sink = sink_;
  testpki::Chain other = testpki::MakeChain(testpki::KeyKind::kEcP256, "evil.test", kNow);
  EXPECT_FALSE(
      Validator(pki_.store, options).Validate(pki_.Request("example.test", other.leaf)).valid);
}

}  // namespace
}  // namespace certval
