#include "validator/ip_address.h"

#include <cstdint>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace certval {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One part of a dotted quad: 1..3 decimal digits, value <= 255. A leading zero is refused because
// inet_aton() reads "010" as octal 8 while most parsers read 10: two readings of one reference.
std::optional<uint8_t> ParseDecimalOctet(absl::string_view part) {
  if (part.empty() || part.size() > 3) return std::nullopt;
  if (part.size() > 1 && part[0] == '0') return std::nullopt;
  int value = 0;
  for (char c : part) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  if (value > 255) return std::nullopt;
  return static_cast<uint8_t>(value);
}

// One IPv6 group: 1..4 hex digits (RFC 4291 lets leading zeros be omitted, not added beyond four).
std::optional<uint16_t> ParseHexGroup(absl::string_view group) {
  if (group.empty() || group.size() > 4) return std::nullopt;
  int value = 0;
  for (char c : group) {
    int digit = HexValue(c);
    if (digit < 0) return std::nullopt;
    value = value * 16 + digit;
  }
  return static_cast<uint16_t>(value);
}

void AppendGroup(uint16_t group, std::string* out) {
  out->push_back(static_cast<char>(group >> 8));
  out->push_back(static_cast<char>(group & 0xff));
}

// A colon-separated run of groups on one side of "::" (or the whole address when there is none),
// appended to `out` as bytes. An empty run is zero groups. Only the last run may end in a dotted quad
// (`allow_ipv4`), which supplies the final 32 bits. An empty piece means a stray single colon.
bool ParseGroupRun(absl::string_view run, bool allow_ipv4, std::string* out) {
  if (run.empty()) return true;
  std::vector<absl::string_view> pieces = absl::StrSplit(run, ':');
  for (size_t i = 0; i < pieces.size(); ++i) {
    bool last = i + 1 == pieces.size();
    if (last && allow_ipv4 && pieces[i].find('.') != absl::string_view::npos) {
      std::optional<std::string> v4 = ParseIpv4Address(pieces[i]);
      if (!v4) return false;
      out->append(*v4);
      continue;
    }
    std::optional<uint16_t> group = ParseHexGroup(pieces[i]);
    if (!group) return false;
    AppendGroup(*group, out);
  }
  return true;
}

}  // namespace

std::optional<std::string> ParseIpv4Address(absl::string_view text) {
  std::vector<absl::string_view> parts = absl::StrSplit(text, '.');
  // Exactly four parts: inet_aton's short forms ("127.1", "10") are another trap of two readings.
  if (parts.size() != 4) return std::nullopt;
  std::string bytes;
  for (absl::string_view part : parts) {
    std::optional<uint8_t> octet = ParseDecimalOctet(part);
    if (!octet) return std::nullopt;
    bytes.push_back(static_cast<char>(*octet));
  }
  return bytes;
}

std::optional<std::string> ParseIpv6Address(absl::string_view text) {
  size_t gap = text.find("::");
  std::string head, tail;
  if (gap == absl::string_view::npos) {
    if (!ParseGroupRun(text, /*allow_ipv4=*/true, &head) || head.size() != 16) return std::nullopt;
    return head;
  }
  // A second "::" (or ":::") leaves an empty piece in the tail, which ParseGroupRun refuses.
  if (!ParseGroupRun(text.substr(0, gap), /*allow_ipv4=*/false, &head) ||
      !ParseGroupRun(text.substr(gap + 2), /*allow_ipv4=*/true, &tail)) {
    return std::nullopt;
  }
  // "::" stands for at least one zero group, so the explicit groups fill at most 14 bytes.
  if (head.size() + tail.size() > 14) return std::nullopt;
  return head + std::string(16 - head.size() - tail.size(), '\0') + tail;
}

std::optional<std::string> ParseIpAddress(absl::string_view text) {
  // A colon can only be IPv6; everything else is tried as IPv4. Neither parser accepts the other's text.
  if (text.find(':') != absl::string_view::npos) return ParseIpv6Address(text);
  return ParseIpv4Address(text);
}

bool IsIpAddressText(absl::string_view text) { return ParseIpAddress(text).has_value(); }

namespace {

std::string FormatIpv4(absl::string_view b) {
  auto octet = [&](int i) { return static_cast<unsigned>(static_cast<uint8_t>(b[i])); };
  return absl::StrCat(octet(0), ".", octet(1), ".", octet(2), ".", octet(3));
}

// RFC 5952 4.2: the longest run of two or more zero groups, the first one on a tie; {-1, 0} if none.
std::pair<int, int> LongestZeroRun(const uint16_t (&groups)[8]) {
  int best_start = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > best_len && j - i >= 2) best_start = i, best_len = j - i;
    i = j == i ? i + 1 : j;
  }
  return {best_start, best_len};
}

std::string FormatIpv6(absl::string_view b) {
  uint16_t groups[8];
  for (int i = 0; i < 8; ++i) {
    groups[i] = static_cast<uint16_t>(static_cast<uint8_t>(b[2 * i]) << 8 | static_cast<uint8_t>(b[2 * i + 1]));
  }
  // RFC 5952 5: IPv4-mapped addresses (::ffff:0:0/96) show their IPv4 part as a dotted quad.
  if (b.substr(0, 12) == absl::string_view("\0\0\0\0\0\0\0\0\0\0\xff\xff", 12)) {
    return "::ffff:" + FormatIpv4(b.substr(12));
  }
  auto [zero_start, zero_len] = LongestZeroRun(groups);
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == zero_start) {
      out += "::";
      i += zero_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    absl::StrAppend(&out, absl::Hex(groups[i]));  // lower case, no leading zeros (RFC 5952 4.1, 4.3)
  }
  return out;
}

}  // namespace

std::string FormatIpAddress(absl::string_view bytes) {
  if (bytes.size() == 4) return FormatIpv4(bytes);
  if (bytes.size() == 16) return FormatIpv6(bytes);
  return absl::StrCat("<invalid IP address: ", bytes.size(), " bytes>");
}

std::optional<int> NetmaskPrefixLength(absl::string_view mask) {
  if (mask.size() != 4 && mask.size() != 16) return std::nullopt;
  int prefix = 0;
  bool seen_zero = false;
  for (char c : mask) {
    for (int bit = 7; bit >= 0; --bit) {
      bool one = (static_cast<uint8_t>(c) >> bit) & 1;
      if (one && seen_zero) return std::nullopt;  // a one after a zero: not a prefix
      if (one) ++prefix; else seen_zero = true;
    }
  }
  return prefix;
}

std::string FormatIpConstraint(absl::string_view address_and_mask) {
  size_t n = address_and_mask.size();
  if (n != 8 && n != 32) return absl::StrCat("<invalid IP constraint: ", n, " bytes>");
  absl::string_view address = address_and_mask.substr(0, n / 2);
  absl::string_view mask = address_and_mask.substr(n / 2);
  std::optional<int> prefix = NetmaskPrefixLength(mask);
  if (prefix) return absl::StrCat(FormatIpAddress(address), "/", *prefix);
  return absl::StrCat(FormatIpAddress(address), "/", FormatIpAddress(mask));
}

}  // namespace certval
