#include "certval/validator/checks/certificate_profile_check.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "certval/validator/checks/check_util.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

using check_util::IssuanceReporter;
using check_util::RootRule;
using check_util::RootRuleApplies;

constexpr size_t kMaxSerialOctets = 20;  // RFC 5280 4.1.2.2

bool Critical(const Certificate& cert, Der ext_oid) {
  const Extension* ext = cert.FindExtension(ext_oid);
  return ext != nullptr && ext->critical;
}

void CheckSerial(const Certificate& cert, int index, IssuanceReporter& out) {
  Der serial = cert.serial();
  if (!serial.empty() && (static_cast<uint8_t>(serial[0]) & 0x80)) {
    out.Report(index, code::kCertificateProfileSerialNegative,
               absl::StrCat("serialNumber 0x", check_util::HexText(serial),
                            " is negative; RFC 5280 4.1.2.2 requires a positive integer"));
    return;
  }
  // A leading 0x00 only keeps the INTEGER positive; it is not part of the value.
  Der magnitude = serial.size() > 1 && serial[0] == 0 ? serial.substr(1) : serial;
  if (magnitude.find_first_not_of('\0') == Der::npos) {
    out.Report(index, code::kCertificateProfileSerialZero,
               "serialNumber is 0; RFC 5280 4.1.2.2 requires a positive integer");
  } else if (magnitude.size() > kMaxSerialOctets) {
    out.Report(index, code::kCertificateProfileSerialTooLong,
               absl::StrCat("serialNumber has ", magnitude.size(),
                            " octets; RFC 5280 4.1.2.2 allows at most 20"));
  }
}

void CheckNames(const PathContext& ctx, const Certificate& cert, int index, IssuanceReporter& out) {
  const bool is_ca = index > 0 || check_util::IsCa(cert);
  if (!cert.subject().empty()) {
    if (check_util::BaselineRequirements(ctx.profile) && Critical(cert, kOidSubjectAltName)) {
      out.Report(index, code::kCertificateProfileSanCritical,
                 "subjectAltName is critical although the subject is not empty "
                 "(CABF BR 7.1.2.7.12)");
    }
    return;
  }
  if (is_ca) {
    out.Report(
        index, code::kCertificateProfileCaSubjectEmpty,
        "a CA certificate has an empty subject; RFC 5280 4.1.2.6 requires a distinguished name");
  }
  const Extension* san = cert.FindExtension(kOidSubjectAltName);
  if (san == nullptr) {
    out.Report(index, code::kCertificateProfileSanMissingForEmptySubject,
               "the subject is empty and there is no subjectAltName (RFC 5280 4.2.1.6)");
  } else if (!san->critical) {
    out.Report(index, code::kCertificateProfileSanNotCriticalWithEmptySubject,
               "the subject is empty but subjectAltName is not critical (RFC 5280 4.2.1.6)");
  }
}

void CheckAuthorityKeyId(const PathContext& ctx, size_t i, IssuanceReporter& out) {
  const Certificate& cert = ctx.cert(i);
  const int index = static_cast<int>(i);
  if (Critical(cert, kOidAuthorityKeyIdentifier)) {
    out.Report(index, code::kCertificateProfileAkiCritical,
               "authorityKeyIdentifier is critical; RFC 5280 4.2.1.1 requires it non-critical");
  }
  if (check_util::IsSelfSigned(ctx, i)) return;  // the one exception of 4.2.1.1
  // rfc5280_strict holds every certificate of the path to 4.2.1.1, a cross-signed anchor included,
  // as x509-limbo's rfc5280::aki cases expect (webpki judges anchors in CheckWebPkiAnchor).
  const auto& aki = cert.authority_key_id();
  if (!aki) {
    out.Report(index, code::kCertificateProfileAkiMissing,
               "no authorityKeyIdentifier, and the certificate is not self-signed "
               "(RFC 5280 4.2.1.1)");
  } else if (!aki->key_id) {
    out.Report(index, code::kCertificateProfileAkiMissingKeyId,
               "authorityKeyIdentifier has no keyIdentifier, and the certificate is not "
               "self-signed (RFC 5280 4.2.1.1)");
  }
}

// CABF BR 7.1.2.1.3, for a self-signed trust anchor that carries an authorityKeyIdentifier.
void CheckRootAuthorityKeyId(const Certificate& root, int index, IssuanceReporter& out) {
  const auto& aki = root.authority_key_id();
  if (!aki) return;
  if (!aki->key_id) {
    out.Report(index, code::kCertificateProfileRootAkiMissingKeyId,
               "the root's authorityKeyIdentifier has no keyIdentifier (CABF BR 7.1.2.1.3)");
  } else if (root.subject_key_id() && *aki->key_id != *root.subject_key_id()) {
    out.Report(index, code::kCertificateProfileRootAkiSkiMismatch,
               absl::StrCat("the root's authorityKeyIdentifier ", check_util::HexText(*aki->key_id),
                            " differs from its subjectKeyIdentifier ",
                            check_util::HexText(*root.subject_key_id()), " (CABF BR 7.1.2.1.3)"));
  }
  if (aki->has_issuer || aki->has_serial) {
    out.Report(index, code::kCertificateProfileRootAkiIssuerSerial,
               "the root's authorityKeyIdentifier has authorityCertIssuer or "
               "authorityCertSerialNumber (CABF BR 7.1.2.1.3)");
  }
}

void CheckSubjectKeyId(const Certificate& cert, int index, IssuanceReporter& out) {
  if (Critical(cert, kOidSubjectKeyIdentifier)) {
    out.Report(index, code::kCertificateProfileSkiCritical,
               "subjectKeyIdentifier is critical; RFC 5280 4.2.1.2 requires it non-critical");
  }
  if (check_util::IsCa(cert) && !cert.subject_key_id()) {
    out.Report(index, code::kCertificateProfileSkiMissing,
               "CA certificate without subjectKeyIdentifier (RFC 5280 4.2.1.2)");
  }
}

void CheckAuthorityInfoAccess(const Certificate& cert, int index, IssuanceReporter& out) {
  if (Critical(cert, kOidAuthorityInfoAccess)) {
    out.Report(index, code::kCertificateProfileAiaCritical,
               "authorityInfoAccess is critical; RFC 5280 4.2.2.1 requires it non-critical");
  }
}

void CheckPolicyConstraints(const Certificate& cert, int index, IssuanceReporter& out) {
  const Extension* pc = cert.FindExtension(kOidPolicyConstraints);
  if (pc != nullptr && !pc->critical) {
    out.Report(index, code::kCertificateProfilePolicyConstraintsNotCritical,
               "policyConstraints is not critical; RFC 5280 4.2.1.11 requires it critical");
  }
}

void CheckNameConstraints(const PathContext& ctx, const Certificate& cert, int index,
                          IssuanceReporter& out) {
  const Extension* ext = cert.FindExtension(kOidNameConstraints);
  if (ext == nullptr) return;
  if (!check_util::IsCa(cert)) {
    out.Report(index, code::kCertificateProfileNameConstraintsInEe,
               "nameConstraints in a certificate that is not a CA (RFC 5280 4.2.1.10)");
  }
  // The BRs allow it non-critical (7.1.2.5.2), so only rfc5280_strict holds CAs to 4.2.1.10 here.
  if (ctx.profile == Profile::kRfc5280Strict && !ext->critical) {
    out.Report(index, code::kCertificateProfileNameConstraintsNotCritical,
               "nameConstraints is not critical; RFC 5280 4.2.1.10 requires it critical");
  }
}

bool HasNonWildcardDnsName(const GeneralNames& san) {
  for (Der name : san.dns_names) {
    if (name.substr(0, 2) != "*.") return true;
  }
  return false;
}

// Reports an address-looking CN that is not the canonical text of any iPAddress SAN.
void CheckIpCommonName(absl::string_view cn, const GeneralNames& san, IssuanceReporter& out) {
  char buf[kMaxIpAddressText];
  for (Der address : san.ip_addresses) {
    if (FormatIpAddress(address, buf) == cn) return;
  }
  out.Report(0, code::kCertificateProfileCnNotInSan,
             absl::StrCat("subject commonName \"", cn,
                          "\" is not the canonical text of any iPAddress SAN (first: \"",
                          FormatIpAddress(san.ip_addresses[0], buf), "\"; CABF BR 7.1.4.3)"));
}

// Reports a host-name CN that is not a byte-for-byte copy of a dNSName SAN.
void CheckDnsCommonName(absl::string_view cn, const GeneralNames& san, IssuanceReporter& out) {
  for (Der name : san.dns_names) {
    if (name == cn) return;
  }
  out.Report(0, code::kCertificateProfileCnNotInSan,
             absl::StrCat("subject commonName \"", cn,
                          "\" is not a byte-for-byte copy of any dNSName SAN (CABF BR 7.1.4.3)"));
}

void CheckCommonNames(const Certificate& leaf, IssuanceReporter& out) {
  if (!leaf.subject_alt_names()) return;
  const GeneralNames& san = *leaf.subject_alt_names();
  leaf.subject().VisitTexts(kOidCommonName, [&san, &out](absl::string_view cn) {
    if (LooksLikeIpAddress(cn)) {
      if (!san.ip_addresses.empty()) CheckIpCommonName(cn, san, out);
    } else if (HasNonWildcardDnsName(san)) {
      CheckDnsCommonName(cn, san, out);
    }
  });
}

void ReportNotV3(const Certificate& cert, int index, IssuanceReporter& out) {
  out.Report(index, code::kCertificateProfileNotV3,
             absl::StrCat("a v", cert.version(), " certificate; CABF BR 7.1.1 requires v3"));
}

// Under webpki a trust anchor is held to the BR root profile, each rule from its effective date
// (check_util.h has the table): roots issued before a rule are trusted by browsers as they are.
void CheckWebPkiAnchor(const PathContext& ctx, size_t i, IssuanceReporter& out) {
  const Certificate& root = ctx.cert(i);
  const int index = static_cast<int>(i);
  if (root.version() != 3 && RootRuleApplies(root, RootRule::kVersion3)) {
    ReportNotV3(root, index, out);
  }
  if (RootRuleApplies(root, RootRule::kAuthorityKeyId)) {
    if (Critical(root, kOidAuthorityKeyIdentifier)) {
      out.Report(index, code::kCertificateProfileAkiCritical,
                 "authorityKeyIdentifier is critical; CABF BR 7.1.2.1.2 requires it non-critical");
    }
    // 7.1.2.1.3 is about a root's own key; a cross-signed anchor's AKI names its issuer's.
    if (check_util::IsSelfSigned(ctx, i)) CheckRootAuthorityKeyId(root, index, out);
  }
  if (RootRuleApplies(root, RootRule::kSubjectKeyId)) CheckSubjectKeyId(root, index, out);
}

void CheckCertificate(const PathContext& ctx, size_t i, IssuanceReporter& out) {
  const Certificate& cert = ctx.cert(i);
  const int index = static_cast<int>(i);
  const bool webpki = check_util::BaselineRequirements(ctx.profile);
  if (webpki && ctx.is_anchor(i)) {
    CheckWebPkiAnchor(ctx, i, out);
    return;
  }
  if (!ctx.is_anchor(i)) CheckSerial(cert, index, out);
  if (webpki && cert.version() != 3) ReportNotV3(cert, index, out);
  CheckNames(ctx, cert, index, out);
  CheckAuthorityKeyId(ctx, i, out);
  CheckSubjectKeyId(cert, index, out);
  CheckAuthorityInfoAccess(cert, index, out);
  CheckPolicyConstraints(cert, index, out);
  CheckNameConstraints(ctx, cert, index, out);
  if (webpki && i == 0) CheckCommonNames(cert, out);
}

}  // namespace

void CertificateProfileCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  // Every rule here is a section 4 MUST or a BR rule; 6.1 (rfc5280) checks none of them. All are
  // issuance rules: advisory under webpki on a path to a private anchor.
  if (!check_util::EncodingRules(ctx.profile)) return;
  if (check_util::IsTrustedLeafOnly(ctx)) return;
  IssuanceReporter issuance(ctx, out);
  for (size_t i = 0; i < ctx.path.size(); ++i) CheckCertificate(ctx, i, issuance);
}

}  // namespace certval
