// Distinguished names (RFC 5280 4.1.2.4): parsed, normalized for comparison (7.1), and their
// attributes' texts. Part of //validator:certificate.
#ifndef CERTVAL_VALIDATOR_NAME_H_
#define CERTVAL_VALIDATOR_NAME_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/container/inlined_vector.h"
#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace certval {

// A view of DER bytes inside a Certificate's buffer. absl::string_view (not std::string_view)
// because Debian's Abseil keeps its own string_view type, and Abseil's APIs take that one.
using Der = absl::string_view;

// One attribute of a distinguished name.
struct NameAttribute {
  Der type;   // the attribute type OID contents
  int tag;    // the value's ASN.1 tag (e.g. 0x0c UTF8String, 0x13 PrintableString)
  Der value;  // the value's contents
};

// A distinguished name with the forms the checks compare.
struct Name {
  Der der;  // the whole Name TLV
  // The RDNs normalized for comparison (RFC 5280 7.1: case-insensitive, white space folded, string
  // types unified, attributes of a multi-valued RDN in a canonical order), concatenated. Equal
  // names have equal strings; and since each RDN's form is self-delimiting, a name's first RDNs are
  // a subtree's exactly when the subtree's string is a prefix of the name's.
  std::string normalized;
  size_t rdn_count = 0;
  absl::InlinedVector<NameAttribute, 4> attributes;  // in order of appearance
  bool empty() const { return rdn_count == 0; }

  // Calls `visit` with the UTF-8 text of each string-valued attribute of `type` (an OID's contents,
  // e.g. kOidCommonName), in order. ASCII and UTF-8 values are views of the DER; no allocation.
  void VisitTexts(Der type, absl::FunctionRef<void(absl::string_view)> visit) const;
  std::vector<std::string> Texts(Der type) const;  // the same texts, copied
};

// The UTF-8 text of an ASN.1 string value with tag `tag` (UTF8String, PrintableString, IA5String,
// VisibleString, NumericString, TeletexString read as Latin-1, BMPString, UniversalString), or
// nullopt for another tag or contents that do not decode. What Name comparisons and texts use.
std::optional<std::string> DecodeStringValue(int tag, Der contents);

// Parses a Name TLV (e.g. a directoryName) into `out`. Views in `out` point into `der`.
ABSL_MUST_USE_RESULT
absl::Status ParseName(Der der, Name* out);
// ParseName for a Name inside a larger DER buffer `enclosing` (e.g. a certificate's): errors name
// `path` and the offset of the fault within `enclosing`, which must contain `der`.
ABSL_MUST_USE_RESULT
absl::Status ParseName(Der der, Name* out, absl::string_view path, Der enclosing);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_NAME_H_
