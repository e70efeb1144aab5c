#include "certval/validator/peer_name_match.h"

#include <libpsl.h>

#include <algorithm>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "certval/validator/ip_address.h"

namespace certval {
namespace {

constexpr size_t kMaxNameLength = 253;  // 255 wire octets minus the length octet and the root label
constexpr size_t kMaxLabelLength = 63;  // RFC 1035 2.3.4
constexpr size_t kMaxLocalPartLength = 64;  // RFC 5321 4.5.3.1.1

// Letters, digits and hyphens: the "preferred name syntax" RFC 5280 4.2.1.6 requires of dNSNames
// (RFC 1034 3.5 as relaxed by RFC 1123 2.1). No underscores: x509-limbo rejects "foo_bar" SANs.
bool IsLabelChar(char c) { return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-'; }

bool IsValidLabel(absl::string_view label) {
  if (label.empty() || label.size() > kMaxLabelLength) return false;
  if (label.front() == '-' || label.back() == '-') return false;  // RFC 952 / 1123 host names
  return std::all_of(label.begin(), label.end(), IsLabelChar);
}

bool IsAllDigits(absl::string_view label) {
  return std::all_of(label.begin(), label.end(),
                     [](char c) { return absl::ascii_isdigit(static_cast<unsigned char>(c)); });
}

// The syntax every DNS name here shares (see the header), without any trailing dot or wildcard.
bool IsValidHostSyntax(absl::string_view name) {
  if (name.empty() || name.size() > kMaxNameLength) return false;
  absl::string_view label;
  for (size_t start = 0;;
       start += label.size() + 1) {  // label by label, without splitting into a vector
    const size_t dot = name.find('.', start);
    label =
        name.substr(start, dot == absl::string_view::npos ? absl::string_view::npos : dot - start);
    if (!IsValidLabel(label)) return false;
    if (dot == absl::string_view::npos) break;
  }
  return !IsAllDigits(
      label);  // the last one: keeps IP-address text out of DNS matching (RFC 3696 2)
}

// The "*.rest" form: the wildcard label and at least two labels after it, so "*.com" and "*.local"
// are refused even before (and without) the public-suffix list.
bool IsValidWildcardName(absl::string_view name) {
  if (!absl::StartsWith(name, "*.") || name.size() > kMaxNameLength) return false;
  absl::string_view rest = name.substr(2);
  return IsValidHostSyntax(rest) && rest.find('.') != absl::string_view::npos;
}

const psl_ctx_t* PublicSuffixList() {
  // Loaded once and never freed; lookups only read it, so they are safe from many threads.
  // psl_latest() picks the newer of libpsl's built-in list and the distribution's list file.
  static const psl_ctx_t* const list = [] {
    const psl_ctx_t* latest = psl_latest(nullptr);
    return latest != nullptr ? latest : psl_builtin();
  }();
  return list;
}

bool IsValidLocalPart(absl::string_view local) {
  if (local.empty() || local.size() > kMaxLocalPartLength) return false;
  // IA5 printable characters without space: rfc822Name is ASCII (SmtpUTF8Mailbox is another name
  // form). An unquoted local part has no '@' (RFC 5321 dot-string): "a@b@example.com" is malformed.
  return std::all_of(local.begin(), local.end(),
                     [](char c) { return c > ' ' && c < 0x7f && c != '@'; });
}

}  // namespace

bool IsValidDnsReference(absl::string_view name) {
  if (absl::EndsWith(name, "."))
    name.remove_suffix(1);  // an absolute name; only one dot is removed
  return IsValidHostSyntax(name);
}

bool IsValidPresentedDnsName(absl::string_view name, bool allow_wildcard) {
  if (allow_wildcard && absl::StartsWith(name, "*.")) return IsValidWildcardName(name);
  return IsValidHostSyntax(name);
}

bool IsPublicSuffix(absl::string_view domain) {
  const psl_ctx_t* list = PublicSuffixList();
  if (list == nullptr) return true;  // no list: assume the worst, so wildcards fail closed
  std::string lower = absl::AsciiStrToLower(domain);       // libpsl expects lower-case input
  if (lower.find('\0') != std::string::npos) return true;  // would be cut short as a C string
  return psl_is_public_suffix2(list, lower.c_str(), PSL_TYPE_ANY) != 0;
}

bool MatchDnsName(absl::string_view presented, absl::string_view reference) {
  if (!IsValidDnsReference(reference) ||
      !IsValidPresentedDnsName(presented, /*allow_wildcard=*/true)) {
    return false;
  }
  if (absl::EndsWith(reference, ".")) reference.remove_suffix(1);
  if (!absl::StartsWith(presented, "*.")) return absl::EqualsIgnoreCase(presented, reference);

  // The wildcard stands for the reference's whole first label, which validity made non-empty; the
  // rest must equal the wildcard's suffix. So "*.example.com" covers neither "example.com" nor
  // "a.b.example.com".
  absl::string_view suffix = presented.substr(2);
  size_t first_dot = reference.find('.');
  if (first_dot == absl::string_view::npos) return false;
  if (!absl::EqualsIgnoreCase(reference.substr(first_dot + 1), suffix)) return false;
  // BR 3.2.2.6: a wildcard directly under a public suffix would span registrants ("*.co.uk").
  return !IsPublicSuffix(suffix);
}

bool MatchIpAddress(absl::string_view presented_bytes, absl::string_view reference_bytes) {
  if (presented_bytes.size() != 4 && presented_bytes.size() != 16) return false;
  // A ::ffff:a.b.c.d SAN names the IPv4 host a.b.c.d, and back (RFC 4291 2.5.5.2).
  return UnmapIpv4(presented_bytes) == UnmapIpv4(reference_bytes);
}

bool SplitEmailAddress(absl::string_view address, absl::string_view* local,
                       absl::string_view* domain) {
  // A valid local part has no '@' (IsValidLocalPart), so exactly one '@' splits the address.
  size_t at = address.rfind('@');
  if (at == absl::string_view::npos) return false;
  absl::string_view l = address.substr(0, at), d = address.substr(at + 1);
  if (!IsValidLocalPart(l) || !IsValidHostSyntax(d)) return false;
  *local = l;
  *domain = d;
  return true;
}

bool MatchEmail(absl::string_view presented, absl::string_view reference) {
  absl::string_view presented_local, presented_domain, reference_local, reference_domain;
  if (!SplitEmailAddress(presented, &presented_local, &presented_domain) ||
      !SplitEmailAddress(reference, &reference_local, &reference_domain)) {
    return false;
  }
  return presented_local == reference_local &&
         absl::EqualsIgnoreCase(presented_domain, reference_domain);
}

}  // namespace certval
