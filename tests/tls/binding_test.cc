// The TLS binding over in-memory BIO pairs: fast, deterministic handshakes between a BoringSSL
// client with a certval Validator attached and a BoringSSL server presenting test-PKI chains.
#include "certval/tls/binding.h"

#include <openssl/ssl.h>

#include <atomic>
#include <thread>

#include "certval/hooks/pinning_hook.h"
#include "certval/hooks/trust_any_hook.h"
#include "certval/tls/loopback_server.h"
#include "certval/validator/checks/builtin.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tls/tls_test_util.h"

namespace certval::tlstest {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class BindingTest : public ::testing::Test {
 protected:
  // A client context verified by `validator`, handshaking with a server presenting `identity`.
  InMemory Handshake(std::shared_ptr<const Validator> validator, const Identity& identity,
                     const std::string& sni, tls::ClientOptions options = {}) {
    client_ = ClientContext();
    EXPECT_TRUE(tls::AttachClient(client_.get(), std::move(validator), std::move(options)).ok());
    server_ = ServerContext(identity);
    return HandshakeInMemory(client_.get(), server_.get(), sni);
  }

  static const ValidationResult& ResultOf(const InMemory& hs) {
    const ValidationResult* result = tls::LastResult(hs.client.get());
    if (result == nullptr) {
      ADD_FAILURE() << "no ValidationResult on the client SSL";
      static const ValidationResult kEmpty;
      return kEmpty;
    }
    return *result;
  }

  Pki pki_;
  bssl::UniquePtr<SSL_CTX> client_, server_;
};

TEST_F(BindingTest, GoodChainHandshakes) {
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.Good("good.test"), "good.test");
  ASSERT_TRUE(hs.client_ok) << hs.client_error;
  EXPECT_TRUE(hs.server_ok) << hs.server_error;
  const ValidationResult& result = ResultOf(hs);
  EXPECT_TRUE(result.valid);
  EXPECT_EQ(result.path.size(), 3u);  // leaf, intermediate (sent), root (from the store)
  EXPECT_FALSE(HasError(result.findings));
}

TEST_F(BindingTest, ExpiredFailsWithCertificateExpiredAlert) {
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.Expired("good.test"), "good.test");
  EXPECT_FALSE(hs.client_ok);
  EXPECT_THAT(hs.client_error, HasSubstr("CERTIFICATE_VERIFY_FAILED"));
  EXPECT_THAT(hs.server_error, HasSubstr("CERTIFICATE_EXPIRED"));  // the alert the server read
  EXPECT_THAT(Codes(ResultOf(hs)), Contains("validity.expired"));
  EXPECT_EQ(tls::AlertFor(ResultOf(hs)), SSL_AD_CERTIFICATE_EXPIRED);
}

TEST_F(BindingTest, WrongHostFailsWithBadCertificate) {
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.Good("good.test"), "other.test");
  EXPECT_FALSE(hs.client_ok);
  EXPECT_THAT(hs.server_error, HasSubstr("BAD_CERTIFICATE"));
  EXPECT_THAT(Codes(ResultOf(hs)), ElementsAre("peer_name.mismatch"));
}

TEST_F(BindingTest, UntrustedRootFailsWithUnknownCaThenPassesAfterAddRoot) {
  auto store = pki_.Store();
  Identity untrusted = pki_.Untrusted("good.test");
  InMemory before = Handshake(MakeValidator(store), untrusted, "good.test");
  EXPECT_FALSE(before.client_ok);
  EXPECT_THAT(before.server_error, HasSubstr("UNKNOWN_CA"));
  EXPECT_THAT(Codes(ResultOf(before)), Contains("trust_anchor.no_trusted_root"));

  ASSERT_TRUE(store->AddRootDer(pki_.other_root_der()).ok());  // the same Validator sees it
  InMemory after = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_TRUE(after.client_ok) << after.client_error;
  EXPECT_TRUE(ResultOf(after).valid);
}

TEST_F(BindingTest, SelfSignedFailsThenPassesAfterAddCert) {
  auto store = pki_.Store();
  Identity self = pki_.SelfSigned("self.test");
  InMemory before = Handshake(MakeValidator(store), self, "self.test");
  EXPECT_FALSE(before.client_ok);
  EXPECT_FALSE(ResultOf(before).valid);

  ASSERT_TRUE(store->AddCertDer(self.leaf_der).ok());
  InMemory after = HandshakeInMemory(client_.get(), server_.get(), "self.test");
  EXPECT_TRUE(after.client_ok) << after.client_error;
  EXPECT_EQ(ResultOf(after).anchor, TrustKind::kLeaf);
  // AddCert trusts the certificate, not every name: the name is still checked.
  InMemory wrong_name = HandshakeInMemory(client_.get(), server_.get(), "other.test");
  EXPECT_FALSE(wrong_name.client_ok);
  EXPECT_THAT(Codes(ResultOf(wrong_name)), Contains("peer_name.mismatch"));
}

TEST_F(BindingTest, WarnModeLetsExpiredThroughWithAWarning) {
  auto sink = std::make_shared<RecordingSink>();
  InMemory hs = Handshake(MakeValidator(pki_.Store(), Policy(Mode::kWarn), {}, {}, sink),
                          pki_.Expired("good.test"), "good.test");
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  const ValidationResult& result = ResultOf(hs);
  EXPECT_TRUE(result.valid);
  ASSERT_THAT(Codes(result), ElementsAre("validity.expired"));
  EXPECT_EQ(result.findings[0].severity, Severity::kWarning);
  EXPECT_THAT(sink->codes(), ElementsAre("validity.expired"));
}

TEST_F(BindingTest, PerCheckWarnKeepsOtherChecksEnforced) {
  Policy policy;
  policy.Set(kCheckValidity, Mode::kWarn);
  InMemory hs =
      Handshake(MakeValidator(pki_.Store(), policy), pki_.Expired("good.test"), "other.test");
  EXPECT_FALSE(hs.client_ok);  // expiry tolerated, the wrong name is not
  EXPECT_THAT(hs.server_error, HasSubstr("BAD_CERTIFICATE"));
}

TEST_F(BindingTest, DisableModeAcceptsWithOnlyTheDisabledWarning) {
  InMemory hs = Handshake(MakeValidator(pki_.Store(), Policy(Mode::kDisable)),
                          pki_.Untrusted("good.test"), "other.test");
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  EXPECT_TRUE(ResultOf(hs).valid);
  EXPECT_THAT(Codes(ResultOf(hs)), ElementsAre("policy.checks_disabled"));
}

// No explicit name and no SNI: the binding leaves the request's name unset and the Validator
// reports it under the policy's "peer_name" mode; the binding adds nothing of its own.
TEST_F(BindingTest, NoPeerNameIsAnErrorUnlessThePolicySaysOtherwise) {
  InMemory enforced = Handshake(MakeValidator(pki_.Store()), pki_.Good("good.test"), "");
  EXPECT_FALSE(enforced.client_ok);
  EXPECT_THAT(enforced.server_error, HasSubstr("BAD_CERTIFICATE"));
  const ValidationResult& result = ResultOf(enforced);
  ASSERT_THAT(Codes(result), ElementsAre("peer_name.missing"));
  EXPECT_EQ(result.findings[0].check, kCheckPeerName);
  EXPECT_EQ(result.findings[0].severity, Severity::kError);

  Policy warn;
  warn.Set(kCheckPeerName, Mode::kWarn);
  auto sink = std::make_shared<RecordingSink>();
  InMemory warned =
      Handshake(MakeValidator(pki_.Store(), warn, {}, {}, sink), pki_.Good("good.test"), "");
  EXPECT_TRUE(warned.client_ok) << warned.client_error;
  EXPECT_THAT(Codes(ResultOf(warned)), ElementsAre("peer_name.missing"));
  EXPECT_THAT(sink->codes(), ElementsAre("peer_name.missing"));

  Policy disabled;
  disabled.Set(kCheckPeerName, Mode::kDisable);
  InMemory off = Handshake(MakeValidator(pki_.Store(), disabled), pki_.Good("good.test"), "");
  EXPECT_TRUE(off.client_ok) << off.client_error;
  EXPECT_THAT(Codes(ResultOf(off)), ElementsAre("policy.checks_disabled"));
}

// A client that means "any name its roots vouch for" says so, and gets no finding.
TEST_F(BindingTest, ExplicitAnyNameAcceptsWithoutSni) {
  tls::ClientOptions options;
  options.peer_name = PeerName::Any();
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.Good("good.test"), "", options);
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  EXPECT_THAT(Codes(ResultOf(hs)), IsEmpty());
  // Still a real validation: an untrusted chain fails whatever the name.
  InMemory untrusted =
      Handshake(MakeValidator(pki_.Store()), pki_.Untrusted("good.test"), "", options);
  EXPECT_FALSE(untrusted.client_ok);
}

TEST_F(BindingTest, ExplicitPeerNameWinsOverSni) {
  tls::ClientOptions options;
  options.peer_name = PeerName::Dns("good.test");
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.Good("good.test"), "sni.test", options);
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
}

TEST_F(BindingTest, IpLiteralBecomesAnIpPeerName) {
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  bssl::UniquePtr<SSL> ssl(SSL_new(ctx.get()));
  SSL_set_tlsext_host_name(ssl.get(), "127.0.0.1");
  std::optional<PeerName> name = tls::ClientPeerName(ssl.get(), {});
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(name->kind, PeerName::Kind::kIp);
  EXPECT_EQ(name->value, "127.0.0.1");

  tls::ClientOptions options;
  options.peer_name = PeerName::Ip("127.0.0.1");
  InMemory hs = Handshake(MakeValidator(pki_.Store()), pki_.IpLeaf("127.0.0.1"), "", options);
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  InMemory wrong = Handshake(MakeValidator(pki_.Store()), pki_.IpLeaf("127.0.0.2"), "", options);
  EXPECT_FALSE(wrong.client_ok);
}

// A server that sends only its leaf: the template's intermediates complete the path.
TEST_F(BindingTest, TemplateIntermediatesHelpAServerThatSendsOnlyItsLeaf) {
  Identity leaf_only = pki_.Good("good.test");
  leaf_only.chain_pem = testpki::DerToPem(leaf_only.leaf_der);
  InMemory without = Handshake(MakeValidator(pki_.Store()), leaf_only, "good.test");
  EXPECT_FALSE(without.client_ok);
  tls::ClientOptions options;
  options.request.intermediates = {pki_.intermediate_der()};
  InMemory with = Handshake(MakeValidator(pki_.Store()), leaf_only, "good.test", options);
  EXPECT_TRUE(with.client_ok) << with.client_error;
  EXPECT_EQ(ResultOf(with).path.size(), 3u);
}

TEST_F(BindingTest, PerConnectionAttachmentOverridesTheContext) {
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  server_ = ServerContext(pki_.Untrusted("good.test"));
  auto other = std::make_shared<TrustStore>();
  ASSERT_TRUE(other->AddRootDer(pki_.other_root_der()).ok());
  std::shared_ptr<const Validator> per_connection = MakeValidator(other);
  InMemory hs = HandshakeInMemory(client_.get(), server_.get(), "good.test", [&](SSL* ssl) {
    ASSERT_TRUE(tls::AttachClient(ssl, per_connection).ok());
  });
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  // The next connection from the context is back to the context's validator.
  InMemory next = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_FALSE(next.client_ok);
}

TEST_F(BindingTest, ResumedSessionsAreValidatedAgain) {
  auto store = pki_.Store();
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(store)).ok());
  SSL_CTX_set_max_proto_version(client_.get(), TLS1_2_VERSION);  // the ticket arrives in-handshake
  server_ = ServerContext(pki_.Good("good.test"));
  InMemory first = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  ASSERT_TRUE(first.client_ok) << first.client_error;
  bssl::UniquePtr<SSL_SESSION> session(SSL_get1_session(first.client.get()));
  ASSERT_NE(session, nullptr);

  auto resume = [&](SSL* ssl) { SSL_set_session(ssl, session.get()); };
  InMemory second = HandshakeInMemory(client_.get(), server_.get(), "good.test", resume);
  ASSERT_TRUE(second.client_ok) << second.client_error;
  EXPECT_TRUE(SSL_session_reused(second.client.get()));
  EXPECT_NE(tls::LastResult(second.client.get()), nullptr);

  // Trust withdrawn since: the resumption is refused too.
  auto root = Certificate::Parse(pki_.root_der());
  ASSERT_TRUE(root.ok());
  store->Distrust(**root);
  InMemory third = HandshakeInMemory(client_.get(), server_.get(), "good.test", resume);
  EXPECT_FALSE(third.client_ok);
  ASSERT_NE(tls::LastResult(third.client.get()), nullptr);
  EXPECT_FALSE(tls::LastResult(third.client.get())->valid);
}

TEST_F(BindingTest, ServerValidatesClientCertificates) {
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  Identity client_id = pki_.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(client_.get(), client_id.chain_pem, client_id.key_pem).ok());
  server_ = ServerContext(pki_.Good("good.test"));
  ASSERT_TRUE(tls::AttachServer(server_.get(), MakeValidator(pki_.Store())).ok());

  InMemory hs = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  EXPECT_TRUE(hs.server_ok) << hs.server_error;
  const ValidationResult* seen = tls::LastResult(hs.server.get());
  ASSERT_NE(seen, nullptr);
  EXPECT_TRUE(seen->valid);
  EXPECT_THAT(Codes(*seen), IsEmpty());  // any name by default: no peer_name finding at all
}

// The server's expected client name: PeerName::Any() unless the application sets one, which is
// then checked like any peer name (and an explicitly empty one fails as "missing").
TEST_F(BindingTest, ServerPeerNameDefaultsToAnyAndAnExplicitOneIsChecked) {
  EXPECT_EQ(tls::ServerOptions().peer_name.kind, PeerName::Kind::kAny);
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  Identity client_id = pki_.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(client_.get(), client_id.chain_pem, client_id.key_pem).ok());
  auto serve = [&](PeerName name) {
    server_ = ServerContext(pki_.Good("good.test"));
    tls::ServerOptions options;
    options.peer_name = std::move(name);
    EXPECT_TRUE(tls::AttachServer(server_.get(), MakeValidator(pki_.Store()), options).ok());
    return HandshakeInMemory(client_.get(), server_.get(), "good.test");
  };
  InMemory alice = serve(PeerName::Dns("alice.client.test"));
  EXPECT_TRUE(alice.server_ok) << alice.server_error;

  InMemory bob = serve(PeerName::Dns("bob.client.test"));
  EXPECT_FALSE(bob.server_ok);
  ASSERT_NE(tls::LastResult(bob.server.get()), nullptr);
  EXPECT_THAT(Codes(*tls::LastResult(bob.server.get())), ElementsAre("peer_name.mismatch"));

  InMemory unset = serve(PeerName{});
  EXPECT_FALSE(unset.server_ok);
  ASSERT_NE(tls::LastResult(unset.server.get()), nullptr);
  EXPECT_THAT(Codes(*tls::LastResult(unset.server.get())), ElementsAre("peer_name.missing"));
}

TEST_F(BindingTest, ServerRejectsUntrustedOrMissingClientCertificates) {
  server_ = ServerContext(pki_.Good("good.test"));
  ASSERT_TRUE(tls::AttachServer(server_.get(), MakeValidator(pki_.Store())).ok());
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());

  InMemory anonymous = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_FALSE(anonymous.server_ok);  // require_certificate defaults to true
  EXPECT_EQ(tls::LastResult(anonymous.server.get()), nullptr);

  Identity stranger = pki_.Untrusted("mallory.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(client_.get(), stranger.chain_pem, stranger.key_pem).ok());
  InMemory untrusted = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_FALSE(untrusted.server_ok);
  ASSERT_NE(tls::LastResult(untrusted.server.get()), nullptr);
  EXPECT_THAT(Codes(*tls::LastResult(untrusted.server.get())),
              Contains("trust_anchor.no_trusted_root"));
}

TEST_F(BindingTest, ServerMayLetAnonymousClientsIn) {
  server_ = ServerContext(pki_.Good("good.test"));
  tls::ServerOptions options;
  options.require_certificate = false;
  ASSERT_TRUE(tls::AttachServer(server_.get(), MakeValidator(pki_.Store()), options).ok());
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  InMemory hs = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  EXPECT_TRUE(hs.server_ok) << hs.server_error;
  EXPECT_EQ(tls::LastResult(hs.server.get()), nullptr);
}

// Many connections from one SSL_CTX at once: each gets its own, correct result.
TEST_F(BindingTest, ConcurrentConnectionsOnOneContext) {
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  bssl::UniquePtr<SSL_CTX> good = ServerContext(pki_.Good("good.test"));
  bssl::UniquePtr<SSL_CTX> expired = ServerContext(pki_.Expired("good.test"));
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const bool want_ok = (t + i) % 2 == 0;
        InMemory hs =
            HandshakeInMemory(client_.get(), want_ok ? good.get() : expired.get(), "good.test");
        const ValidationResult* r = tls::LastResult(hs.client.get());
        if (hs.client_ok != want_ok || r == nullptr || r->valid != want_ok) ++wrong;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

TEST_F(BindingTest, AttachRejectsNullArguments) {
  client_ = ClientContext();
  EXPECT_FALSE(tls::AttachClient(client_.get(), nullptr).ok());
  EXPECT_FALSE(tls::AttachClient(static_cast<SSL_CTX*>(nullptr), MakeValidator(pki_.Store())).ok());
  EXPECT_FALSE(tls::AttachServer(static_cast<SSL*>(nullptr), MakeValidator(pki_.Store())).ok());
  EXPECT_EQ(tls::LastResult(nullptr), nullptr);
}

TEST_F(BindingTest, LastResultIsNullBeforeAnyHandshake) {
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  bssl::UniquePtr<SSL> ssl(SSL_new(client_.get()));
  EXPECT_EQ(tls::LastResult(ssl.get()), nullptr);
}

// Trust-any (the vendor's verify=False) as a pre-hook: anything goes, decided by the hook, loudly.
TEST_F(BindingTest, TrustAnyAcceptsAnythingAndSaysSo) {
  auto sink = std::make_shared<RecordingSink>();
  auto validator = MakeValidator(pki_.Store(), Policy(), {std::make_shared<TrustAnyHook>(sink)});
  InMemory hs = Handshake(validator, pki_.Untrusted("good.test"), "other.test");
  ASSERT_TRUE(hs.client_ok) << hs.client_error;
  const ValidationResult& result = ResultOf(hs);
  EXPECT_EQ(result.decider, Decider::kHook);
  EXPECT_EQ(result.decided_by_hook, TrustAnyHook::kName);
  EXPECT_THAT(Codes(result), ElementsAre("hooks.accepted"));
  EXPECT_THAT(sink->codes(), ElementsAre(std::string(TrustAnyHook::kWarningCode)));
  // Even without any peer name: the hook decided before any check ran.
  InMemory anonymous = Handshake(validator, pki_.Expired("good.test"), "");
  EXPECT_TRUE(anonymous.client_ok) << anonymous.client_error;
}

PinSet PinTo(const std::string& host, const std::string& cert_der) {
  PinSet pins;
  auto cert = Certificate::Parse(cert_der);
  EXPECT_TRUE(cert.ok());
  EXPECT_TRUE(pins.AddCertificate(host, **cert).ok());
  return pins;
}

TEST_F(BindingTest, PinnedKeyMismatchFailsTheHandshake) {
  auto hook = std::make_shared<PinningHook>(PinTo("good.test", pki_.other_root_der()));
  InMemory hs = Handshake(MakeValidator(pki_.Store(), Policy(), {}, {hook}), pki_.Good("good.test"),
                          "good.test");
  EXPECT_FALSE(hs.client_ok);
  EXPECT_THAT(hs.server_error, HasSubstr("BAD_CERTIFICATE"));
  const ValidationResult& result = ResultOf(hs);
  EXPECT_EQ(result.decided_by_hook, PinningHook::kName);
  EXPECT_THAT(Codes(result), Contains("hooks.rejected"));
}

TEST_F(BindingTest, PinnedKeyMatchPassesAndWarnModeOnlyWarns) {
  auto match = std::make_shared<PinningHook>(PinTo("good.test", pki_.root_der()));
  InMemory ok = Handshake(MakeValidator(pki_.Store(), Policy(), {}, {match}),
                          pki_.Good("good.test"), "good.test");
  EXPECT_TRUE(ok.client_ok) << ok.client_error;

  auto sink = std::make_shared<RecordingSink>();
  auto warn =
      std::make_shared<PinningHook>(PinTo("good.test", pki_.other_root_der()), Mode::kWarn, sink);
  InMemory warned = Handshake(MakeValidator(pki_.Store(), Policy(), {}, {warn}),
                              pki_.Good("good.test"), "good.test");
  EXPECT_TRUE(warned.client_ok) << warned.client_error;
  EXPECT_THAT(sink->codes(), ElementsAre("pinning.mismatch"));
}

// The deadline the binding hands the Validator (item 3 of issue 13): the handshake's
// (SetHandshakeDeadline, which TlsSocket calls), the template's, now + validation_timeout; the
// earliest wins, and there is none when nothing sets one.
TEST_F(BindingTest, RequestCarriesTheEarliestDeadline) {
  auto recorder = std::make_shared<DeadlineRecorder>();
  auto validator = MakeRecordingValidator(pki_.Store(), recorder);
  InMemory none = Handshake(validator, pki_.Good("good.test"), "good.test");
  ASSERT_TRUE(none.client_ok) << none.client_error;
  ASSERT_EQ(recorder->seen().size(), 1u);
  EXPECT_EQ(recorder->seen().back(), std::nullopt);

  const absl::Time handshake = absl::Now() + absl::Seconds(30);
  auto with_deadline = [&](SSL* ssl) {
    ASSERT_TRUE(tls::SetHandshakeDeadline(ssl, handshake).ok());
  };
  InMemory by_handshake =
      HandshakeInMemory(client_.get(), server_.get(), "good.test", with_deadline);
  ASSERT_TRUE(by_handshake.client_ok) << by_handshake.client_error;
  EXPECT_EQ(recorder->seen().back(), handshake);

  tls::ClientOptions earlier;
  earlier.request.deadline = handshake - absl::Seconds(10);
  ASSERT_TRUE(tls::AttachClient(client_.get(), validator, earlier).ok());
  InMemory by_template =
      HandshakeInMemory(client_.get(), server_.get(), "good.test", with_deadline);
  ASSERT_TRUE(by_template.client_ok) << by_template.client_error;
  EXPECT_EQ(recorder->seen().back(), handshake - absl::Seconds(10));

  tls::ClientOptions timeout = earlier;
  timeout.validation_timeout = absl::Seconds(2);
  const absl::Time before = absl::Now();
  InMemory by_timeout = HandshakeInMemory(client_.get(), server_.get(), "good.test", [&](SSL* ssl) {
    with_deadline(ssl);
    ASSERT_TRUE(tls::AttachClient(ssl, validator, timeout).ok());  // the per-SSL form alike
  });
  const absl::Time after = absl::Now();
  ASSERT_TRUE(by_timeout.client_ok) << by_timeout.client_error;
  ASSERT_TRUE(recorder->seen().back().has_value());
  EXPECT_GE(*recorder->seen().back(), before + absl::Seconds(2));
  EXPECT_LE(*recorder->seen().back(), after + absl::Seconds(2));
  EXPECT_FALSE(tls::SetHandshakeDeadline(nullptr, handshake).ok());
}

TEST_F(BindingTest, ServerSideRequestCarriesTheDeadlineToo) {
  auto recorder = std::make_shared<DeadlineRecorder>();
  client_ = ClientContext();
  ASSERT_TRUE(tls::AttachClient(client_.get(), MakeValidator(pki_.Store())).ok());
  Identity client_id = pki_.Client("alice.client.test");
  ASSERT_TRUE(tls::UseCertificateChain(client_.get(), client_id.chain_pem, client_id.key_pem).ok());
  server_ = ServerContext(pki_.Good("good.test"));
  tls::ServerOptions options;
  options.validation_timeout = absl::Seconds(3);
  auto validator = MakeRecordingValidator(pki_.Store(), recorder);
  ASSERT_TRUE(tls::AttachServer(server_.get(), validator, options).ok());
  const absl::Time before = absl::Now();
  InMemory hs = HandshakeInMemory(client_.get(), server_.get(), "good.test");
  const absl::Time after = absl::Now();
  ASSERT_TRUE(hs.server_ok) << hs.server_error;
  ASSERT_EQ(recorder->seen().size(), 1u);
  ASSERT_TRUE(recorder->seen()[0].has_value());
  EXPECT_GE(*recorder->seen()[0], before + absl::Seconds(3));
  EXPECT_LE(*recorder->seen()[0], after + absl::Seconds(3));
}

TEST(AlertForTest, FirstErrorFindingDecides) {
  ValidationResult result;
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_BAD_CERTIFICATE);
  result.findings.push_back({"validity", 0, "validity.expired", "", Severity::kWarning});
  result.findings.push_back(
      {"trust_anchor", 1, "trust_anchor.no_trusted_root", "", Severity::kError});
  result.findings.push_back({"validity", 0, "validity.expired", "", Severity::kError});
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_UNKNOWN_CA);  // warnings do not count
  result.findings.erase(result.findings.begin() + 1);
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_CERTIFICATE_EXPIRED);
  result.findings = {{"validity", 0, "validity.not_yet_valid", "", Severity::kError}};
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_CERTIFICATE_EXPIRED);
  for (const char* code : {"limits.too_many_signatures", "limits.too_many_build_steps",
                           "limits.too_many_paths", "limits.path_too_deep"}) {
    result.findings = {{"limits", -1, code, "", Severity::kError}};
    EXPECT_EQ(tls::AlertFor(result), SSL_AD_UNKNOWN_CA) << code;
  }
  result.findings = {{"limits", -1, "limits.deadline_exceeded", "", Severity::kError}};
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_BAD_CERTIFICATE);
  result.findings = {{"peer_name", 0, "peer_name.mismatch", "", Severity::kError}};
  EXPECT_EQ(tls::AlertFor(result), SSL_AD_BAD_CERTIFICATE);
}

}  // namespace
}  // namespace certval::tlstest
