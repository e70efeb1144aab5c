// Inline DER readers for the certificate and name parsers' hot path.
//
// BoringSSL's CBS_get_asn1() and friends are calls into a shared library that the compiler cannot
// inline; a certificate parse makes about a hundred of them. These readers apply the same strict
// DER rules (definite lengths of at most four octets, minimally encoded) to the same CBS struct,
// for the low-number tags (< 31) a certificate uses. An element with a high-number tag never
// matches an expected tag here, exactly as it never matches one in BoringSSL. Error paths still
// describe faults with BoringSSL (DescribeDerFault), so diagnostics stay as they were.
#ifndef CERTVAL_VALIDATOR_DER_H_
#define CERTVAL_VALIDATOR_DER_H_

#include <openssl/bytestring.h>

#include <cstddef>
#include <cstdint>

namespace certval::der {

// The identifier octet of a CBS_ASN1_* tag with a low tag number.
constexpr uint8_t IdentifierOctet(unsigned cbs_tag) {
  return static_cast<uint8_t>(((cbs_tag >> CBS_ASN1_TAG_SHIFT) & 0xe0) | (cbs_tag & 0x1f));
}

// Splits the element at the start of `in` into its header and total lengths, if `in` starts with a
// complete DER element whose identifier octet is `identifier`.
inline bool ParseHeader(const CBS& in, uint8_t identifier, size_t* header, size_t* total) {
  if (in.len < 2 || in.data[0] != identifier) return false;
  const uint8_t first = in.data[1];
  size_t length;
  if ((first & 0x80) == 0) {
    *header = 2;
    length = first;
  } else {
    const size_t octets = first & 0x7f;
    // 0 is BER's indefinite length; more than 4 octets would mean an element over 4 GiB.
    if (octets == 0 || octets > 4 || in.len < 2 + octets) return false;
    length = 0;
    for (size_t i = 0; i < octets; ++i) length = (length << 8) | in.data[2 + i];
    // Minimal: the long form only from 128 on, and no leading zero octet.
    if (length < 128 || (length >> ((octets - 1) * 8)) == 0) return false;
    *header = 2 + octets;
  }
  if (in.len - *header < length) return false;
  *total = *header + length;
  return true;
}

// CBS_get_asn1: reads an element with `tag` from `in` into `contents` (without its header).
inline bool Get(CBS* in, CBS* contents, unsigned tag) {
  size_t header, total;
  if (!ParseHeader(*in, IdentifierOctet(tag), &header, &total)) return false;
  contents->data = in->data + header;
  contents->len = total - header;
  in->data += total;
  in->len -= total;
  return true;
}

// CBS_get_asn1_element: the same, keeping the header in `element`.
inline bool GetElement(CBS* in, CBS* element, unsigned tag) {
  size_t header, total;
  if (!ParseHeader(*in, IdentifierOctet(tag), &header, &total)) return false;
  element->data = in->data;
  element->len = total;
  in->data += total;
  in->len -= total;
  return true;
}

// CBS_get_any_asn1_element: reads the next element, whatever its tag, into `element`, with its
// CBS_ASN1_* tag and header length. High-number tags, and [UNIVERSAL 0] (which BoringSSL rejects
// as reserved), go to BoringSSL.
inline bool GetAnyElement(CBS* in, CBS* element, unsigned* tag, size_t* header) {
  if (in->len == 0 || (in->data[0] & 0x1f) == 0x1f || (in->data[0] & 0xdf) == 0) {
    return CBS_get_any_asn1_element(in, element, tag, header);
  }
  const uint8_t identifier = in->data[0];
  size_t total;
  if (!ParseHeader(*in, identifier, header, &total)) return false;
  *tag = (static_cast<unsigned>(identifier & 0xe0) << CBS_ASN1_TAG_SHIFT) | (identifier & 0x1f);
  element->data = in->data;
  element->len = total;
  in->data += total;
  in->len -= total;
  return true;
}

// CBS_peek_asn1_tag: whether the next element (well formed or not) has `tag`.
inline bool Peek(const CBS& in, unsigned tag) {
  return in.len > 0 && in.data[0] == IdentifierOctet(tag);
}

}  // namespace certval::der

#endif  // CERTVAL_VALIDATOR_DER_H_
