#include "certval/validator/checks/builtin.h"

#include <algorithm>

#include "certval/validator/checks/basic_constraints_check.h"
#include "certval/validator/checks/certificate_policies_check.h"
#include "certval/validator/checks/certificate_profile_check.h"
#include "certval/validator/checks/critical_extensions_check.h"
#include "certval/validator/checks/ext_key_usage_check.h"
#include "certval/validator/checks/key_usage_check.h"
#include "certval/validator/checks/name_constraints_check.h"
#include "certval/validator/checks/peer_name_check.h"
#include "certval/validator/checks/public_key_check.h"
#include "certval/validator/checks/revocation_check.h"
#include "certval/validator/checks/signature_check.h"
#include "certval/validator/checks/trust_anchor_check.h"
#include "certval/validator/checks/validity_check.h"

namespace certval {

std::vector<std::shared_ptr<const Check>> BuiltinChecks() {
  // Cheap structural checks could run first, but the order is part of the API: findings come out
  // in this order, and the signature check leads because a forged path makes everything else moot.
  return {
      std::make_shared<SignatureCheck>(),
      std::make_shared<PublicKeyCheck>(),
      std::make_shared<ValidityCheck>(),
      std::make_shared<BasicConstraintsCheck>(),
      std::make_shared<KeyUsageCheck>(),
      std::make_shared<ExtKeyUsageCheck>(),
      std::make_shared<NameConstraintsCheck>(),
      std::make_shared<CertificatePoliciesCheck>(),
      std::make_shared<PeerNameCheck>(),
      std::make_shared<CriticalExtensionsCheck>(),
      std::make_shared<CertificateProfileCheck>(),
      // The anchor's root-program metadata and administrator limits (purposes, dates).
      std::make_shared<TrustAnchorCheck>(),
      // Last: the costliest (CRL signatures, signer paths), and moot on a path already refused.
      std::make_shared<RevocationCheck>(),
  };
}

const std::vector<absl::string_view>& BuiltinPolicyNames() {
  static const auto* const names = new std::vector<absl::string_view>{
      kCheckSignature,       kCheckPublicKey,
      kCheckValidity,        kCheckBasicConstraints,
      kCheckKeyUsage,        kCheckExtKeyUsage,
      kCheckNameConstraints, kCheckCertificatePolicies,
      kCheckPeerName,        kCheckCriticalExtensions,
      kCheckProfile,         kCheckRevocation,
      kCheckTrustAnchor,     kCheckHooks,
      kCheckPinning,
  };
  return *names;
}

bool IsReservedCheckName(absl::string_view name) {
  const auto& builtin = BuiltinPolicyNames();
  if (std::find(builtin.begin(), builtin.end(), name) != builtin.end()) return true;
  for (absl::string_view own :
       {kCheckLimits, kCheckParse, kCheckConfiguration, kCheckPolicy, kCheckTls, kCheckFetch,
        absl::string_view("path_building")}) {  // the old budget prefix
    if (own == name) return true;
  }
  return false;
}

}  // namespace certval
