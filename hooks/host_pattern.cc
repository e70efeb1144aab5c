#include "certval/hooks/host_pattern.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace certval {

std::string CanonicalHost(absl::string_view host) {
  if (absl::EndsWith(host, ".")) host.remove_suffix(1);
  return absl::AsciiStrToLower(host);
}

absl::StatusOr<std::string> CanonicalHostPattern(absl::string_view pattern) {
  std::string name = CanonicalHost(pattern);
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("host pattern '", pattern, "': ", why));
  };
  if (name.empty()) return bad("empty");
  absl::string_view rest = name;
  if (absl::StartsWith(rest, "*.")) rest.remove_prefix(2);
  if (rest.empty()) return bad("nothing after '*.'");
  for (absl::string_view label : absl::StrSplit(rest, '.')) {
    if (label.empty()) return bad("empty label");
    for (char c : label) {
      if (c == '*') return bad("'*' is allowed only as the whole first label ('*.example.com')");
      if (!absl::ascii_isgraph(static_cast<unsigned char>(c)))
        return bad("space or control character");
    }
  }
  return name;
}

}  // namespace certval
