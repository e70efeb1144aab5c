// The protocol profiles: the modern default refuses what the legacy profile allows, the legacy
// profile is opt-in only, and every "BoringSSL cannot" claim of tls/README.md is checked here
// against the library actually linked.
#include "certval/tls/legacy.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "certval/tls/binding.h"
#include "certval/tls/transport.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/tls/tls_test_util.h"

namespace certval::tlstest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The ciphers `ctx` would offer, by OpenSSL name.
std::vector<std::string> CipherNames(SSL_CTX* ctx) {
  std::vector<std::string> names;
  STACK_OF(SSL_CIPHER)* ciphers = SSL_CTX_get_ciphers(ctx);
  for (size_t i = 0; i < sk_SSL_CIPHER_num(ciphers); ++i) {
    names.push_back(SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i)));
  }
  return names;
}

bool StrictAccepts(const std::string& rule) {
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  bool ok = SSL_CTX_set_strict_cipher_list(ctx.get(), rule.c_str()) == 1;
  ERR_clear_error();
  return ok;
}

bool LaxAccepts(const std::string& rule) {
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  bool ok = SSL_CTX_set_cipher_list(ctx.get(), rule.c_str()) == 1;
  ERR_clear_error();
  return ok;
}

class ProfileTest : public ::testing::Test {
 protected:
  // A server that speaks only TLS 1.0 with 3DES (static RSA: it needs an RSA key), what the
  // legacy profile exists for.
  bssl::UniquePtr<SSL_CTX> OldServer() {
    bssl::UniquePtr<SSL_CTX> server = ServerContext(pki_.GoodRsa("good.test"));
    SSL_CTX_set_min_proto_version(server.get(), TLS1_VERSION);
    SSL_CTX_set_max_proto_version(server.get(), TLS1_VERSION);
    EXPECT_TRUE(SSL_CTX_set_strict_cipher_list(server.get(), "DES-CBC3-SHA"));
    return server;
  }

  bssl::UniquePtr<SSL_CTX> Client() {
    bssl::UniquePtr<SSL_CTX> client = ClientContext();
    EXPECT_TRUE(tls::AttachClient(client.get(), MakeValidator(pki_.Store())).ok());
    return client;
  }

  Pki pki_;
};

TEST_F(ProfileTest, ModernProfileRefusesAnOldServer) {
  bssl::UniquePtr<SSL_CTX> client = Client();
  ASSERT_TRUE(tls::ApplyModernProfile(client.get()).ok());
  bssl::UniquePtr<SSL_CTX> server = OldServer();
  InMemory hs = HandshakeInMemory(client.get(), server.get(), "good.test");
  EXPECT_FALSE(hs.client_ok);
  EXPECT_THAT(hs.client_error, HasSubstr("PROTOCOL_VERSION"));  // the server's alert
  EXPECT_FALSE(tls::IsLegacyEnabled(client.get()));
}

TEST_F(ProfileTest, LegacyProfileReachesAnOldServerAndStillValidates) {
  bssl::UniquePtr<SSL_CTX> client = Client();
  ASSERT_TRUE(tls::EnableLegacyCompatibility(client.get()).ok());
  EXPECT_TRUE(tls::IsLegacyEnabled(client.get()));
  bssl::UniquePtr<SSL_CTX> server = OldServer();
  InMemory hs = HandshakeInMemory(client.get(), server.get(), "good.test");
  ASSERT_TRUE(hs.client_ok) << hs.client_error;
  EXPECT_STREQ(SSL_get_version(hs.client.get()), "TLSv1");
  EXPECT_STREQ(SSL_CIPHER_get_name(SSL_get_current_cipher(hs.client.get())), "DES-CBC3-SHA");
  // Legacy protocols, not legacy validation: the wrong name still fails.
  InMemory wrong = HandshakeInMemory(client.get(), server.get(), "other.test");
  EXPECT_FALSE(wrong.client_ok);
  EXPECT_THAT(Codes(*tls::LastResult(wrong.client.get())), testing::Contains("peer_name.mismatch"));
}

// Upstream BoringSSL's own defaults already refuse the old server (TLS 1.2 minimum, no 3DES), but
// still offer static-RSA and CBC suites and take SHA-1 handshake signatures: what
// ApplyModernProfile narrows further.
TEST_F(ProfileTest, BoringSslDefaultsAreTls12WithoutTls10Or3Des) {
  bssl::UniquePtr<SSL_CTX> plain = ClientContext();
  EXPECT_EQ(SSL_CTX_get_min_proto_version(plain.get()), TLS1_2_VERSION);
  EXPECT_THAT(CipherNames(plain.get()), Not(testing::Contains("DES-CBC3-SHA")));
  EXPECT_THAT(CipherNames(plain.get()), testing::Contains("AES128-SHA"));
}

TEST_F(ProfileTest, ModernProfileOffersOnlyEcdheAeadSuites) {
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::ApplyModernProfile(ctx.get()).ok());
  EXPECT_EQ(SSL_CTX_get_min_proto_version(ctx.get()), TLS1_2_VERSION);
  for (const std::string& name : CipherNames(ctx.get())) {
    EXPECT_THAT(name, testing::StartsWith("ECDHE-"));
    EXPECT_THAT(name, testing::AnyOf(HasSubstr("GCM"), HasSubstr("CHACHA20")));
    EXPECT_THAT(name, Not(HasSubstr("PSK")));
  }
}

TEST_F(ProfileTest, LegacyCipherListIsTheWidestWithoutNullOrPsk) {
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::EnableLegacyCompatibility(ctx.get()).ok());
  std::vector<std::string> names = CipherNames(ctx.get());
  EXPECT_THAT(names, testing::Contains("DES-CBC3-SHA"));  // 3DES, where this build has it
  EXPECT_THAT(names, testing::Contains("AES128-SHA"));    // static RSA, CBC, HMAC-SHA1
  EXPECT_THAT(names, testing::Contains("ECDHE-RSA-AES128-SHA"));
  EXPECT_EQ(names.front(), "ECDHE-ECDSA-AES128-GCM-SHA256");  // strongest still preferred
  for (const std::string& name : names) {
    EXPECT_THAT(name, Not(HasSubstr("NULL")));
    EXPECT_THAT(name, Not(HasSubstr("PSK")));
  }
  EXPECT_EQ(SSL_CTX_get_min_proto_version(ctx.get()), TLS1_VERSION);
}

// SHA-1 in TLS 1.2 handshake signatures: BoringSSL's default takes RSA PKCS#1 but not ECDSA; the
// modern profile takes neither, the legacy profile both.
TEST_F(ProfileTest, Sha1HandshakeSignaturesByProfile) {
  auto server_signing = [&](const Identity& id, uint16_t sigalg) {
    bssl::UniquePtr<SSL_CTX> server = ServerContext(id);
    SSL_CTX_set_max_proto_version(server.get(), TLS1_2_VERSION);
    EXPECT_TRUE(SSL_CTX_set_signing_algorithm_prefs(server.get(), &sigalg, 1));
    return server;
  };
  bssl::UniquePtr<SSL_CTX> rsa_sha1 =
      server_signing(pki_.GoodRsa("good.test"), SSL_SIGN_RSA_PKCS1_SHA1);
  bssl::UniquePtr<SSL_CTX> ecdsa_sha1 = server_signing(pki_.Good("good.test"), SSL_SIGN_ECDSA_SHA1);
  bssl::UniquePtr<SSL_CTX> plain = Client();
  bssl::UniquePtr<SSL_CTX> modern = Client();
  ASSERT_TRUE(tls::ApplyModernProfile(modern.get()).ok());
  bssl::UniquePtr<SSL_CTX> legacy = Client();
  ASSERT_TRUE(tls::EnableLegacyCompatibility(legacy.get()).ok());
  EXPECT_TRUE(HandshakeInMemory(plain.get(), rsa_sha1.get(), "good.test").client_ok);
  EXPECT_FALSE(HandshakeInMemory(plain.get(), ecdsa_sha1.get(), "good.test").client_ok);
  EXPECT_FALSE(HandshakeInMemory(modern.get(), rsa_sha1.get(), "good.test").client_ok);
  EXPECT_FALSE(HandshakeInMemory(modern.get(), ecdsa_sha1.get(), "good.test").client_ok);
  EXPECT_TRUE(HandshakeInMemory(legacy.get(), rsa_sha1.get(), "good.test").client_ok);
  EXPECT_TRUE(HandshakeInMemory(legacy.get(), ecdsa_sha1.get(), "good.test").client_ok);
}

// The renegotiation row: a BoringSSL server cannot initiate one, so see the s_server test below.

// Trust-any switches off certificate validation only; protocol settings stay as they were.
TEST_F(ProfileTest, TrustAnyDoesNotImplyLegacy) {
  bssl::UniquePtr<SSL_CTX> ctx = ClientContext();
  ASSERT_TRUE(tls::ApplyModernProfile(ctx.get()).ok());
  ASSERT_TRUE(
      tls::AttachClient(ctx.get(), MakeValidator(pki_.Store(), Policy(Mode::kDisable))).ok());
  EXPECT_FALSE(tls::IsLegacyEnabled(ctx.get()));
  EXPECT_EQ(SSL_CTX_get_min_proto_version(ctx.get()), TLS1_2_VERSION);
  bssl::UniquePtr<SSL_CTX> server = OldServer();
  EXPECT_FALSE(HandshakeInMemory(ctx.get(), server.get(), "good.test").client_ok);
}

int g_info_calls = 0;
void CountingInfoCallback(const SSL* /*ssl*/, int type, int /*value*/) {
  if (type == SSL_CB_HANDSHAKE_START) ++g_info_calls;
}

TEST_F(ProfileTest, LegacyChainsToAnExistingInfoCallbackAndInstallsOnce) {
  bssl::UniquePtr<SSL_CTX> client = Client();
  SSL_CTX_set_info_callback(client.get(), CountingInfoCallback);
  ASSERT_TRUE(tls::EnableLegacyCompatibility(client.get()).ok());
  ASSERT_TRUE(tls::EnableLegacyCompatibility(client.get()).ok());  // idempotent
  bssl::UniquePtr<SSL_CTX> server = ServerContext(pki_.Good("good.test"));
  g_info_calls = 0;
  EXPECT_TRUE(HandshakeInMemory(client.get(), server.get(), "good.test").client_ok);
  EXPECT_EQ(g_info_calls, 1);
}

TEST_F(ProfileTest, NullContextIsAnError) {
  EXPECT_FALSE(tls::EnableLegacyCompatibility(nullptr).ok());
  EXPECT_FALSE(tls::ApplyModernProfile(nullptr).ok());
  EXPECT_FALSE(tls::IsLegacyEnabled(nullptr));
}

// --- What BoringSSL cannot do (tls/README.md). Each claim, checked. ---

TEST(BoringSslCannot, UnderstandOpenSslSecurityLevels) {
  for (const char* rule : {"@SECLEVEL=1", "ALL:@SECLEVEL=1", "DEFAULT:@SECLEVEL=0"}) {
    EXPECT_FALSE(StrictAccepts(rule)) << rule;
    EXPECT_FALSE(LaxAccepts(rule)) << rule;  // not even the tolerant parser
  }
}

TEST(BoringSslCannot, NegotiateFiniteFieldDhe) {
  for (const char* rule : {"DHE", "kDHE", "EDH", "DH", "DHE-RSA-AES128-GCM-SHA256",
                           "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "DH+AES", "ADH"}) {
    EXPECT_FALSE(StrictAccepts(rule)) << rule;
  }
  // SSL_CTX_set_tmp_dh survives as a no-op that reports success.
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  size_t before = CipherNames(ctx.get()).size();
  EXPECT_EQ(SSL_CTX_set_tmp_dh(ctx.get(), nullptr), 1);
  EXPECT_EQ(CipherNames(ctx.get()).size(), before);
}

TEST(BoringSslCannot, SpeakSslv3) {
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  EXPECT_EQ(SSL_CTX_set_min_proto_version(ctx.get(), SSL3_VERSION), 0);
  EXPECT_EQ(SSL_CTX_set_max_proto_version(ctx.get(), SSL3_VERSION), 0);
  ERR_clear_error();
}

TEST(BoringSslCannot, UseRc4ExportDesMd5OrOtherRetiredSuites) {
  for (const char* rule :
       {"RC4",      "RC4-SHA", "RC4-MD5", "EXP",   "EXP-RC4-MD5", "DES",    "DES-CBC-SHA", "MD5",
        "CAMELLIA", "SEED",    "IDEA",    "ARIA",  "AESCCM",      "aDSS",   "DSS",         "SRP",
        "GOST",     "kECDH",   "aECDH",   "eNULL", "aNULL",       "MEDIUM", "LOW"}) {
    EXPECT_FALSE(StrictAccepts(rule)) << rule;
  }
}

TEST(BoringSslCannot, HonourTheLegacyOpenSslOptionFlags) {
  // Defined as 0 so that OpenSSL code compiles, and therefore do nothing.
  static_assert(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION == 0);
  static_assert(SSL_OP_NO_COMPRESSION == 0);
  static_assert(SSL_OP_NO_SSLv3 == 0);
  // The one exception: connecting to servers without renegotiation_info (RFC 5746) is a real
  // option, on by default, so neither profile needs to set it.
  static_assert(SSL_OP_LEGACY_SERVER_CONNECT != 0);
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  EXPECT_NE(SSL_CTX_get_options(ctx.get()) & SSL_OP_LEGACY_SERVER_CONNECT, 0u);
}

// The vendor adapter's cipher string: BoringSSL's strict parser rejects it; the tolerant one
// silently drops what it does not know, leaving ECDHE and static-RSA suites, no DHE.
TEST(BoringSslCannot, TakeTheVendorCipherStringAsIs) {
  const std::string vendor =
      "@SECLEVEL=1:ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:DHE+CHACHA20:ECDH+AESGCM:DH+AESGCM:"
      "ECDH+AES:DH+AES:RSA+AESGCM:RSA+AES:!aNULL:!eNULL:!MD5:!DSS";
  EXPECT_FALSE(StrictAccepts(vendor));
  const std::string without_seclevel = vendor.substr(vendor.find(':') + 1);
  EXPECT_FALSE(StrictAccepts(without_seclevel));
  bssl::UniquePtr<SSL_CTX> ctx(SSL_CTX_new(TLS_method()));
  ASSERT_EQ(SSL_CTX_set_cipher_list(ctx.get(), without_seclevel.c_str()), 1);
  for (const std::string& name : CipherNames(ctx.get())) {
    EXPECT_THAT(name, Not(testing::StartsWith("DHE-"))) << "finite-field DHE suite " << name;
    EXPECT_THAT(name, Not(testing::StartsWith("EDH-"))) << "finite-field DHE suite " << name;
  }
  ERR_clear_error();
}

// No NULL-encryption suite is left at all, not even by exact name.
TEST(BoringSslCannot, SelectNullEncryption) {
  for (const char* rule : {"eNULL", "NULL", "TLS_RSA_WITH_NULL_SHA", "NULL-SHA"}) {
    EXPECT_FALSE(StrictAccepts(rule)) << rule;
  }
  EXPECT_THAT(tls::LegacyCipherList(), Not(HasSubstr("NULL")));
}

// --- Renegotiation against a real OpenSSL server (BoringSSL servers cannot initiate one). ---

// `openssl s_server` in a child process: stdin is a pipe we write commands to, stdout is read
// until its "ACCEPT host:port" line. Killed on destruction.
class OpenSslServer {
 public:
  ~OpenSslServer() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (in_ >= 0) close(in_);
    if (out_ >= 0) close(out_);
  }

  // False when there is no openssl binary or it does not start listening in time.
  bool Start(const std::string& cert, const std::string& chain, const std::string& key) {
    if (access("/usr/bin/openssl", X_OK) != 0) return false;
    int in[2], out[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) return false;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      dup2(out[1], 2);
      execl("/usr/bin/openssl", "openssl", "s_server", "-accept", "127.0.0.1:0", "-cert",
            cert.c_str(), "-cert_chain", chain.c_str(), "-key", key.c_str(), "-tls1_2", "-naccept",
            "1", nullptr);
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    in_ = in[1];
    out_ = out[0];
    return pid_ > 0 && ReadPort(absl::Now() + absl::Seconds(10));
  }

  void Send(const std::string& line) {
    ssize_t n = write(in_, line.data(), line.size());
    (void)n;
  }
  uint16_t port() const { return port_; }
  // What s_server printed so far (for failure messages).
  std::string Output() {
    std::string text;
    char buf[512];
    pollfd p{out_, POLLIN, 0};
    while (poll(&p, 1, 200) > 0) {
      ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) break;
      text.append(buf, static_cast<size_t>(n));
    }
    return text;
  }

 private:
  bool ReadPort(absl::Time deadline) {
    std::string seen;
    while (absl::Now() < deadline) {
      pollfd p{out_, POLLIN, 0};
      if (poll(&p, 1, 100) <= 0) continue;
      char buf[256];
      ssize_t n = read(out_, buf, sizeof buf);
      if (n <= 0) return false;
      seen.append(buf, static_cast<size_t>(n));
      size_t at = seen.find("ACCEPT ");
      size_t eol = at == std::string::npos ? at : seen.find('\n', at);
      if (eol != std::string::npos) {
        std::string addr = seen.substr(at + 7, eol - at - 7);
        uint32_t port = 0;
        return absl::SimpleAtoi(addr.substr(addr.rfind(':') + 1), &port) &&
               (port_ = static_cast<uint16_t>(port)) != 0;
      }
    }
    return false;
  }

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  uint16_t port_ = 0;
};

std::string WriteTemp(const std::string& name, const std::string& contents) {
  const char* dir = std::getenv("TEST_TMPDIR");
  std::string path = absl::StrCat(dir ? dir : "/tmp", "/", name);
  std::ofstream(path) << contents;
  return path;
}

// Connects, completes the handshake, asks s_server to renegotiate, then reads a line; returns the
// number of renegotiations the client went through, or -1 when a read failed (`error` says why).
int RenegotiationsSeen(SSL_CTX* ctx, OpenSslServer& server, std::string* error) {
  absl::StatusOr<tls::Socket> sock =
      tls::ConnectTcp("127.0.0.1", server.port(), absl::Now() + absl::Seconds(5));
  if (!sock.ok()) return -2;
  // A plain blocking socket for SSL_set_fd (ConnectTcp hands out non-blocking ones); each
  // blocking read waits at most 300 ms.
  fcntl(sock->get(), F_SETFL, fcntl(sock->get(), F_GETFL) & ~O_NONBLOCK);
  timeval tv{0, 300 * 1000};
  setsockopt(sock->get(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  bssl::UniquePtr<SSL> ssl(SSL_new(ctx));
  SSL_set_tlsext_host_name(ssl.get(), "good.test");
  SSL_set_fd(ssl.get(), sock->get());
  if (SSL_connect(ssl.get()) != 1) {
    *error = absl::StrCat("handshake failed; s_server said: ", server.Output());
    return -3;
  }
  server.Send("r\n");  // s_server: send HelloRequest
  // BoringSSL renegotiates only at a quiescent point: application data arriving mid-renegotiation
  // is UNEXPECTED_RECORD. So let the first reads run the renegotiation, then ask for the line.
  bool asked = false;
  for (int attempt = 0; attempt < 10; ++attempt) {
    char buf[64];
    ERR_clear_error();
    int n = SSL_read(ssl.get(), buf, sizeof buf);
    if (n > 0) return SSL_total_renegotiations(ssl.get());
    int err = SSL_get_error(ssl.get(), n);
    if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_SYSCALL) {
      const char* reason = ERR_reason_error_string(ERR_peek_error());
      *error = reason ? reason : absl::StrCat("SSL error ", err);
      return -1;
    }
    if (!asked && SSL_total_renegotiations(ssl.get()) > 0) {
      server.Send("hello\n");
      asked = true;
    }
  }
  *error = "no line from s_server";
  return -1;
}

TEST_F(ProfileTest, LegacyProfileFollowsServerRenegotiationDefaultRefuses) {
  Identity id = pki_.Good("good.test");
  const std::string cert = WriteTemp("reneg_cert.pem", testpki::DerToPem(id.leaf_der));
  const std::string chain =
      WriteTemp("reneg_chain.pem", testpki::DerToPem(pki_.intermediate_der()));
  const std::string key = WriteTemp("reneg_key.pem", id.key_pem);
  {
    OpenSslServer server;
    if (!server.Start(cert, chain, key)) GTEST_SKIP() << "no usable /usr/bin/openssl";
    bssl::UniquePtr<SSL_CTX> legacy = Client();
    ASSERT_TRUE(tls::EnableLegacyCompatibility(legacy.get()).ok());
    std::string error;
    EXPECT_EQ(RenegotiationsSeen(legacy.get(), server, &error), 1) << error;
  }
  {
    OpenSslServer server;
    ASSERT_TRUE(server.Start(cert, chain, key));
    bssl::UniquePtr<SSL_CTX> modern = Client();
    ASSERT_TRUE(tls::ApplyModernProfile(modern.get()).ok());
    std::string error;
    EXPECT_EQ(RenegotiationsSeen(modern.get(), server, &error), -1);
    EXPECT_EQ(error, "NO_RENEGOTIATION");
  }
}

}  // namespace
}  // namespace certval::tlstest
