// Per-type ex_data slots on SSL_CTX and SSL that own what they hold: BoringSSL deletes the object
// when it frees the context or connection. For certval's tls package only (not public).
#ifndef CERTVAL_TLS_EX_DATA_H_
#define CERTVAL_TLS_EX_DATA_H_

#include <openssl/ssl.h>

namespace certval::tls {

// BoringSSL's free callback for a slot holding a heap-allocated T.
template <typename T>
void DeleteExData(void* /*parent*/, void* ptr, CRYPTO_EX_DATA* /*ad*/, int /*index*/, long /*argl*/,
                  void* /*argp*/) {
  delete static_cast<T*>(ptr);
}

// The SSL_CTX ex_data index for a T. Indexes are process-wide; a function-local static makes
// their creation thread-safe, and each T gets its own.
template <typename T>
int ContextExIndex() {
  static const int index = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, DeleteExData<T>);
  return index;
}

// The SSL ex_data index for a T.
template <typename T>
int ConnectionExIndex() {
  static const int index = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, DeleteExData<T>);
  return index;
}

}  // namespace certval::tls

#endif  // CERTVAL_TLS_EX_DATA_H_
