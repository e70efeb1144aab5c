// Fuzzes the hostname, IP-address and email matching of validator/peer_name_match.h and
// validator/ip_address.h. The input is split on the first '\n' into (presented, reference); the
// same pieces are fed to every function, so a corpus entry serves all of them.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/peer_name_match.h"
#include "fuzz/split.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::vector<std::string> parts = certval::fuzz::SplitOn(data, size, '\n', 2);
  const std::string presented = parts[0];
  const std::string reference = parts.size() > 1 ? parts[1] : std::string();
  absl::string_view p(presented), r(reference);

  (void)certval::IsValidDnsReference(r);
  (void)certval::IsValidPresentedDnsName(p, /*allow_wildcard=*/true);
  (void)certval::IsValidPresentedDnsName(p, /*allow_wildcard=*/false);
  (void)certval::IsPublicSuffix(p);
  (void)certval::MatchDnsName(p, r);
  (void)certval::MatchEmail(p, r);
  absl::string_view local, domain;
  (void)certval::SplitEmailAddress(p, &local, &domain);

  for (absl::string_view text : {p, r}) {
    (void)certval::ParseIpv4Address(text);
    (void)certval::ParseIpv6Address(text);
    (void)certval::IsIpAddressText(text);
    std::optional<std::string> ip = certval::ParseIpAddress(text);
    if (ip) {
      // Round trip: formatting a parsed address and parsing it again gives the same bytes.
      std::string formatted = certval::FormatIpAddress(*ip);
      std::optional<std::string> again = certval::ParseIpAddress(formatted);
      if (!again || *again != *ip) __builtin_trap();
    }
  }
  // Raw bytes as addresses, masks and constraints.
  (void)certval::MatchIpAddress(p, r);
  (void)certval::FormatIpAddress(p);
  (void)certval::FormatIpConstraint(p);
  (void)certval::NetmaskPrefixLength(p);
  return 0;
}
