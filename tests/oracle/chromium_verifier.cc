#include "tests/oracle/chromium_verifier.h"

#include <openssl/pool.h>
#include <openssl/x509.h>

#include <chrono>
#include <memory>
#include <set>
#include <string_view>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
// Chromium's verifier's internal headers: the public verify.h has no anchor constraints, policy
// inputs or per-error ids. They are declared as this target's sources (tests/oracle/BUILD).
#include "external/boringssl/pki/cert_errors.h"
#include "external/boringssl/pki/cert_issuer_source_static.h"
#include "external/boringssl/pki/certificate_policies.h"
#include "external/boringssl/pki/encode_values.h"
#include "external/boringssl/pki/input.h"
#include "external/boringssl/pki/parse_certificate.h"
#include "external/boringssl/pki/parsed_certificate.h"
#include "external/boringssl/pki/path_builder.h"
#include "external/boringssl/pki/simple_path_builder_delegate.h"
#include "external/boringssl/pki/trust_store.h"
#include "external/boringssl/pki/trust_store_in_memory.h"
#include "external/boringssl/pki/verify_certificate_chain.h"

namespace certval {
namespace oracle {
namespace {

// Chromium's defaults where certval's request has no counterpart: RSA keys of 1024 bits and more
// (certval's rfc5280 minimum; its webpki minimum, 2048, is a known difference), SHA-256 and
// stronger digests. The iteration limit and deadline only bound hostile inputs (limbo's
// pathological:: cases): Chromium's own default of 20 iterations would reject honest cases.
constexpr size_t kMinRsaBits = 1024;
constexpr uint32_t kIterationLimit = 4096;
constexpr auto kDeadline = std::chrono::seconds(5);

class Delegate : public bssl::SimplePathBuilderDelegate {
 public:
  Delegate()
      : SimplePathBuilderDelegate(kMinRsaBits, DigestPolicy::kStrong),
        deadline_(std::chrono::steady_clock::now() + kDeadline) {}
  bool IsDeadlineExpired() override { return std::chrono::steady_clock::now() > deadline_; }

 private:
  std::chrono::steady_clock::time_point deadline_;
};

std::shared_ptr<const bssl::ParsedCertificate> Parse(const std::string& der, std::string* why) {
  bssl::ParseCertificateOptions options;
  options.allow_invalid_serial_numbers = true;  // what bssl::CertificateVerify passes
  bssl::UniquePtr<CRYPTO_BUFFER> buffer(
      CRYPTO_BUFFER_new(reinterpret_cast<const uint8_t*>(der.data()), der.size(), nullptr));
  bssl::CertErrors errors;
  auto cert = bssl::ParsedCertificate::Create(std::move(buffer), options, &errors);
  if (!cert && why != nullptr) *why = errors.ToDebugString();
  return cert;
}

// Not Result::GetBestPathVerifyError(): it formats every certificate's subject for its diagnostic,
// and Chromium's RFC 2253 formatting asserts (NOTREACHED, live without NDEBUG) on a name attribute
// of an unexpected string type, which the differential fuzzer reaches within a minute. The
// status is "PATH_NOT_FOUND" when no path reached an anchor, else the path's first error.
std::string StatusFor(const bssl::CertPathBuilder::Result& result,
                      const bssl::CertPathBuilderResultPath* best) {
  if (best == nullptr || best->certs.empty()) return "PATH_NOT_FOUND";
  if (best->GetTrustedCert() == nullptr) return "PATH_NOT_FOUND";
  if (result.exceeded_deadline || result.exceeded_iteration_limit) return "SEARCH_LIMIT";
  return "CHAIN_INVALID";
}

// The high-severity error ids of one CertErrors, from its debug text ("ERROR: <id>" lines; the
// indented lines under them are parameters).
void CollectErrors(const bssl::CertErrors& errors, const std::string& where,
                   std::vector<std::string>* ids, std::vector<std::string>* lines) {
  for (absl::string_view line : absl::StrSplit(errors.ToDebugString(), '\n')) {
    if (absl::ConsumePrefix(&line, "ERROR: ")) {
      ids->emplace_back(line);
      lines->push_back(absl::StrCat(line, " [", where, "]"));
    }
  }
}

bssl::KeyPurpose KeyPurposeFor(Purpose purpose) {
  switch (purpose) {
    case Purpose::kServerAuth:
      return bssl::KeyPurpose::SERVER_AUTH;
    case Purpose::kClientAuth:
      return bssl::KeyPurpose::CLIENT_AUTH;
    case Purpose::kAny:
      return bssl::KeyPurpose::ANY_EKU;
  }
  return bssl::KeyPurpose::SERVER_AUTH;
}

// libcrypto's name matching on the leaf; false if it cannot parse the leaf.
bool NameMatches(const std::string& leaf_der, const PeerName& name, bool cn_fallback) {
  if (name.kind == PeerName::Kind::kAny) return true;
  if (name.kind == PeerName::Kind::kNone) return false;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(leaf_der.data());
  bssl::UniquePtr<X509> x509(d2i_X509(nullptr, &p, static_cast<long>(leaf_der.size())));
  if (!x509) return false;
  const unsigned flags = cn_fallback ? 0 : X509_CHECK_FLAG_NEVER_CHECK_SUBJECT;
  switch (name.kind) {
    case PeerName::Kind::kDns:
      return X509_check_host(x509.get(), name.value.data(), name.value.size(), flags, nullptr) == 1;
    case PeerName::Kind::kIp:
      return X509_check_ip_asc(x509.get(), name.value.c_str(), flags) == 1;
    case PeerName::Kind::kEmail:
      return X509_check_email(x509.get(), name.value.data(), name.value.size(), flags) == 1;
    default:
      return false;
  }
}

}  // namespace

bool ChromiumVerdict::HasError(const std::string& id) const {
  for (const std::string& e : errors) {
    if (e == id) return true;
  }
  return false;
}

ChromiumVerdict RunChromium(const ChromiumInput& input) {
  ChromiumVerdict out;
  std::string why;
  auto leaf = Parse(input.leaf, &why);
  if (!leaf) {
    out.status = "CERTIFICATE_INVALID";
    out.errors.push_back("leaf unparseable");
    out.error = absl::StrCat("CERTIFICATE_INVALID: the leaf does not parse: ", why);
    return out;
  }
  bssl::TrustStoreInMemory store;
  const bssl::CertificateTrust anchor_trust = bssl::CertificateTrust::ForTrustAnchor()
                                                  .WithEnforceAnchorExpiry()
                                                  .WithEnforceAnchorConstraints()
                                                  .WithRequireAnchorBasicConstraints();
  for (const std::string& der : input.anchors) {
    std::string diagnostic;
    if (auto anchor = Parse(der, &diagnostic)) {
      store.AddCertificate(std::move(anchor), anchor_trust);
    } else {
      out.unparseable_anchors.push_back(diagnostic);
    }
  }
  bssl::CertIssuerSourceStatic intermediates;
  for (const std::string& der : input.intermediates) {
    if (auto cert = Parse(der, nullptr)) intermediates.AddCert(std::move(cert));
  }

  bssl::der::GeneralizedTime time;
  if (!bssl::der::EncodePosixTimeAsGeneralizedTime(absl::ToUnixSeconds(input.time), &time)) {
    out.status = "VERIFICATION_FAILURE";
    out.error = "the validation time cannot be encoded";
    return out;
  }
  std::set<bssl::der::Input> policies;
  for (const std::string& oid : input.policy.user_initial_policy_set) {
    policies.insert(bssl::der::Input(std::string_view(oid)));
  }
  if (policies.empty()) policies.insert(bssl::der::Input(bssl::kAnyPolicyOid));

  Delegate delegate;
  bssl::CertPathBuilder builder(
      leaf, &store, &delegate, time, KeyPurposeFor(input.purpose),
      input.policy.initial_explicit_policy ? bssl::InitialExplicitPolicy::kTrue
                                           : bssl::InitialExplicitPolicy::kFalse,
      policies,
      input.policy.initial_policy_mapping_inhibit ? bssl::InitialPolicyMappingInhibit::kTrue
                                                  : bssl::InitialPolicyMappingInhibit::kFalse,
      input.policy.initial_any_policy_inhibit ? bssl::InitialAnyPolicyInhibit::kTrue
                                              : bssl::InitialAnyPolicyInhibit::kFalse);
  builder.AddCertIssuerSource(&intermediates);
  builder.SetIterationLimit(kIterationLimit);
  // certval's bound is on intermediates; Chromium's on the certificates of the path, leaf and
  // anchor included.
  if (input.max_intermediates)
    builder.SetDepthLimit(static_cast<uint32_t>(*input.max_intermediates) + 2);
  bssl::CertPathBuilder::Result result = builder.Run();

  out.path_valid = result.HasValidPath();
  const bssl::CertPathBuilderResultPath* best = result.GetBestPathPossiblyInvalid();
  std::vector<std::string> lines;
  if (best != nullptr) {
    out.path_length = best->certs.size();
    for (size_t i = 0; i < best->certs.size(); ++i) {
      if (const bssl::CertErrors* e = best->errors.GetErrorsForCert(i)) {
        CollectErrors(*e, absl::StrCat("cert ", i), &out.errors, &lines);
      }
    }
    CollectErrors(*best->errors.GetOtherErrors(), "path", &out.errors, &lines);
  }
  if (result.exceeded_iteration_limit) lines.push_back("iteration limit exceeded");
  if (result.exceeded_deadline) lines.push_back("deadline exceeded");
  for (const std::string& why : out.unparseable_anchors) {
    lines.push_back(
        absl::StrCat("an anchor does not parse: ",
                     absl::StrJoin(absl::StrSplit(why, '\n', absl::SkipEmpty()), " / ")));
  }

  if (out.path_valid) {
    out.name_matched = NameMatches(input.leaf, input.peer_name, input.allow_common_name_fallback);
    out.accepted = out.name_matched;
    if (!out.accepted) {
      out.status = "NAME_MISMATCH";
      out.errors.push_back("name mismatch");
      lines.push_back("the leaf does not match the peer name (X509_check_*)");
    }
  } else {
    out.status = StatusFor(result, best);
  }
  if (!out.accepted) out.error = absl::StrCat(out.status, ": ", absl::StrJoin(lines, "; "));
  return out;
}

ChromiumInput InputFromRequest(const ValidationRequest& request,
                               const std::vector<std::string>& anchors, absl::Time now) {
  ChromiumInput in;
  in.leaf = request.parsed_leaf ? std::string(request.parsed_leaf->der()) : request.leaf;
  if (request.parsed_leaf) {
    for (const CertificatePtr& c : request.parsed_intermediates)
      in.intermediates.emplace_back(c->der());
  } else {
    in.intermediates = request.intermediates;
  }
  in.anchors = anchors;
  in.time = request.time.value_or(now);
  in.peer_name = request.peer_name;
  in.purpose = request.purpose;
  in.allow_common_name_fallback = request.allow_common_name_fallback;
  in.policy = request.policy;
  in.max_intermediates = request.max_depth;
  return in;
}

}  // namespace oracle
}  // namespace certval
