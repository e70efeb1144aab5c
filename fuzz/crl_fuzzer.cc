// Fuzzes certval::Crl::Parse on the raw input (one DER CRL), with a small budget as the Validator
// would give it, then reads everything the parser exposes and looks every entry up again (ASan
// catches views past the buffer; the index must find what it holds).

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "certval/validator/crl.h"

namespace {

size_t Touch(absl::string_view v) {
  size_t h = v.size();
  for (char c : v) h = h * 31 + static_cast<unsigned char>(c);
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  int64_t budget = 1 << 16;
  auto crl = certval::Crl::Parse(std::string(reinterpret_cast<const char*>(data), size),
                                 [&budget](int64_t n) { return (budget -= n) >= 0; });
  if (!crl.ok()) {
    (void)crl.status().ToString();
    return 0;
  }
  const certval::Crl& c = **crl;
  volatile size_t h =
      Touch(c.tbs()) + Touch(c.signature()) + Touch(c.crl_number()) + Touch(c.issuer().der);
  if (c.delta_base()) h += Touch(*c.delta_base());
  if (c.authority_key_id()) h += Touch(*c.authority_key_id());
  if (const auto& idp = c.issuing_distribution_point()) {
    h += Touch(idp->der);
    if (idp->name) {
      for (const auto& n : idp->name->full_name) h += Touch(n.value);
      if (idp->name->relative_name) {
        h += Touch(certval::AppendRdn(c.issuer().der, *idp->name->relative_name));
      }
    }
  }
  for (const certval::CrlEntry& e : c.entries()) {
    h += Touch(e.serial);
    // Every entry of the CRL's own issuer must be found again by its serial.
    if (e.issuer_group == -1 && c.Find(e.serial, c.issuer()) == nullptr) std::abort();
  }
  (void)h;
  return 0;
}
