#include "tools/describe.h"

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/time.h"
#include "absl/types/span.h"
#include "validator/text_escape.h"

namespace certval {
namespace {

using nlohmann::json;

std::string Hex(Der bytes) { return absl::BytesToHexString(bytes); }

std::string Rfc3339(absl::Time t) { return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone()); }

const char* AttributeShortName(const std::string& dotted) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"2.5.4.3", "CN"},  {"2.5.4.6", "C"},   {"2.5.4.7", "L"},
      {"2.5.4.8", "ST"},  {"2.5.4.10", "O"},  {"2.5.4.11", "OU"},
      {"2.5.4.5", "serialNumber"}, {"1.2.840.113549.1.9.1", "emailAddress"},
      {"0.9.2342.19200300.100.1.25", "DC"}};
  for (const auto& [oid, name] : kNames) {
    if (dotted == oid) return name;
  }
  return nullptr;
}

const char* SignatureAlgorithmName(SignatureAlgorithm alg) {
  switch (alg) {
    case SignatureAlgorithm::kRsaPkcs1Md5: return "md5WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha1: return "sha1WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha256: return "sha256WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha384: return "sha384WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha512: return "sha512WithRSAEncryption";
    case SignatureAlgorithm::kRsaPssSha256: return "rsassa-pss-sha256";
    case SignatureAlgorithm::kRsaPssSha384: return "rsassa-pss-sha384";
    case SignatureAlgorithm::kRsaPssSha512: return "rsassa-pss-sha512";
    case SignatureAlgorithm::kEcdsaSha1: return "ecdsa-with-SHA1";
    case SignatureAlgorithm::kEcdsaSha256: return "ecdsa-with-SHA256";
    case SignatureAlgorithm::kEcdsaSha384: return "ecdsa-with-SHA384";
    case SignatureAlgorithm::kEcdsaSha512: return "ecdsa-with-SHA512";
    case SignatureAlgorithm::kEd25519: return "Ed25519";
    case SignatureAlgorithm::kDsaSha1: return "dsa-with-SHA1";
    case SignatureAlgorithm::kDsaSha256: return "dsa-with-SHA256";
    case SignatureAlgorithm::kUnknown: break;
  }
  return "unknown";
}

json StringList(absl::Span<const Der> items) {
  json out = json::array();
  for (Der d : items) out.push_back(EscapeText(d));
  return out;
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
  std::vector<std::string> parts;
  for (const NameAttribute& a : name.attributes) {
    std::string dotted = OidToDotted(a.type);
    const char* shortname = AttributeShortName(dotted);
    std::string part = absl::StrCat(shortname ? shortname : dotted, "=");
    // The value's bytes as encoded (a BMPString shows its zero bytes), escaped; "\," and "\+" as
    // in RFC 4514, so a value cannot pose as further attributes.
    for (char c : EscapeText(a.value)) {
      if (c == ',' || c == '+') part.push_back('\\');
      part.push_back(c);
    }
    parts.push_back(std::move(part));
  }
  return parts.empty() ? "(empty)" : absl::StrJoin(parts, ", ");
}

std::string KeyDescription(const PublicKeyInfo& key) {
  switch (key.type) {
    case KeyType::kRsa: return absl::StrCat("RSA ", key.bits);
    case KeyType::kEcP256: return "ECDSA P-256";
    case KeyType::kEcP384: return "ECDSA P-384";
    case KeyType::kEcP521: return "ECDSA P-521";
    case KeyType::kEcOtherCurve: return absl::StrCat("ECDSA (other curve, ", key.bits, " bits)");
    case KeyType::kEcExplicitCurve: return "ECDSA (explicit curve parameters)";
    case KeyType::kEd25519: return "Ed25519";
    case KeyType::kDsa: return absl::StrCat("DSA ", key.bits);
    case KeyType::kUnknown: break;
  }
  return "unknown key type";
}

json CertificateJson(const Certificate& cert) {
  json j = {{"version", cert.version()},
            {"serial", Hex(cert.serial())},
            {"signature_algorithm", SignatureAlgorithmName(cert.signature_algorithm())},
            {"issuer", NameToString(cert.issuer())},
            {"subject", NameToString(cert.subject())},
            {"not_before", Rfc3339(cert.not_before())},
            {"not_after", Rfc3339(cert.not_after())},
            {"public_key", KeyDescription(cert.public_key())},
            {"self_issued", cert.self_issued()}};
  if (const auto& bc = cert.basic_constraints()) {
    j["basic_constraints"] = {{"ca", bc->is_ca}};
    if (bc->path_len) j["basic_constraints"]["path_len"] = *bc->path_len;
  }
  if (auto ku = cert.key_usage()) j["key_usage_bits"] = *ku;
  if (const auto& eku = cert.ext_key_usage()) {
    json list = json::array();
    for (Der oid : eku->oids) list.push_back(OidToDotted(oid));
    j["ext_key_usage"] = list;
  }
  if (const auto& san = cert.subject_alt_names()) {
    json ips = json::array();
    for (Der ip : san->ip_addresses) ips.push_back(Hex(ip));
    j["subject_alt_names"] = {{"dns", StringList(san->dns_names)},
                              {"email", StringList(san->emails)},
                              {"uri", StringList(san->uris)},
                              {"ip_hex", ips}};
  }
  if (const auto& ski = cert.subject_key_id()) j["subject_key_id"] = Hex(*ski);
  if (const auto& aki = cert.authority_key_id(); aki && aki->key_id) {
    j["authority_key_id"] = Hex(*aki->key_id);
  }
  json exts = json::array();
  for (const Extension& e : cert.extensions()) {
    exts.push_back({{"oid", OidToDotted(e.oid)}, {"critical", e.critical}});
  }
  j["extensions"] = exts;
  return j;
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
  return {{"valid", result.valid},
          {"decided_by", result.decider == Decider::kHook ? "hook:" + EscapeText(result.decided_by_hook)
                                                          : std::string("chain")},
          {"path", path},
          {"findings", findings}};
}

std::string CertificateText(const Certificate& cert) {
  return DumpJson(CertificateJson(cert)) + "\n";
}

std::string DumpJson(const nlohmann::json& j) {
  return j.dump(2, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

std::string ResultText(const ValidationResult& result) {
  std::string out;
  std::string how;
  if (result.decider == Decider::kHook) {
    how = absl::StrCat(" (decided by hook '", EscapeText(result.decided_by_hook), "')");
  } else if (result.valid && result.has_warnings()) {
    how = " (allowed with warnings: see below)";
  }
  absl::StrAppend(&out, "verdict: ", result.valid ? "VALID" : "REJECTED", how, "\n");
  absl::StrAppend(&out, "path:\n");
  for (size_t i = 0; i < result.path.size(); ++i) {
    const Certificate& c = *result.path[i];
    absl::StrAppend(&out, "  [", i, "] subject: ", NameToString(c.subject()), "\n",
                    "      issuer:  ", NameToString(c.issuer()), "\n",
                    "      valid:   ", Rfc3339(c.not_before()), " .. ", Rfc3339(c.not_after()), "\n",
                    "      key:     ", KeyDescription(c.public_key()), "\n");
  }
  if (!result.findings.empty()) absl::StrAppend(&out, "findings:\n");
  for (const Finding& f : result.findings) absl::StrAppend(&out, "  ", FormatFinding(f), "\n");
  return out;
}

}  // namespace certval
