// Canonical text of IP addresses, for comparing a subject commonName with an iPAddress SAN
// (CABF BR 7.1.4.3). Allocation-free: the text goes into a caller's buffer.
#ifndef CERTVAL_VALIDATOR_CHECKS_IP_TEXT_H_
#define CERTVAL_VALIDATOR_CHECKS_IP_TEXT_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace certval {
namespace ip_text {

// Enough for "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255" and a terminator.
inline constexpr size_t kMaxText = 48;

// Writes the canonical text of a 4-byte (dotted decimal, no leading zeros; RFC 3986 3.2.2) or
// 16-byte (RFC 5952 section 4: lowercase, no leading zeros, the first longest run of two or more
// zero groups as "::"; section 5 mixed notation for IPv4-mapped addresses) address into `buf`, and
// returns a view of it. Returns an empty view for any other length.
absl::string_view Canonical(absl::string_view address, char (&buf)[kMaxText]);

// Whether `text` reads as an IP address in some notation rather than as a host name: it contains
// ':' (no DNS name does), or it is one to four dot-separated parts that are each decimal digits or
// "0x" hex (the inet_aton forms: "192.168.001.001", "0xC0A80101", "3232235777"). A DNS name whose
// last label is all digits is not a valid host name, so nothing real is misread.
bool LooksLikeIp(absl::string_view text);

}  // namespace ip_text
}  // namespace certval

#endif  // CERTVAL_VALIDATOR_CHECKS_IP_TEXT_H_
