// The binding over real TCP sockets on 127.0.0.1: a LoopbackServer thread per test, a client that
// dials it with tls::Dial. Every wait is bounded by a deadline well under the test timeout.
#include <openssl/ssl.h>

#include "certval/tls/binding.h"
#include "certval/tls/legacy.h"
#include "certval/tls/loopback_server.h"
#include "certval/tls/transport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tls/tls_test_util.h"

namespace certval::tlstest {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

constexpr absl::Duration kWait = absl::Seconds(5);

std::unique_ptr<tls::LoopbackServer> Serve(const Identity& identity,
                                           std::function<absl::Status(SSL_CTX*)> configure = {}) {
  tls::LoopbackServerOptions options;
  options.chain_pem = identity.chain_pem;
  options.key_pem = identity.key_pem;
  options.configure = std::move(configure);
  auto server = tls::LoopbackServer::Start(std::move(options));
  EXPECT_TRUE(server.ok()) << server.status();
  return server.ok() ? *std::move(server) : nullptr;
}

class LoopbackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    client_ = ClientContext();
    ASSERT_TRUE(tls::ApplyModernProfile(client_.get()).ok());
    ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  }

  absl::StatusOr<tls::DialResult> Dial(uint16_t port, const std::string& sni) {
    tls::DialOptions options;
    options.sni = sni;
    options.timeout = kWait;
    return tls::Dial(client_.get(), "127.0.0.1", port, options);
  }

  Pki pki_;
  bssl::UniquePtr<SSL_CTX> client_;
};

TEST_F(LoopbackTest, GoodServer) {
  auto server = Serve(pki_.Good("good.test"));
  ASSERT_NE(server, nullptr);
  auto dial = Dial(server->port(), "good.test");
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_TRUE(dial->handshake.ok) << dial->handshake.error;
  EXPECT_EQ(dial->version, "TLSv1.3");
  ASSERT_TRUE(dial->validation.has_value());
  EXPECT_TRUE(dial->validation->valid);
  EXPECT_FALSE(dial->alert_sent.has_value());
  auto served = server->WaitForHandshakes(1, kWait);
  ASSERT_EQ(served.size(), 1u);
  EXPECT_TRUE(served[0].outcome.ok) << served[0].outcome.error;
  EXPECT_EQ(served[0].server_name, "good.test");
}

TEST_F(LoopbackTest, ExpiredServerGetsCertificateExpiredAlert) {
  auto server = Serve(pki_.Expired("good.test"));
  ASSERT_NE(server, nullptr);
  auto dial = Dial(server->port(), "good.test");
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_FALSE(dial->handshake.ok);
  ASSERT_TRUE(dial->alert_sent.has_value());
  EXPECT_EQ(*dial->alert_sent, SSL_AD_CERTIFICATE_EXPIRED);
  EXPECT_EQ(tls::AlertName(*dial->alert_sent), "certificate_expired");
  EXPECT_THAT(Codes(*dial->validation), Contains("validity.expired"));
  auto served = server->WaitForHandshakes(1, kWait);
  ASSERT_EQ(served.size(), 1u);
  EXPECT_THAT(served[0].outcome.error, HasSubstr("CERTIFICATE_EXPIRED"));
}

TEST_F(LoopbackTest, WrongHostAndUntrustedRoot) {
  auto wrong_host = Serve(pki_.Good("good.test"));
  auto untrusted = Serve(pki_.Untrusted("good.test"));
  ASSERT_TRUE(wrong_host && untrusted);
  auto a = Dial(wrong_host->port(), "elsewhere.test");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_FALSE(a->handshake.ok);
  EXPECT_THAT(Codes(*a->validation), Contains("peer_name.mismatch"));
  auto b = Dial(untrusted->port(), "good.test");
  ASSERT_TRUE(b.ok()) << b.status();
  EXPECT_FALSE(b->handshake.ok);
  EXPECT_EQ(b->alert_sent, std::optional<uint8_t>(SSL_AD_UNKNOWN_CA));
}

TEST_F(LoopbackTest, OneServerManyConnections) {
  auto server = Serve(pki_.Good("good.test"));
  ASSERT_NE(server, nullptr);
  for (int i = 0; i < 5; ++i) {
    auto dial = Dial(server->port(), i % 2 ? "good.test" : "bad.test");
    ASSERT_TRUE(dial.ok()) << dial.status();
    EXPECT_EQ(dial->handshake.ok, i % 2 == 1) << dial->handshake.error;
  }
  EXPECT_EQ(server->WaitForHandshakes(5, kWait).size(), 5u);
}

TEST_F(LoopbackTest, ClientCertificateOverASocket) {
  Identity client_id = pki_.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(client_.get(), client_id.chain_pem, client_id.key_pem).ok());
  auto validator = MakeValidator(pki_.Store());
  auto server = Serve(pki_.Good("good.test"),
                      [&](SSL_CTX* ctx) { return tls::AttachServer(ctx, validator); });
  ASSERT_NE(server, nullptr);
  auto dial = Dial(server->port(), "good.test");
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_TRUE(dial->handshake.ok) << dial->handshake.error;
  auto served = server->WaitForHandshakes(1, kWait);
  ASSERT_EQ(served.size(), 1u);
  EXPECT_TRUE(served[0].outcome.ok) << served[0].outcome.error;
  ASSERT_TRUE(served[0].client_validation.has_value());
  EXPECT_TRUE(served[0].client_validation->valid);
}

TEST_F(LoopbackTest, ClosedPortIsAnErrorNamingHostAndPort) {
  uint16_t port;
  {
    auto server = Serve(pki_.Good("good.test"));  // take a port, then free it
    ASSERT_NE(server, nullptr);
    port = server->port();
  }
  auto dial = Dial(port, "good.test");
  ASSERT_FALSE(dial.ok());
  EXPECT_THAT(std::string(dial.status().message()), HasSubstr("127.0.0.1:" + std::to_string(port)));
  EXPECT_THAT(std::string(dial.status().message()), HasSubstr("refused"));
}

// A peer that accepts TCP but never speaks TLS: the handshake gives up at the deadline.
TEST_F(LoopbackTest, SilentPeerTimesOut) {
  uint16_t port = 0;
  auto listener = tls::ListenOnLoopback(&port);  // the kernel completes TCP; nobody answers
  ASSERT_TRUE(listener.ok()) << listener.status();

  tls::DialOptions options;
  options.sni = "good.test";
  options.timeout = absl::Milliseconds(300);
  const absl::Time start = absl::Now();
  auto dial = tls::Dial(client_.get(), "127.0.0.1", port, options);
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_FALSE(dial->handshake.ok);
  EXPECT_EQ(dial->handshake.error, "timed out");
  EXPECT_LT(absl::Now() - start, absl::Seconds(3));
}

// Issue 13, item 7: a session established with name A, then offered (the same SSL_SESSION) to a
// connection that asks for name B, must not be accepted without a validation for B. The server's
// certificate is valid for A only, and it resumes whatever is offered. Both attach forms, both
// TLS versions (1.2 resumes in the handshake, 1.3 through a ticket read after it).
struct ResumeCase {
  const char* name;
  uint16_t version;
  bool per_connection;  // AttachClient(SSL*) on a context without an attachment
};

void PrintTo(const ResumeCase& c, std::ostream* os) { *os << c.name; }

class ResumptionTest : public ::testing::TestWithParam<ResumeCase> {
 protected:
  Pki pki_;
};

TEST_P(ResumptionTest, ResumedSessionIsValidatedForTheNameAskedNow) {
  const ResumeCase& c = GetParam();
  auto server = Serve(pki_.Good("a.test"));
  ASSERT_NE(server, nullptr);
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::ApplyModernProfile(ctx.get()).ok());
  ASSERT_TRUE(SSL_CTX_set_max_proto_version(ctx.get(), c.version));
  SessionStore sessions(ctx.get());
  std::shared_ptr<const Validator> validator = MakeValidator(pki_.Store());
  if (!c.per_connection) {
    ASSERT_TRUE(tls::AttachClient(ctx.get(), validator).ok());
  }

  auto dial = [&](const std::string& sni, SSL_SESSION* session) {
    tls::DialOptions options;
    options.sni = sni;
    options.timeout = kWait;
    options.read_until_close = true;  // the TLS 1.3 ticket
    options.configure = [&](SSL* ssl) {
      if (c.per_connection) {
        if (absl::Status s = tls::AttachClient(ssl, validator); !s.ok()) return s;
      }
      if (session != nullptr && !SSL_set_session(ssl, session)) {
        return absl::InternalError("SSL_set_session");
      }
      return absl::OkStatus();
    };
    return tls::Dial(ctx.get(), "127.0.0.1", server->port(), options);
  };

  auto first = dial("a.test", nullptr);
  ASSERT_TRUE(first.ok()) << first.status();
  ASSERT_TRUE(first->handshake.ok) << first->handshake.error;
  ASSERT_NE(sessions.latest(), nullptr) << "the server sent no session";
  bssl::UniquePtr<SSL_SESSION> session = bssl::UpRef(sessions.latest());

  // The same name: resumed, and validated again (a resumption has a result too).
  auto same = dial("a.test", session.get());
  ASSERT_TRUE(same.ok()) << same.status();
  EXPECT_TRUE(same->handshake.ok) << same->handshake.error;
  EXPECT_TRUE(same->resumed);
  EXPECT_TRUE(same->validation.has_value()) << "a resumed session was accepted unvalidated";
  if (same->validation) {
    EXPECT_TRUE(same->validation->valid);
  }

  // Another name: the resumption is validated for b.test, and the certificate is not valid for it.
  auto other = dial("b.test", session.get());
  ASSERT_TRUE(other.ok()) << other.status();
  EXPECT_FALSE(other->handshake.ok) << "a session for a.test was accepted for b.test";
  EXPECT_TRUE(other->resumed);  // it was the resumption that failed, not a new full handshake
  ASSERT_TRUE(other->validation.has_value());
  EXPECT_THAT(Codes(*other->validation), Contains("peer_name.mismatch"));
  EXPECT_EQ(other->alert_sent, std::optional<uint8_t>(SSL_AD_BAD_CERTIFICATE));
  EXPECT_EQ(server->WaitForHandshakes(3, kWait).size(), 3u);
}

INSTANTIATE_TEST_SUITE_P(BothFormsBothVersions, ResumptionTest,
                         ::testing::Values(ResumeCase{"PerConnectionTls13", TLS1_3_VERSION, true},
                                           ResumeCase{"PerConnectionTls12", TLS1_2_VERSION, true},
                                           ResumeCase{"ContextTls13", TLS1_3_VERSION, false},
                                           ResumeCase{"ContextTls12", TLS1_2_VERSION, false}),
                         [](const ::testing::TestParamInfo<ResumeCase>& info) {
                           return std::string(info.param.name);
                         });

// The server side of the same mistake: BoringSSL servers never re-validate a resumed client
// certificate, so a session must resume only under an attachment that judges the client the same
// way. A session from a connection that expected alice must not let the client into one that
// expects bob.
class ServerResumptionTest : public ::testing::TestWithParam<uint16_t> {
 protected:
  Pki pki_;
};

TEST_P(ServerResumptionTest, SessionResumesOnlyUnderTheSameAttachment) {
  auto validator = MakeValidator(pki_.Store());
  absl::Mutex mu;
  PeerName expected;  // what the next connection's per-SSL attachment expects
  tls::LoopbackServerOptions server_options;
  Identity server_id = pki_.Good("good.test");
  server_options.chain_pem = server_id.chain_pem;
  server_options.key_pem = server_id.key_pem;
  server_options.configure_connection = [&](SSL* ssl) {
    absl::MutexLock lock(&mu);
    tls::ServerOptions options;
    options.peer_name = expected;
    return tls::AttachServer(ssl, validator, options);
  };
  auto server = tls::LoopbackServer::Start(std::move(server_options));
  ASSERT_TRUE(server.ok()) << server.status();

  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(SSL_CTX_set_max_proto_version(ctx.get(), GetParam()));
  SessionStore sessions(ctx.get());
  ASSERT_TRUE(tls::AttachClient(ctx.get(), MakeValidator(pki_.Store())).ok());
  Identity client_id = pki_.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(ctx.get(), client_id.chain_pem, client_id.key_pem).ok());
  auto dial = [&](PeerName name, SSL_SESSION* session) {
    {
      absl::MutexLock lock(&mu);
      expected = std::move(name);
    }
    tls::DialOptions options;
    options.sni = "good.test";
    options.timeout = kWait;
    options.read_until_close = true;
    options.configure = [&](SSL* ssl) {
      if (session != nullptr) SSL_set_session(ssl, session);
      return absl::OkStatus();
    };
    auto result = tls::Dial(ctx.get(), "127.0.0.1", (*server)->port(), options);
    EXPECT_TRUE(result.ok()) << result.status();
  };

  dial(PeerName::Dns("alice.client.test"), nullptr);
  ASSERT_NE(sessions.latest(), nullptr) << "the server sent no session";
  bssl::UniquePtr<SSL_SESSION> session = bssl::UpRef(sessions.latest());
  dial(PeerName::Dns("alice.client.test"), session.get());
  dial(PeerName::Dns("bob.client.test"), session.get());
  auto served = (*server)->WaitForHandshakes(3, kWait);
  ASSERT_EQ(served.size(), 3u);
  EXPECT_TRUE(served[0].outcome.ok) << served[0].outcome.error;
  // The same attachment settings: resumed (no new validation on a server).
  EXPECT_TRUE(served[1].outcome.ok) << served[1].outcome.error;
  EXPECT_TRUE(served[1].resumed);
  // Another expected name: a full handshake, whose validation refuses alice's certificate.
  EXPECT_FALSE(served[2].resumed) << "a session validated for alice resumed where bob is expected";
  EXPECT_FALSE(served[2].outcome.ok);
  ASSERT_TRUE(served[2].client_validation.has_value());
  EXPECT_THAT(Codes(*served[2].client_validation), Contains("peer_name.mismatch"));
}

INSTANTIATE_TEST_SUITE_P(BothVersions, ServerResumptionTest,
                         ::testing::Values(TLS1_3_VERSION, TLS1_2_VERSION),
                         [](const ::testing::TestParamInfo<uint16_t>& info) {
                           return info.param == TLS1_3_VERSION ? "Tls13" : "Tls12";
                         });

// Issue 13, item 3: the validation inside the handshake gets the connection's deadline, so a
// hostile chain cannot keep it busy past the caller's timeout.
TEST(DeadlineTest, DialPassesItsDeadlineToTheValidation) {
  Pki pki;
  auto recorder = std::make_shared<DeadlineRecorder>();
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::AttachClient(ctx.get(), MakeRecordingValidator(pki.Store(), recorder)).ok());
  auto server = Serve(pki.Good("good.test"));
  ASSERT_NE(server, nullptr);

  tls::DialOptions options;
  options.sni = "good.test";
  options.timeout = absl::Seconds(4);
  const absl::Time before = absl::Now();
  auto dial = tls::Dial(ctx.get(), "127.0.0.1", server->port(), options);
  const absl::Time after = absl::Now();
  ASSERT_TRUE(dial.ok()) << dial.status();
  ASSERT_TRUE(dial->handshake.ok) << dial->handshake.error;
  ASSERT_EQ(recorder->seen().size(), 1u);
  ASSERT_TRUE(recorder->seen()[0].has_value());
  EXPECT_GE(*recorder->seen()[0], before + absl::Seconds(4));
  EXPECT_LE(*recorder->seen()[0], after + absl::Seconds(4));

  options.deadline = absl::Now() + absl::Seconds(3);  // an absolute deadline wins over the timeout
  dial = tls::Dial(ctx.get(), "127.0.0.1", server->port(), options);
  ASSERT_TRUE(dial.ok()) << dial.status();
  ASSERT_EQ(recorder->seen().size(), 2u);
  EXPECT_EQ(recorder->seen()[1], options.deadline);
}

TEST(DeadlineTest, LoopbackServerPassesItsIoTimeoutToClientCertificateValidation) {
  Pki pki;
  auto recorder = std::make_shared<DeadlineRecorder>();
  auto validator = MakeRecordingValidator(pki.Store(), recorder);
  tls::LoopbackServerOptions server_options;
  Identity server_id = pki.Good("good.test");
  server_options.chain_pem = server_id.chain_pem;
  server_options.key_pem = server_id.key_pem;
  server_options.io_timeout = absl::Seconds(4);
  server_options.configure = [&](SSL_CTX* c) { return tls::AttachServer(c, validator); };
  const absl::Time before = absl::Now();
  auto server = tls::LoopbackServer::Start(std::move(server_options));
  ASSERT_TRUE(server.ok()) << server.status();

  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::AttachClient(ctx.get(), MakeValidator(pki.Store())).ok());
  Identity client_id = pki.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(ctx.get(), client_id.chain_pem, client_id.key_pem).ok());
  tls::DialOptions options;
  options.sni = "good.test";
  options.timeout = kWait;
  auto dial = tls::Dial(ctx.get(), "127.0.0.1", (*server)->port(), options);
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_TRUE(dial->handshake.ok) << dial->handshake.error;
  ASSERT_EQ((*server)->WaitForHandshakes(1, kWait).size(), 1u);
  const absl::Time after = absl::Now();
  ASSERT_EQ(recorder->seen().size(), 1u);
  ASSERT_TRUE(recorder->seen()[0].has_value());
  EXPECT_GE(*recorder->seen()[0], before + absl::Seconds(4));
  EXPECT_LE(*recorder->seen()[0], after + absl::Seconds(4));
}

TEST(HostPortTest, SplitAndJoin) {
  std::string host;
  uint16_t port = 0;
  ASSERT_TRUE(tls::SplitHostPort("example.com:443", &host, &port).ok());
  EXPECT_EQ(host, "example.com");
  EXPECT_EQ(port, 443);
  ASSERT_TRUE(tls::SplitHostPort("[::1]:8443", &host, &port).ok());
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(tls::JoinHostPort(host, port), "[::1]:8443");
  for (const char* bad : {"example.com", "example.com:", ":443", "h:0", "h:65536", "h:+1",
                          "::1:443", "[::1]443", "h:44x"}) {
    EXPECT_FALSE(tls::SplitHostPort(bad, &host, &port).ok()) << bad;
  }
}

}  // namespace
}  // namespace certval::tlstest
