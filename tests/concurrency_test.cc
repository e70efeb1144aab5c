// One Validator, one TrustStore and small shared caches used by many validating threads while
// another thread keeps changing the store (AddRoot, AddRoots, AddCert, Distrust of unrelated
// certificates). Every verdict must be the one a single-threaded run gives. Meant to run under
// ThreadSanitizer too:
//   bazel test --config=tsan //tests:concurrency_test
#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate_cache.h"
#include "certval/validator/signature_cache.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/validator.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

using testpki::CertSpec;
using testpki::Key;
using testpki::KeyKind;

const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
constexpr int kValidatingThreads = 8;
constexpr int kRoundsPerThread = 40;

// The caches every Validator of this test shares: small, so that entries are evicted and
// re-inserted while other threads read them.
std::shared_ptr<const SignatureVerifier> MakeSharedVerifier() {
  static const auto* const verifier = new std::shared_ptr<const SignatureVerifier>(
      std::make_shared<CachingSignatureVerifier>(/*max_entries=*/16));
  return *verifier;
}
std::shared_ptr<CertificateCache> MakeSharedCertificateCache() {
  static const auto* const cache =
      new std::shared_ptr<CertificateCache>(std::make_shared<CertificateCache>(/*max_entries=*/16));
  return *cache;
}

CertificatePtr ParseOrDie(const std::string& der) {
  auto cert = Certificate::Parse(der);
  if (!cert.ok()) {
    ADD_FAILURE() << "fixture does not parse: " << cert.status();
    std::abort();
  }
  return *cert;
}

// One request and the verdict (and, if invalid, one error code) it must get.
struct Case {
  std::string name;
  ValidationRequest request;
  bool valid;
  std::string code;  // an error code that must be present when !valid
};

ValidationRequest Request(const std::string& leaf, std::vector<std::string> intermediates,
                          std::string host) {
  ValidationRequest r;
  r.leaf = leaf;
  r.intermediates = std::move(intermediates);
  r.peer_name = PeerName::Dns(std::move(host));
  r.time = kNow;
  return r;
}

// The same request with the certificates parsed once and shared by every thread, so the lazily
// computed parts of a Certificate (digests, verification key) are raced for too.
ValidationRequest Preparsed(ValidationRequest r) {
  r.parsed_leaf = ParseOrDie(r.leaf);
  for (const std::string& der : r.intermediates) r.parsed_intermediates.push_back(ParseOrDie(der));
  return r;
}

std::string Check(const Case& c, const ValidationResult& r) {
  if (r.valid != c.valid) {
    return absl::StrCat(c.name, ": expected ", c.valid ? "valid" : "invalid", ", got ",
                        r.valid ? "valid" : "invalid", " ", r.ErrorSummary());
  }
  if (c.valid) return "";
  for (const Finding& f : r.findings) {
    if (f.code == c.code && f.severity == Severity::kError) return "";
  }
  return absl::StrCat(c.name, ": no ", c.code, " error in ", r.ErrorSummary());
}

class ConcurrencyTest : public ::testing::Test {
 protected:
  ConcurrencyTest()
      : chain_(testpki::MakeChain(KeyKind::kEcP256, "example.test", kNow)),
        store_(std::make_shared<TrustStore>()) {
    store_->AddRoot(ParseOrDie(chain_.root));
    const testpki::TestCa ica = chain_.intermediate_ca();
    const std::vector<std::string> path = {chain_.intermediate};

    cases_.push_back({"good", Request(chain_.leaf, path, "example.test"), true, ""});
    CertSpec expired = testpki::LeafSpec("example.test", kNow);
    expired.not_after = kNow - absl::Hours(1);
    cases_.push_back({"expired", Request(ica.Issue(expired, chain_.leaf_key), path, "example.test"),
                      false, "validity.expired"});
    cases_.push_back(
        {"wrong host", Request(chain_.leaf, path, "other.test"), false, "peer_name.mismatch"});
    cases_.push_back({"no intermediate", Request(chain_.leaf, {}, "example.test"), false,
                      "trust_anchor.no_trusted_root"});
    // A chain under a root that is never added.
    testpki::Chain stranger = testpki::MakeChain(KeyKind::kEcP384, "example.test", kNow);
    cases_.push_back(
        {"untrusted root",
         Request(stranger.leaf, {stranger.intermediate, stranger.root}, "example.test"), false,
         "trust_anchor.no_trusted_root"});
    // A second intermediate, distrusted before the threads start.
    testpki::TestCa bad_ica = chain_.root_ca().IssueCa(
        testpki::IntermediateSpec("Distrusted CA", kNow), Key::Cached(KeyKind::kEcP256, 30));
    store_->Distrust(*ParseOrDie(bad_ica.cert_der()));
    cases_.push_back({"distrusted intermediate",
                      Request(bad_ica.Issue(testpki::LeafSpec("example.test", kNow),
                                            Key::Cached(KeyKind::kEcP256, 31)),
                              {bad_ica.cert_der()}, "example.test"),
                      false, "trust_anchor.no_trusted_root"});
    const size_t n = cases_.size();
    for (size_t i = 0; i < n; ++i) {
      Case c = cases_[i];
      c.name += " (pre-parsed)";
      c.request = Preparsed(std::move(c.request));
      cases_.push_back(std::move(c));
    }
    MintUnrelated();
  }

  // What the writer thread adds: roots with new names, impostor roots with the real root's name
  // (and other keys), exact-trust leaves, and certificates whose keys get distrusted. None of them
  // can change a verdict above.
  void MintUnrelated() {
    for (int i = 0; i < 24; ++i) {
      unrelated_roots_.push_back(ParseOrDie(
          testpki::TestCa::Root(testpki::RootSpec(absl::StrCat("Unrelated Root ", i), kNow),
                                Key::Cached(KeyKind::kEcP256, 100 + i))
              .cert_der()));
      unrelated_leaves_.push_back(ParseOrDie(
          testpki::SelfSigned(testpki::LeafSpec(absl::StrCat("unrelated", i, ".test"), kNow),
                              Key::Cached(KeyKind::kEcP256, 200 + i))));
    }
    for (int i = 0; i < 4; ++i) {
      impostor_roots_.push_back(
          ParseOrDie(testpki::TestCa::Root(testpki::RootSpec("certval Test Root CA", kNow),
                                           Key::Cached(KeyKind::kEcP256, 300 + i))
                         .cert_der()));
    }
  }

  // Changes the store until `stop`, and at least twice through the lists; returns how many
  // changes it made.
  int Write(const std::atomic<bool>& stop) {
    int changes = 0;
    const size_t min_rounds = 2 * unrelated_roots_.size();
    for (size_t i = 0; i < min_rounds || !stop.load(std::memory_order_acquire); ++i) {
      const size_t k = i % unrelated_roots_.size();
      store_->AddRoot(unrelated_roots_[k]);
      store_->AddCert(unrelated_leaves_[k]);
      store_->Distrust(*unrelated_leaves_[(k + 1) % unrelated_leaves_.size()]);
      store_->AddRoots({impostor_roots_[i % impostor_roots_.size()], unrelated_roots_[k]});
      (void)store_->Roots();  // a reader that copies the whole index
      changes += 4;
      std::this_thread::yield();
    }
    return changes;
  }

  testpki::Chain chain_;
  std::shared_ptr<TrustStore> store_;
  std::vector<Case> cases_;
  std::vector<CertificatePtr> unrelated_roots_, unrelated_leaves_, impostor_roots_;
};

TEST_F(ConcurrencyTest, VerdictsHoldWhileTheStoreChanges) {
  // Each case's verdict, single-threaded first: the reference the threads must reproduce.
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  options.verifier = MakeSharedVerifier();
  options.certificate_cache = MakeSharedCertificateCache();
  const Validator validator(store_, options);
  for (const Case& c : cases_) ASSERT_EQ(Check(c, validator.Validate(c.request)), "");

  // A second Validator on the same store in WARN mode, so the default StderrWarningSink (and its
  // lock) is hit from every thread: the expired leaf is then valid with a warning.
  ValidatorOptions warn_options;
  warn_options.policy.Set("validity", Mode::kWarn);
  warn_options.verifier = options.verifier;
  warn_options.certificate_cache = options.certificate_cache;
  const Validator warn_validator(store_, warn_options);

  std::atomic<bool> stop{false};
  std::atomic<int> validations{0};
  std::mutex failures_mu;
  std::vector<std::string> failures;
  auto record = [&](std::string failure) {
    if (failure.empty()) return;
    std::lock_guard<std::mutex> lock(failures_mu);
    if (failures.size() < 20) failures.push_back(std::move(failure));
  };

  int changes = 0;
  std::thread writer([&] { changes = Write(stop); });
  std::vector<std::thread> threads;
  for (int t = 0; t < kValidatingThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < kRoundsPerThread; ++round) {
        for (size_t i = 0; i < cases_.size(); ++i) {
          const Case& c = cases_[(i + t) % cases_.size()];  // threads start at different cases
          record(Check(c, validator.Validate(c.request)));
          if (c.code == "validity.expired") {
            ValidationResult warned = warn_validator.Validate(c.request);
            if (!warned.valid || !warned.has_warnings()) {
              record(absl::StrCat(c.name, " under WARN: ", warned.ErrorSummary()));
            }
          }
          validations.fetch_add(1, std::memory_order_relaxed);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  stop.store(true, std::memory_order_release);
  writer.join();

  EXPECT_TRUE(failures.empty()) << failures.size() << " wrong verdicts, first: " << failures[0];
  EXPECT_EQ(validations.load(),
            kValidatingThreads * kRoundsPerThread * static_cast<int>(cases_.size()));
  EXPECT_GE(changes, 8 * static_cast<int>(unrelated_roots_.size()));
  // Everything the writer added is there once, and its distrust took effect.
  EXPECT_EQ(store_->root_count(), 1 + unrelated_roots_.size() + impostor_roots_.size());
  for (const CertificatePtr& leaf : unrelated_leaves_) EXPECT_TRUE(store_->IsDistrusted(*leaf));
  // And the verdicts still hold with the store at rest.
  for (const Case& c : cases_) EXPECT_EQ(Check(c, validator.Validate(c.request)), "");
}

}  // namespace
}  // namespace certval
