#include "certval/validator/idna.h"

#include <idn2.h>

#include <cstdlib>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace certval {
namespace {

bool IsAscii(absl::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

absl::StatusOr<std::string> ToAsciiHostName(absl::string_view host) {
  if (IsAscii(host)) return absl::AsciiStrToLower(host);
  // libidn2 reads a NUL-terminated string: an embedded NUL would cut the name short.
  if (absl::StrContains(host, '\0')) {
    return absl::InvalidArgumentError("host name contains a NUL character");
  }
  const std::string input(host);
  char* raw = nullptr;
  const int rc = idn2_to_ascii_8z(input.c_str(), &raw, IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  std::unique_ptr<char, decltype(&idn2_free)> output(raw, &idn2_free);
  if (rc != IDN2_OK) {
    return absl::InvalidArgumentError(
        absl::StrCat("not a valid internationalized domain name (IDNA 2008): ", idn2_strerror(rc)));
  }
  std::string ascii = absl::AsciiStrToLower(output.get());
  // libidn2 passes empty labels through; as a host name "a..b" is malformed whatever it contains.
  if (ascii.empty() || absl::StartsWith(ascii, ".") || absl::StrContains(ascii, "..")) {
    return absl::InvalidArgumentError(
        "not a valid internationalized domain name (IDNA 2008): empty label");
  }
  return ascii;
}

}  // namespace certval
