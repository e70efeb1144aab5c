// Which trust anchors belong to a browser root program, whose CAs the CA/Browser Forum Baseline
// Requirements bind (validator/trust_source.h, AnchorOrigin), and what that program says about
// each. certval knows one program's roots itself: Mozilla's (third_party/nss/certdata.txt), matched
// by the SHA-256 of the whole certificate, so the system store's copy of a Mozilla root counts (and
// gets Mozilla's trust bits and distrust-after dates) and an administrator's own root in the same
// store does not. Only 32-byte fingerprints and a few bytes of metadata a root are linked in, not
// the roots; the table includes the roots Mozilla lists without trusting them.
#ifndef CERTVAL_TRUST_ROOT_PROGRAMS_H_
#define CERTVAL_TRUST_ROOT_PROGRAMS_H_

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>

#include "absl/time/time.h"
#include "certval/validator/certificate.h"

namespace certval {

// Mozilla's trust for one purpose (certdata.txt's CKA_TRUST_SERVER_AUTH / _EMAIL_PROTECTION).
enum class MozillaTrust : uint8_t {
  kMustVerify = 0,  // listed, but not an anchor for the purpose
  kTrusted = 1,     // an anchor for the purpose
  kDistrusted = 2,  // explicitly distrusted for the purpose
};

struct MozillaRootInfo {
  MozillaTrust server = MozillaTrust::kMustVerify;  // TLS ("websites")
  MozillaTrust email = MozillaTrust::kMustVerify;   // S/MIME
  // Leaves whose notBefore is later are refused for the purpose (CKA_NSS_*_DISTRUST_AFTER).
  std::optional<absl::Time> server_distrust_after, email_distrust_after;
};

// What Mozilla says about the certificate with this SHA-256 (of its whole DER); nullopt when it is
// not in Mozilla's list.
std::optional<MozillaRootInfo> FindMozillaRoot(const Sha256Digest& fingerprint);

// `cert` is byte for byte a root of Mozilla's list (trusted or not).
bool IsMozillaRoot(const Certificate& cert);
bool IsMozillaRootSha256(const Sha256Digest& fingerprint);

// How many distinct roots the table holds (all of certdata.txt's certificates).
size_t MozillaFingerprintCount();

namespace internal {
// The generated table's row (//trust:certdata_gen), sorted by sha256.
inline constexpr int64_t kNoDistrustAfter = std::numeric_limits<int64_t>::min();
struct MozillaRootRecord {
  unsigned char sha256[32];
  uint8_t server, email;                                // MozillaTrust
  int64_t server_distrust_after, email_distrust_after;  // Unix seconds, or kNoDistrustAfter
};
}  // namespace internal

}  // namespace certval

#endif  // CERTVAL_TRUST_ROOT_PROGRAMS_H_
