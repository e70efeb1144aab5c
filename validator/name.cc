// Distinguished names: parsing, and the RFC 5280 7.1 normal form the checks compare.
//
// Each RDN normalizes to: u32 attribute count, then per attribute (sorted by their encodings, so
// the order inside a multi-valued RDN does not matter): length-prefixed type OID, a kind byte ('s'
// for a normalized string, 'r' for a raw TLV), length-prefixed value. Every piece is
// self-delimiting, so the concatenation of the RDNs still tells "{CN=a, O=b}" apart from "{CN=a},
// {O=b}".
#include <openssl/bytestring.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "certval/validator/certificate.h"
#include "certval/validator/der.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

Der View(const CBS& cbs) { return Der(reinterpret_cast<const char*>(cbs.data), cbs.len); }

CBS ToCbs(Der der) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return cbs;
}

bool IsScalarValue(uint32_t cp) { return cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff); }

void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out->push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

// The length of the UTF-8 sequence that `lead` starts, or 0 if it cannot start one.
size_t SequenceLength(uint8_t lead) {
  if (lead < 0x80) return 1;
  if ((lead & 0xe0) == 0xc0) return 2;
  if ((lead & 0xf0) == 0xe0) return 3;
  if ((lead & 0xf8) == 0xf0) return 4;
  return 0;
}

// Rejects overlong forms, surrogates and code points above U+10FFFF.
bool IsValidUtf8(absl::string_view s) {
  static constexpr uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};  // by sequence length
  size_t i = 0;
  while (i < s.size() && static_cast<uint8_t>(s[i]) < 0x80) ++i;  // the usual all-ASCII value
  while (i < s.size()) {
    const uint8_t lead = static_cast<uint8_t>(s[i]);
    const size_t len = SequenceLength(lead);
    if (len == 0 || s.size() - i < len) return false;
    uint32_t cp = len == 1 ? lead : lead & (0x7f >> len);
    for (size_t k = 1; k < len; ++k) {
      const uint8_t next = static_cast<uint8_t>(s[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < kMinimum[len] || !IsScalarValue(cp)) return false;
    i += len;
  }
  return true;
}

// BMPString (width 2) and UniversalString (width 4) are big-endian UCS-2 / UCS-4.
const char* DecodeUcs(absl::string_view s, size_t width, std::string* out) {
  if (s.size() % width != 0)
    return width == 2 ? "BMPString has an odd length"
                      : "UniversalString length is not a multiple of 4";
  for (size_t i = 0; i < s.size(); i += width) {
    uint32_t cp = 0;
    for (size_t k = 0; k < width; ++k) cp = (cp << 8) | static_cast<uint8_t>(s[i + k]);
    if (!IsScalarValue(cp)) return "string contains an invalid code point";
    AppendUtf8(cp, out);
  }
  return nullptr;
}

constexpr char kNonAsciiError[] =
    "an ASCII string type (PrintableString, IA5String, VisibleString, "
    "NumericString) contains a non-ASCII byte";

bool IsAscii(absl::string_view s) {
  for (char c : s) {
    if (static_cast<uint8_t>(c) >= 0x80) return false;
  }
  return true;
}

const char* DecodeAscii(absl::string_view s, std::string* out) {
  if (!IsAscii(s)) return kNonAsciiError;
  out->assign(s.data(), s.size());
  return nullptr;
}

// X.680 41.4's PrintableString characters, and '*', which deployed certificates use and Chromium's
// verifier also accepts. A control byte or a NUL in a PrintableString makes the Name malformed.
bool IsPrintableStringChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ' ||
         c == '\'' || c == '(' || c == ')' || c == '+' || c == ',' || c == '-' || c == '.' ||
         c == '/' || c == ':' || c == '=' || c == '?' || c == '*';
}

bool IsAsciiStringType(uint8_t tag) {
  return tag == CBS_ASN1_PRINTABLESTRING || tag == CBS_ASN1_IA5STRING ||
         tag == CBS_ASN1_VISIBLESTRING || tag == CBS_ASN1_NUMERICSTRING;
}

// Every string type a name may hold is compared as text: a CA that excluded O=Evil as a
// UTF8String must also exclude O=Evil spelled as a VisibleString.
bool IsStringType(uint8_t tag) {
  switch (tag) {
    case CBS_ASN1_PRINTABLESTRING:
    case CBS_ASN1_IA5STRING:
    case CBS_ASN1_VISIBLESTRING:
    case CBS_ASN1_NUMERICSTRING:
    case CBS_ASN1_UTF8STRING:
    case CBS_ASN1_T61STRING:
    case CBS_ASN1_BMPSTRING:
    case CBS_ASN1_UNIVERSALSTRING:
      return true;
    default:
      return false;
  }
}

// Converts the contents of a string-type value to UTF-8; returns why it cannot, or nullptr.
const char* DecodeString(uint8_t tag, absl::string_view contents, std::string* out) {
  switch (tag) {
    case CBS_ASN1_PRINTABLESTRING:
    case CBS_ASN1_IA5STRING:
    case CBS_ASN1_VISIBLESTRING:
    case CBS_ASN1_NUMERICSTRING:
      return DecodeAscii(contents, out);
    case CBS_ASN1_UTF8STRING:
      if (!IsValidUtf8(contents)) return "UTF8String is not valid UTF-8";
      out->assign(contents.data(), contents.size());
      return nullptr;
    case CBS_ASN1_T61STRING:  // Real-world TeletexStrings are Latin-1.
      for (char c : contents) AppendUtf8(static_cast<uint8_t>(c), out);
      return nullptr;
    case CBS_ASN1_BMPSTRING:
      return DecodeUcs(contents, 2, out);
    case CBS_ASN1_UNIVERSALSTRING:
      return DecodeUcs(contents, 4, out);
    default:
      return "not a string type";
  }
}

// Attributes whose syntax is a string (X.520 DirectoryString, PrintableString or IA5String;
// RFC 4519 DC and UID; PKCS #9 emailAddress). Any other encoding of one is malformed, and would
// escape every comparison of names as text, so the name is refused.
bool MustBeString(Der type) {
  static constexpr uint8_t kX520[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 42, 43, 44, 46, 65};
  if (type.size() == 3 && type[0] == 0x55 && type[1] == 0x04) {
    return std::find(std::begin(kX520), std::end(kX520), static_cast<uint8_t>(type[2])) !=
           std::end(kX520);
  }
  return type == Der(kOidEmailAddress) || type == Der(kOidDomainComponent) ||
         type == Der(kOidUserId);
}

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

void StoreU32(size_t n, char* at) {
  for (int i = 0; i < 4; ++i) at[i] = static_cast<char>((n >> (24 - 8 * i)) & 0xff);
}

void AppendU32(size_t n, std::string* out) {
  char bytes[4];
  StoreU32(n, bytes);
  out->append(bytes, 4);
}

void AppendLengthPrefixed(absl::string_view bytes, std::string* out) {
  AppendU32(bytes.size(), out);
  out->append(bytes.data(), bytes.size());
}

// Appends `utf8` lowercased (ASCII), trimmed, with each run of white space folded to one space,
// length-prefixed. Written in place: the folded text is never longer than `utf8`.
void AppendNormalized(absl::string_view utf8, std::string* out) {
  const size_t length_at = out->size();
  out->resize(length_at + 4 + utf8.size());
  char* const start = &(*out)[length_at + 4];
  char* end = start;
  bool pending_space = false;
  for (char c : utf8) {
    if (IsSpace(c)) {
      pending_space = end != start;
      continue;
    }
    if (pending_space) *end++ = ' ';
    pending_space = false;
    *end++ = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const size_t length = static_cast<size_t>(end - start);
  StoreU32(length, &(*out)[length_at]);
  out->resize(length_at + 4 + length);
}

class NameParser {
 public:
  NameParser(Name* out, absl::string_view path, Der enclosing)
      : out_(out), path_(path), enclosing_(enclosing) {}

  absl::Status Parse(Der der) {
    *out_ = Name();
    out_->der = der;
    CBS input = ToCbs(der), rdns;
    if (!der::Get(&input, &rdns, CBS_ASN1_SEQUENCE)) {
      return Fail(der, DescribeDerFault(der, CBS_ASN1_SEQUENCE));
    }
    if (input.len != 0) return Fail(input.data, "trailing data after the Name");
    // The normal form is a little longer than the DER; one allocation covers the usual name.
    out_->normalized.reserve(der.size() + der.size() / 2);
    while (rdns.len > 0) {
      const Der rest = View(rdns);
      CBS set;
      if (!der::Get(&rdns, &set, CBS_ASN1_SET))
        return Fail(rest, DescribeDerFault(rest, CBS_ASN1_SET));
      if (set.len == 0) return Fail(rest, "empty RDN SET");
      if (absl::Status status = ParseRdn(set, &out_->normalized); !status.ok()) return status;
      ++out_->rdn_count;
    }
    return absl::OkStatus();
  }

 private:
  absl::Status Fail(const uint8_t* at, absl::string_view what) const {
    return DerError(path_, reinterpret_cast<const char*>(at) - enclosing_.data(), what);
  }
  absl::Status Fail(Der at, absl::string_view what) const {
    return Fail(reinterpret_cast<const uint8_t*>(at.data()), what);
  }

  // Appends the RDN in `set` to `normalized`.
  absl::Status ParseRdn(CBS set, std::string* normalized) {
    // The usual single-valued RDN is encoded in place: nothing to sort, no temporaries.
    const size_t start = normalized->size();
    AppendU32(1, normalized);
    if (absl::Status status = ParseAttribute(&set, normalized); !status.ok()) return status;
    if (set.len == 0) return absl::OkStatus();
    std::vector<std::string> attributes;
    attributes.push_back(normalized->substr(start + 4));
    normalized->resize(start);
    while (set.len > 0) {
      attributes.emplace_back();
      if (absl::Status status = ParseAttribute(&set, &attributes.back()); !status.ok())
        return status;
    }
    std::sort(attributes.begin(), attributes.end());
    AppendU32(attributes.size(), normalized);
    for (const std::string& attribute : attributes) normalized->append(attribute);
    return absl::OkStatus();
  }

  // Reads one AttributeTypeAndValue from `set` and appends its normal form to `encoded`.
  absl::Status ParseAttribute(CBS* set, std::string* encoded) {
    CBS atv, type, value;
    unsigned tag;
    size_t header;
    // A failed CBS_get_* may have consumed input, so faults are described from saved views.
    const Der rest = View(*set);
    if (!der::Get(set, &atv, CBS_ASN1_SEQUENCE))
      return Fail(rest, DescribeDerFault(rest, CBS_ASN1_SEQUENCE));
    const Der type_rest = View(atv);
    if (!der::Get(&atv, &type, CBS_ASN1_OBJECT)) {
      return Fail(type_rest,
                  absl::StrCat("attribute type: ", DescribeDerFault(type_rest, CBS_ASN1_OBJECT)));
    }
    if (type.len == 0) return Fail(type_rest, "empty attribute type OID");
    const Der value_rest = View(atv);
    if (!der::GetAnyElement(&atv, &value, &tag, &header)) {
      return Fail(value_rest, absl::StrCat("attribute value: ", DescribeDerFault(value_rest, 0)));
    }
    if (atv.len != 0) return Fail(atv.data, "trailing data in AttributeTypeAndValue");

    const Der value_tlv = View(value);
    const uint8_t tag_byte = static_cast<uint8_t>(value_tlv[0]);
    const Der contents = value_tlv.substr(header);
    out_->attributes.push_back(NameAttribute{View(type), tag_byte, contents});
    AppendLengthPrefixed(View(type), encoded);
    if (!IsStringType(tag_byte) && MustBeString(View(type))) {
      return Fail(value_tlv, "attribute value of a string attribute is not a string type");
    }
    if (!IsStringType(tag_byte)) {
      encoded->push_back('r');
      AppendLengthPrefixed(value_tlv, encoded);
      return absl::OkStatus();
    }
    std::string converted;
    absl::string_view text;
    if (absl::Status status = StringText(tag_byte, value_tlv, contents, &converted, &text);
        !status.ok()) {
      return status;
    }
    encoded->push_back('s');
    AppendNormalized(text, encoded);
    return absl::OkStatus();
  }

  // The text of a string value: ASCII and UTF-8 contents are already the text once validated;
  // other types are converted into `converted`.
  absl::Status StringText(uint8_t tag_byte, Der value_tlv, Der contents, std::string* converted,
                          absl::string_view* text) {
    *text = contents;
    if (tag_byte == CBS_ASN1_UTF8STRING) {
      if (!IsValidUtf8(contents)) return Fail(value_tlv, "UTF8String is not valid UTF-8");
    } else if (IsAsciiStringType(tag_byte)) {
      if (!IsAscii(contents)) return Fail(value_tlv, kNonAsciiError);
      if (tag_byte == CBS_ASN1_PRINTABLESTRING) {
        for (size_t i = 0; i < contents.size(); ++i) {
          if (!IsPrintableStringChar(contents[i])) {
            return Fail(value_tlv,
                        absl::StrCat("PrintableString holds byte 0x",
                                     absl::Hex(static_cast<uint8_t>(contents[i]), absl::kZeroPad2),
                                     " at index ", i, ", outside its character set (X.680 41.4)"));
          }
        }
      }
    } else {
      if (const char* error = DecodeString(tag_byte, contents, converted))
        return Fail(value_tlv, error);
      *text = *converted;
    }
    return absl::OkStatus();
  }

  Name* out_;
  absl::string_view path_;
  Der enclosing_;
};

}  // namespace

absl::Status ParseName(Der der, Name* out, absl::string_view path, Der enclosing) {
  return NameParser(out, path, enclosing).Parse(der);
}

absl::Status ParseName(Der der, Name* out) { return ParseName(der, out, "Name", der); }

void Name::VisitTexts(Der type, absl::FunctionRef<void(absl::string_view)> visit) const {
  for (const NameAttribute& attribute : attributes) {
    const uint8_t tag = static_cast<uint8_t>(attribute.tag);
    if (attribute.type != type || !IsStringType(tag)) continue;
    // ASCII and UTF-8 are their own text (validated when parsed); the rest are converted here.
    if (tag == CBS_ASN1_UTF8STRING || IsAsciiStringType(tag)) {
      visit(attribute.value);
      continue;
    }
    std::string converted;
    if (DecodeString(tag, attribute.value, &converted) == nullptr) visit(converted);
  }
}

std::optional<std::string> DecodeStringValue(int tag, Der contents) {
  std::string out;
  if (tag < 0 || tag > 0xff || !IsStringType(static_cast<uint8_t>(tag)) ||
      DecodeString(static_cast<uint8_t>(tag), contents, &out) != nullptr) {
    return std::nullopt;
  }
  return out;
}

std::vector<std::string> Name::Texts(Der type) const {
  std::vector<std::string> texts;
  VisitTexts(type, [&texts](absl::string_view text) { texts.emplace_back(text); });
  return texts;
}

}  // namespace certval
