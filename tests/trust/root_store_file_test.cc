// trust/root_store_file.h, trust/layered_trust_source.h and trust/reloadable_validator.h: a private
// root added by a root-store file with a permitted DNS subtree accepts inside it and rejects
// outside it while the system roots keep working; exclusions; anchors by fingerprint; a malformed
// file is an error with its line number and changes nothing; reloads swap snapshots.
#include "certval/trust/root_store_file.h"

#include <atomic>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/layered_trust_source.h"
#include "certval/trust/reloadable_validator.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/trust/trust_test_util.h"

namespace certval {
namespace {

using ::testing::HasSubstr;
using testpki::Key;
using testpki::KeyKind;
using testpki::TestCa;
using trusttest::MakeTempDir;
using trusttest::Now;
using trusttest::ParseOrDie;
using trusttest::WriteFile;

bool HasCode(const ValidationResult& r, const std::string& code) {
  for (const Finding& f : r.findings) {
    if (f.code == code) return true;
  }
  return false;
}

std::string Hex(const Sha256Digest& d) {
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(d.data()), d.size()));
}

// Two independent PKIs: a private corporate root (for the root-store file) and a "system" root
// (loaded as the system store through SSL_CERT_FILE). Each issues leaves directly.
class RootStoreFileTest : public ::testing::Test {
 protected:
  RootStoreFileTest()
      : corp_(TestCa::Root(testpki::RootSpec("Corp Private Root", Now()),
                           Key::Cached(KeyKind::kEcP256, 20))),
        system_(TestCa::Root(testpki::RootSpec("System Public Root", Now()),
                             Key::Cached(KeyKind::kEcP256, 21))),
        dir_(MakeTempDir()) {
    WriteFile(dir_ + "/corp.pem", corp_.cert_pem());
    WriteFile(dir_ + "/system.pem", system_.cert_pem());
  }

  std::string Leaf(const TestCa& ca, const std::string& host) {
    return ca.Issue(testpki::LeafSpec(host, Now()), Key::Cached(KeyKind::kEcP256, 22));
  }

  ValidationResult Validate(std::shared_ptr<const TrustSource> trust, const std::string& leaf,
                            const std::string& host) {
    ValidationRequest request;
    request.leaf = leaf;
    request.peer_name = PeerName::Dns(host);
    request.time = Now();
    return Validator(std::move(trust), ValidatorOptions{}).Validate(request);
  }

  TrustConfig Config(const std::string& root_store) {
    TrustConfig config;
    config.root_store_file = root_store;
    const std::string bundle = dir_ + "/system.pem";
    config.system_options.getenv = [bundle](const std::string& name) -> std::optional<std::string> {
      if (name == "SSL_CERT_FILE") return bundle;
      return std::nullopt;
    };
    return config;
  }

  std::string WriteRootStore(const std::string& text) {
    const std::string path = dir_ + "/roots.conf";
    WriteFile(path, text);
    return path;
  }

  TestCa corp_, system_;
  std::string dir_;
};

TEST_F(RootStoreFileTest, PrivateRootWithPermittedSubtreeBesideTheSystemRoots) {
  const std::string path = WriteRootStore(
      "# the corporate CA, for its own names only\n"
      "anchor file corp.pem {\n"
      "  permit dns corp.example.test\n"
      "}\n");
  absl::StatusOr<std::shared_ptr<const TrustSource>> trust = BuildTrustSource(Config(path));
  ASSERT_TRUE(trust.ok()) << trust.status();

  ValidationResult inside =
      Validate(*trust, Leaf(corp_, "www.corp.example.test"), "www.corp.example.test");
  EXPECT_TRUE(inside.valid) << inside.ErrorSummary();
  EXPECT_EQ(inside.anchor_source, "root-store");

  ValidationResult outside =
      Validate(*trust, Leaf(corp_, "www.bank.example.test"), "www.bank.example.test");
  EXPECT_FALSE(outside.valid);
  EXPECT_TRUE(HasCode(outside, "name_constraints.not_permitted")) << outside.ErrorSummary();

  // The system roots keep working, for any name.
  ValidationResult system =
      Validate(*trust, Leaf(system_, "www.bank.example.test"), "www.bank.example.test");
  EXPECT_TRUE(system.valid) << system.ErrorSummary();
  EXPECT_EQ(system.anchor_source, "system");
}

TEST_F(RootStoreFileTest, ExcludeDropsASystemRoot) {
  const std::string path =
      WriteRootStore(absl::StrCat("anchor file corp.pem\nexclude sha256 ",
                                  Hex(ParseOrDie(system_.cert_der())->der_sha256()), "\n"));
  absl::StatusOr<std::shared_ptr<const TrustSource>> trust = BuildTrustSource(Config(path));
  ASSERT_TRUE(trust.ok()) << trust.status();
  EXPECT_FALSE(Validate(*trust, Leaf(system_, "a.example.test"), "a.example.test").valid);
  EXPECT_TRUE(Validate(*trust, Leaf(corp_, "a.example.test"), "a.example.test").valid);
}

// A root of the other stores, named by fingerprint, gets the file's limits (the root-store layer
// comes first).
TEST_F(RootStoreFileTest, AnchorBySha256ConstrainsASystemRoot) {
  const std::string path = WriteRootStore(
      absl::StrCat("anchor sha256 ", Hex(ParseOrDie(system_.cert_der())->der_sha256()), " {\n",
                   "  purposes email\n}\n"));
  absl::StatusOr<std::shared_ptr<const TrustSource>> trust = BuildTrustSource(Config(path));
  ASSERT_TRUE(trust.ok()) << trust.status();
  ValidationResult r = Validate(*trust, Leaf(system_, "a.example.test"), "a.example.test");
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(HasCode(r, "trust_anchor.purpose_not_trusted")) << r.ErrorSummary();
}

TEST_F(RootStoreFileTest, EveryConstraintParses) {
  absl::StatusOr<RootStoreFile> file = ParseRootStoreFile(
      "anchor file corp.pem {   # trailing comment\n"
      "  purposes server email\n"
      "  permit dns corp.example\n"
      "  exclude dns old.corp.example\n"
      "  permit ip 10.1.0.0/16\n"
      "  exclude ip 2001:db8::/32\n"
      "  permit email corp.example\n"
      "  distrust-after server 2027-01-01T00:00:00Z\n"
      "  distrust-after email 2026-06-30T12:00:00Z\n"
      "  max-leaf-validity 398d\n"
      "}\n",
      "roots.conf");
  ASSERT_TRUE(file.ok()) << file.status();
  ASSERT_EQ(file->anchors.size(), 1u);
  const AnchorConstraints& c = *file->anchors[0].constraints;
  EXPECT_TRUE(c.trusted_for_server && c.trusted_for_email);
  EXPECT_EQ(c.permitted_dns, std::vector<std::string>{"corp.example"});
  EXPECT_EQ(c.excluded_dns, std::vector<std::string>{"old.corp.example"});
  EXPECT_EQ(c.permitted_ip,
            std::vector<std::string>{std::string("\x0a\x01\x00\x00\xff\xff\x00\x00", 8)});
  ASSERT_EQ(c.excluded_ip.size(), 1u);
  EXPECT_EQ(c.excluded_ip[0].size(), 32u);
  EXPECT_EQ(c.permitted_email, std::vector<std::string>{"corp.example"});
  EXPECT_EQ(c.server_distrust_after, absl::FromUnixSeconds(1798761600));
  EXPECT_EQ(c.email_distrust_after, absl::FromUnixSeconds(1782820800));
  EXPECT_EQ(c.max_leaf_validity, absl::Hours(24 * 398));
}

struct Malformed {
  std::string text;
  std::string error;
};

TEST_F(RootStoreFileTest, MalformedFilesNameTheLineAndChangeNothing) {
  const std::vector<Malformed> cases = {
      {"anchor file corp.pem {\n  permit dns a.example\n  purposes web\n}\n",
       "roots.conf:3: unknown purpose \"web\""},
      {"anchor file corp.pem {\n  permit ip 10.0.0.0/33\n}\n",
       "roots.conf:2: \"10.0.0.0/33\" is not"},
      {"anchor file corp.pem {\n  permit uri x\n}\n", "roots.conf:2: unknown name kind \"uri\""},
      {"\n\nanchor file corp.pem {\n  permit dns a.example\n",
       "roots.conf:3: anchor block without a closing }"},
      {"anchor file corp.pem {\n distrust-after server 2027-13-01T00:00:00Z\n}\n",
       "roots.conf:2: \"2027-13-01T00:00:00Z\" is not a date"},
      {"anchor file corp.pem {\n max-leaf-validity forever\n}\n",
       "roots.conf:2: max-leaf-validity needs"},
      {"anchor sha256 abcd\n", "roots.conf:1: \"abcd\" is not a SHA-256"},
      {"trust everything\n", "roots.conf:1: unknown statement \"trust\""},
      {"exclude file corp.pem\n", "roots.conf:1: expected: exclude sha256 HEX"},
      {"anchor file corp.pem {\n  purposes server\n  purposes email\n}\n",
       "roots.conf:3: purposes given twice"},
      // Well formed, but the second anchor's file is missing: nothing of the first is added either.
      {"anchor file corp.pem\nexclude sha256 " + std::string(64, 'a') +
           "\nanchor file missing.pem\n",
       "roots.conf:3: "},
      {"anchor sha256 " + std::string(64, 'b') + "\n", "roots.conf:1: no root with this SHA-256"},
  };
  for (const Malformed& m : cases) {
    const std::string path = WriteRootStore(m.text);
    TrustStore store("root-store");
    CertificatePtr existing = ParseOrDie(system_.cert_der());
    store.AddRoot(existing);
    absl::Status status = LoadRootStoreFile(path, store);
    ASSERT_FALSE(status.ok()) << m.text;
    EXPECT_THAT(std::string(status.message()), HasSubstr(m.error)) << m.text;
    std::cout << "[ ERROR ] " << status.message() << "\n";
    EXPECT_EQ(store.root_count(), 1u) << m.text;
    EXPECT_EQ(store.GetTrust(*existing).kind, TrustKind::kAnchor) << m.text;
    EXPECT_EQ(store.GetTrust(*ParseOrDie(corp_.cert_der())).kind, TrustKind::kUnspecified)
        << m.text;
  }
}

TEST_F(RootStoreFileTest, ReloadSwapsTheSnapshotAndAFailedReloadKeepsTheOld) {
  const std::string path = WriteRootStore("anchor file corp.pem\n");
  absl::StatusOr<std::unique_ptr<ReloadableValidator>> v =
      ReloadableValidator::Create(Config(path));
  ASSERT_TRUE(v.ok()) << v.status();
  ValidationRequest request;
  request.leaf = Leaf(corp_, "a.example.test");
  request.peer_name = PeerName::Dns("a.example.test");
  request.time = Now();
  EXPECT_TRUE((*v)->Validate(request).valid);
  std::shared_ptr<const Validator> before = (*v)->Current();

  WriteFile(path, "anchor file corp.pem {\n  permit dns a.example.test\n  oops\n}\n");
  absl::Status failed = (*v)->Reload();
  EXPECT_THAT(std::string(failed.message()), HasSubstr(":3: unknown constraint \"oops\""));
  EXPECT_EQ((*v)->Current(), before) << "a failed reload changes nothing";

  WriteFile(path, absl::StrCat("anchor file corp.pem\nexclude sha256 ",
                               Hex(ParseOrDie(corp_.cert_der())->der_sha256()), "\n"));
  ASSERT_TRUE((*v)->Reload().ok());
  EXPECT_NE((*v)->Current(), before);
  EXPECT_FALSE((*v)->Validate(request).valid) << "the new snapshot excludes the corporate root";
  EXPECT_TRUE(before->Validate(request).valid) << "a snapshot taken before keeps its trust";
}

TEST_F(RootStoreFileTest, ReloadsWhileValidating) {
  const std::string path = WriteRootStore("anchor file corp.pem\n");
  absl::StatusOr<std::unique_ptr<ReloadableValidator>> v =
      ReloadableValidator::Create(Config(path));
  ASSERT_TRUE(v.ok()) << v.status();
  ValidationRequest request;
  request.leaf = Leaf(corp_, "a.example.test");
  request.peer_name = PeerName::Dns("a.example.test");
  request.time = Now();
  std::atomic<bool> stop{false};
  std::atomic<int> invalid{0}, validations{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      while (!stop) {
        invalid += !(*v)->Validate(request).valid;
        ++validations;
      }
    });
  }
  for (int i = 0; i < 20; ++i) ASSERT_TRUE((*v)->Reload().ok());
  stop = true;
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(invalid, 0) << "every snapshot trusts the corporate root";
  EXPECT_GT(validations, 0);
}

TEST(LayeredTrustSourceTest, DistrustInAnyLayerWinsAndTheFirstAnchorDecides) {
  CertificatePtr root = ParseOrDie(trusttest::RootDer("Layered Root"));
  auto a = std::make_shared<TrustStore>("a");
  auto b = std::make_shared<TrustStore>("b");
  a->AddRoot(root);
  b->AddRoot(root);
  LayeredTrustSource both({a, b});
  EXPECT_EQ(both.GetTrust(*root).source, "a");
  LayeredTrustSource reversed({b, a});
  EXPECT_EQ(reversed.GetTrust(*root).source, "b");
  std::vector<CertificatePtr> issuers;
  testpki::CertSpec spec = testpki::LeafSpec("x.example.test", Now());
  both.FindIssuers(*ParseOrDie(testpki::IssueCertificate(spec, Key::Cached(KeyKind::kEcP256, 1),
                                                         Key::Cached(KeyKind::kEcP256, 0),
                                                         std::string(root->subject().der))),
                   &issuers);
  EXPECT_EQ(issuers.size(), 1u) << "one root held by two layers is one candidate";
  b->Distrust(*root);
  EXPECT_EQ(both.GetTrust(*root).kind, TrustKind::kDistrusted);
}

}  // namespace
}  // namespace certval
