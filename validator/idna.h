// Internationalized host names (IDNA 2008, RFC 5890-5893) to the ASCII form certificates carry.
//
// Certificates hold DNS names as A-labels ("xn--bcher-kva.example", RFC 5280 7.2), so a host name
// a person typed ("bücher.example") must be converted before it is compared with them.
#ifndef CERTVAL_VALIDATOR_IDNA_H_
#define CERTVAL_VALIDATOR_IDNA_H_

#include <string>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval {

// ASCII input is returned lower-cased and otherwise unchanged (it is not validated: the name
// matcher judges it). Other input must be UTF-8; its U-labels become A-labels with libidn2, and the
// result is lower-case ASCII. Conversion follows IDNA 2008 with UTS #46 non-transitional mapping:
//   - non-transitional: deviation characters keep their IDNA 2008 meaning ("straße.de" is
//     xn--strae-oqa.de, not strasse.de, which is another domain);
//   - UTS #46 mapping (case folding, full-width forms, NFC): what browsers do with typed names
//     (RFC 5891 5.2 lets the lookup side map), so "Bücher.Example" works;
//   - no STD3 rules: libidn2 would silently delete disallowed ASCII ("a_b" -> "ab") and so check
//     another name than the one asked for.
// Errors (InvalidArgument): invalid UTF-8, characters IDNA 2008 disallows, a malformed A-label, a
// label or name too long, an empty label; the message is libidn2's diagnosis and may quote no
// input.
ABSL_MUST_USE_RESULT
absl::StatusOr<std::string> ToAsciiHostName(absl::string_view host);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_IDNA_H_
