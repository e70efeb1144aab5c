// Human and JSON renderings of certificates' parts, results and trust, for the command-line tool.
//
// Every string these return that comes from a certificate (or a file name, a flag) is escaped with
// EscapeText (validator/text_escape.h), in text and JSON alike.
#ifndef CERTVAL_TOOLS_DESCRIBE_H_
#define CERTVAL_TOOLS_DESCRIBE_H_

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "absl/types/span.h"
#include "certval/validator/certificate.h"
#include "certval/validator/result.h"

namespace certval {

std::string OidToDotted(Der oid);  // "2.5.29.19"

// RFC 4514: RDNs from last to first, "," between them and "+" inside a multi-valued RDN, values as
// UTF-8 text (BMPString, UniversalString and T61String decoded) with ,+";<>\ and a leading # or
// space escaped; a value of an unnamed type, or one that is not text, as #hex of its encoding. The
// empty name is "". EscapeText then shows what cannot be printed as \xNN or \uNNNN.
std::string NameToString(const Name& name);
std::string NameText(const Name& name);  // NameToString, or "(empty)" for the empty name

std::string KeyDescription(const PublicKeyInfo& key);  // "RSA 2048", "ECDSA P-256", "Ed25519"

// "DNS:a.example", "IP:192.0.2.1", "email:a@b.example", "URI:http://x", "DirName:CN=x", or the
// kind alone for the kinds certval keeps no value of ("otherName").
std::string GeneralNameText(GeneralNameType type, Der value);
std::vector<std::string> GeneralNamesText(const GeneralNames& names);

// Extensions the certificate model keeps only as raw bytes, parsed for display. `malformed` is set
// when the extension is present but does not parse; what parsed before the fault is kept.
struct AccessDescriptions {
  std::vector<std::string> ocsp, ca_issuers;  // URIs (other name kinds as GeneralNameText)
  std::vector<std::string> other;             // "<method OID>: <name>"
  bool present = false, malformed = false;
};
AccessDescriptions AuthorityInfoAccess(const Certificate& cert);

struct DistributionPoints {
  std::vector<std::string>
      names;  // each fullName as GeneralNameText; "(relative to the CRL issuer)"
  bool present = false, malformed = false;
};
DistributionPoints CrlDistributionPoints(const Certificate& cert);

struct PolicyDetails {
  std::string oid;                   // dotted
  std::vector<std::string> cps;      // id-qt-cps URIs
  std::vector<std::string> notices;  // id-qt-unotice explicitText
};
struct CertificatePolicies {
  std::vector<PolicyDetails> policies;
  bool present = false, malformed = false;
};
CertificatePolicies CertificatePolicyDetails(const Certificate& cert);

// Names for OIDs (dotted) a reader meets: EKUs, policies, extensions. nullptr when unknown.
const char* EkuName(const std::string& dotted);
const char* PolicyName(const std::string& dotted);
const char* ExtensionName(const std::string& dotted);
std::vector<std::string> KeyUsageNames(uint16_t bits);  // "digitalSignature", ...

// Where a validation's trust came from: the store verify and connect used.
struct TrustSummary {
  std::string text;  // one line, e.g. "system store /etc/ssl/certs/ca-certificates.crt (default: no
                     // trust flag given); 146 roots"
  nlohmann::json json;  // {"sources": [...], "roots": N, "system_default": bool}
  size_t roots = 0;
  bool system_default = false;
};

// What to try when no path reached a trusted root (missing intermediates, an untrusted root, the
// store that was searched); empty when the result has no such finding.
std::vector<std::string> NoPathHints(const ValidationResult& result, const TrustSummary& trust);

nlohmann::json ResultJson(const ValidationResult& result);
// "verdict: ...", then `context` lines (the name checked, the trust used), the path and findings.
std::string ResultText(const ValidationResult& result,
                       const std::vector<std::string>& context = {});

// DumpJson never throws: what is not UTF-8 (a flag's bytes) becomes U+FFFD.
std::string DumpJson(const nlohmann::json& j);

}  // namespace certval

#endif  // CERTVAL_TOOLS_DESCRIBE_H_
