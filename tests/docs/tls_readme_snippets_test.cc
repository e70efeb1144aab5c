// tls/README.md's C++ block, compiled (tls_readme_snippets.h is generated from the Markdown) and
// run against a loopback server presenting a minted chain.
#include "tests/docs/tls_readme_snippets.h"

#include <memory>
#include <string>
#include <utility>

#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/tls/loopback_server.h"
#include "certval/trust/trust_store.h"
#include "gtest/gtest.h"

namespace certval_docs::tls_readme {
namespace {

namespace testpki = certval::testpki;

TEST(TlsReadmeSnippets, EveryBlockIsHere) { EXPECT_EQ(kSnippetCount, 1); }

// The client snippet connects for "example.com": accepted when the server's chain is for that
// name, refused (with the finding) when it is not.
absl::Status RunClientAgainst(const std::string& server_host) {
  const testpki::Chain chain =
      testpki::MakeChain(testpki::KeyKind::kEcP256, server_host, absl::Now());
  certval::tls::LoopbackServerOptions server_options;
  server_options.chain_pem = chain.ServerChainPem();
  server_options.key_pem = chain.leaf_key.PrivateKeyPem();
  absl::StatusOr<std::unique_ptr<certval::tls::LoopbackServer>> server =
      certval::tls::LoopbackServer::Start(std::move(server_options));
  if (!server.ok()) return server.status();

  auto store = std::make_shared<certval::TrustStore>();
  if (absl::Status s = store->AddRootDer(chain.root); !s.ok()) return s;
  absl::StatusOr<certval::tls::Socket> socket =
      certval::tls::ConnectTcp("127.0.0.1", (*server)->port(), absl::Now() + absl::Seconds(5));
  if (!socket.ok()) return socket.status();
  return client::Run(store, certval::ValidatorOptions(), *std::move(socket));
}

TEST(TlsReadmeSnippets, ClientAcceptsTheRightServer) {
  absl::Status status = RunClientAgainst("example.com");
  EXPECT_TRUE(status.ok()) << status;
}

TEST(TlsReadmeSnippets, ClientRefusesAnotherName) {
  absl::Status status = RunClientAgainst("other.example");
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << status;
  EXPECT_NE(status.message().find("peer_name.mismatch"), std::string::npos) << status;
}

}  // namespace
}  // namespace certval_docs::tls_readme
