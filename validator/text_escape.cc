#include "certval/validator/text_escape.h"

#include <cstdint>

#include "absl/strings/str_format.h"

namespace certval {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `s` (Unicode 15, table 3-7), with
// its code point in `*cp`; 0 when `s` does not start with one.
size_t DecodeUtf8(absl::string_view s, uint32_t* cp) {
  const auto byte = [&s](size_t i) { return static_cast<uint8_t>(s[i]); };
  const uint8_t lead = byte(0);
  size_t len;
  uint8_t lo = 0x80, hi = 0xbf;  // the range of the second byte
  if (lead < 0x80) {
    *cp = lead;
    return 1;
  } else if (lead >= 0xc2 && lead <= 0xdf) {
    len = 2;
    *cp = lead & 0x1f;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    len = 3;
    *cp = lead & 0x0f;
    if (lead == 0xe0) lo = 0xa0;  // no overlong forms
    if (lead == 0xed) hi = 0x9f;  // no surrogates
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    len = 4;
    *cp = lead & 0x07;
    if (lead == 0xf0) lo = 0x90;  // no overlong forms
    if (lead == 0xf4) hi = 0x8f;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (s.size() < len || byte(1) < lo || byte(1) > hi) return 0;
  for (size_t i = 1; i < len; ++i) {
    if ((byte(i) & 0xc0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i) & 0x3f);
  }
  return len;
}

// Valid characters that still change how the surrounding text is shown or split into lines.
bool IsHiddenFormat(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) ||      // C1 controls (CSI is U+009B)
         cp == 0x061c ||                    // Arabic letter mark
         cp == 0x200e || cp == 0x200f ||    // LRM, RLM
         cp == 0x2028 || cp == 0x2029 ||    // line and paragraph separators
         (cp >= 0x202a && cp <= 0x202e) ||  // bidi embeddings and overrides
         (cp >= 0x2066 && cp <= 0x2069);    // bidi isolates
}

}  // namespace

void AppendEscapedText(absl::string_view text, std::string* out) {
  out->reserve(out->size() + text.size());
  while (!text.empty()) {
    const uint8_t c = static_cast<uint8_t>(text[0]);
    uint32_t cp = 0;
    size_t len = DecodeUtf8(text, &cp);
    if (c == '\\') {
      out->append("\\\\");
    } else if (len == 0 || c < 0x20 || c == 0x7f) {
      absl::StrAppendFormat(out, "\\x%02x", c);
      len = 1;  // an invalid sequence is shown byte by byte, and resynchronized after one
    } else if (IsHiddenFormat(cp)) {
      absl::StrAppendFormat(out, "\\u%04x", cp);
    } else {
      out->append(text.data(), len);
    }
    text.remove_prefix(len);
  }
}

std::string EscapeText(absl::string_view text) {
  std::string out;
  AppendEscapedText(text, &out);
  return out;
}

}  // namespace certval
