#include "validator/name_constraints_match.h"

#include "absl/strings/match.h"
#include "validator/hostname_match.h"
#include "validator/ip_address.h"

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
  // Only one case is left: the wildcard becoming the constraint's own first label. (For ".domain" the
  // "first label" is empty and the rest is the domain, which the call above has already covered.)
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
    if ((Byte(address_bytes, i) ^ Byte(constraint_bytes, i)) & Byte(constraint_bytes, n + i)) return false;
  }
  return true;
}

}  // namespace

bool IpMatchesConstraint(absl::string_view address_bytes, absl::string_view constraint_bytes) {
  if (SameFamilyIpMatch(address_bytes, constraint_bytes)) return true;
  // An IPv4-mapped IPv6 address is also the IPv4 address it carries: either form may meet the subtree.
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
  if (constraint[0] == '.') return IsStrictlyBelow(host, constraint.substr(1));  // hosts below a domain
  return absl::EqualsIgnoreCase(host, constraint);  // exactly one host, not its subdomains
}

bool DirectoryNameWithinSubtree(absl::string_view name_normalized, absl::string_view subtree_normalized) {
  return absl::StartsWith(name_normalized, subtree_normalized);
}

}  // namespace certval
