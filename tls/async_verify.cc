#include "certval/tls/async_verify.h"

#include <algorithm>
#include <thread>
#include <utility>

#include "absl/time/clock.h"

namespace certval::tls {

std::shared_ptr<AsyncValidation> AsyncValidation::Start(std::shared_ptr<const Validator> validator,
                                                        ValidationRequest request) {
  auto pending = std::make_shared<AsyncValidation>();
  // Detached: the thread holds what it uses, and the validation is bounded by its budget and
  // deadline, so it ends on its own even if nobody waits for it.
  std::thread([pending, validator = std::move(validator), request = std::move(request)] {
    ValidationResult result = validator->Validate(request);
    std::lock_guard<std::mutex> lock(pending->mu_);
    pending->result_ = std::move(result);
    pending->done_ = true;
    pending->cv_.notify_all();
  }).detach();
  return pending;
}

bool AsyncValidation::done() const {
  std::lock_guard<std::mutex> lock(mu_);
  return done_;
}

bool AsyncValidation::Wait(absl::Time deadline) const {
  std::unique_lock<std::mutex> lock(mu_);
  // Capped: a chrono time point this far out would overflow.
  const absl::Time until = std::min(deadline, absl::Now() + absl::Hours(1));
  return cv_.wait_until(lock, absl::ToChronoTime(until), [this] { return done_; });
}

ValidationResult AsyncValidation::Take() {
  std::lock_guard<std::mutex> lock(mu_);
  return std::move(result_);
}

}  // namespace certval::tls
