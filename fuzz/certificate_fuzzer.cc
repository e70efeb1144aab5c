// Fuzzes certval::Certificate::Parse on the raw input (one DER certificate), then walks what the
// parser exposes so that every view into the DER is read (ASan catches views past the buffer).

#include <cstddef>
#include <cstdint>
#include <string>

#include "certval/validator/certificate.h"
#include "certval/validator/oids.h"

namespace {

size_t Touch(absl::string_view v) {
  size_t h = v.size();
  for (char c : v) h = h * 31 + static_cast<unsigned char>(c);
  return h;
}

size_t TouchName(const certval::Name& name) {
  size_t h = Touch(name.der) + Touch(name.normalized);
  for (const auto& a : name.attributes) h += Touch(a.type) + Touch(a.value) + a.tag;
  name.VisitTexts(certval::kOidCommonName, [&h](absl::string_view s) { h += Touch(s); });
  name.VisitTexts(certval::kOidEmailAddress, [&h](absl::string_view s) { h += Touch(s); });
  return h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto cert = certval::Certificate::Parse(std::string(reinterpret_cast<const char*>(data), size));
  if (!cert.ok()) {
    (void)cert.status().ToString();
    return 0;
  }
  const certval::Certificate& c = **cert;
  volatile size_t h = 0;
  h += Touch(c.tbs()) + Touch(c.serial()) + Touch(c.signature()) +
       Touch(c.signature_algorithm_der());
  h += TouchName(c.issuer()) + TouchName(c.subject());
  h += Touch(c.public_key().spki) + Touch(c.public_key().algorithm) + Touch(c.public_key().key);
  for (const auto& ext : c.extensions()) h += Touch(ext.oid) + Touch(ext.value);
  if (c.subject_alt_names()) {
    const certval::GeneralNames& san = *c.subject_alt_names();
    for (auto v : san.dns_names) h += Touch(v);
    for (auto v : san.emails) h += Touch(v);
    for (auto v : san.uris) h += Touch(v);
    for (auto v : san.ip_addresses) h += Touch(v);
    for (auto v : san.directory_names) {
      certval::Name name;
      if (certval::ParseName(v, &name).ok()) h += TouchName(name);
    }
  }
  if (c.subject_key_id()) h += Touch(*c.subject_key_id());
  if (c.authority_key_id() && c.authority_key_id()->key_id)
    h += Touch(*c.authority_key_id()->key_id);
  h += c.self_issued();
  (void)h;
  return 0;
}
