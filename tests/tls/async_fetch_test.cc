// The TLS binding with a Validator that may fetch: the validation runs on a helper thread
// (ssl_verify_retry), so no SSL_do_handshake call is held for the fetch, and the handshake
// completes once the missing intermediate has been fetched. Also through TlsSocket (Dial).
#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "absl/time/clock.h"
#include "certval/fetch/fetch_cache.h"
#include "certval/fetch/http_fetcher.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/tls/binding.h"
#include "certval/tls/loopback_server.h"
#include "certval/tls/transport.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"
#include "tests/fetch/http_test_server.h"

namespace certval::tls {
namespace {

constexpr absl::Duration kServerLatency = absl::Milliseconds(300);

class AsyncFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const absl::Time now = absl::Now();
    chain_ = testpki::MakeChain(testpki::KeyKind::kEcP256, "async.example.test", now);
    auto http = testfetch::HttpTestServer::Start();
    ASSERT_TRUE(http.ok()) << http.status();
    http_ = *std::move(http);
    testfetch::Reply reply = testfetch::Reply::Ok(chain_.intermediate);
    reply.delay = kServerLatency;
    http_->Serve("/ica.cer", reply);
    testpki::CertSpec spec = testpki::LeafSpec("async.example.test", now);
    spec.extra.push_back(testpki::AiaExtension({}, {http_->Url("/ica.cer")}));
    leaf_pem_ = testpki::DerToPem(chain_.intermediate_ca().Issue(spec, chain_.leaf_key));
    auto store = std::make_shared<TrustStore>();
    ASSERT_TRUE(store->AddRootDer(chain_.root).ok());
    ValidatorOptions options;
    options.fetch = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
    options.warning_sink = std::make_shared<NullWarningSink>();
    validator_ = std::make_shared<const Validator>(store, options);
  }

  testpki::Chain chain_;
  std::unique_ptr<testfetch::HttpTestServer> http_;
  std::string leaf_pem_;  // the server sends its leaf only
  std::shared_ptr<const Validator> validator_;
};

TEST_F(AsyncFetchTest, HandshakeCallsReturnWhileTheFetchRuns) {
  auto server_ctx = NewServerContext(leaf_pem_, chain_.leaf_key.PrivateKeyPem());
  ASSERT_TRUE(server_ctx.ok()) << server_ctx.status();
  bssl::UniquePtr<SSL_CTX> client_ctx(SSL_CTX_new(TLS_method()));
  ASSERT_TRUE(AttachClient(client_ctx.get(), validator_).ok());
  bssl::UniquePtr<SSL> client(SSL_new(client_ctx.get())), server(SSL_new(server_ctx->get()));
  BIO *client_bio = nullptr, *server_bio = nullptr;
  ASSERT_TRUE(BIO_new_bio_pair(&client_bio, 0, &server_bio, 0));
  SSL_set_bio(client.get(), client_bio, client_bio);
  SSL_set_bio(server.get(), server_bio, server_bio);
  SSL_set_tlsext_host_name(client.get(), "async.example.test");
  SSL_set_connect_state(client.get());
  SSL_set_accept_state(server.get());

  int retries = 0;
  absl::Duration longest_call;
  bool client_done = false, server_done = false;
  const absl::Time give_up = absl::Now() + absl::Seconds(10);
  while (!(client_done && server_done) && absl::Now() < give_up) {
    if (!client_done) {
      const absl::Time start = absl::Now();
      const int ret = SSL_do_handshake(client.get());
      longest_call = std::max(longest_call, absl::Now() - start);
      if (ret == 1) {
        client_done = true;
      } else {
        const int err = SSL_get_error(client.get(), ret);
        if (err == SSL_ERROR_WANT_CERTIFICATE_VERIFY) {
          ++retries;
          absl::SleepFor(absl::Milliseconds(5));  // an event loop would serve others here
        } else {
          ASSERT_EQ(err, SSL_ERROR_WANT_READ) << "client handshake failed";
        }
      }
    }
    if (!server_done) {
      const int ret = SSL_do_handshake(server.get());
      if (ret == 1) {
        server_done = true;
      } else {
        ASSERT_EQ(SSL_get_error(server.get(), ret), SSL_ERROR_WANT_READ)
            << "server handshake failed";
      }
    }
  }
  ASSERT_TRUE(client_done && server_done);
  EXPECT_GT(retries, 0) << "the validation ran inside the callback";
  EXPECT_LT(longest_call, kServerLatency / 3) << "a handshake call was held for the fetch";
  const ValidationResult* result = LastResult(client.get());
  ASSERT_NE(result, nullptr);
  EXPECT_TRUE(result->valid);
  ASSERT_EQ(result->fetches.size(), 1u);
  EXPECT_TRUE(result->fetches[0].ok);
}

TEST_F(AsyncFetchTest, DialWaitsForTheValidation) {
  LoopbackServerOptions options;
  options.chain_pem = leaf_pem_;
  options.key_pem = chain_.leaf_key.PrivateKeyPem();
  auto server = LoopbackServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  ASSERT_TRUE(AttachClient(ctx.get(), validator_).ok());
  DialOptions dial;
  dial.sni = "async.example.test";
  dial.timeout = absl::Seconds(10);
  auto result = Dial(ctx.get(), "127.0.0.1", (*server)->port(), dial);
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_TRUE(result->handshake.ok) << result->handshake.error;
  ASSERT_TRUE(result->validation.has_value());
  EXPECT_TRUE(result->validation->valid);
  EXPECT_EQ(http_->Requests("/ica.cer"), 1);
}

TEST_F(AsyncFetchTest, DialGivesUpAtItsDeadline) {
  testfetch::Reply slow = testfetch::Reply::Ok(chain_.intermediate);
  slow.delay = absl::Seconds(5);
  http_->Serve("/ica.cer", slow);
  LoopbackServerOptions options;
  options.chain_pem = leaf_pem_;
  options.key_pem = chain_.leaf_key.PrivateKeyPem();
  options.io_timeout = absl::Seconds(2);
  auto server = LoopbackServer::Start(options);
  ASSERT_TRUE(server.ok()) << server.status();
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  ASSERT_TRUE(AttachClient(ctx.get(), validator_).ok());
  DialOptions dial;
  dial.sni = "async.example.test";
  dial.timeout = absl::Milliseconds(500);
  const absl::Time start = absl::Now();
  auto result = Dial(ctx.get(), "127.0.0.1", (*server)->port(), dial);
  EXPECT_LT(absl::Now() - start, absl::Seconds(2));
  ASSERT_TRUE(result.ok()) << result.status();
  EXPECT_FALSE(result->handshake.ok);
}

}  // namespace
}  // namespace certval::tls
