// Internal: the arrays //trust:certdata_gen generates into mozilla_roots_data.cc. Use
// trust/mozilla_roots.h instead.
#ifndef CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_
#define CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_

#include <cstddef>

namespace certval::internal {

struct EmbeddedRoot {
  const char* name;  // certdata.txt's CKA_LABEL, e.g. "ISRG Root X1"
  const unsigned char* der;
  size_t der_size;
};

extern const char kMozillaRootsVersion[];  // third_party/nss/REVISION's first line
extern const size_t kMozillaRootCount;
extern const EmbeddedRoot kMozillaRoots[];  // the roots trusted for at least one purpose

}  // namespace certval::internal

#endif  // CERTVAL_TRUST_MOZILLA_ROOTS_DATA_H_
