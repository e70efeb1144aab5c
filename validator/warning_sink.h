// Where WARN-mode findings and hook overrides go.
//
// The default sink writes one line per finding to stderr, once per (peer, code), so a busy client
// does not flood its log. Applications plug in their own (logging, metrics). Sinks are called from
// validating threads and must be thread-safe.
#ifndef CERTVAL_VALIDATOR_WARNING_SINK_H_
#define CERTVAL_VALIDATOR_WARNING_SINK_H_

#include <mutex>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "certval/validator/finding.h"
#include "certval/validator/request.h"

namespace certval {

class WarningSink {
 public:
  virtual ~WarningSink() = default;
  virtual void OnWarning(const PeerName& peer, const Finding& finding) = 0;
};

class StderrWarningSink : public WarningSink {
 public:
  void OnWarning(const PeerName& peer, const Finding& finding) override;

 private:
  static constexpr size_t kMaxRemembered = 4096;  // bounds memory; then starts over
  // std::mutex, not absl::Mutex: Debian's Abseil is not TSan-instrumented, pthreads are.
  std::mutex mu_;
  absl::flat_hash_set<std::string> seen_;  // guarded by mu_
};

// A sink that drops everything (for tests and for callers that read findings themselves).
class NullWarningSink : public WarningSink {
 public:
  void OnWarning(const PeerName&, const Finding&) override {}
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_WARNING_SINK_H_
