#include "validator/checks/ip_text.h"

#include <cstdint>

#include "absl/strings/string_view.h"

namespace certval {
namespace ip_text {
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

absl::string_view Canonical(absl::string_view address, char (&buf)[kMaxText]) {
  const auto* b = reinterpret_cast<const uint8_t*>(address.data());
  size_t n = 0;
  if (address.size() == 4) {
    n = PutIpv4(b, buf, 0);
  } else if (address.size() == 16) {
    n = PutIpv6(b, buf);
  }
  return absl::string_view(buf, n);
}

bool LooksLikeIp(absl::string_view text) {
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

}  // namespace ip_text
}  // namespace certval
