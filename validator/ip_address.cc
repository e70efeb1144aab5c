#include "certval/validator/ip_address.h"

#include <cstdint>
#include <vector>

#include "absl/strings/match.h"
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
// appended to `out` as bytes. An empty run is zero groups. Only the last run may end in a dotted
// quad
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
  // A colon can only be IPv6; everything else is tried as IPv4. Neither parser accepts the other's
  // text.
  if (text.find(':') != absl::string_view::npos) return ParseIpv6Address(text);
  return ParseIpv4Address(text);
}

bool IsIpAddressText(absl::string_view text) { return ParseIpAddress(text).has_value(); }

absl::string_view UnmapIpv4(absl::string_view address_bytes) {
  static constexpr char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '\xff', '\xff'};
  if (address_bytes.size() == 16 &&
      absl::StartsWith(address_bytes, absl::string_view(kMappedPrefix, sizeof(kMappedPrefix)))) {
    return address_bytes.substr(12);
  }
  return address_bytes;
}

namespace {

constexpr char kHex[] = "0123456789abcdef";

// Appends decimal `v` (0-255) at buf[n], returns the new length.
size_t PutDecimal(unsigned v, char* buf, size_t n) {
  if (v >= 100) buf[n++] = static_cast<char>('0' + v / 100);
  if (v >= 10) buf[n++] = static_cast<char>('0' + v / 10 % 10);
  buf[n++] = static_cast<char>('0' + v % 10);
  return n;
}

size_t PutIpv4(const uint8_t* b, char* buf, size_t n) {
  for (int i = 0; i < 4; ++i) {
    if (i > 0) buf[n++] = '.';
    n = PutDecimal(b[i], buf, n);
  }
  return n;
}

// Appends 16-bit group `v` in lowercase hex without leading zeros.
size_t PutGroup(unsigned v, char* buf, size_t n) {
  bool started = false;
  for (int shift = 12; shift >= 0; shift -= 4) {
    unsigned nibble = (v >> shift) & 0xf;
    if (nibble == 0 && !started && shift > 0) continue;
    started = true;
    buf[n++] = kHex[nibble];
  }
  return n;
}

// The first longest run of two or more zero groups: [start, start+len); len 0 when none.
void LongestZeroRun(const unsigned* groups, int* start, int* len) {
  *start = -1;
  *len = 0;
  for (int i = 0; i < 8;) {
    int j = i;
    while (j < 8 && groups[j] == 0) ++j;
    if (j - i > *len && j - i >= 2) {
      *start = i;
      *len = j - i;
    }
    i = j == i ? i + 1 : j;
  }
}

size_t PutIpv6(const uint8_t* b, char* buf) {
  unsigned groups[8];
  for (int i = 0; i < 8; ++i) groups[i] = (b[2 * i] << 8) | b[2 * i + 1];
  // RFC 5952 section 5: an IPv4-mapped address ends in dotted decimal.
  const bool mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 &&
                      groups[4] == 0 && groups[5] == 0xffff;
  if (mapped) {
    size_t n = 0;
    for (char c : absl::string_view("::ffff:")) buf[n++] = c;
    return PutIpv4(b + 12, buf, n);
  }
  int run_start, run_len;
  LongestZeroRun(groups, &run_start, &run_len);
  size_t n = 0;
  for (int i = 0; i < 8; ++i) {
    if (i == run_start) {
      buf[n++] = ':';
      buf[n++] = ':';
      i += run_len - 1;
      continue;
    }
    if (n > 0 && buf[n - 1] != ':') buf[n++] = ':';
    n = PutGroup(groups[i], buf, n);
  }
  return n;
}

bool IsDecimalOrHexPart(absl::string_view part) {
  if (part.empty()) return false;
  if (part.size() > 2 && part[0] == '0' && (part[1] == 'x' || part[1] == 'X')) {
    for (char c : part.substr(2)) {
      bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex) return false;
    }
    return true;
  }
  for (char c : part) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

absl::string_view FormatIpAddress(absl::string_view bytes, char (&buf)[kMaxIpAddressText]) {
  const auto* b = reinterpret_cast<const uint8_t*>(bytes.data());
  size_t n = 0;
  if (bytes.size() == 4) {
    n = PutIpv4(b, buf, 0);
  } else if (bytes.size() == 16) {
    n = PutIpv6(b, buf);
  }
  return absl::string_view(buf, n);
}

std::string FormatIpAddress(absl::string_view bytes) {
  if (bytes.size() != 4 && bytes.size() != 16) {
    return absl::StrCat("<invalid IP address: ", bytes.size(), " bytes>");
  }
  char buf[kMaxIpAddressText];
  return std::string(FormatIpAddress(bytes, buf));
}

bool LooksLikeIpAddress(absl::string_view text) {
  if (text.find(':') != absl::string_view::npos) return true;
  int parts = 0;
  while (true) {
    size_t dot = text.find('.');
    if (!IsDecimalOrHexPart(text.substr(0, dot))) return false;
    if (++parts > 4) return false;
    if (dot == absl::string_view::npos) return true;
    text.remove_prefix(dot + 1);
  }
}

std::optional<int> NetmaskPrefixLength(absl::string_view mask) {
  if (mask.size() != 4 && mask.size() != 16) return std::nullopt;
  int prefix = 0;
  bool seen_zero = false;
  for (char c : mask) {
    for (int bit = 7; bit >= 0; --bit) {
      bool one = (static_cast<uint8_t>(c) >> bit) & 1;
      if (one && seen_zero) return std::nullopt;  // a one after a zero: not a prefix
      if (one)
        ++prefix;
      else
        seen_zero = true;
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
