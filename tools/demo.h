// `certval demo`: the tour. Mints a PKI, starts TLS servers on 127.0.0.1 and connects to each with
// a BoringSSL client whose certificate check is a certval Validator: the everyday cases (valid,
// expired, wrong host, untrusted root, self-signed), the explicit-trust verbs (AddRoot, AddCert),
// the policy modes (WARN, DISABLE), trust-any, and hooks (a host rule, a pin). Prints one table row
// per handshake and checks each against what it should be.
#ifndef CERTVAL_TOOLS_DEMO_H_
#define CERTVAL_TOOLS_DEMO_H_

#include <ostream>

namespace certval {

// Returns 0 when every scenario came out as expected, 1 otherwise.
int RunDemo(std::ostream& out);

}  // namespace certval

#endif  // CERTVAL_TOOLS_DEMO_H_
