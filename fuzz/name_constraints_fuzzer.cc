// Fuzzes validator/name_constraints_match.h. The input is split on the first '\n' into
// (name, constraint), used as DNS names, email addresses and raw IP bytes; directory names are
// built by splitting each side on '/' into RDN strings.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "fuzz/split.h"
#include "validator/name_constraints_match.h"

namespace {

std::vector<std::string> Rdns(const std::string& s) {
  return certval::fuzz::SplitOn(reinterpret_cast<const uint8_t*>(s.data()), s.size(), '/', 16);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts = certval::fuzz::SplitOn(data, size, '\n', 2);
  const std::string name = parts[0];
  const std::string constraint = parts.size() > 1 ? parts[1] : std::string();
  absl::string_view n(name), c(constraint);

  bool valid_dns = certval::IsValidDnsConstraint(c);
  bool dns_match = certval::DnsNameMatchesConstraint(n, c);
  bool dns_may = certval::DnsNameMayMatchConstraint(n, c);
  (void)valid_dns;
  // MayMatch (excluded subtrees) is documented as a superset of Matches: differs only for wildcards.
  if (dns_match && !dns_may) __builtin_trap();

  (void)certval::IsValidIpConstraint(c);
  (void)certval::IpConstraintHasHostBits(c);
  (void)certval::IpMatchesConstraint(n, c);

  (void)certval::IsValidEmailConstraint(c);
  (void)certval::EmailMatchesConstraint(n, c);

  std::vector<std::string> name_rdns = Rdns(name), subtree_rdns = Rdns(constraint);
  bool within = certval::DirectoryNameWithinSubtree(name_rdns, subtree_rdns);
  // Every name is within itself, and within the empty subtree.
  if (!certval::DirectoryNameWithinSubtree(name_rdns, name_rdns)) __builtin_trap();
  if (!certval::DirectoryNameWithinSubtree(name_rdns, {})) __builtin_trap();
  (void)within;
  return 0;
}
