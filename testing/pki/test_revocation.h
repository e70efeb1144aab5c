// Test revocation data: CRLs (RFC 5280 section 5) minted at run time, like test_pki's certificates.
//
// Assembled by hand with CBB so that tests control every field, including broken ones; signed with
// test_pki's keys. Misuse aborts, as in test_pki.
//   testpki::CrlSpec spec = testpki::CrlSpecFor(chain.intermediate_ca(), now);
//   spec.entries.push_back({serial_of_leaf, now - absl::Hours(1), testpki::kReasonKeyCompromise});
//   std::string crl_der = testpki::IssueCrl(spec, chain.intermediate_key);
#ifndef CERTVAL_TESTING_PKI_TEST_REVOCATION_H_
#define CERTVAL_TESTING_PKI_TEST_REVOCATION_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/time/time.h"
#include "certval/testing/pki/test_pki.h"

namespace certval::testpki {

inline constexpr int kReasonUnspecified = 0;
inline constexpr int kReasonKeyCompromise = 1;
inline constexpr int kReasonCaCompromise = 2;
inline constexpr int kReasonCertificateHold = 6;
inline constexpr int kReasonRemoveFromCrl = 8;

struct CrlEntrySpec {
  std::string serial;  // INTEGER contents, verbatim (SerialOf() gives a certificate's)
  absl::Time revocation_date;
  std::optional<int> reason;                      // reasonCode, when set
  std::optional<std::string> certificate_issuer;  // a Name DER: certificateIssuer (indirect CRLs)
  std::vector<RawExtension> extra;                // more entry extensions
};

struct CrlSpec {
  std::string issuer_name;  // Name DER
  absl::Time this_update;
  std::optional<absl::Time> next_update;
  std::optional<std::string> crl_number =
      std::string("\x01", 1);  // INTEGER contents; unset: omitted
  bool crl_number_critical = false;
  std::optional<std::string> delta_base;  // deltaCRLIndicator's BaseCRLNumber contents
  std::optional<std::string> issuing_distribution_point;  // the extension's value DER
  std::vector<CrlEntrySpec> entries;
  std::vector<RawExtension> extra;  // more CRL extensions
  bool corrupt_signature = false;
};

// A CRL of `ca` valid from now - 1h to now + 7d, numbered 1, with no entries.
CrlSpec CrlSpecFor(const TestCa& ca, absl::Time now);

// The DER of the CRL, signed by `signer` (the algorithm follows the key, as for certificates).
std::string IssueCrl(const CrlSpec& spec, const Key& signer);

// The serialNumber INTEGER contents of a DER certificate.
std::string SerialOf(const std::string& certificate_der);

// An issuingDistributionPoint value: the flags only (no distribution point name).
std::string IdpValue(bool only_user_certs, bool only_ca_certs, bool indirect,
                     std::optional<uint16_t> only_some_reasons = std::nullopt);

// ---- OCSP responses (RFC 6960) ----

struct OcspSingleSpec {
  std::string cert;    // the certificate answered for (DER)
  std::string issuer;  // its issuer's certificate (DER), for the CertID hashes
  int status = 0;      // 0 good, 1 revoked, 2 unknown
  absl::Time revocation_time;
  std::optional<int> reason;
  absl::Time this_update;
  std::optional<absl::Time> next_update;
  bool sha256 = false;                   // CertID hashes with SHA-256 instead of SHA-1
  std::vector<RawExtension> extensions;  // singleExtensions
};

struct OcspSpec {
  int response_status = 0;     // not 0: no responseBytes
  std::string responder_name;  // Name DER for ResponderID byName; empty: byKey of `responder_spki`
  std::string responder_spki;  // SubjectPublicKeyInfo DER, for byKey
  absl::Time produced_at;
  std::vector<OcspSingleSpec> responses;
  std::vector<std::string> certs;  // certificates carried in the response (a delegated responder)
  std::vector<RawExtension> extensions;  // responseExtensions
  bool corrupt_signature = false;
};

// A good, issuer-signed response for `cert` (thisUpdate now - 1h, nextUpdate now + 4d).
OcspSpec OcspSpecFor(const std::string& cert, const TestCa& issuer, absl::Time now);

std::string IssueOcspResponse(const OcspSpec& spec, const Key& signer);

}  // namespace certval::testpki

#endif  // CERTVAL_TESTING_PKI_TEST_REVOCATION_H_
