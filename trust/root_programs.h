// Which trust anchors belong to a browser root program, whose CAs the CA/Browser Forum Baseline
// Requirements bind (validator/trust_source.h, AnchorOrigin). certval knows one program's roots
// itself: the built-in Mozilla set (trust/mozilla_roots.h), matched by the SHA-256 of the whole
// certificate, so the system store's copy of a Mozilla root counts and an administrator's own
// root in the same store does not. Only the 32-byte fingerprints are linked in, not the roots.
#ifndef CERTVAL_TRUST_ROOT_PROGRAMS_H_
#define CERTVAL_TRUST_ROOT_PROGRAMS_H_

#include <cstddef>

#include "certval/validator/certificate.h"

namespace certval {

// `cert` is byte for byte a root of the built-in Mozilla set.
bool IsMozillaRoot(const Certificate& cert);
bool IsMozillaRootSha256(const Sha256Digest& fingerprint);

// How many distinct fingerprints are compiled in (the set's size, unparsable roots included).
size_t MozillaFingerprintCount();

}  // namespace certval

#endif  // CERTVAL_TRUST_ROOT_PROGRAMS_H_
