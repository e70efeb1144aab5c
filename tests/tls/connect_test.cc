// `certval connect` (tools/connect.h) against loopback servers: its --timeout covers the whole
// run, certificate validation included.
#include "tools/connect.h"

#include "certval/testing/pki/test_pki.h"
#include "certval/tls/loopback_server.h"
#include "certval/trust/trust_store.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tls/tls_test_util.h"

namespace certval::tlstest {
namespace {

using ::testing::HasSubstr;

std::unique_ptr<tls::LoopbackServer> Serve(const Identity& identity) {
  tls::LoopbackServerOptions options;
  options.chain_pem = identity.chain_pem;
  options.key_pem = identity.key_pem;
  auto server = tls::LoopbackServer::Start(std::move(options));
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

TEST(ConnectTest, TimeoutReachesTheValidation) {
  Pki pki;
  auto server = Serve(pki.Good("good.test"));
  ASSERT_NE(server, nullptr);
  auto recorder = std::make_shared<DeadlineRecorder>();
  ConnectConfig config;
  config.host = "127.0.0.1";
  config.port = server->port();
  config.servername = "good.test";
  config.validator = MakeRecordingValidator(pki.Store(), recorder);
  config.timeout = absl::Seconds(6);
  const absl::Time before = absl::Now();
  auto report = RunConnect(config);
  const absl::Time after = absl::Now();
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->dial.handshake.ok) << report->dial.handshake.error;
  EXPECT_EQ(ConnectExitCode(*report), 0);
  ASSERT_EQ(recorder->seen().size(), 1u);
  ASSERT_TRUE(recorder->seen()[0].has_value());
  EXPECT_GE(*recorder->seen()[0], before + absl::Seconds(6));
  EXPECT_LE(*recorder->seen()[0], after + absl::Seconds(6));
}

// A peer that accepts TCP and never answers: connect gives up at --timeout, not later.
TEST(ConnectTest, SilentPeerEndsAtTheTimeout) {
  uint16_t port = 0;
  auto listener = tls::ListenOnLoopback(&port);
  ASSERT_TRUE(listener.ok()) << listener.status();

  Pki pki;
  ConnectConfig config;
  config.host = "127.0.0.1";
  config.port = port;
  config.servername = "good.test";
  config.validator = MakeValidator(pki.Store());
  config.timeout = absl::Milliseconds(400);
  const absl::Time start = absl::Now();
  auto report = RunConnect(config);
  const absl::Duration took = absl::Now() - start;
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->dial.handshake.ok);
  EXPECT_EQ(report->dial.handshake.error, "timed out");
  EXPECT_EQ(ConnectExitCode(*report), 2);
  EXPECT_GE(took, absl::Milliseconds(400));
  EXPECT_LT(took, absl::Seconds(2));
}

// The hostile review's shape over TLS: a 90 KB chain (under BoringSSL's message limit) whose
// intermediate has 4,300 directoryName subtrees and whose leaf has 20 directory names once held
// `connect --timeout 5` for 56 s. Now it is refused by the constraint well inside the timeout.
TEST(ConnectTest, NameConstraintBombIsRefusedWithinTheTimeout) {
  const absl::Time now = absl::Now();
  testpki::Chain bomb = testpki::NameConstraintsBomb(4300, 20, now);
  Identity identity{testpki::DerToPem(bomb.leaf) + testpki::DerToPem(bomb.intermediate),
                    bomb.leaf_key.PrivateKeyPem(), bomb.leaf};
  EXPECT_GT(bomb.intermediate.size(), 85u * 1000);
  auto server = Serve(identity);
  ASSERT_NE(server, nullptr);
  auto store = std::make_shared<TrustStore>();
  ASSERT_TRUE(store->AddRootDer(bomb.root).ok());
  ConnectConfig config;
  config.host = "127.0.0.1";
  config.port = server->port();
  config.servername = "bomb.example.test";
  config.validator = MakeValidator(store);
  config.timeout = absl::Seconds(5);
  const absl::Time start = absl::Now();
  auto report = RunConnect(config);
  const absl::Duration took = absl::Now() - start;
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_FALSE(report->dial.handshake.ok);
  EXPECT_EQ(ConnectExitCode(*report), 1);
  EXPECT_THAT(ConnectText(*report), HasSubstr("name_constraints.not_permitted"));
  EXPECT_LT(took, absl::Seconds(5));
}

// An explicit "any name" request is reported as such, not as an empty name.
TEST(ConnectTest, AnyNameIsReportedAsAnyName) {
  Pki pki;
  auto server = Serve(pki.Good("good.test"));
  ASSERT_NE(server, nullptr);
  ConnectConfig config;
  config.host = "127.0.0.1";
  config.port = server->port();
  config.servername = "good.test";
  config.validator = MakeValidator(pki.Store());
  config.request.peer_name = PeerName::Any();
  auto report = RunConnect(config);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_EQ(report->checked_name.kind, PeerName::Kind::kAny);
  EXPECT_EQ(ConnectExitCode(*report), 0);
  EXPECT_THAT(ConnectText(*report), HasSubstr("checking any name"));
  EXPECT_EQ(ConnectJson(*report)["tls"]["checked_name"], "any name");
}

}  // namespace
}  // namespace certval::tlstest
