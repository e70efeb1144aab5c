// Object identifiers certval names, as the DER *contents* of the OBJECT IDENTIFIER (no tag, no
// length). Each constant is an absl::string_view (the type of `Der`), so it compares directly with
// views such as Extension::oid or NameAttribute::type.
#ifndef CERTVAL_VALIDATOR_OIDS_H_
#define CERTVAL_VALIDATOR_OIDS_H_

#include <cstddef>

#include "absl/strings/string_view.h"

namespace certval {

// A string literal as a view of all its bytes: several OIDs contain a 0x00 byte.
template <size_t N>
constexpr absl::string_view OidBytes(const char (&literal)[N]) {
  return absl::string_view(literal, N - 1);
}

// Certificate extensions (RFC 5280 4.2).
// 2.5.29.14
inline constexpr auto kOidSubjectKeyIdentifier = OidBytes("\x55\x1d\x0e");
// 2.5.29.15
inline constexpr auto kOidKeyUsage = OidBytes("\x55\x1d\x0f");
// 2.5.29.17
inline constexpr auto kOidSubjectAltName = OidBytes("\x55\x1d\x11");
// 2.5.29.18
inline constexpr auto kOidIssuerAltName = OidBytes("\x55\x1d\x12");
// 2.5.29.19
inline constexpr auto kOidBasicConstraints = OidBytes("\x55\x1d\x13");
// 2.5.29.30
inline constexpr auto kOidNameConstraints = OidBytes("\x55\x1d\x1e");
// 2.5.29.31
inline constexpr auto kOidCrlDistributionPoints = OidBytes("\x55\x1d\x1f");
// 2.5.29.32
inline constexpr auto kOidCertificatePolicies = OidBytes("\x55\x1d\x20");
// 2.5.29.32.0
inline constexpr auto kOidAnyPolicy = OidBytes("\x55\x1d\x20\x00");
// 1.3.6.1.5.5.7.2.1 id-qt-cps, 1.3.6.1.5.5.7.2.2 id-qt-unotice: the qualifiers RFC 5280 defines
inline constexpr auto kOidQualifierCps = OidBytes("\x2b\x06\x01\x05\x05\x07\x02\x01");
inline constexpr auto kOidQualifierUserNotice = OidBytes("\x2b\x06\x01\x05\x05\x07\x02\x02");
// 2.5.29.33
inline constexpr auto kOidPolicyMappings = OidBytes("\x55\x1d\x21");
// 2.5.29.35
inline constexpr auto kOidAuthorityKeyIdentifier = OidBytes("\x55\x1d\x23");
// 2.5.29.36
inline constexpr auto kOidPolicyConstraints = OidBytes("\x55\x1d\x24");
// 2.5.29.37
inline constexpr auto kOidExtKeyUsage = OidBytes("\x55\x1d\x25");
// 2.5.29.54
inline constexpr auto kOidInhibitAnyPolicy = OidBytes("\x55\x1d\x36");
// 1.3.6.1.5.5.7.1.1
inline constexpr auto kOidAuthorityInfoAccess = OidBytes("\x2b\x06\x01\x05\x05\x07\x01\x01");
// 1.3.6.1.4.1.11129.2.4.2
inline constexpr auto kOidCtSctList = OidBytes("\x2b\x06\x01\x04\x01\xd6\x79\x02\x04\x02");

// AccessDescription methods (RFC 5280 4.2.2.1).
// 1.3.6.1.5.5.7.48.1
inline constexpr auto kOidAdOcsp = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x01");
// 1.3.6.1.5.5.7.48.2
inline constexpr auto kOidAdCaIssuers = OidBytes("\x2b\x06\x01\x05\x05\x07\x30\x02");

// Extended key usages (RFC 5280 4.2.1.12).
// 1.3.6.1.5.5.7.3.1
inline constexpr auto kOidEkuServerAuth = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x01");
// 1.3.6.1.5.5.7.3.2
inline constexpr auto kOidEkuClientAuth = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x02");
// 1.3.6.1.5.5.7.3.3
inline constexpr auto kOidEkuCodeSigning = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x03");
// 1.3.6.1.5.5.7.3.4
inline constexpr auto kOidEkuEmailProtection = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x04");
// 1.3.6.1.5.5.7.3.8
inline constexpr auto kOidEkuTimeStamping = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x08");
// 1.3.6.1.5.5.7.3.9
inline constexpr auto kOidEkuOcspSigning = OidBytes("\x2b\x06\x01\x05\x05\x07\x03\x09");
// 2.5.29.37.0
inline constexpr auto kOidAnyExtendedKeyUsage = OidBytes("\x55\x1d\x25\x00");

// Name attribute types.
// 2.5.4.3
inline constexpr auto kOidCommonName = OidBytes("\x55\x04\x03");
// 2.5.4.5
inline constexpr auto kOidSerialNumberAttribute = OidBytes("\x55\x04\x05");
// 2.5.4.6
inline constexpr auto kOidCountryName = OidBytes("\x55\x04\x06");
// 2.5.4.7
inline constexpr auto kOidLocalityName = OidBytes("\x55\x04\x07");
// 2.5.4.8
inline constexpr auto kOidStateOrProvinceName = OidBytes("\x55\x04\x08");
// 2.5.4.10
inline constexpr auto kOidOrganizationName = OidBytes("\x55\x04\x0a");
// 2.5.4.11
inline constexpr auto kOidOrganizationalUnitName = OidBytes("\x55\x04\x0b");
// 1.2.840.113549.1.9.1
inline constexpr auto kOidEmailAddress = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x09\x01");
// 0.9.2342.19200300.100.1.25
inline constexpr auto kOidDomainComponent = OidBytes("\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x19");
// 0.9.2342.19200300.100.1.1
inline constexpr auto kOidUserId = OidBytes("\x09\x92\x26\x89\x93\xf2\x2c\x64\x01\x01");

// Signature algorithms.
// 1.2.840.113549.1.1.4
inline constexpr auto kOidMd5WithRsa = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x04");
// 1.2.840.113549.1.1.5
inline constexpr auto kOidSha1WithRsa = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x05");
// 1.2.840.113549.1.1.11
inline constexpr auto kOidSha256WithRsa = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0b");
// 1.2.840.113549.1.1.12
inline constexpr auto kOidSha384WithRsa = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0c");
// 1.2.840.113549.1.1.13
inline constexpr auto kOidSha512WithRsa = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0d");
// 1.2.840.113549.1.1.10
inline constexpr auto kOidRsaPss = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x0a");
// 1.2.840.113549.1.1.8
inline constexpr auto kOidMgf1 = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x08");
// 1.2.840.10045.4.1
inline constexpr auto kOidEcdsaSha1 = OidBytes("\x2a\x86\x48\xce\x3d\x04\x01");
// 1.2.840.10045.4.3.2
inline constexpr auto kOidEcdsaSha256 = OidBytes("\x2a\x86\x48\xce\x3d\x04\x03\x02");
// 1.2.840.10045.4.3.3
inline constexpr auto kOidEcdsaSha384 = OidBytes("\x2a\x86\x48\xce\x3d\x04\x03\x03");
// 1.2.840.10045.4.3.4
inline constexpr auto kOidEcdsaSha512 = OidBytes("\x2a\x86\x48\xce\x3d\x04\x03\x04");
// 1.2.840.10040.4.3
inline constexpr auto kOidDsaSha1 = OidBytes("\x2a\x86\x48\xce\x38\x04\x03");
// 2.16.840.1.101.3.4.3.2
inline constexpr auto kOidDsaSha256 = OidBytes("\x60\x86\x48\x01\x65\x03\x04\x03\x02");

// Key algorithms. Ed25519 names both the key and the signature algorithm (RFC 8410).
// 1.2.840.113549.1.1.1
inline constexpr auto kOidRsaEncryption = OidBytes("\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01");
// 1.2.840.10045.2.1
inline constexpr auto kOidEcPublicKey = OidBytes("\x2a\x86\x48\xce\x3d\x02\x01");
// 1.3.101.112
inline constexpr auto kOidEd25519 = OidBytes("\x2b\x65\x70");
// 1.2.840.10040.4.1
inline constexpr auto kOidDsa = OidBytes("\x2a\x86\x48\xce\x38\x04\x01");

// Named curves.
// 1.2.840.10045.3.1.1
inline constexpr auto kOidP192 = OidBytes("\x2a\x86\x48\xce\x3d\x03\x01\x01");
// 1.3.132.0.33
inline constexpr auto kOidP224 = OidBytes("\x2b\x81\x04\x00\x21");
// 1.2.840.10045.3.1.7
inline constexpr auto kOidP256 = OidBytes("\x2a\x86\x48\xce\x3d\x03\x01\x07");
// 1.3.132.0.34
inline constexpr auto kOidP384 = OidBytes("\x2b\x81\x04\x00\x22");
// 1.3.132.0.35
inline constexpr auto kOidP521 = OidBytes("\x2b\x81\x04\x00\x23");

// Hash algorithms (in RSASSA-PSS parameters).
// 1.3.14.3.2.26
inline constexpr auto kOidSha1 = OidBytes("\x2b\x0e\x03\x02\x1a");
// 2.16.840.1.101.3.4.2.1
inline constexpr auto kOidSha256 = OidBytes("\x60\x86\x48\x01\x65\x03\x04\x02\x01");
// 2.16.840.1.101.3.4.2.2
inline constexpr auto kOidSha384 = OidBytes("\x60\x86\x48\x01\x65\x03\x04\x02\x02");
// 2.16.840.1.101.3.4.2.3
inline constexpr auto kOidSha512 = OidBytes("\x60\x86\x48\x01\x65\x03\x04\x02\x03");

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_OIDS_H_
