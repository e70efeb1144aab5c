// Internal: the arrays //trust:embed_roots generates into mozilla_roots_data.cc. Use
// trust/mozilla_roots.h instead.
#ifndef CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_
#define CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_

#include <cstddef>

namespace certval::internal {

struct EmbeddedRoot {
  const char* name;        // the file name in ca-certificates, without ".crt"
  const unsigned char* der;
  size_t der_size;
};

extern const char kMozillaRootsVersion[];  // the ca-certificates package version
extern const size_t kMozillaRootCount;
extern const EmbeddedRoot kMozillaRoots[];

}  // namespace certval::internal

#endif  // CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_
