#include "tools/inspect.h"

#include <cstdint>
#include <optional>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/oids.h"
#include "tools/describe.h"

namespace certval {
namespace {

using nlohmann::json;

std::string Rfc3339(absl::Time t) {
  return absl::FormatTime("%Y-%m-%dT%H:%M:%SZ", t, absl::UTCTimeZone());
}

std::string ColonHex(absl::string_view bytes, bool upper) {
  std::vector<std::string> parts;
  for (char c : bytes) parts.push_back(absl::BytesToHexString(absl::string_view(&c, 1)));
  std::string out = absl::StrJoin(parts, ":");
  return upper ? absl::AsciiStrToUpper(out) : out;
}

const char* SignatureAlgorithmName(SignatureAlgorithm alg) {
  switch (alg) {
    case SignatureAlgorithm::kRsaPkcs1Md5:
      return "md5WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha1:
      return "sha1WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha256:
      return "sha256WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha384:
      return "sha384WithRSAEncryption";
    case SignatureAlgorithm::kRsaPkcs1Sha512:
      return "sha512WithRSAEncryption";
    case SignatureAlgorithm::kRsaPssSha256:
      return "rsassa-pss-sha256";
    case SignatureAlgorithm::kRsaPssSha384:
      return "rsassa-pss-sha384";
    case SignatureAlgorithm::kRsaPssSha512:
      return "rsassa-pss-sha512";
    case SignatureAlgorithm::kEcdsaSha1:
      return "ecdsa-with-SHA1";
    case SignatureAlgorithm::kEcdsaSha256:
      return "ecdsa-with-SHA256";
    case SignatureAlgorithm::kEcdsaSha384:
      return "ecdsa-with-SHA384";
    case SignatureAlgorithm::kEcdsaSha512:
      return "ecdsa-with-SHA512";
    case SignatureAlgorithm::kEd25519:
      return "Ed25519";
    case SignatureAlgorithm::kDsaSha1:
      return "dsa-with-SHA1";
    case SignatureAlgorithm::kDsaSha256:
      return "dsa-with-SHA256";
    case SignatureAlgorithm::kUnknown:
      break;
  }
  return "unknown";
}

// "RSA, 2048 bits", "ECDSA P-256, 256 bits", "Ed25519".
std::string KeyTypeAndSize(const PublicKeyInfo& key) {
  switch (key.type) {
    case KeyType::kRsa:
      return absl::StrCat("RSA, ", key.bits, " bits");
    case KeyType::kDsa:
      return absl::StrCat("DSA, ", key.bits, " bits");
    case KeyType::kEcP256:
    case KeyType::kEcP384:
    case KeyType::kEcP521:
      return absl::StrCat(KeyDescription(key), ", ", key.bits, " bits");
    default:
      return KeyDescription(key);
  }
}

// "89 days", "5 hours", "12 minutes", "30 seconds": the largest unit with at least two of it.
std::string HumanDuration(absl::Duration d) {
  const int64_t seconds = absl::ToInt64Seconds(d);
  if (seconds >= 2 * 86400) return absl::StrCat(seconds / 86400, " days");
  if (seconds >= 2 * 3600) return absl::StrCat(seconds / 3600, " hours");
  if (seconds >= 2 * 60) return absl::StrCat(seconds / 60, " minutes");
  return absl::StrCat(seconds, seconds == 1 ? " second" : " seconds");
}

const char* ValidityStatus(const Certificate& cert, absl::Time now) {
  if (now < cert.not_before()) return "not_yet_valid";
  if (now > cert.not_after()) return "expired";
  return "valid";
}

std::string ValidityText(const Certificate& cert, absl::Time now) {
  if (now < cert.not_before()) {
    return absl::StrCat("not yet valid: starts in ", HumanDuration(cert.not_before() - now));
  }
  if (now > cert.not_after()) {
    return absl::StrCat("expired ", HumanDuration(now - cert.not_after()), " ago");
  }
  return absl::StrCat("valid, expires in ", HumanDuration(cert.not_after() - now));
}

std::string Named(const std::string& dotted, const char* name) {
  return name != nullptr ? std::string(name) : dotted;
}

std::vector<std::string> EkuTexts(const ExtKeyUsage& eku) {
  std::vector<std::string> out;
  for (Der oid : eku.oids) {
    const std::string dotted = OidToDotted(oid);
    out.push_back(Named(dotted, EkuName(dotted)));
  }
  return out;
}

std::vector<std::string> SubtreeTexts(const std::vector<GeneralSubtree>& subtrees) {
  std::vector<std::string> out;
  for (const GeneralSubtree& s : subtrees) out.push_back(GeneralNameText(s.type, s.value));
  return out;
}

bool IsCritical(const Certificate& cert, Der oid) {
  const Extension* ext = cert.FindExtension(oid);
  return ext != nullptr && ext->critical;
}

std::string PolicyText(const PolicyDetails& policy) {
  std::string out = policy.oid;
  if (const char* name = PolicyName(policy.oid)) absl::StrAppend(&out, " (", name, ")");
  for (const std::string& cps : policy.cps) absl::StrAppend(&out, "; CPS ", cps);
  for (const std::string& notice : policy.notices)
    absl::StrAppend(&out, "; notice \"", notice, "\"");
  return out;
}

json Strings(const std::vector<std::string>& items) {
  json out = json::array();
  for (const std::string& s : items) out.push_back(s);
  return out;
}

// Text output: "  label:" padded to one column, then the value; a list puts each item on its own
// line below the label.
class Lines {
 public:
  void Add(absl::string_view label, absl::string_view value) {
    absl::StrAppend(&out_, "  ", label, ":", std::string(Pad(label), ' '), value, "\n");
  }
  // `note` (e.g. " (critical)") follows the label, or the value when there is one item.
  void AddList(absl::string_view label, const std::vector<std::string>& items,
               absl::string_view note = "") {
    if (items.size() == 1) return Add(label, absl::StrCat(items[0], note));
    absl::StrAppend(&out_, "  ", label, ":", note, "\n");
    for (const std::string& item : items) absl::StrAppend(&out_, "      ", item, "\n");
  }
  std::string& out() { return out_; }

 private:
  // Values start in one column, one space after the longest label ("CRL distribution points").
  static size_t Pad(absl::string_view label) {
    constexpr size_t kWidth = 25;  // label, colon and padding
    return label.size() + 2 < kWidth ? kWidth - label.size() - 1 : 1;
  }
  std::string out_;
};

}  // namespace

std::string Sha256Fingerprint(const Certificate& cert) {
  const Sha256Digest& digest = cert.der_sha256();
  return ColonHex(absl::string_view(reinterpret_cast<const char*>(digest.data()), digest.size()),
                  /*upper=*/true);
}

std::string SpkiPin(const Certificate& cert) {
  return absl::StrCat("sha256//", absl::Base64Escape(SpkiSha256(cert)));
}

std::string InspectText(const Certificate& cert, const InspectContext& context) {
  Lines lines;
  lines.Add("source", context.origin);
  lines.Add("subject", NameText(cert.subject()));
  lines.Add("issuer", NameText(cert.issuer()));
  lines.Add("serial", ColonHex(cert.serial(), /*upper=*/false));
  lines.Add("version", absl::StrCat(cert.version()));
  lines.Add("signature algorithm", SignatureAlgorithmName(cert.signature_algorithm()));
  lines.Add("not before", Rfc3339(cert.not_before()));
  lines.Add("not after", Rfc3339(cert.not_after()));
  lines.Add("validity", ValidityText(cert, context.now));
  lines.Add("public key", KeyTypeAndSize(cert.public_key()));
  const char* critical = " (critical)";
  if (auto ku = cert.key_usage()) {
    std::vector<std::string> names = KeyUsageNames(*ku);
    lines.Add("key usage", absl::StrCat(names.empty() ? "(none)" : absl::StrJoin(names, ", "),
                                        IsCritical(cert, kOidKeyUsage) ? critical : ""));
  }
  if (const auto& eku = cert.ext_key_usage()) {
    std::vector<std::string> names = EkuTexts(*eku);
    lines.Add("extended key usage",
              absl::StrCat(names.empty() ? "(none)" : absl::StrJoin(names, ", "),
                           IsCritical(cert, kOidExtKeyUsage) ? critical : ""));
  }
  if (const auto& san = cert.subject_alt_names()) {
    lines.AddList("subject alt names", GeneralNamesText(*san),
                  IsCritical(cert, kOidSubjectAltName) ? critical : "");
  }
  if (const auto& bc = cert.basic_constraints()) {
    std::string text = bc->is_ca ? "CA:true" : "CA:false";
    if (bc->path_len) absl::StrAppend(&text, ", pathlen:", *bc->path_len);
    lines.Add("basic constraints",
              absl::StrCat(text, IsCritical(cert, kOidBasicConstraints) ? critical : ""));
  }
  if (const auto& nc = cert.name_constraints()) {
    std::vector<std::string> items;
    for (const std::string& s : SubtreeTexts(nc->permitted)) items.push_back("permitted " + s);
    for (const std::string& s : SubtreeTexts(nc->excluded)) items.push_back("excluded " + s);
    if (items.empty()) items.push_back("(no subtrees)");
    lines.AddList("name constraints", items, IsCritical(cert, kOidNameConstraints) ? critical : "");
  }
  if (const AccessDescriptions aia = AuthorityInfoAccess(cert); aia.present) {
    std::vector<std::string> items;
    for (const std::string& url : aia.ocsp) items.push_back("OCSP " + url);
    for (const std::string& url : aia.ca_issuers) items.push_back("CA issuers " + url);
    for (const std::string& other : aia.other) items.push_back(other);
    if (aia.malformed) items.push_back("(malformed extension)");
    lines.AddList("authority info access", items);
  }
  if (const DistributionPoints crl = CrlDistributionPoints(cert); crl.present) {
    std::vector<std::string> items = crl.names;
    if (crl.malformed) items.push_back("(malformed extension)");
    lines.AddList("CRL distribution points", items);
  }
  if (const CertificatePolicies policies = CertificatePolicyDetails(cert); policies.present) {
    std::vector<std::string> items;
    for (const PolicyDetails& p : policies.policies) items.push_back(PolicyText(p));
    if (policies.malformed) items.push_back("(malformed extension)");
    lines.AddList("certificate policies", items);
  }
  if (const auto& ski = cert.subject_key_id()) lines.Add("subject key id", ColonHex(*ski, false));
  if (const auto& aki = cert.authority_key_id(); aki && aki->key_id) {
    lines.Add("authority key id", ColonHex(*aki->key_id, false));
  }
  std::vector<std::string> extensions;
  for (const Extension& e : cert.extensions()) {
    const std::string dotted = OidToDotted(e.oid);
    extensions.push_back(
        absl::StrCat(Named(dotted, ExtensionName(dotted)), e.critical ? critical : ""));
  }
  if (!extensions.empty()) lines.Add("extensions", absl::StrJoin(extensions, ", "));
  lines.Add("SHA-256 fingerprint", Sha256Fingerprint(cert));
  lines.Add("SPKI SHA-256 pin", SpkiPin(cert));
  return std::move(lines.out());
}

json InspectJson(const Certificate& cert, const InspectContext& context) {
  const PublicKeyInfo& key = cert.public_key();
  json j = {{"source", context.origin},
            {"subject", NameToString(cert.subject())},
            {"issuer", NameToString(cert.issuer())},
            {"self_issued", cert.self_issued()},
            {"serial", absl::BytesToHexString(cert.serial())},
            {"version", cert.version()},
            {"signature_algorithm", SignatureAlgorithmName(cert.signature_algorithm())},
            {"not_before", Rfc3339(cert.not_before())},
            {"not_after", Rfc3339(cert.not_after())},
            {"validity",
             {{"status", ValidityStatus(cert, context.now)},
              {"at", Rfc3339(context.now)},
              {"seconds_left", absl::ToInt64Seconds(cert.not_after() - context.now)}}},
            {"public_key", {{"type", KeyDescription(key)}, {"bits", key.bits}}}};
  if (auto ku = cert.key_usage()) j["key_usage"] = Strings(KeyUsageNames(*ku));
  if (const auto& eku = cert.ext_key_usage()) j["ext_key_usage"] = Strings(EkuTexts(*eku));
  if (const auto& san = cert.subject_alt_names()) {
    auto texts = [](auto items, GeneralNameType type) {
      json out = json::array();
      for (Der d : items) {
        std::string text = GeneralNameText(type, d);
        out.push_back(text.substr(text.find(':') + 1));  // without the "DNS:" kind prefix
      }
      return out;
    };
    json other = json::array();
    for (GeneralNameType t : san->other_kinds) other.push_back(GeneralNameText(t, Der()));
    j["subject_alt_names"] = {
        {"dns", texts(san->dns_names, GeneralNameType::kDnsName)},
        {"ip", texts(san->ip_addresses, GeneralNameType::kIpAddress)},
        {"email", texts(san->emails, GeneralNameType::kRfc822Name)},
        {"uri", texts(san->uris, GeneralNameType::kUri)},
        {"directory_name", texts(san->directory_names, GeneralNameType::kDirectoryName)},
        {"other", other}};
  }
  if (const auto& bc = cert.basic_constraints()) {
    j["basic_constraints"] = {{"ca", bc->is_ca}};
    if (bc->path_len) j["basic_constraints"]["path_len"] = *bc->path_len;
  }
  if (const auto& nc = cert.name_constraints()) {
    j["name_constraints"] = {{"permitted", Strings(SubtreeTexts(nc->permitted))},
                             {"excluded", Strings(SubtreeTexts(nc->excluded))}};
  }
  if (const AccessDescriptions aia = AuthorityInfoAccess(cert); aia.present) {
    j["authority_info_access"] = {{"ocsp", Strings(aia.ocsp)},
                                  {"ca_issuers", Strings(aia.ca_issuers)},
                                  {"other", Strings(aia.other)}};
    if (aia.malformed) j["authority_info_access"]["malformed"] = true;
  }
  if (const DistributionPoints crl = CrlDistributionPoints(cert); crl.present) {
    j["crl_distribution_points"] = Strings(crl.names);
    if (crl.malformed) j["crl_distribution_points_malformed"] = true;
  }
  if (const CertificatePolicies policies = CertificatePolicyDetails(cert); policies.present) {
    json list = json::array();
    for (const PolicyDetails& p : policies.policies) {
      json item = {{"oid", p.oid}, {"cps", Strings(p.cps)}, {"notices", Strings(p.notices)}};
      if (const char* name = PolicyName(p.oid)) item["name"] = name;
      list.push_back(std::move(item));
    }
    j["certificate_policies"] = std::move(list);
    if (policies.malformed) j["certificate_policies_malformed"] = true;
  }
  if (const auto& ski = cert.subject_key_id()) j["subject_key_id"] = absl::BytesToHexString(*ski);
  if (const auto& aki = cert.authority_key_id(); aki && aki->key_id) {
    j["authority_key_id"] = absl::BytesToHexString(*aki->key_id);
  }
  json extensions = json::array();
  for (const Extension& e : cert.extensions()) {
    const std::string dotted = OidToDotted(e.oid);
    json item = {{"oid", dotted}, {"critical", e.critical}};
    if (const char* name = ExtensionName(dotted)) item["name"] = name;
    extensions.push_back(std::move(item));
  }
  j["extensions"] = std::move(extensions);
  j["sha256_fingerprint"] = Sha256Fingerprint(cert);
  j["spki_sha256_pin"] = SpkiPin(cert);
  return j;
}

}  // namespace certval
