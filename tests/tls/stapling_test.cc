// Stapled OCSP through the TLS binding: the client asks for a staple (status_request), hands it to
// the Validator, and OCSP Must-Staple (RFC 7633) turns a missing staple into a failed handshake.
// In-memory handshakes over TLS 1.2 and 1.3 (the staple travels in different messages).
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "certval/testing/pki/test_pki.h"
#include "certval/testing/pki/test_revocation.h"
#include "certval/tls/binding.h"
#include "certval/tls/loopback_server.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/tls/tls_test_util.h"

namespace certval {
namespace {

using tlstest::Codes;
using tlstest::HandshakeInMemory;

class StaplingTest : public ::testing::TestWithParam<uint16_t> {
 protected:
  StaplingTest()
      : now_(absl::Now()),
        chain_(testpki::MakeChain(testpki::KeyKind::kEcP256, "good.test", now_)) {
    store_ = std::make_shared<TrustStore>();
    EXPECT_TRUE(store_->AddRootDer(chain_.root).ok());
    ValidatorOptions options;
    options.warning_sink = std::make_shared<NullWarningSink>();
    validator_ = std::make_shared<Validator>(store_, options);
  }

  // A leaf for good.test, optionally with the TLS feature status_request (Must-Staple).
  std::string Leaf(bool must_staple) const {
    testpki::CertSpec spec = testpki::LeafSpec("good.test", now_);
    if (must_staple) {
      spec.extra.push_back({"1.3.6.1.5.5.7.1.24", false, std::string("\x30\x03\x02\x01\x05", 5)});
    }
    return chain_.intermediate_ca().Issue(spec, chain_.leaf_key);
  }

  std::string Staple(const std::string& leaf, int status) const {
    testpki::OcspSpec spec = testpki::OcspSpecFor(leaf, chain_.intermediate_ca(), now_);
    spec.responses[0].status = status;
    spec.responses[0].revocation_time = now_ - absl::Hours(5);
    return testpki::IssueOcspResponse(spec, chain_.intermediate_key);
  }

  bssl::UniquePtr<SSL_CTX> Server(const std::string& leaf, const std::string& staple) const {
    const std::string pem = testpki::DerToPem(leaf) + testpki::DerToPem(chain_.intermediate);
    auto ctx = tls::NewServerContext(pem, chain_.leaf_key.PrivateKeyPem());
    EXPECT_TRUE(ctx.ok()) << ctx.status();
    if (!staple.empty()) {
      EXPECT_TRUE(SSL_CTX_set_ocsp_response(
          ctx->get(), reinterpret_cast<const uint8_t*>(staple.data()), staple.size()));
    }
    return *std::move(ctx);
  }

  bssl::UniquePtr<SSL_CTX> Client(bool ask = true) const {
    bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
    EXPECT_TRUE(SSL_CTX_set_max_proto_version(ctx.get(), GetParam()));
    tls::ClientOptions options;
    options.request_ocsp_staple = ask;
    EXPECT_TRUE(tls::AttachClient(ctx.get(), validator_, options).ok());
    return ctx;
  }

  absl::Time now_;
  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
  std::shared_ptr<const Validator> validator_;
};

TEST_P(StaplingTest, GoodStapleGivesTheLeafAStatus) {
  const std::string leaf = Leaf(false);
  auto server = Server(leaf, Staple(leaf, 0));
  auto client = Client();
  tlstest::InMemory hs = HandshakeInMemory(client.get(), server.get(), "good.test");
  ASSERT_TRUE(hs.client_ok) << hs.client_error;
  const ValidationResult* result = tls::LastResult(hs.client.get());
  ASSERT_NE(result, nullptr);
  EXPECT_TRUE(result->findings.empty()) << Codes(*result).size();
  // The staple speaks for the leaf only: the intermediate is not looked up, nor warned about.
  ASSERT_EQ(result->revocation.size(), 1u);
  EXPECT_EQ(result->revocation[0].state, RevocationState::kGood);
  EXPECT_EQ(result->revocation[0].source, "stapled OCSP response (issuer-signed)");
}

TEST_P(StaplingTest, RevokedStapleFailsTheHandshake) {
  const std::string leaf = Leaf(false);
  auto server = Server(leaf, Staple(leaf, 1));
  auto client = Client();
  tlstest::InMemory hs = HandshakeInMemory(client.get(), server.get(), "good.test");
  EXPECT_FALSE(hs.client_ok);
  const ValidationResult* result = tls::LastResult(hs.client.get());
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(Codes(*result), std::vector<std::string>{"revocation.revoked"});
}

TEST_P(StaplingTest, MustStapleWithoutAStapleFailsTheHandshake) {
  const std::string leaf = Leaf(true);
  auto client = Client();
  tlstest::InMemory bare = HandshakeInMemory(client.get(), Server(leaf, "").get(), "good.test");
  EXPECT_FALSE(bare.client_ok);
  const ValidationResult* result = tls::LastResult(bare.client.get());
  ASSERT_NE(result, nullptr);
  EXPECT_EQ(Codes(*result), std::vector<std::string>{"revocation.must_staple_missing"});

  tlstest::InMemory stapled =
      HandshakeInMemory(client.get(), Server(leaf, Staple(leaf, 0)).get(), "good.test");
  EXPECT_TRUE(stapled.client_ok) << stapled.client_error;
}

TEST_P(StaplingTest, AClientThatDoesNotAskGetsNoStaple) {
  const std::string leaf = Leaf(false);
  auto client = Client(/*ask=*/false);
  tlstest::InMemory hs =
      HandshakeInMemory(client.get(), Server(leaf, Staple(leaf, 1)).get(), "good.test");
  EXPECT_TRUE(hs.client_ok) << hs.client_error;
  const ValidationResult* result = tls::LastResult(hs.client.get());
  ASSERT_NE(result, nullptr);
  EXPECT_TRUE(result->revocation.empty());
}

TEST_P(StaplingTest, LoopbackServerStaples) {
  const std::string leaf = Leaf(true);
  tls::LoopbackServerOptions options;
  options.chain_pem = testpki::DerToPem(leaf) + testpki::DerToPem(chain_.intermediate);
  options.key_pem = chain_.leaf_key.PrivateKeyPem();
  options.ocsp_response = Staple(leaf, 0);
  auto server = tls::LoopbackServer::Start(std::move(options));
  ASSERT_TRUE(server.ok()) << server.status();
  auto client = Client();
  tls::DialOptions dial_options;
  dial_options.sni = "good.test";
  auto dial = tls::Dial(client.get(), "127.0.0.1", (*server)->port(), dial_options);
  ASSERT_TRUE(dial.ok()) << dial.status();
  EXPECT_TRUE(dial->handshake.ok) << dial->handshake.error;
  ASSERT_TRUE(dial->validation.has_value());
  ASSERT_EQ(dial->validation->revocation.size(), 1u);
  EXPECT_EQ(dial->validation->revocation[0].state, RevocationState::kGood);
}

INSTANTIATE_TEST_SUITE_P(Versions, StaplingTest, ::testing::Values(TLS1_2_VERSION, TLS1_3_VERSION),
                         [](const ::testing::TestParamInfo<uint16_t>& info) {
                           return info.param == TLS1_2_VERSION ? std::string("tls12")
                                                               : std::string("tls13");
                         });

}  // namespace
}  // namespace certval
