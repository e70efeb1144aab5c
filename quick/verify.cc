#include "certval/quick/verify.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "certval/trust/trust_store.h"
#include "certval/validator/certificate.h"
#include "certval/validator/ip_address.h"
#include "certval/validator/pem.h"

namespace certval {

absl::StatusOr<ValidationResult> VerifyPemChain(absl::string_view pem_chain, absl::string_view host,
                                                const VerifyPemOptions& options) {
  if (host.empty()) {
    return absl::InvalidArgumentError(
        "VerifyPemChain: no host name given (to accept any name, build a Validator and set "
        "request.peer_name = PeerName::Any())");
  }
  absl::StatusOr<std::vector<std::string>> ders = DecodePemCertificates(pem_chain);
  if (!ders.ok()) return ders.status();
  if (ders->empty()) {
    return absl::InvalidArgumentError("VerifyPemChain: the PEM text holds no CERTIFICATE block");
  }
  absl::StatusOr<std::shared_ptr<TrustStore>> roots = SystemTrustStore(options.system_store);
  if (!roots.ok()) return roots.status();
  absl::StatusOr<Validator> validator = Validator::Create(*std::move(roots), options.validator);
  if (!validator.ok()) return validator.status();

  ValidationRequest request = options.request;
  request.leaf = std::move((*ders)[0]);
  request.intermediates.assign(std::make_move_iterator(ders->begin() + 1),
                               std::make_move_iterator(ders->end()));
  request.peer_name =
      IsIpAddressText(host) ? PeerName::Ip(std::string(host)) : PeerName::Dns(std::string(host));
  return validator->Validate(request);
}

}  // namespace certval
