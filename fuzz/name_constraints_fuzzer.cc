// Fuzzes validator/name_constraints_match.h. The input is split on the first '\n' into
// (name, constraint), used as DNS names, email addresses and raw IP bytes, and as the DER of two
// directory names.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/name_constraints_match.h"
#include "fuzz/split.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts = certval::fuzz::SplitOn(data, size, '\n', 2);
  const std::string name = parts[0];
  const std::string constraint = parts.size() > 1 ? parts[1] : std::string();
  absl::string_view n(name), c(constraint);

  bool valid_dns = certval::IsValidDnsConstraint(c);
  bool dns_match = certval::DnsNameMatchesConstraint(n, c);
  bool dns_may = certval::DnsNameMayMatchConstraint(n, c);
  (void)valid_dns;
  // MayMatch (excluded subtrees) is documented as a superset of Matches: differs only for
  // wildcards.
  if (dns_match && !dns_may) __builtin_trap();

  (void)certval::IsValidIpConstraint(c);
  (void)certval::IpConstraintHasHostBits(c);
  (void)certval::IpMatchesConstraint(n, c);

  (void)certval::IsValidEmailConstraint(c);
  (void)certval::EmailMatchesConstraint(n, c);

  certval::Name dir_name, dir_subtree;
  if (!certval::ParseName(n, &dir_name).ok() || !certval::ParseName(c, &dir_subtree).ok()) return 0;
  // Every name is within itself and within the empty subtree; a subtree never holds a shorter name.
  if (!certval::DirectoryNameWithinSubtree(dir_name.normalized, dir_name.normalized))
    __builtin_trap();
  if (!certval::DirectoryNameWithinSubtree(dir_name.normalized, "")) __builtin_trap();
  if (certval::DirectoryNameWithinSubtree(dir_name.normalized, dir_subtree.normalized) &&
      dir_subtree.rdn_count > dir_name.rdn_count) {
    __builtin_trap();
  }
  return 0;
}
