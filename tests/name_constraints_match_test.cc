#include "certval/validator/name_constraints_match.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_split.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/validator/certificate.h"
#include "certval/validator/ip_address.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

struct DnsCase {
  const char* name;
  const char* constraint;
  bool matches;    // DnsNameMatchesConstraint (permitted subtrees)
  bool may_match;  // DnsNameMayMatchConstraint (excluded subtrees)
};

const DnsCase kDnsCases[] = {
    // The domain itself and anything below it, whole labels only.
    {"example.com", "example.com", true, true},
    {"a.example.com", "example.com", true, true},
    {"a.b.example.com", "example.com", true, true},
    {"badexample.com", "example.com", false, false},
    {"example.com.evil", "example.com", false, false},
    {"example.org", "example.com", false, false},
    {"com", "example.com", false, false},
    {"example.com", "a.example.com", false, false},
    {"a.example.com", "b.example.com", false, false},  // siblings; only a "*" may become "b"
    {"ab.example.com", "b.example.com", false, false},
    // Case and trailing dots do not matter.
    {"A.EXAMPLE.COM", "example.com", true, true},
    {"a.example.com", "EXAMPLE.COM", true, true},
    {"a.example.com.", "example.com", true, true},
    {"a.example.com", "example.com.", true, true},
    // The empty constraint holds everything.
    {"example.com", "", true, true},
    {"*.example.com", "", true, true},
    {"", "", true, true},
    // A leading period: strictly below the domain.
    {"a.example.com", ".example.com", true, true},
    {"a.b.example.com", ".example.com", true, true},
    {"example.com", ".example.com", false, false},
    {"badexample.com", ".example.com", false, false},
    {"A.Example.COM", ".EXAMPLE.com", true, true},
    // Wildcard names: "*" is one more label when permitting; when excluding, it may be any label.
    {"*.example.com", "example.com", true, true},
    {"*.example.com", ".example.com", true, true},
    {"*.example.com", "a.example.com", false, true},
    {"*.example.com", "A.EXAMPLE.COM", false, true},
    {"*.example.com", "b.a.example.com", false, false},
    {"*.example.com", ".a.example.com", false, false},
    {"*.example.com", "other.com", false, false},
    {"*.example.com", "example.org", false, false},
    {"*.a.example.com", "example.com", true, true},
    {"*.badexample.com", "example.com", false, false},
    {"*.badexample.com", "x.example.com", false, false},
    // Single-label constraints.
    {"example.com", "com", true, true},
    {"example.com", ".com", true, true},
    {"com", ".com", false, false},
    {"example.comx", "com", false, false},
};

TEST(NameConstraintsMatchTest, DnsTable) {
  for (const DnsCase& c : kDnsCases) {
    SCOPED_TRACE(std::string("name=\"") + c.name + "\" constraint=\"" + c.constraint + "\"");
    EXPECT_EQ(DnsNameMatchesConstraint(c.name, c.constraint), c.matches);
    EXPECT_EQ(DnsNameMayMatchConstraint(c.name, c.constraint), c.may_match);
  }
}

TEST(NameConstraintsMatchTest, DnsConstraintValidity) {
  const std::pair<std::string, bool> cases[] = {
      {"", true},
      {"example.com", true},
      {".example.com", true},
      {"com", true},
      {".com", true},
      {"_internal.example.com", false},  // no underscores, as in dNSNames
      {"xn--bcher-kva.example", true},
      {".", false},
      {"..example.com", false},
      {"example..com", false},
      {"example.com.", false},
      {"*.example.com", false},
      {".*.example.com", false},
      {"*", false},
      {"ex ample.com", false},
      {"b\xc3\xbc"
       "cher.example",
       false},
      {"-bad.example.com", false},
      {std::string(64, 'a') + ".com", false},
      {std::string("example.com\0", 12), false},
  };
  for (const auto& [constraint, valid] : cases) {
    SCOPED_TRACE("\"" + absl::CHexEscape(constraint) + "\"");
    EXPECT_EQ(IsValidDnsConstraint(constraint), valid);
  }
}

// "10.0.0.0/8" or "10.0.0.0/255.0.255.0" (address and mask) to constraint bytes; the mask may also
// be written as a prefix length.
std::string IpConstraint(const std::string& text) {
  std::vector<std::string> parts = absl::StrSplit(text, '/');
  std::optional<std::string> address = ParseIpAddress(parts.at(0));
  EXPECT_TRUE(address.has_value()) << text;
  if (!address) return "";
  std::optional<std::string> mask = ParseIpAddress(parts.at(1));
  if (!mask) {
    int prefix = std::stoi(parts.at(1));
    mask = std::string(address->size(), '\0');
    for (int bit = 0; bit < prefix; ++bit) (*mask)[bit / 8] |= static_cast<char>(0x80 >> (bit % 8));
  }
  return *address + *mask;
}

std::string Ip(const char* text) {
  std::optional<std::string> bytes = ParseIpAddress(text);
  EXPECT_TRUE(bytes.has_value()) << text;
  return bytes.value_or("");
}

struct IpCase {
  const char* address;
  const char* constraint;
  bool matches;
};

const IpCase kIpCases[] = {
    {"10.1.2.3", "10.0.0.0/8", true},
    {"10.255.255.255", "10.0.0.0/8", true},
    {"11.0.0.0", "10.0.0.0/8", false},
    {"9.255.255.255", "10.0.0.0/8", false},
    {"192.168.1.1", "192.168.1.0/24", true},
    {"192.168.2.1", "192.168.1.0/24", false},
    {"192.0.2.1", "192.0.2.1/32", true},
    {"192.0.2.2", "192.0.2.1/32", false},
    {"203.0.113.7", "0.0.0.0/0", true},  // /0 holds every address of its family
    {"10.1.2.3", "10.9.9.9/8", true},    // host bits in the constraint are masked away
    {"172.16.0.1", "172.16.0.0/12", true},
    {"172.32.0.1", "172.16.0.0/12", false},
    // Non-contiguous masks still compare bit by bit (the caller rejects them as invalid).
    {"10.7.20.9", "10.0.20.0/255.0.255.0", true},
    {"10.7.21.9", "10.0.20.0/255.0.255.0", false},
    // IPv6.
    {"2001:db8::1", "2001:db8::/32", true},
    {"2001:db8:ffff::1", "2001:db8::/32", true},
    {"2001:db9::1", "2001:db8::/32", false},
    {"2001:DB8:0:0:0:0:0:1", "2001:db8::1/128", true},
    {"2001:db8::2", "2001:db8::1/128", false},
    {"::1", "::/0", true},
    {"fe80::1", "fe80::/10", true},
    {"febf::1", "fe80::/10", true},
    {"fec0::1", "fe80::/10", false},
    // Families never mix, whatever the bits.
    {"10.1.2.3", "::/0", false},
    {"::ffff:10.1.2.3", "10.0.0.0/8", true},  // a mapped address is also its IPv4 address
    {"::ffff:11.1.2.3", "10.0.0.0/8", false},
    {"::ffff:10.1.2.3", "::ffff:0:0/96", true},
    {"::", "0.0.0.0/0", false},
};

TEST(NameConstraintsMatchTest, IpTable) {
  for (const IpCase& c : kIpCases) {
    SCOPED_TRACE(std::string(c.address) + " in " + c.constraint);
    EXPECT_EQ(IpMatchesConstraint(Ip(c.address), IpConstraint(c.constraint)), c.matches);
  }
}

TEST(NameConstraintsMatchTest, IpOddLengthsNeverMatch) {
  std::string v4 = IpConstraint("0.0.0.0/0");
  EXPECT_FALSE(IpMatchesConstraint("", ""));
  EXPECT_FALSE(IpMatchesConstraint("abc", v4));
  EXPECT_FALSE(IpMatchesConstraint(Ip("10.0.0.1"), v4.substr(0, 7)));
  EXPECT_FALSE(IpMatchesConstraint(Ip("10.0.0.1"), v4 + "x"));
}

struct IpValidityCase {
  const char* constraint;
  bool valid;
  bool host_bits;
};

const IpValidityCase kIpValidityCases[] = {
    {"10.0.0.0/8", true, false},
    {"0.0.0.0/0", true, false},
    {"192.0.2.1/32", true, false},
    {"10.0.0.1/8", true, true},  // decided: valid, the host bits are ignored
    {"0.0.0.1/0", true, true},
    {"10.0.0.0/255.0.255.0", false, false},
    {"0.0.0.0/0.255.255.255", false, false},
    {"10.0.0.0/255.255.255.254", true, false},
    {"2001:db8::/32", true, false},
    {"::/0", true, false},
    {"2001:db8::1/128", true, false},
    {"2001:db8::1/64", true, true},
    {"2001::/ffff:0:ffff::", false, false},
    {"10.1.0.0/255.0.255.0", false, true},
};

TEST(NameConstraintsMatchTest, IpConstraintValidity) {
  for (const IpValidityCase& c : kIpValidityCases) {
    SCOPED_TRACE(c.constraint);
    std::string bytes = IpConstraint(c.constraint);
    EXPECT_EQ(IsValidIpConstraint(bytes), c.valid);
    EXPECT_EQ(IpConstraintHasHostBits(bytes), c.host_bits);
  }
  EXPECT_FALSE(IsValidIpConstraint(""));
  EXPECT_FALSE(IsValidIpConstraint(Ip("10.0.0.0")));                       // no mask
  EXPECT_FALSE(IsValidIpConstraint(IpConstraint("10.0.0.0/8") + "\xff"));  // 9 bytes
  EXPECT_FALSE(IsValidIpConstraint(Ip("10.0.0.0") + Ip("2001:db8::")));    // mixed lengths
  EXPECT_FALSE(IpConstraintHasHostBits(absl::string_view("\x0a\0\0\x01\xff\0\0", 7)));  // 7 bytes
}

struct EmailCase {
  const char* email;
  const char* constraint;
  bool matches;
};

const EmailCase kEmailCases[] = {
    // One mailbox.
    {"alice@example.com", "alice@example.com", true},
    {"alice@EXAMPLE.COM", "alice@example.com", true},
    {"alice@example.com", "alice@Example.Com", true},
    {"Alice@example.com", "alice@example.com", false},
    {"bob@example.com", "alice@example.com", false},
    {"alice@mail.example.com", "alice@example.com", false},
    // Any mailbox at exactly one host.
    {"alice@example.com", "example.com", true},
    {"bob@EXAMPLE.com", "Example.COM", true},
    {"alice@mail.example.com", "example.com", false},
    {"alice@badexample.com", "example.com", false},
    // Any mailbox at a host strictly below a domain.
    {"alice@mail.example.com", ".example.com", true},
    {"alice@a.b.example.com", ".example.com", true},
    {"alice@MAIL.EXAMPLE.COM", ".example.com", true},
    {"alice@example.com", ".example.com", false},
    {"alice@badexample.com", ".example.com", false},
    // "*" is an ordinary character.
    {"alice@example.com", "*@example.com", false},
    {"*@example.com", "*@example.com", true},
    {"alice@mail.example.com", "*.example.com", false},
    // The last '@' splits; a name without one never matches; the empty constraint holds all.
    {"\"a@b\"@example.com", "example.com", true},
    {"\"a@b\"@example.com", "\"a@b\"@example.com", true},
    {"alice@evil.com@example.com", "evil.com", false},
    {"example.com", "example.com", false},
    {"alice@example.com", "", true},
    {"example.com", "", false},
    // Odd mailboxes still meet a subtree on their host (so an excluded one catches them).
    {"al ice@example.com", "example.com", true},
};

TEST(NameConstraintsMatchTest, EmailTable) {
  for (const EmailCase& c : kEmailCases) {
    SCOPED_TRACE(std::string(c.email) + " in \"" + c.constraint + "\"");
    EXPECT_EQ(EmailMatchesConstraint(c.email, c.constraint), c.matches);
  }
}

TEST(NameConstraintsMatchTest, EmailConstraintValidity) {
  const std::pair<const char*, bool> cases[] = {
      {"", true},
      {"alice@example.com", true},
      {"example.com", true},
      {".example.com", true},
      {"*@example.com", true},  // "*" is a valid local-part character, not a wildcard
      {"@example.com", false},
      {"alice@", false},
      {"alice@.example.com", false},
      {"..example.com", false},
      {"example.com.", false},
      {"*.example.com", false},
      {"al ice@example.com", false},
      {"a@b@example.com", false},
      {".", false},
  };
  for (const auto& [constraint, valid] : cases) {
    SCOPED_TRACE(constraint);
    EXPECT_EQ(IsValidEmailConstraint(constraint), valid);
  }
}

// ---- uniformResourceIdentifier ----

struct UriHostCase {
  std::string uri;
  UriHost::Kind kind;
  const char* host;  // for kDnsName
};

const UriHostCase kUriHostCases[] = {
    {"https://www.example.com/", UriHost::Kind::kDnsName, "www.example.com"},
    {"https://www.example.com", UriHost::Kind::kDnsName, "www.example.com"},
    {"http://testserver.testcertificates.gov/index.html", UriHost::Kind::kDnsName,
     "testserver.testcertificates.gov"},
    // userinfo and port are not the host
    {"https://user:pw@www.example.com:8443/p?q=1#f", UriHost::Kind::kDnsName, "www.example.com"},
    {"https://evil.com@www.example.com/", UriHost::Kind::kDnsName, "www.example.com"},
    {"https://www.example.com:/", UriHost::Kind::kDnsName, "www.example.com"},  // empty port
    {"ftp://www.example.com?x", UriHost::Kind::kDnsName, "www.example.com"},
    {"spiffe://example.test/svc", UriHost::Kind::kDnsName, "example.test"},
    {"HTTPS://WWW.Example.COM/", UriHost::Kind::kDnsName, "WWW.Example.COM"},
    {"git+ssh://git@host.example.com/r", UriHost::Kind::kDnsName, "host.example.com"},
    {"https://www.example.com./", UriHost::Kind::kDnsName, "www.example.com"},  // absolute name
    // no authority, or an empty host
    {"urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", UriHost::Kind::kNoHost, ""},
    {"mailto:alice@example.com", UriHost::Kind::kNoHost, ""},
    {"file:///etc/passwd", UriHost::Kind::kNoHost, ""},
    {"https:/www.example.com/", UriHost::Kind::kNoHost, ""},
    {"https://user@:443/", UriHost::Kind::kNoHost, ""},
    // IP addresses, in brackets or looking like one
    {"https://[2001:db8::1]/", UriHost::Kind::kIpAddress, ""},
    {"https://[2001:db8::1]:8443/", UriHost::Kind::kIpAddress, ""},
    {"https://[v1.fe]/", UriHost::Kind::kIpAddress, ""},
    {"https://10.0.0.1/", UriHost::Kind::kIpAddress, ""},
    {"https://10.0.0.1:443/", UriHost::Kind::kIpAddress, ""},
    {"https://2130706433/", UriHost::Kind::kIpAddress, ""},
    {"https://0x7f.1/", UriHost::Kind::kIpAddress, ""},
    {"https://www.example.0X1f/", UriHost::Kind::kIpAddress, ""},
    // not an absolute URI, or not one every parser reads the same way: fail closed
    {"", UriHost::Kind::kMalformed, ""},
    {"www.example.com", UriHost::Kind::kMalformed, ""},
    {"//www.example.com/", UriHost::Kind::kMalformed, ""},
    {"1http://www.example.com/", UriHost::Kind::kMalformed, ""},
    {"ht tp://www.example.com/", UriHost::Kind::kMalformed, ""},
    {"https://www.example.com\\@evil.com/", UriHost::Kind::kMalformed, ""},
    {"https://a@b@www.example.com/", UriHost::Kind::kMalformed, ""},
    {"https://[::1]@www.example.com/", UriHost::Kind::kMalformed, ""},
    {"https://www.example.com:80a/", UriHost::Kind::kMalformed, ""},
    {"https://www.example.com:80:81/", UriHost::Kind::kMalformed, ""},
    {"https://[2001:db8::1/", UriHost::Kind::kMalformed, ""},
    {"https://[::1]x/", UriHost::Kind::kMalformed, ""},
    {"https://www.ex%61mple.com/", UriHost::Kind::kMalformed, ""},
    {"https://www..example.com/", UriHost::Kind::kMalformed, ""},
    {"https://*.example.com/", UriHost::Kind::kMalformed, ""},
    {"https://www_1.example.com/", UriHost::Kind::kMalformed, ""},
    {"https://./", UriHost::Kind::kMalformed, ""},
    {"https://b\xc3\xbc"
     "cher.example/",
     UriHost::Kind::kMalformed, ""},
    {std::string("https://www.example.com\0.evil.com/", 34), UriHost::Kind::kMalformed, ""},
    {"https://www.example.com\t/", UriHost::Kind::kMalformed, ""},
};

TEST(NameConstraintsMatchTest, UriHosts) {
  for (const UriHostCase& c : kUriHostCases) {
    SCOPED_TRACE("\"" + absl::CHexEscape(c.uri) + "\"");
    UriHost got = ParseUriHost(c.uri);
    EXPECT_EQ(static_cast<int>(got.kind), static_cast<int>(c.kind));
    EXPECT_EQ(got.host, c.host);
  }
}

struct UriCase {
  const char* host;
  const char* constraint;
  bool matches;
};

const UriCase kUriCases[] = {
    // A host constraint is that host only.
    {"www.example.com", "www.example.com", true},
    {"WWW.Example.COM", "www.example.com", true},
    {"www.example.com", "WWW.EXAMPLE.COM", true},
    {"www.example.com.", "www.example.com", true},
    {"a.www.example.com", "www.example.com", false},
    {"example.com", "www.example.com", false},
    {"xwww.example.com", "www.example.com", false},
    // A leading period: hosts strictly below the domain.
    {"www.example.com", ".example.com", true},
    {"a.b.example.com", ".example.com", true},
    {"A.Example.COM", ".EXAMPLE.com", true},
    {"example.com", ".example.com", false},
    {"badexample.com", ".example.com", false},
    {"www.example.com.evil", ".example.com", false},
    // No constraint matches by being empty.
    {"www.example.com", "", false},
};

TEST(NameConstraintsMatchTest, UriTable) {
  for (const UriCase& c : kUriCases) {
    SCOPED_TRACE(std::string(c.host) + " in \"" + c.constraint + "\"");
    EXPECT_EQ(UriHostMatchesConstraint(c.host, c.constraint), c.matches);
  }
}

TEST(NameConstraintsMatchTest, UriConstraintValidity) {
  const std::pair<const char*, bool> cases[] = {
      {"www.example.com", true},
      {".example.com", true},
      {"testcertificates.gov", true},
      {"com", true},
      {"", false},
      {".", false},
      {"..example.com", false},
      {"example.com.", false},
      {"*.example.com", false},
      {"https://www.example.com/", false},
      {"www.example.com:443", false},
      {"10.0.0.1", false},
      {"_sip.example.com", false},
  };
  for (const auto& [constraint, valid] : cases) {
    SCOPED_TRACE(constraint);
    EXPECT_EQ(IsValidUriConstraint(constraint), valid);
  }
}

// The normal form of a Name built from `spec`.
std::string Normalized(const testpki::NameSpec& spec) {
  const std::string der = testpki::EncodeName(spec);
  Name name;
  EXPECT_TRUE(ParseName(der, &name).ok());
  return name.normalized;
}

TEST(NameConstraintsMatchTest, DirectoryNames) {
  using testpki::NameSpec;
  const std::string name = Normalized({{"C", "US"}, {"O", "Example"}, {"CN", "leaf"}});
  EXPECT_TRUE(DirectoryNameWithinSubtree(name, Normalized({})));
  EXPECT_TRUE(DirectoryNameWithinSubtree(name, Normalized({{"C", "US"}})));
  EXPECT_TRUE(DirectoryNameWithinSubtree(name, Normalized({{"C", "us"}, {"O", "  EXAMPLE "}})));
  EXPECT_TRUE(DirectoryNameWithinSubtree(name, name));
  EXPECT_FALSE(DirectoryNameWithinSubtree(
      name, Normalized({{"C", "US"}, {"O", "Example"}, {"CN", "leaf"}, {"OU", "more"}})));
  EXPECT_FALSE(
      DirectoryNameWithinSubtree(name, Normalized({{"O", "Example"}})));  // a prefix, not any part
  EXPECT_FALSE(
      DirectoryNameWithinSubtree(name, Normalized({{"C", "US"}, {"O", "Exampl"}})));  // whole RDNs
  EXPECT_FALSE(
      DirectoryNameWithinSubtree(name, Normalized({{"C", "US"}, {"O", "Example"}, {"CN", "lea"}})));
  EXPECT_FALSE(DirectoryNameWithinSubtree(name, Normalized({{"C", "DE"}})));
  EXPECT_FALSE(DirectoryNameWithinSubtree(Normalized({}), Normalized({{"C", "US"}})));
  EXPECT_TRUE(DirectoryNameWithinSubtree(Normalized({}), Normalized({})));
}

TEST(NameConstraintsMatchTest, DirectoryNamesWithMultiValuedRdns) {
  // SET { CN=a, O=b } then OU=c, against the subtree SET { O=b, CN=a } (the other order) and
  // against the same attributes as two RDNs.
  const std::string atv_cn = std::string(
      "\x30\x08\x06\x03\x55\x04\x03\x0c\x01"
      "a",
      10);
  const std::string atv_o = std::string(
      "\x30\x08\x06\x03\x55\x04\x0a\x0c\x01"
      "b",
      10);
  const std::string atv_ou = std::string(
      "\x30\x08\x06\x03\x55\x04\x0b\x0c\x01"
      "c",
      10);
  auto set = [](const std::string& contents) {
    return std::string("\x31") + char(contents.size()) + contents;
  };
  auto name = [](const std::string& contents) {
    return std::string("\x30") + char(contents.size()) + contents;
  };
  auto normalized = [](const std::string& der) {
    Name parsed;
    EXPECT_TRUE(ParseName(der, &parsed).ok());
    return parsed.normalized;
  };
  const std::string full = normalized(name(set(atv_cn + atv_o) + set(atv_ou)));
  EXPECT_TRUE(DirectoryNameWithinSubtree(full, normalized(name(set(atv_o + atv_cn)))));
  EXPECT_FALSE(DirectoryNameWithinSubtree(full, normalized(name(set(atv_cn) + set(atv_o)))));
  EXPECT_FALSE(DirectoryNameWithinSubtree(full, normalized(name(set(atv_cn)))));
}

}  // namespace
}  // namespace certval
