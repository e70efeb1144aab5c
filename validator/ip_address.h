// IP addresses as text and as the raw bytes X.509 carries (iPAddress GeneralNames, RFC
// 5280 4.2.1.6).
//
// Parsing is strict because its input is a reference identity (what the caller wants to reach): an
// address that other software would read differently must not parse at all. So "010.0.0.1" (octal
// to inet_aton, decimal to others), "0x7f.1", "127.1" and "1.2.3.4 " are rejected rather than
// guessed.
#ifndef CERTVAL_VALIDATOR_IP_ADDRESS_H_
#define CERTVAL_VALIDATOR_IP_ADDRESS_H_

#include <cstddef>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace certval {

// IPv4 dotted quad only: exactly four decimal parts, each 0..255, no leading zeros ("0" itself is
// fine), no signs, hex, white space or trailing dot. Returns 4 bytes in network order.
std::optional<std::string> ParseIpv4Address(absl::string_view text);

// IPv6 text forms of RFC 4291 2.2: eight groups of 1..4 hex digits (either case), at most one "::"
// standing for one or more zero groups, and optionally a dotted quad (as strict as above) as the
// last 32 bits. No zone ids ("%eth0"), brackets, or prefix lengths. Returns 16 bytes.
std::optional<std::string> ParseIpv6Address(absl::string_view text);

// Either of the above: 4 bytes for IPv4 text, 16 for IPv6 text, nullopt for anything else.
std::optional<std::string> ParseIpAddress(absl::string_view text);

// Whether `text` is an IP address that ParseIpAddress accepts (e.g. to route a reference identity
// to IP matching rather than DNS matching).
bool IsIpAddressText(absl::string_view text);

// The IPv4 address an IPv4-mapped IPv6 address ::ffff:a.b.c.d carries (RFC 4291 2.5.5.2), as 4
// bytes; any other input unchanged. Matching and name constraints see a mapped address as the IPv4
// host it reaches, so that it cannot slip past an IPv4 subtree. (Not the other way round: a plain
// IPv4 address is not in an IPv6 subtree such as ::/0.)
absl::string_view UnmapIpv4(absl::string_view address_bytes);

// The canonical text of an address: 4 bytes as a dotted quad without leading zeros (RFC
// 3986 3.2.2), 16 bytes per RFC 5952 (lower case, no leading zeros, the first longest run of two or
// more zero groups as "::", "::ffff:1.2.3.4" for IPv4-mapped). Any other length yields
// "<invalid IP address: N bytes>".
std::string FormatIpAddress(absl::string_view bytes);

// The same text written into `buf`, without allocating (CABF BR 7.1.4.3 compares a subject
// commonName with it); an empty view for any length but 4 and 16.
inline constexpr size_t kMaxIpAddressText = 48;  // "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255"
absl::string_view FormatIpAddress(absl::string_view bytes, char (&buf)[kMaxIpAddressText]);

// Whether `text` reads as an IP address in some notation rather than as a host name, far more
// leniently than ParseIpAddress: it contains ':' (no DNS name does), or it is one to four
// dot-separated parts that are each decimal digits or "0x" hex (the inet_aton forms:
// "192.168.001.001", "0xC0A80101", "3232235777"). A DNS name whose last label is all digits is not
// a valid host name, so nothing real is misread.
bool LooksLikeIpAddress(absl::string_view text);

// Text for an iPAddress name constraint (address then mask, 8 or 32 bytes): "10.0.0.0/8" when the
// mask is a prefix, "10.0.0.0/255.0.255.0" otherwise. Any other length yields "<invalid IP
// constraint...>".
std::string FormatIpConstraint(absl::string_view address_and_mask);

// The prefix length of a netmask (4 or 16 bytes) whose one-bits are contiguous from the top, e.g. 8
// for 255.0.0.0; nullopt for a non-contiguous mask such as 255.0.255.0.
std::optional<int> NetmaskPrefixLength(absl::string_view mask);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_IP_ADDRESS_H_
