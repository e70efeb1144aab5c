#include "certval/validator/name_constraints_match.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/peer_name_match.h"

namespace certval {
namespace {

unsigned Byte(absl::string_view bytes, size_t i) { return static_cast<unsigned char>(bytes[i]); }

absl::string_view StripTrailingDot(absl::string_view name) {
  if (absl::EndsWith(name, ".")) name.remove_suffix(1);
  return name;
}

// `name` is strictly below `domain`: it ends in "." + domain, compared case-insensitively.
bool IsStrictlyBelow(absl::string_view name, absl::string_view domain) {
  if (name.size() <= domain.size()) return false;
  return name[name.size() - domain.size() - 1] == '.' && absl::EndsWithIgnoreCase(name, domain);
}

// A host constraint without its leading period is a DNS name; with it, the rest is.
bool IsValidDomainConstraint(absl::string_view constraint) {
  if (absl::StartsWith(constraint, ".")) constraint.remove_prefix(1);
  return IsValidPresentedDnsName(constraint, /*allow_wildcard=*/false);
}

}  // namespace

bool IsValidDnsConstraint(absl::string_view constraint) {
  return constraint.empty() || IsValidDomainConstraint(constraint);
}

bool DnsNameMatchesConstraint(absl::string_view name, absl::string_view constraint) {
  name = StripTrailingDot(name);
  constraint = StripTrailingDot(constraint);
  if (constraint.empty()) return true;  // adding any labels to the root gives every name
  if (constraint[0] == '.') return IsStrictlyBelow(name, constraint.substr(1));
  // Whole labels only: "badexample.com" is not below "example.com".
  return absl::EqualsIgnoreCase(name, constraint) || IsStrictlyBelow(name, constraint);
}

bool DnsNameMayMatchConstraint(absl::string_view name, absl::string_view constraint) {
  if (DnsNameMatchesConstraint(name, constraint)) return true;
  name = StripTrailingDot(name);
  constraint = StripTrailingDot(constraint);
  // Only one case is left: the wildcard becoming the constraint's own first label. (For ".domain"
  // the "first label" is empty and the rest is the domain, which the call above has already
  // covered.)
  if (!absl::StartsWith(name, "*.")) return false;
  size_t first_dot = constraint.find('.');
  return first_dot != absl::string_view::npos &&
         absl::EqualsIgnoreCase(constraint.substr(first_dot + 1), name.substr(2));
}

bool IsValidIpConstraint(absl::string_view constraint_bytes) {
  size_t n = constraint_bytes.size();
  if (n != 8 && n != 32) return false;
  return NetmaskPrefixLength(constraint_bytes.substr(n / 2)).has_value();
}

bool IpConstraintHasHostBits(absl::string_view constraint_bytes) {
  size_t n = constraint_bytes.size();
  if (n != 8 && n != 32) return false;
  for (size_t i = 0; i < n / 2; ++i) {
    if (Byte(constraint_bytes, i) & ~Byte(constraint_bytes, n / 2 + i) & 0xff) return true;
  }
  return false;
}

namespace {

bool SameFamilyIpMatch(absl::string_view address_bytes, absl::string_view constraint_bytes) {
  size_t n = address_bytes.size();
  if ((n != 4 && n != 16) || constraint_bytes.size() != 2 * n) return false;
  for (size_t i = 0; i < n; ++i) {
    // A differing bit matters only where the mask has a one; host bits of the constraint never do.
    if ((Byte(address_bytes, i) ^ Byte(constraint_bytes, i)) & Byte(constraint_bytes, n + i))
      return false;
  }
  return true;
}

}  // namespace

bool IpMatchesConstraint(absl::string_view address_bytes, absl::string_view constraint_bytes) {
  if (SameFamilyIpMatch(address_bytes, constraint_bytes)) return true;
  // An IPv4-mapped IPv6 address is also the IPv4 address it carries: either form may meet the
  // subtree.
  const absl::string_view ipv4 = UnmapIpv4(address_bytes);
  return ipv4.size() != address_bytes.size() && SameFamilyIpMatch(ipv4, constraint_bytes);
}

bool IsValidEmailConstraint(absl::string_view constraint) {
  if (constraint.empty()) return true;
  if (constraint.find('@') != absl::string_view::npos) {
    absl::string_view local, domain;
    return SplitEmailAddress(constraint, &local, &domain);
  }
  return IsValidDomainConstraint(constraint);
}

bool EmailMatchesConstraint(absl::string_view email, absl::string_view constraint) {
  size_t at = email.rfind('@');
  if (at == absl::string_view::npos) return false;
  absl::string_view local = email.substr(0, at), host = email.substr(at + 1);
  if (constraint.empty()) return true;
  size_t constraint_at = constraint.rfind('@');
  if (constraint_at != absl::string_view::npos) {  // one mailbox
    return local == constraint.substr(0, constraint_at) &&
           absl::EqualsIgnoreCase(host, constraint.substr(constraint_at + 1));
  }
  if (constraint[0] == '.')
    return IsStrictlyBelow(host, constraint.substr(1));  // hosts below a domain
  return absl::EqualsIgnoreCase(host, constraint);       // exactly one host, not its subdomains
}

namespace {

// RFC 3986 2: unreserved, reserved and '%'. Nothing else may appear in a URI.
bool IsUriChar(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) ||
         absl::string_view("-._~:/?#[]@!$&'()*+,;=%").find(c) != absl::string_view::npos;
}

// RFC 3986 3.1: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
bool IsValidScheme(absl::string_view scheme) {
  if (scheme.empty() || !absl::ascii_isalpha(static_cast<unsigned char>(scheme[0]))) return false;
  return std::all_of(scheme.begin(), scheme.end(), [](char c) {
    return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

bool AllOf(absl::string_view s, bool (*pred)(unsigned char)) {
  return std::all_of(s.begin(), s.end(),
                     [pred](char c) { return pred(static_cast<unsigned char>(c)); });
}

// The last label is a number, decimal or 0x-hex: URL parsers read such a host as an IPv4 address
// ("10.1", "0x7f.1"), so it is no host name whatever RFC 3986's reg-name allows.
bool EndsInNumber(absl::string_view host) {
  absl::string_view last = host.substr(host.rfind('.') + 1);  // npos + 1 == 0
  if (last.empty()) return false;
  if (absl::StartsWithIgnoreCase(last, "0x")) return AllOf(last.substr(2), absl::ascii_isxdigit);
  return AllOf(last, absl::ascii_isdigit);
}

}  // namespace

UriHost ParseUriHost(absl::string_view uri) {
  UriHost out;  // kMalformed until proven otherwise
  if (!std::all_of(uri.begin(), uri.end(), IsUriChar)) return out;
  const size_t colon = uri.find(':');
  if (colon == absl::string_view::npos || !IsValidScheme(uri.substr(0, colon))) return out;
  absl::string_view rest = uri.substr(colon + 1);
  if (!absl::StartsWith(rest, "//")) {  // no authority: "urn:...", "mailto:...", "file:/..."
    out.kind = UriHost::Kind::kNoHost;
    return out;
  }
  rest.remove_prefix(2);
  absl::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  const size_t at = authority.rfind('@');
  if (at != absl::string_view::npos) {
    // userinfo holds neither '@' nor brackets; "a@b@host" is read differently by different parsers.
    if (authority.substr(0, at).find_first_of("@[]") != absl::string_view::npos) return out;
    authority.remove_prefix(at + 1);
  }
  absl::string_view host = authority;
  if (absl::StartsWith(authority, "[")) {  // IP-literal, then ":port" at most
    const size_t close = authority.find(']');
    if (close == absl::string_view::npos) return out;
    host = authority.substr(0, close + 1);
  } else {
    host = authority.substr(0, authority.find(':'));
  }
  absl::string_view port = authority.substr(host.size());
  if (!port.empty() && (port[0] != ':' || !AllOf(port.substr(1), absl::ascii_isdigit))) return out;
  if (host.empty()) {
    out.kind = UriHost::Kind::kNoHost;
    return out;
  }
  if (host[0] == '[') {
    out.kind = UriHost::Kind::kIpAddress;
    return out;
  }
  host = StripTrailingDot(host);
  if (EndsInNumber(host)) {
    out.kind = UriHost::Kind::kIpAddress;
    return out;
  }
  // Brackets, '%'-escapes and empty labels all fail here.
  if (!IsValidPresentedDnsName(host, /*allow_wildcard=*/false)) return out;
  out.kind = UriHost::Kind::kDnsName;
  out.host = host;
  return out;
}

bool IsValidUriConstraint(absl::string_view constraint) {
  return !constraint.empty() && IsValidDomainConstraint(constraint);
}

bool UriHostMatchesConstraint(absl::string_view host, absl::string_view constraint) {
  host = StripTrailingDot(host);
  if (constraint.empty()) return false;
  if (constraint[0] == '.') return IsStrictlyBelow(host, constraint.substr(1));
  return absl::EqualsIgnoreCase(host, constraint);  // exactly that host, not its subdomains
}

bool DirectoryNameWithinSubtree(absl::string_view name_normalized,
                                absl::string_view subtree_normalized) {
  return absl::StartsWith(name_normalized, subtree_normalized);
}

}  // namespace certval
