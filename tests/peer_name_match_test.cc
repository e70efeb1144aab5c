#include "certval/validator/peer_name_match.h"

#include <string>

#include "absl/strings/escaping.h"
#include "certval/validator/ip_address.h"
#include "gtest/gtest.h"

namespace certval {
namespace {

// Names of exact lengths, for the 63-octet label and 253-octet name limits.
std::string Label(size_t n) { return std::string(n, 'a'); }
// Four labels of 63 plus dots = 255; trimming the first label gives any length from 193 up.
std::string NameOfLength(size_t n) {
  std::string tail = "." + Label(63) + "." + Label(63) + "." + Label(63);  // 192 octets
  return Label(n - tail.size()) + tail;
}

struct DnsCase {
  std::string presented;
  std::string reference;
  bool match;
};

const DnsCase kDnsCases[] = {
    // Exact names.
    {"example.com", "example.com", true},
    {"www.example.com", "www.example.com", true},
    {"example.com", "www.example.com", false},
    {"www.example.com", "example.com", false},
    {"example.com", "example.org", false},
    {"example.com", "example.co", false},
    {"localhost", "localhost", true},  // single-label names are fine without a wildcard
    // ASCII case-insensitive, both ways.
    {"EXAMPLE.COM", "example.com", true},
    {"example.com", "ExAmPlE.CoM", true},
    {"*.EXAMPLE.com", "WWW.example.COM", true},
    // Trailing dots: ignored on the reference, invalid on the presented name.
    {"example.com", "example.com.", true},
    {"*.example.com", "www.example.com.", true},
    {"example.com.", "example.com", false},
    {"example.com.", "example.com.", false},
    {"example.com", "example.com..", false},
    {"example.com", ".", false},
    // Wildcards: exactly one whole, non-empty, left-most label.
    {"*.example.com", "www.example.com", true},
    {"*.example.com", "a-b.example.com", true},
    {"*.example.com", "xn--bcher-kva.example.com", true},  // an A-label may be what "*" stands for
    {"*.example.com", "example.com", false},               // never the apex
    {"*.example.com", ".example.com", false},              // never an empty label
    {"*.example.com", "a.b.example.com", false},           // never two labels
    {"*.example.com", "wwwexample.com", false},
    {"*.example.com", "www.example.org", false},
    {"*.example.com", "www.example.com.evil.com", false},
    {"*.a.example.com", "b.a.example.com", true},
    {"*.a.example.com", "a.example.com", false},
    {"*.a.example.com", "b.example.com", false},
    // Partial and misplaced wildcards are never wildcards (and "*" is no DNS character).
    {"f*.example.com", "foo.example.com", false},
    {"*oo.example.com", "foo.example.com", false},
    {"f*o.example.com", "foo.example.com", false},
    {"w*.example.com", "w.example.com", false},
    {"xn--*.example.com", "xn--bcher-kva.example.com", false},
    {"*.*.example.com", "a.b.example.com", false},
    {"*.*.example.com", "a.example.com", false},
    {"www.*.example.com", "www.a.example.com", false},
    {"www.example.*", "www.example.com", false},
    {"**.example.com", "a.example.com", false},
    {"*", "example", false},
    {"*", "example.com", false},
    {"*.", "example.", false},
    // A wildcard reference is not a name anyone can connect to.
    {"*.example.com", "*.example.com", false},
    {"www.example.com", "*.example.com", false},
    // Wildcards under public suffixes (ICANN and private entries), or with too few labels.
    {"*.com", "example.com", false},
    {"*.co.uk", "example.co.uk", false},
    {"*.github.io", "someone.github.io", false},
    {"*.blogspot.com", "someone.blogspot.com", false},
    {"*.s3.amazonaws.com", "bucket.s3.amazonaws.com", false},
    {"*.local", "printer.local", false},
    {"*.example.co.uk", "www.example.co.uk", true},
    {"*.someone.github.io", "www.someone.github.io", true},
    {"*.ExAmPlE.CO.UK", "www.example.co.uk", true},
    {"*.CO.UK", "example.co.uk", false},
    // Without a wildcard, a public suffix is just a name.
    {"github.io", "github.io", true},
    // IDN: only A-labels are names; U-labels, emoji and other bytes never match.
    {"xn--bcher-kva.example", "xn--bcher-kva.example", true},
    {"xn--bcher-kva.example", "XN--BCHER-KVA.EXAMPLE", true},
    {"b\xc3\xbc"
     "cher.example",
     "b\xc3\xbc"
     "cher.example",
     false},
    {"\xf0\x9f\x98\x80.example.com", "\xf0\x9f\x98\x80.example.com", false},
    {"*.example.com", "\xf0\x9f\x98\x80.example.com", false},
    {"exa mple.com", "exa mple.com", false},
    {"example.com ", "example.com", false},
    {"example.com", "example.com ", false},
    {std::string("example.com\0.evil.com", 21), "example.com", false},
    {"example.com", std::string("example.com\0", 12), false},
    // Empty labels and empty names.
    {"", "", false},
    {"", "example.com", false},
    {"example.com", "", false},
    {"a..example.com", "a..example.com", false},
    {".example.com", ".example.com", false},
    // Hyphens, and no underscores (RFC 5280 4.2.1.6 preferred name syntax; x509-limbo agrees).
    {"a-b.example.com", "a-b.example.com", true},
    {"-ab.example.com", "-ab.example.com", false},
    {"ab-.example.com", "ab-.example.com", false},
    {"_dmarc.example.com", "_dmarc.example.com", false},
    {"foo_bar.example.com", "foo_bar.example.com", false},
    {"*.example.com", "_srv.example.com", false},
    // IP-address text is never a DNS name (RFC 3696 2: no all-numeric top-level label).
    {"10.0.0.1", "10.0.0.1", false},
    {"*.0.0.1", "10.0.0.1", false},
    {"1.2.3.com", "1.2.3.com", true},
    // Length limits: labels 1..63, names up to 253 octets.
    {Label(63) + ".example.com", Label(63) + ".example.com", true},
    {Label(64) + ".example.com", Label(64) + ".example.com", false},
    {"*.example.com", Label(63) + ".example.com", true},
    {"*.example.com", Label(64) + ".example.com", false},
    {NameOfLength(253), NameOfLength(253), true},
    {NameOfLength(253), NameOfLength(253) + ".", true},
    {NameOfLength(254), NameOfLength(254), false},
};

TEST(HostnameMatchTest, DnsTable) {
  for (const DnsCase& c : kDnsCases) {
    SCOPED_TRACE("presented=\"" + absl::CHexEscape(c.presented) + "\" reference=\"" +
                 absl::CHexEscape(c.reference) + "\"");
    EXPECT_EQ(MatchDnsName(c.presented, c.reference), c.match);
  }
}

struct ValidityCase {
  std::string name;
  bool reference;           // IsValidDnsReference
  bool presented;           // IsValidPresentedDnsName(name, false)
  bool presented_wildcard;  // IsValidPresentedDnsName(name, true)
};

const ValidityCase kValidityCases[] = {
    {"example.com", true, true, true},
    {"localhost", true, true, true},
    {"example.com.", true, false, false},
    {"example.com..", false, false, false},
    {".", false, false, false},
    {"", false, false, false},
    {".example.com", false, false, false},
    {"a..b", false, false, false},
    {"*.example.com", false, false, true},
    {"*.corp.example", false, false, true},  // syntax only: the PSL is MatchDnsName's business
    {"*.co.uk", false, false, true},
    {"*.com", false, false, false},  // one label after "*"
    {"*.example", false, false, false},
    {"*.", false, false, false},
    {"*", false, false, false},
    {"*.example.com.", false, false, false},
    {"f*.example.com", false, false, false},
    {"xn--*.example.com", false, false, false},
    {"a.*.example.com", false, false, false},
    {"_acme-challenge.example.com", false, false, false},
    {"a_b.example.com", false, false, false},
    {"*.a_b.example.com", false, false, false},
    {"-a.example.com", false, false, false},
    {"a-.example.com", false, false, false},
    {"xn--bcher-kva.example", true, true, true},
    {"b\xc3\xbc"
     "cher.example",
     false, false, false},
    {"ex ample.com", false, false, false},
    {"ex@mple.com", false, false, false},
    {"1.2.3.4", false, false, false},
    {"1.2.3.4.", false, false, false},
    {"example.123", false, false, false},
    {"123.example", true, true, true},
    {"3com.com", true, true, true},
    {Label(63), true, true, true},
    {Label(64), false, false, false},
    {NameOfLength(253), true, true, true},
    {NameOfLength(253) + ".", true, false, false},
    {NameOfLength(254), false, false, false},
    {"*." + NameOfLength(251), false, false, true},
    {"*." + NameOfLength(252), false, false, false},
};

TEST(HostnameMatchTest, ValidityTable) {
  for (const ValidityCase& c : kValidityCases) {
    SCOPED_TRACE("\"" + absl::CHexEscape(c.name) + "\"");
    EXPECT_EQ(IsValidDnsReference(c.name), c.reference);
    EXPECT_EQ(IsValidPresentedDnsName(c.name, /*allow_wildcard=*/false), c.presented);
    EXPECT_EQ(IsValidPresentedDnsName(c.name, /*allow_wildcard=*/true), c.presented_wildcard);
  }
}

TEST(HostnameMatchTest, PublicSuffixList) {
  // ICANN entries, private entries, wildcard rules and their exceptions, and unlisted TLDs.
  EXPECT_TRUE(IsPublicSuffix("com"));
  EXPECT_TRUE(IsPublicSuffix("co.uk"));
  EXPECT_TRUE(IsPublicSuffix("CO.UK"));
  EXPECT_TRUE(IsPublicSuffix("github.io"));
  EXPECT_TRUE(IsPublicSuffix("foo.ck"));     // *.ck
  EXPECT_FALSE(IsPublicSuffix("www.ck"));    // !www.ck
  EXPECT_TRUE(IsPublicSuffix("nosuchtld"));  // the implicit "*" rule
  EXPECT_FALSE(IsPublicSuffix("example.com"));
  EXPECT_FALSE(IsPublicSuffix("example.co.uk"));
  EXPECT_FALSE(IsPublicSuffix("someone.github.io"));
  EXPECT_FALSE(IsPublicSuffix("corp.nosuchtld"));
}

TEST(HostnameMatchTest, WildcardUnderPrivateTldWithTwoLabelsMatches) {
  // "corp.internal" is not on the list, so one label under it may be a wildcard.
  EXPECT_TRUE(MatchDnsName("*.corp.internal", "host.corp.internal"));
  EXPECT_FALSE(MatchDnsName("*.internal", "corp.internal"));
}

struct IpCase {
  const char* presented;  // text, parsed here so the table stays readable
  const char* reference;
  bool match;
};

const IpCase kIpCases[] = {
    {"192.0.2.1", "192.0.2.1", true},
    {"192.0.2.1", "192.0.2.2", false},
    {"2001:db8::1", "2001:DB8:0:0:0:0:0:1", true},
    {"2001:db8::1", "2001:db8::2", false},
    // An IPv4-mapped IPv6 address names the IPv4 host it carries (RFC 4291 2.5.5.2).
    {"::ffff:192.0.2.1", "192.0.2.1", true},
    {"192.0.2.1", "::ffff:192.0.2.1", true},
    {"::ffff:192.0.2.1", "192.0.2.2", false},
    {"::1:192.0.2.1", "192.0.2.1", false},  // not the mapped prefix
    {"::", "0.0.0.0", false},
};

TEST(HostnameMatchTest, IpTable) {
  for (const IpCase& c : kIpCases) {
    SCOPED_TRACE(std::string(c.presented) + " vs " + c.reference);
    std::optional<std::string> presented = ParseIpAddress(c.presented);
    std::optional<std::string> reference = ParseIpAddress(c.reference);
    ASSERT_TRUE(presented && reference);
    EXPECT_EQ(MatchIpAddress(*presented, *reference), c.match);
  }
}

TEST(HostnameMatchTest, IpOfOddLengthsNeverMatch) {
  EXPECT_FALSE(MatchIpAddress("", ""));
  EXPECT_FALSE(MatchIpAddress("abc", "abc"));
  EXPECT_FALSE(MatchIpAddress("12345678", "12345678"));  // an address||mask is not an address
  EXPECT_TRUE(MatchIpAddress("abcd", "abcd"));
}

struct EmailCase {
  const char* presented;
  const char* reference;
  bool match;
};

const EmailCase kEmailCases[] = {
    {"alice@example.com", "alice@example.com", true},
    {"alice@EXAMPLE.COM", "alice@example.com", true},  // domains ignore case
    {"alice@example.com", "alice@Example.Com", true},
    {"Alice@example.com", "alice@example.com", false},  // local parts do not
    {"alice@example.com", "bob@example.com", false},
    {"alice@example.com", "alice@mail.example.com", false},
    {"alice@mail.example.com", "alice@example.com", false},
    {"alice+tag@example.com", "alice+tag@example.com", true},
    {"alice+tag@example.com", "alice@example.com", false},
    {"\"a@b\"@example.com", "\"a@b\"@example.com", false},  // one '@' only: no quoted '@'
    {"alice@evil.com@example.com", "alice@evil.com@example.com", false},
    {"*@example.com", "alice@example.com", false},  // no wildcards in mailboxes
    {"alice@*.example.com", "alice@www.example.com", false},
    {"alice@example.com.", "alice@example.com", false},
    {"example.com", "example.com", false},    // no '@'
    {"@example.com", "@example.com", false},  // empty local part
    {"alice@", "alice@", false},
    {"alice @example.com", "alice @example.com", false},
    {"al\xc3\xaf"
     "ce@example.com",
     "al\xc3\xaf"
     "ce@example.com",
     false},
    {"alice@[192.0.2.1]", "alice@[192.0.2.1]", false},
    {"", "", false},
};

TEST(HostnameMatchTest, EmailTable) {
  for (const EmailCase& c : kEmailCases) {
    SCOPED_TRACE(std::string(c.presented) + " vs " + c.reference);
    EXPECT_EQ(MatchEmail(c.presented, c.reference), c.match);
  }
}

TEST(HostnameMatchTest, SplitEmailAddress) {
  absl::string_view local = "unchanged", domain = "unchanged";
  ASSERT_TRUE(SplitEmailAddress("Alice.Smith+x@Mail.Example.com", &local, &domain));
  EXPECT_EQ(local, "Alice.Smith+x");
  EXPECT_EQ(domain, "Mail.Example.com");
  local = domain = "unchanged";
  EXPECT_FALSE(SplitEmailAddress("no-at-sign", &local, &domain));
  EXPECT_FALSE(SplitEmailAddress("a@b@example.com", &local, &domain));
  EXPECT_FALSE(SplitEmailAddress("alice@example_1.com", &local, &domain));
  EXPECT_FALSE(SplitEmailAddress(std::string(65, 'a') + "@example.com", &local, &domain));
  EXPECT_EQ(local, "unchanged");
  EXPECT_EQ(domain, "unchanged");
  EXPECT_TRUE(SplitEmailAddress(std::string(64, 'a') + "@example.com", &local, &domain));
}

}  // namespace
}  // namespace certval
