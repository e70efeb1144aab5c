// Host-name resolution with a deadline.
//
// getaddrinfo() blocks for as long as the system's resolver takes: tens of seconds when a DNS
// server does not answer, whatever deadline the caller has. ResolveTcp runs it on a helper thread
// and stops waiting at the deadline; the thread then finishes on its own and frees what it found.
#ifndef CERTVAL_TLS_RESOLVE_H_
#define CERTVAL_TLS_RESOLVE_H_

#include <netdb.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace certval::tls {

struct AddrInfoFree {
  void operator()(addrinfo* list) const { freeaddrinfo(list); }
};
using AddrInfoList = std::unique_ptr<addrinfo, AddrInfoFree>;

// getaddrinfo's signature; tests put a slow or failing resolver in its place.
using Resolver = std::function<int(const char* host, const char* service, const addrinfo* hints,
                                   addrinfo** out)>;

// The TCP addresses of host:port, by `deadline`. Errors: DeadlineExceeded "name resolution timed
// out", Unavailable "cannot resolve: <gai_strerror>" (the caller names host and port).
ABSL_MUST_USE_RESULT
absl::StatusOr<AddrInfoList> ResolveTcp(const std::string& host, uint16_t port, absl::Time deadline,
                                        Resolver resolver = getaddrinfo);

}  // namespace certval::tls

#endif  // CERTVAL_TLS_RESOLVE_H_
