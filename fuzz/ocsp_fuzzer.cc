// Fuzzes certval::OcspResponse::Parse on the raw input (one DER OCSPResponse), then reads what
// the parser exposes, and matches every single response against the certificates it carries.

#include <cstddef>
#include <cstdint>
#include <string>

#include "certval/validator/ocsp.h"

namespace {

size_t Touch(absl::string_view v) {
  size_t h = v.size();
  for (char c : v) h = h * 31 + static_cast<unsigned char>(c);
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto response =
      certval::OcspResponse::Parse(std::string(reinterpret_cast<const char*>(data), size));
  if (!response.ok()) {
    (void)response.status().ToString();
    return 0;
  }
  const certval::OcspResponse& r = **response;
  volatile size_t h = Touch(r.tbs()) + Touch(r.signature()) + r.response_status();
  if (r.responder_name()) h += Touch(*r.responder_name());
  if (r.responder_key_hash()) h += Touch(*r.responder_key_hash());
  for (const certval::OcspSingleResponse& s : r.responses()) {
    h += Touch(s.issuer_name_hash) + Touch(s.issuer_key_hash) + Touch(s.serial);
  }
  for (const auto& a : r.certs()) {
    for (const auto& b : r.certs()) h += r.Find(*a, *b) != nullptr;
  }
  (void)h;
  return 0;
}
