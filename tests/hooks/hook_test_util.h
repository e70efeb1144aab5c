// Shared plumbing for the hooks tests: a fixed clock, a test PKI with a store that trusts its root,
// a WarningSink that records, and finding lookups.
#ifndef CERTVAL_TESTS_HOOKS_HOOK_TEST_UTIL_H_
#define CERTVAL_TESTS_HOOKS_HOOK_TEST_UTIL_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/hook.h"
#include "certval/validator/result.h"
#include "certval/validator/validator.h"
#include "certval/validator/warning_sink.h"

namespace certval::hooktest {

inline const absl::Time kNow = absl::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

// Remembers every warning, in order. Thread-safe.
class RecordingSink : public WarningSink {
 public:
  struct Record {
    std::string peer;
    Finding finding;
  };
  void OnWarning(const PeerName& peer, const Finding& finding) override;
  std::vector<Record> records() const;
  int Count(absl::string_view code) const;

 private:
  // std::mutex, not absl::Mutex: Debian's Abseil is not TSan-instrumented, pthreads are.
  mutable std::mutex mu_;
  std::vector<Record> records_;  // guarded by mu_
};

// A hook with a fixed answer that remembers how it was called. Thread-safe enough for the tests:
// the fields are written by Decide, read after Validate returns.
class FixedHook : public Hook {
 public:
  FixedHook(std::string name, absl::StatusOr<HookVerdict> verdict)
      : name_(std::move(name)), verdict_(std::move(verdict)) {}
  absl::string_view name() const override { return name_; }
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override;

  mutable int calls = 0;
  mutable bool saw_builtin_result = false;
  mutable bool builtin_valid = false;
  mutable size_t builtin_path_size = 0;
  mutable size_t chain_size = 0;
  mutable std::string peer;

 private:
  std::string name_;
  absl::StatusOr<HookVerdict> verdict_;
};

// root -> intermediate -> leaf "example.test" (P-256), and a store trusting the root as a root
// program's anchor (AnchorOrigin::kRootProgram).
struct TestPki {
  TestPki();
  // A leaf for `host` from the same intermediate, with the spec adjusted by the caller.
  std::string Leaf(const testpki::CertSpec& spec) const;
  std::string Leaf(std::string_view host) const { return Leaf(testpki::LeafSpec(host, kNow)); }
  // A request for `leaf` (default: the chain's) with the intermediate, at kNow.
  ValidationRequest Request(absl::string_view peer = "example.test", std::string leaf = "") const;

  testpki::Chain chain;
  std::shared_ptr<TrustStore> store;
};

bool HasFinding(const ValidationResult& r, absl::string_view code, Severity severity);
bool HasCheckFinding(const ValidationResult& r, absl::string_view check);
// Every finding, one per line, for failure messages.
std::string Describe(const ValidationResult& r);

}  // namespace certval::hooktest

#endif  // CERTVAL_TESTS_HOOKS_HOOK_TEST_UTIL_H_
