// Matching a reference identity (what the caller asked for: a PeerName's DNS name, IP address or
// email address) against a presented identity (a name in the certificate), per RFC 6125 6.4 and the
// CA/Browser Forum Baseline Requirements.
//
// Syntax decisions, shared by reference and presented DNS names:
//  - Labels are 1..63 octets of ASCII letters, digits and hyphens, not starting or ending with a
//    hyphen; the whole name is at most 253 octets (without a trailing dot). Non-ASCII text
//    (U-labels, emoji), spaces and empty labels are refused: IDNs must come as A-labels
//    ("xn--...").
//  - Underscores are refused. RFC 5280 4.2.1.6 requires the preferred name syntax (RFC 1034 3.5, as
//    relaxed by RFC 1123 2.1), which has none; the BRs forbid them in publicly-trusted
//    certificates; and x509-limbo expects "rfc5280::san::underscore-dns" to fail. DNS owner names
//    such as "_dmarc" exist, but they are not host names anyone connects to.
//  - The last label may not be all digits (RFC 3696 2): "1.2.3.4" is an IP address, not a DNS name,
//    so a dNSName "10.0.0.1" can never stand in for an iPAddress.
//  - A reference may end in one dot (an absolute name), which is ignored; a presented name may not
//    (RFC 5280 dNSNames use the preferred name syntax, which has no trailing dot).
#ifndef CERTVAL_VALIDATOR_PEER_NAME_MATCH_H_
#define CERTVAL_VALIDATOR_PEER_NAME_MATCH_H_

#include "absl/strings/string_view.h"

namespace certval {

// A DNS name a caller may ask for: the syntax above, optionally with one trailing dot; no wildcard.
bool IsValidDnsReference(absl::string_view name);

// A dNSName as a certificate may present it: the syntax above, no trailing dot. With
// `allow_wildcard`, the left-most label may be exactly "*" when at least two labels follow it
// ("*.example.com", not
// "*.com" or "*"); partial wildcards ("f*o", "*oo", "xn--*") are never valid.
bool IsValidPresentedDnsName(absl::string_view name, bool allow_wildcard);

// Whether `domain` (lower or upper case, no trailing dot) is a public suffix: an ICANN or private
// entry of the Public Suffix List ("com", "co.uk", "github.io"), or an unlisted top-level label
// (the list's implicit "*" rule). Reads the newest of libpsl's built-in list and Debian's
// publicsuffix package. If no list can be loaded every domain counts as public, which disables
// wildcard matching (fail closed).
bool IsPublicSuffix(absl::string_view domain);

// RFC 6125 6.4.3 with the BR restrictions: ASCII case-insensitive; a trailing dot on `reference` is
// ignored. A presented wildcard "*.rest" matches exactly one non-empty left-most label in front of
// `rest` (never `rest` itself, never two labels), and only when `rest` is not a public suffix.
// Invalid presented or reference names (see above) never match.
bool MatchDnsName(absl::string_view presented, absl::string_view reference);

// iPAddress names: byte-equal, where an IPv4-mapped IPv6 address (::ffff:a.b.c.d) stands for the
// IPv4 address it carries (RFC 4291 2.5.5.2), so either form matches the other.
bool MatchIpAddress(absl::string_view presented_bytes, absl::string_view reference_bytes);

// rfc822Name mailboxes "local@domain": local parts equal octet for octet (RFC 5280 4.2.1.6 leaves
// their case to the receiving host), domains ASCII case-insensitive. Each address needs exactly one
// '@', a 1..64-octet local part of printable ASCII without spaces, and a domain that is a valid DNS
// name without a trailing dot. Quoted local parts holding '@' or spaces, address literals
// ("[192.0.2.1]") and quoted-string equivalence are not supported.
bool MatchEmail(absl::string_view presented, absl::string_view reference);

// Splits a mailbox that is valid by MatchEmail's rules into its local part and domain (views into
// `address`); false, leaving the outputs alone, when it is not valid.
bool SplitEmailAddress(absl::string_view address, absl::string_view* local,
                       absl::string_view* domain);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_PEER_NAME_MATCH_H_
