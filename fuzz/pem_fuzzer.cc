// Fuzzes certval::DecodePemCertificates on the raw input (PEM text).

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/pem.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Copy into an exactly-sized heap buffer so ASan sees reads past the end.
  std::string text(reinterpret_cast<const char*>(data), size);
  int skipped = 0;
  auto ders = certval::DecodePemCertificates(absl::string_view(text), &skipped);
  if (ders.ok()) {
    volatile size_t total = 0;
    for (const std::string& der : *ders) total += der.size();
    (void)total;
  } else {
    (void)ders.status().ToString();
  }
  // Also the variant without the `skipped` out-parameter.
  (void)certval::DecodePemCertificates(absl::string_view(text));
  return 0;
}
