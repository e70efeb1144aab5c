#include "certval/fetch/url.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace certval::fetch {
namespace {

absl::Status Refuse(absl::string_view why) {
  return absl::InvalidArgumentError(absl::StrCat("URL refused: ", why));
}

bool HostNameChar(char c) { return absl::ascii_isalnum(c) || c == '-' || c == '.' || c == '_'; }

// Printable ASCII without space: what may stand in a request line. '#' is refused too: a fragment
// means nothing to a server and has no place in a certificate's URL.
absl::Status CheckTargetChars(absl::string_view target) {
  for (char c : target) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u >= 0x7f) return Refuse("a space, control or non-ASCII byte in the path");
    if (c == '#') return Refuse("a fragment ('#')");
  }
  return absl::OkStatus();
}

absl::Status ParseAuthority(absl::string_view authority, HttpUrl* out) {
  if (authority.empty()) return Refuse("no host");
  if (absl::StrContains(authority, '@')) return Refuse("userinfo ('user@host')");
  absl::string_view host = authority, port;
  if (authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == absl::string_view::npos) return Refuse("an unclosed '[' in the host");
    host = authority.substr(1, close - 1);
    absl::string_view rest = authority.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return Refuse("text after the IPv6 address");
      port = rest.substr(1);
      if (port.empty()) return Refuse("an empty port");
    }
    if (host.empty()) return Refuse("an empty IPv6 address");
    for (char c : host) {
      if (!absl::ascii_isxdigit(c) && c != ':' && c != '.')
        return Refuse("a malformed IPv6 address");
    }
  } else {
    const size_t colon = authority.find(':');
    if (colon != absl::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return Refuse("an empty port");
    }
    if (host.empty()) return Refuse("no host");
    if (host.size() > 253) return Refuse("a host name over 253 characters");
    for (char c : host) {
      if (!HostNameChar(c)) return Refuse("a character not allowed in a host name");
    }
  }
  out->host = absl::AsciiStrToLower(host);
  out->port = 80;
  if (!port.empty()) {
    uint32_t number = 0;
    if (port.size() > 5 || port.find_first_not_of("0123456789") != absl::string_view::npos ||
        !absl::SimpleAtoi(port, &number) || number == 0 || number > 65535) {
      return Refuse("a port outside 1..65535");
    }
    out->port = static_cast<uint16_t>(number);
  }
  return absl::OkStatus();
}

}  // namespace

std::string HttpUrl::HostHeader() const {
  std::string h = host.find(':') != std::string::npos ? absl::StrCat("[", host, "]") : host;
  if (port != 80) absl::StrAppend(&h, ":", port);
  return h;
}

std::string HttpUrl::ToString() const { return absl::StrCat("http://", HostHeader(), target); }

absl::StatusOr<HttpUrl> ParseHttpUrl(absl::string_view text) {
  if (text.size() > kMaxUrlLength)
    return Refuse(absl::StrCat("longer than ", kMaxUrlLength, " bytes"));
  constexpr absl::string_view kScheme = "http://";
  if (!absl::StartsWithIgnoreCase(text, kScheme)) {
    return Refuse(absl::StartsWithIgnoreCase(text, "https://")
                      ? "https:// (only http:// is fetched: the data fetched is signed, and an "
                        "https fetch would need a validation of its own)"
                      : "not an http:// URL");
  }
  absl::string_view rest = text.substr(kScheme.size());
  const size_t end = rest.find_first_of("/?");
  absl::string_view authority = rest.substr(0, end);
  absl::string_view target = end == absl::string_view::npos ? "" : rest.substr(end);
  if (absl::Status s = CheckTargetChars(authority); !s.ok()) return s;
  if (absl::Status s = CheckTargetChars(target); !s.ok()) return s;
  HttpUrl url;
  if (absl::Status s = ParseAuthority(authority, &url); !s.ok()) return s;
  url.target = target.empty()
                   ? "/"
                   : (target.front() == '?' ? absl::StrCat("/", target) : std::string(target));
  return url;
}

absl::StatusOr<HttpUrl> ResolveRedirect(const HttpUrl& base, absl::string_view location) {
  if (absl::StartsWith(location, "/") && !absl::StartsWith(location, "//")) {
    if (location.size() > kMaxUrlLength) return Refuse("a redirect target over the length limit");
    if (absl::Status s = CheckTargetChars(location); !s.ok()) return s;
    HttpUrl url = base;
    url.target = std::string(location);
    return url;
  }
  return ParseHttpUrl(location);
}

}  // namespace certval::fetch
