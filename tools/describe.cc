#include "tools/describe.h"

#include <openssl/bytestring.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/oids.h"
#include "certval/validator/text_escape.h"

namespace certval {
namespace {

using nlohmann::json;

std::string Rfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

Der View(const CBS& cbs) {
  return Der(reinterpret_cast<const char*>(CBS_data(&cbs)), CBS_len(&cbs));
}

CBS ToCbs(Der der) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return cbs;
}

template <size_t N>
const char* Lookup(const std::pair<const char*, const char*> (&table)[N],
                   const std::string& dotted) {
  for (const auto& [oid, name] : table) {
    if (dotted == oid) return name;
  }
  return nullptr;
}

// RFC 4514 3's names, and the other short names OpenSSL and browsers print.
const std::pair<const char*, const char*> kAttributeNames[] = {
    {"2.5.4.3", "CN"},
    {"2.5.4.4", "SN"},
    {"2.5.4.5", "serialNumber"},
    {"2.5.4.6", "C"},
    {"2.5.4.7", "L"},
    {"2.5.4.8", "ST"},
    {"2.5.4.9", "STREET"},
    {"2.5.4.10", "O"},
    {"2.5.4.11", "OU"},
    {"2.5.4.12", "title"},
    {"2.5.4.13", "description"},
    {"2.5.4.15", "businessCategory"},
    {"2.5.4.17", "postalCode"},
    {"2.5.4.41", "name"},
    {"2.5.4.42", "GN"},
    {"2.5.4.43", "initials"},
    {"2.5.4.44", "generationQualifier"},
    {"2.5.4.46", "dnQualifier"},
    {"2.5.4.65", "pseudonym"},
    {"2.5.4.97", "organizationIdentifier"},
    {"0.9.2342.19200300.100.1.25", "DC"},
    {"0.9.2342.19200300.100.1.1", "UID"},
    {"1.2.840.113549.1.9.1", "emailAddress"},
    {"1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"},
    {"1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"},
    {"1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"},
};

const std::pair<const char*, const char*> kEkuNames[] = {
    {"1.3.6.1.5.5.7.3.1", "serverAuth"},
    {"1.3.6.1.5.5.7.3.2", "clientAuth"},
    {"1.3.6.1.5.5.7.3.3", "codeSigning"},
    {"1.3.6.1.5.5.7.3.4", "emailProtection"},
    {"1.3.6.1.5.5.7.3.5", "ipsecEndSystem"},
    {"1.3.6.1.5.5.7.3.6", "ipsecTunnel"},
    {"1.3.6.1.5.5.7.3.7", "ipsecUser"},
    {"1.3.6.1.5.5.7.3.8", "timeStamping"},
    {"1.3.6.1.5.5.7.3.9", "OCSPSigning"},
    {"1.3.6.1.5.5.7.3.17", "ipsecIKE"},
    {"1.3.6.1.5.5.7.3.36", "documentSigning"},
    {"2.5.29.37.0", "anyExtendedKeyUsage"},
    {"1.3.6.1.4.1.11129.2.4.4", "precertificateSigning"},
    {"1.3.6.1.4.1.311.10.3.3", "msSGC"},
    {"2.16.840.1.113730.4.1", "nsSGC"},
};

const std::pair<const char*, const char*> kPolicyNames[] = {
    {"2.5.29.32.0", "anyPolicy"},
    {"2.23.140.1.1", "CA/B Forum extended validation"},
    {"2.23.140.1.2.1", "CA/B Forum domain validated"},
    {"2.23.140.1.2.2", "CA/B Forum organization validated"},
    {"2.23.140.1.2.3", "CA/B Forum individual validated"},
    {"2.23.140.1.3", "CA/B Forum extended validation code signing"},
    {"2.23.140.1.4.1", "CA/B Forum code signing"},
};

const std::pair<const char*, const char*> kExtensionNames[] = {
    {"2.5.29.9", "subjectDirectoryAttributes"},
    {"2.5.29.14", "subjectKeyIdentifier"},
    {"2.5.29.15", "keyUsage"},
    {"2.5.29.17", "subjectAltName"},
    {"2.5.29.18", "issuerAltName"},
    {"2.5.29.19", "basicConstraints"},
    {"2.5.29.30", "nameConstraints"},
    {"2.5.29.31", "cRLDistributionPoints"},
    {"2.5.29.32", "certificatePolicies"},
    {"2.5.29.33", "policyMappings"},
    {"2.5.29.35", "authorityKeyIdentifier"},
    {"2.5.29.36", "policyConstraints"},
    {"2.5.29.37", "extKeyUsage"},
    {"2.5.29.46", "freshestCRL"},
    {"2.5.29.54", "inhibitAnyPolicy"},
    {"1.3.6.1.5.5.7.1.1", "authorityInfoAccess"},
    {"1.3.6.1.5.5.7.1.3", "qcStatements"},
    {"1.3.6.1.5.5.7.1.11", "subjectInfoAccess"},
    {"1.3.6.1.5.5.7.1.24", "tlsFeature"},
    {"1.3.6.1.4.1.11129.2.4.2", "ctSignedCertificateTimestamps"},
    {"1.3.6.1.4.1.11129.2.4.3", "ctPrecertificatePoison"},
    {"2.16.840.1.113730.1.1", "netscapeCertType"},
    {"2.16.840.1.113730.1.13", "netscapeComment"},
};

// A string value's characters as UTF-8. UTF-8 and the ASCII types are shown as they are, bytes that
// are not text included, for EscapeText to make visible; the other types are decoded as the
// certificate parser decodes them. nullopt for a value that is not a string or does not decode.
std::optional<std::string> DecodeText(unsigned tag, Der contents) {
  switch (tag) {
    case CBS_ASN1_UTF8STRING:
    case CBS_ASN1_PRINTABLESTRING:
    case CBS_ASN1_IA5STRING:
    case CBS_ASN1_VISIBLESTRING:
    case CBS_ASN1_NUMERICSTRING:
      return std::string(contents);
    default:
      return DecodeStringValue(static_cast<int>(tag), contents);
  }
}

// RFC 4514 2.4 on top of EscapeText, whose output already shows a backslash as "\\" and every
// control character as an escape.
std::string Rfc4514Value(absl::string_view text) {
  const std::string escaped = EscapeText(text);
  std::string out;
  for (size_t i = 0; i < escaped.size(); ++i) {
    const char c = escaped[i];
    const bool special = c == ',' || c == '+' || c == '"' || c == ';' || c == '<' || c == '>';
    const bool edge = (i == 0 && (c == '#' || c == ' ')) || (i + 1 == escaped.size() && c == ' ');
    if (special || edge) out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

// One AttributeTypeAndValue. `element` is the value's whole encoding, for the #hex form.
std::string AvaText(Der type, unsigned tag, Der contents, Der element) {
  const std::string dotted = OidToDotted(type);
  const char* name = Lookup(kAttributeNames, dotted);
  if (name != nullptr) {
    if (std::optional<std::string> text = DecodeText(tag, contents)) {
      return absl::StrCat(name, "=", Rfc4514Value(*text));
    }
  }
  return absl::StrCat(name != nullptr ? name : dotted, "=#", absl::BytesToHexString(element));
}

// The RDNs of a Name TLV, each as its attributes joined by "+"; nullopt if it does not parse.
std::optional<std::vector<std::string>> Rdns(Der name_der) {
  CBS input = ToCbs(name_der), rdns;
  if (!CBS_get_asn1(&input, &rdns, CBS_ASN1_SEQUENCE)) return std::nullopt;
  std::vector<std::string> out;
  while (CBS_len(&rdns) > 0) {
    CBS set;
    if (!CBS_get_asn1(&rdns, &set, CBS_ASN1_SET)) return std::nullopt;
    std::vector<std::string> avas;
    while (CBS_len(&set) > 0) {
      CBS ava, type, value;
      unsigned tag;
      size_t header;
      if (!CBS_get_asn1(&set, &ava, CBS_ASN1_SEQUENCE) ||
          !CBS_get_asn1(&ava, &type, CBS_ASN1_OBJECT) ||
          !CBS_get_any_asn1_element(&ava, &value, &tag, &header) || CBS_len(&ava) != 0) {
        return std::nullopt;
      }
      const Der element = View(value);
      avas.push_back(AvaText(View(type), tag, element.substr(header), element));
    }
    out.push_back(absl::StrJoin(avas, "+"));
  }
  return out;
}

// A GeneralName element (any kind); `tag` as CBS reports it.
std::string GeneralNameElementText(unsigned tag, CBS contents) {
  const unsigned number = tag & CBS_ASN1_TAG_NUMBER_MASK;
  if ((tag & CBS_ASN1_CLASS_MASK) != CBS_ASN1_CONTEXT_SPECIFIC || number > 8)
    return "(malformed name)";
  // directoryName [4] is explicit (Name is a CHOICE): its contents are the Name TLV, as
  // GeneralNameText wants.
  return GeneralNameText(static_cast<GeneralNameType>(number), View(contents));
}

// Reads a GeneralNames-like run of GeneralName elements from `names` into `out`.
bool ReadGeneralNames(CBS names, std::vector<std::string>* out) {
  while (CBS_len(&names) > 0) {
    CBS name;
    unsigned tag;
    if (!CBS_get_any_asn1(&names, &name, &tag)) return false;
    out->push_back(GeneralNameElementText(tag, name));
  }
  return true;
}

// Opens the SEQUENCE OF that extension `oid` holds, for the parsers below. False when there is
// nothing to read: the extension is absent, or its value is not one SEQUENCE (`out` says which).
template <typename Parsed>
bool OpenExtensionSequence(const Certificate& cert, Der oid, Parsed* out, CBS* list) {
  const Extension* ext = cert.FindExtension(oid);
  if (ext == nullptr) return false;
  out->present = true;
  CBS input = ToCbs(ext->value);
  if (!CBS_get_asn1(&input, list, CBS_ASN1_SEQUENCE) || CBS_len(&input) != 0) {
    out->malformed = true;
    return false;
  }
  return true;
}

}  // namespace

std::string OidToDotted(Der oid) {
  std::string out;
  uint64_t value = 0;
  bool first = true;
  for (unsigned char c : oid) {
    if (value > (UINT64_MAX >> 7)) return "(invalid OID)";
    value = (value << 7) | (c & 0x7f);
    if (c & 0x80) continue;
    if (first) {
      uint64_t arc0 = value < 40 ? 0 : value < 80 ? 1 : 2;
      absl::StrAppend(&out, arc0, ".", value - 40 * arc0);
      first = false;
    } else {
      absl::StrAppend(&out, ".", value);
    }
    value = 0;
  }
  return out;
}

std::string NameToString(const Name& name) {
  std::optional<std::vector<std::string>> rdns = Rdns(name.der);
  if (!rdns) {
    // Not expected (the certificate parser read this name); each attribute as its own RDN.
    rdns.emplace();
    for (const NameAttribute& a : name.attributes) {
      rdns->push_back(AvaText(a.type, static_cast<unsigned>(a.tag), a.value, a.value));
    }
  }
  std::reverse(rdns->begin(), rdns->end());  // RFC 4514 2.1: the last RDN first
  return absl::StrJoin(*rdns, ",");
}

std::string NameText(const Name& name) {
  std::string text = NameToString(name);
  return text.empty() ? "(empty)" : text;
}

std::string KeyDescription(const PublicKeyInfo& key) {
  switch (key.type) {
    case KeyType::kRsa:
      return absl::StrCat("RSA ", key.bits);
    case KeyType::kEcP256:
      return "ECDSA P-256";
    case KeyType::kEcP384:
      return "ECDSA P-384";
    case KeyType::kEcP521:
      return "ECDSA P-521";
    case KeyType::kEcOtherCurve:
      return absl::StrCat("ECDSA (other curve, ", key.bits, " bits)");
    case KeyType::kEcExplicitCurve:
      return "ECDSA (explicit curve parameters)";
    case KeyType::kEd25519:
      return "Ed25519";
    case KeyType::kDsa:
      return absl::StrCat("DSA ", key.bits);
    case KeyType::kUnknown:
      break;
  }
  return "unknown key type";
}

std::string GeneralNameText(GeneralNameType type, Der value) {
  switch (type) {
    case GeneralNameType::kDnsName:
      return absl::StrCat("DNS:", EscapeText(value));
    case GeneralNameType::kRfc822Name:
      return absl::StrCat("email:", EscapeText(value));
    case GeneralNameType::kUri:
      return absl::StrCat("URI:", EscapeText(value));
    case GeneralNameType::kIpAddress:
      return value.size() == 4 || value.size() == 16
                 ? absl::StrCat("IP:", FormatIpAddress(value))
                 : absl::StrCat("IP:", FormatIpConstraint(value));
    case GeneralNameType::kDirectoryName: {
      Name name;
      if (!ParseName(value, &name).ok()) return "DirName:(malformed)";
      return absl::StrCat("DirName:", NameToString(name));
    }
    case GeneralNameType::kOtherName:
      return "otherName";
    case GeneralNameType::kX400Address:
      return "x400Address";
    case GeneralNameType::kEdiPartyName:
      return "ediPartyName";
    case GeneralNameType::kRegisteredId:
      return absl::StrCat("registeredID:", OidToDotted(value));
  }
  return "(unknown name kind)";
}

std::vector<std::string> GeneralNamesText(const GeneralNames& names) {
  std::vector<std::string> out;
  for (Der d : names.dns_names) out.push_back(GeneralNameText(GeneralNameType::kDnsName, d));
  for (Der d : names.ip_addresses) out.push_back(GeneralNameText(GeneralNameType::kIpAddress, d));
  for (Der d : names.emails) out.push_back(GeneralNameText(GeneralNameType::kRfc822Name, d));
  for (Der d : names.uris) out.push_back(GeneralNameText(GeneralNameType::kUri, d));
  for (Der d : names.directory_names) {
    out.push_back(GeneralNameText(GeneralNameType::kDirectoryName, d));
  }
  for (GeneralNameType t : names.other_kinds) out.push_back(GeneralNameText(t, Der()));
  return out;
}

AccessDescriptions AuthorityInfoAccess(const Certificate& cert) {
  AccessDescriptions out;
  CBS list;
  if (!OpenExtensionSequence(cert, kOidAuthorityInfoAccess, &out, &list)) return out;
  const std::string ocsp = OidToDotted(kOidAdOcsp);
  const std::string ca_issuers = OidToDotted(kOidAdCaIssuers);
  while (CBS_len(&list) > 0) {
    CBS description, method, location;
    unsigned tag;
    if (!CBS_get_asn1(&list, &description, CBS_ASN1_SEQUENCE) ||
        !CBS_get_asn1(&description, &method, CBS_ASN1_OBJECT) ||
        !CBS_get_any_asn1(&description, &location, &tag) || CBS_len(&description) != 0) {
      out.malformed = true;
      return out;
    }
    const std::string dotted = OidToDotted(View(method));
    std::string name = GeneralNameElementText(tag, location);
    // A URI, the usual case, is shown bare.
    if (tag == (CBS_ASN1_CONTEXT_SPECIFIC | 6)) name = EscapeText(View(location));
    if (dotted == ocsp) {
      out.ocsp.push_back(std::move(name));
    } else if (dotted == ca_issuers) {
      out.ca_issuers.push_back(std::move(name));
    } else {
      out.other.push_back(absl::StrCat(dotted, ": ", name));
    }
  }
  return out;
}

DistributionPoints CrlDistributionPoints(const Certificate& cert) {
  DistributionPoints out;
  CBS list;
  if (!OpenExtensionSequence(cert, kOidCrlDistributionPoints, &out, &list)) return out;
  constexpr unsigned kDistributionPoint = CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0;
  constexpr unsigned kFullName = CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0;
  constexpr unsigned kRelativeName = CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 1;
  while (CBS_len(&list) > 0) {
    CBS point, name, choice;
    int has_name = 0;
    unsigned tag;
    if (!CBS_get_asn1(&list, &point, CBS_ASN1_SEQUENCE) ||
        !CBS_get_optional_asn1(&point, &name, &has_name, kDistributionPoint)) {
      out.malformed = true;
      return out;
    }
    if (!has_name) {
      out.names.push_back("(no name: see the CRL issuer)");
      continue;
    }
    if (!CBS_get_any_asn1(&name, &choice, &tag) || CBS_len(&name) != 0) {
      out.malformed = true;
      return out;
    }
    if (tag == kRelativeName) {
      out.names.push_back("(a name relative to the CRL issuer)");
    } else if (tag != kFullName || !ReadGeneralNames(choice, &out.names)) {
      out.malformed = true;
      return out;
    }
  }
  // A URI, the usual case, is shown bare.
  for (std::string& name : out.names) {
    if (name.rfind("URI:", 0) == 0) name.erase(0, 4);
  }
  return out;
}

CertificatePolicies CertificatePolicyDetails(const Certificate& cert) {
  CertificatePolicies out;
  CBS list;
  if (!OpenExtensionSequence(cert, kOidCertificatePolicies, &out, &list)) return out;
  const std::string cps = OidToDotted(kOidQualifierCps);
  const std::string unotice = OidToDotted(kOidQualifierUserNotice);
  while (CBS_len(&list) > 0) {
    CBS info, oid, qualifiers;
    int has_qualifiers = 0;
    if (!CBS_get_asn1(&list, &info, CBS_ASN1_SEQUENCE) ||
        !CBS_get_asn1(&info, &oid, CBS_ASN1_OBJECT) ||
        !CBS_get_optional_asn1(&info, &qualifiers, &has_qualifiers, CBS_ASN1_SEQUENCE)) {
      out.malformed = true;
      return out;
    }
    PolicyDetails policy;
    policy.oid = OidToDotted(View(oid));
    while (has_qualifiers && CBS_len(&qualifiers) > 0) {
      CBS qualifier, id, value;
      unsigned tag;
      if (!CBS_get_asn1(&qualifiers, &qualifier, CBS_ASN1_SEQUENCE) ||
          !CBS_get_asn1(&qualifier, &id, CBS_ASN1_OBJECT) ||
          !CBS_get_any_asn1(&qualifier, &value, &tag)) {
        out.malformed = true;
        return out;
      }
      const std::string kind = OidToDotted(View(id));
      if (kind == cps && tag == CBS_ASN1_IA5STRING) {
        policy.cps.push_back(EscapeText(View(value)));
      } else if (kind == unotice && tag == CBS_ASN1_SEQUENCE) {
        // UserNotice ::= SEQUENCE { noticeRef SEQUENCE OPTIONAL, explicitText DisplayText OPTIONAL
        // }
        CBS ref, text;
        int has_ref = 0;
        unsigned text_tag;
        if (CBS_get_optional_asn1(&value, &ref, &has_ref, CBS_ASN1_SEQUENCE) &&
            CBS_len(&value) > 0 && CBS_get_any_asn1(&value, &text, &text_tag)) {
          std::optional<std::string> decoded = DecodeText(text_tag, View(text));
          if (decoded) policy.notices.push_back(EscapeText(*decoded));
        }
      }
    }
    out.policies.push_back(std::move(policy));
  }
  return out;
}

const char* EkuName(const std::string& dotted) { return Lookup(kEkuNames, dotted); }
const char* PolicyName(const std::string& dotted) { return Lookup(kPolicyNames, dotted); }
const char* ExtensionName(const std::string& dotted) { return Lookup(kExtensionNames, dotted); }

std::vector<std::string> KeyUsageNames(uint16_t bits) {
  static const char* const kNames[] = {"digitalSignature", "nonRepudiation", "keyEncipherment",
                                       "dataEncipherment", "keyAgreement",   "keyCertSign",
                                       "cRLSign",          "encipherOnly",   "decipherOnly"};
  std::vector<std::string> out;
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (bits & (1u << i)) out.push_back(kNames[i]);
  }
  return out;
}

std::vector<std::string> NoPathHints(const ValidationResult& result, const TrustSummary& trust) {
  std::vector<std::string> hints;
  const bool no_path =
      std::any_of(result.findings.begin(), result.findings.end(),
                  [](const Finding& f) { return f.code == "trust_anchor.no_trusted_root"; });
  if (!no_path || result.path.empty()) return hints;
  const Certificate& last = *result.path.back();
  if (last.self_issued() && result.path.size() == 1) {
    hints.push_back(absl::StrCat("the leaf is self-issued (", NameText(last.subject()),
                                 ") and no trusted root issued it: to trust exactly this "
                                 "certificate, give it with --trust-cert FILE"));
  } else if (last.self_issued()) {
    hints.push_back(absl::StrCat(
        "the chain ends at a self-issued certificate that is not a trusted root (",
        NameText(last.subject()), "): if you mean to trust it, give it with --roots FILE"));
  } else {
    std::string hint = absl::StrCat(
        "no certificate given or trusted has the subject ", NameText(last.issuer()),
        ", the issuer of the chain's last certificate: the chain may be missing an intermediate; "
        "give it with --intermediates FILE");
    const AccessDescriptions aia = AuthorityInfoAccess(last);
    if (!aia.ca_issuers.empty()) {
      absl::StrAppend(&hint, " (the certificate says it can be fetched from ",
                      absl::StrJoin(aia.ca_issuers, ", "), ")");
    }
    hints.push_back(std::move(hint));
  }
  if (trust.roots == 0) {
    hints.push_back(absl::StrCat("the trust store holds no roots (", trust.text,
                                 "): give roots with --roots FILE|DIR, or --system-roots"));
  } else {
    hints.push_back(absl::StrCat(
        "the roots searched were: ", trust.text,
        trust.system_default ? "; to trust another root, give it with --roots FILE|DIR" : ""));
  }
  return hints;
}

json ResultJson(const ValidationResult& result) {
  json path = json::array();
  for (const CertificatePtr& c : result.path) {
    path.push_back({{"subject", NameToString(c->subject())},
                    {"issuer", NameToString(c->issuer())},
                    {"not_before", Rfc3339(c->not_before())},
                    {"not_after", Rfc3339(c->not_after())},
                    {"public_key", KeyDescription(c->public_key())}});
  }
  json findings = json::array();
  for (const Finding& f : result.findings) {
    findings.push_back({{"check", EscapeText(f.check)},
                        {"cert_index", f.cert_index},
                        {"code", EscapeText(f.code)},
                        {"message", EscapeText(f.message)},  // quotes certificate text
                        {"severity", std::string(SeverityName(f.severity))}});
  }
  json out = {
      {"valid", result.valid},
      {"decided_by", result.decider == Decider::kHook ? "hook:" + EscapeText(result.decided_by_hook)
                                                      : std::string("chain")},
      {"path", path},
      {"findings", findings}};
  // Only when revocation was looked at: a result without it reads as before.
  if (!result.revocation.empty()) {
    json revocation = json::array();
    for (const RevocationStatus& s : result.revocation) {
      json entry = {{"cert_index", s.cert_index},
                    {"status", std::string(RevocationStateName(s.state))},
                    {"source", EscapeText(s.source)}};  // quotes CRL and responder names
      if (s.reason) entry["reason"] = std::string(RevocationReasonName(*s.reason));
      if (s.revocation_time) entry["revocation_time"] = Rfc3339(*s.revocation_time);
      if (!s.detail.empty()) entry["detail"] = EscapeText(s.detail);
      revocation.push_back(entry);
    }
    out["revocation"] = revocation;
  }
  return out;
}

// "good (stapled OCSP response (issuer-signed))", "revoked keyCompromise 2025-...", escaped.
std::string RevocationLine(const RevocationStatus& s) {
  std::string out(RevocationStateName(s.state));
  if (s.reason) absl::StrAppend(&out, " ", RevocationReasonName(*s.reason));
  if (s.revocation_time) absl::StrAppend(&out, " since ", Rfc3339(*s.revocation_time));
  if (!s.source.empty()) absl::StrAppend(&out, " (", EscapeText(s.source), ")");
  if (!s.detail.empty()) absl::StrAppend(&out, ": ", EscapeText(s.detail));
  return out;
}

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

std::string ResultText(const ValidationResult& result, const std::vector<std::string>& context) {
  std::string out;
  std::string how;
  if (result.decider == Decider::kHook) {
    how = absl::StrCat(" (decided by hook '", EscapeText(result.decided_by_hook), "')");
  } else if (result.valid && result.has_warnings()) {
    how = " (allowed with warnings: see below)";
  }
  absl::StrAppend(&out, "verdict: ", result.valid ? "VALID" : "REJECTED", how, "\n");
  for (const std::string& line : context) absl::StrAppend(&out, line, "\n");
  absl::StrAppend(&out, "path:\n");
  for (size_t i = 0; i < result.path.size(); ++i) {
    const Certificate& c = *result.path[i];
    absl::StrAppend(&out, "  [", i, "] subject: ", NameText(c.subject()), "\n",
                    "      issuer:  ", NameText(c.issuer()), "\n",
                    "      valid:   ", Rfc3339(c.not_before()), " .. ", Rfc3339(c.not_after()),
                    "\n", "      key:     ", KeyDescription(c.public_key()), "\n");
    for (const RevocationStatus& s : result.revocation) {
      if (s.cert_index == static_cast<int>(i))
        absl::StrAppend(&out, "      status:  ", RevocationLine(s), "\n");
    }
  }
  if (!result.findings.empty()) absl::StrAppend(&out, "findings:\n");
  for (const Finding& f : result.findings) absl::StrAppend(&out, "  ", FormatFinding(f), "\n");
  return out;
}

}  // namespace certval
