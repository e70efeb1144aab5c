// Asynchronous certificate verification for validations that may fetch.
//
// A Validator granted a Fetcher (ValidatorOptions::fetch) may wait on the network for seconds.
// The TLS binding then does not run it inside BoringSSL's verify callback: the callback starts it
// on a helper thread and answers ssl_verify_retry, so SSL_do_handshake returns at once with
// SSL_ERROR_WANT_CERTIFICATE_VERIFY and the thread that drives the handshake is free (an event loop
// goes on serving other connections). When the validation is done, the next SSL_do_handshake takes
// its result. WaitForVerification() blocks until then, for callers without an event loop;
// TlsSocket (tls/transport.h) uses it. Validations without a fetcher run inline, as before.
//
// The helper thread owns copies of everything it needs (the Validator by shared_ptr, the request
// by value), so a connection freed while its validation runs costs nothing but the validation.
#ifndef CERTVAL_TLS_ASYNC_VERIFY_H_
#define CERTVAL_TLS_ASYNC_VERIFY_H_

#include <condition_variable>
#include <memory>
#include <mutex>

#include "absl/time/time.h"
#include "certval/validator/result.h"
#include "certval/validator/validator.h"

namespace certval::tls {

class AsyncValidation {
 public:
  // Starts validator->Validate(request) on its own thread.
  static std::shared_ptr<AsyncValidation> Start(std::shared_ptr<const Validator> validator,
                                                ValidationRequest request);

  bool done() const;
  // Blocks until the validation is done or `deadline` passes; true when done.
  bool Wait(absl::Time deadline) const;
  // The result, once done (moved out: call once).
  ValidationResult Take();

 private:
  mutable std::mutex mu_;  // not absl::Mutex: Debian's Abseil is not TSan-instrumented
  mutable std::condition_variable cv_;
  bool done_ = false;
  ValidationResult result_;
};

}  // namespace certval::tls

#endif  // CERTVAL_TLS_ASYNC_VERIFY_H_
