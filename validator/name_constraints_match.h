// The subtree relations of RFC 5280 4.2.1.10 (nameConstraints), one pure function per name form.
// Each answers "does this name lie in this one GeneralSubtree?"; walking the permitted and excluded
// lists of every CA in a path is the caller's job.
//
// The Is*Valid* functions judge a constraint's syntax; the matching functions assume nothing about
// validity and never crash on odd input, but the caller should refuse (or treat as excluded) names
// and constraints that are not valid, since garbage can fail to match an excluded subtree.
#ifndef CERTVAL_VALIDATOR_NAME_CONSTRAINTS_MATCH_H_
#define CERTVAL_VALIDATOR_NAME_CONSTRAINTS_MATCH_H_

#include "absl/strings/string_view.h"

namespace certval {

// ---- dNSName ----
//
// A constraint "example.com" covers "example.com" and every name below it ("a.example.com",
// "a.b.example.com"), not "badexample.com". A constraint with a leading period, ".example.com",
// covers only the names strictly below it: RFC 5280 defines this form for rfc822Name and URI only,
// but CAs use it for dNSNames too and OpenSSL and Go read it this way. The empty constraint covers
// every name. Comparison is ASCII case-insensitive, and one trailing dot on either side is ignored.

// The constraint is empty, a DNS name (peer_name_match.h syntax, no wildcard, no trailing dot), or
// a period followed by such a name. Empty labels ("a..b", ".", "example.com.") are invalid.
bool IsValidDnsConstraint(absl::string_view constraint);

// For permitted subtrees: every name `name` can stand for lies in the subtree. A wildcard name
// "*.example.com" is compared as written, its "*" counting as one more label: it lies in
// "example.com" and ".example.com", but not in "a.example.com" (it also matches "b.example.com").
bool DnsNameMatchesConstraint(absl::string_view name, absl::string_view constraint);

// For excluded subtrees: some name `name` can stand for lies in the subtree. Differs from the above
// only for wildcards: "*.example.com" may be "a.example.com", so it meets the excluded subtree
// "a.example.com" (but not "b.a.example.com", nor ".a.example.com").
bool DnsNameMayMatchConstraint(absl::string_view name, absl::string_view constraint);

// ---- iPAddress ----
//
// A constraint is the address followed by a mask of the same length: 8 bytes for IPv4, 32 for IPv6.

// The length is 8 or 32 and the mask is a prefix (ones then zeros; 255.0.255.0 is invalid). Host
// bits set in the address (10.0.0.1 with 255.0.0.0) are accepted: matching masks them away, as Go
// and Chromium do, so refusing them would only break CAs without protecting anyone.
bool IsValidIpConstraint(absl::string_view constraint_bytes);

// The address has bits set outside the mask, e.g. 10.0.0.1/8 (for a lint to mention). False for a
// constraint of the wrong length.
bool IpConstraintHasHostBits(absl::string_view constraint_bytes);

// The address (4 or 16 bytes) agrees with the constraint's address on every bit the mask sets, in
// the same family. An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is also judged as the IPv4 address
// it carries, so ::ffff:10.0.0.1 lies in 10.0.0.0/8 (and in ::ffff:0:0/96); 10.0.0.1 is not in
// ::/0.
bool IpMatchesConstraint(absl::string_view address_bytes, absl::string_view constraint_bytes);

// ---- rfc822Name ----
//
// RFC 5280 4.2.1.10: "user@host" is that one mailbox; "host" is any mailbox at exactly that host;
// ".domain" is any mailbox at a host strictly below domain. Hosts compare ASCII case-insensitively,
// local parts octet for octet. "*" has no special meaning. The empty constraint covers every
// mailbox.

// Empty, a mailbox that SplitEmailAddress (peer_name_match.h) accepts, a DNS name, or a period and
// a DNS name.
bool IsValidEmailConstraint(absl::string_view constraint);

// `email` is split at its last '@' (no '@' never matches); its parts are not otherwise judged, so
// that an oddly formed mailbox still meets an excluded subtree on its host.
bool EmailMatchesConstraint(absl::string_view email, absl::string_view constraint);

// ---- uniformResourceIdentifier ----
//
// RFC 5280 4.2.1.10 constrains a URI by the host of its authority (RFC 3986 3.2): a constraint
// "host.example.com" covers exactly that host, ".example.com" every host strictly below it. Hosts
// compare ASCII case-insensitively, one trailing dot on the URI's host ignored. A URI whose host is
// not a DNS name (no authority, an empty host, an IP address) lies in no subtree, and RFC 5280 has
// the certificate rejected whenever its URIs are constrained at all.

// The host of an absolute URI, or why there is none to judge.
struct UriHost {
  enum class Kind {
    kDnsName,    // `host` is a valid DNS name (peer_name_match.h syntax, trailing dot removed)
    kNoHost,     // no authority, or an empty host ("urn:...", "file:///...")
    kIpAddress,  // an IP-literal ("[::1]") or an address-looking host ("10.0.0.1", "0x7f.1")
    kMalformed,  // not an RFC 3986 absolute URI, or a host that is no valid DNS name
  };
  Kind kind = Kind::kMalformed;
  absl::string_view host;  // a view into the URI; set for kDnsName only
};

// Scheme, then "//" authority for a host: userinfo ("...@") and port (":digits") are stripped.
// Strict: any octet outside RFC 3986's character set (space, '\\', '"', controls, non-ASCII) makes
// the URI kMalformed, so that no other URI parser can read another host out of it.
UriHost ParseUriHost(absl::string_view uri);

// A DNS name, or a period followed by one (RFC 5280: "MUST be specified as a fully qualified domain
// name"). Empty is invalid: RFC 5280 gives it no meaning for URIs.
bool IsValidUriConstraint(absl::string_view constraint);

// `host` (UriHost::host of a kDnsName) lies in the subtree `constraint`.
bool UriHostMatchesConstraint(absl::string_view host, absl::string_view constraint);

// ---- directoryName ----

// The subtree's RDNs are the name's first RDNs; the empty subtree holds every name. Both are
// Name::normalized strings, whose RDN forms are self-delimiting: RDN prefix is string prefix.
bool DirectoryNameWithinSubtree(absl::string_view name_normalized,
                                absl::string_view subtree_normalized);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_NAME_CONSTRAINTS_MATCH_H_
