// Crl::Parse: a strict, one-pass RFC 5280 section 5 parser over BoringSSL's CBS.
#include "certval/validator/crl.h"

#include <openssl/bytestring.h>
#include <openssl/mem.h>

#include <algorithm>
#include <limits>
#include <map>
#include <utility>

#include "absl/strings/str_cat.h"
#include "certval/validator/der.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

constexpr unsigned kContext = CBS_ASN1_CONTEXT_SPECIFIC;
constexpr unsigned kConstructed = CBS_ASN1_CONSTRUCTED;

// CRL and CRL entry extensions (RFC 5280 5.2, 5.3).
constexpr auto kOidCrlNumber = OidBytes("\x55\x1d\x14");                 // 2.5.29.20
constexpr auto kOidReasonCode = OidBytes("\x55\x1d\x15");                // 2.5.29.21
constexpr auto kOidHoldInstructionCode = OidBytes("\x55\x1d\x17");       // 2.5.29.23
constexpr auto kOidInvalidityDate = OidBytes("\x55\x1d\x18");            // 2.5.29.24
constexpr auto kOidDeltaCrlIndicator = OidBytes("\x55\x1d\x1b");         // 2.5.29.27
constexpr auto kOidIssuingDistributionPoint = OidBytes("\x55\x1d\x1c");  // 2.5.29.28
constexpr auto kOidCertificateIssuer = OidBytes("\x55\x1d\x1d");         // 2.5.29.29
constexpr auto kOidFreshestCrl = OidBytes("\x55\x1d\x2e");               // 2.5.29.46

// Entries are charged to the caller's budget in blocks, so that a charge per entry costs nothing.
constexpr int64_t kChargeBlock = 1024;

Der View(const CBS& cbs) { return Der(reinterpret_cast<const char*>(cbs.data), cbs.len); }

CBS ToCbs(Der der) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(der.data()), der.size());
  return cbs;
}

bool ValidInteger(const CBS& contents) {
  int negative;
  CBS copy = contents;
  return CBS_is_valid_asn1_integer(&copy, &negative) != 0;
}

uint64_t SerialPrefix(Der serial) {
  uint64_t p = 0;
  for (size_t i = 0; i < 8; ++i) {
    p = (p << 8) | (i < serial.size() ? static_cast<uint8_t>(serial[i]) : 0);
  }
  return p;
}

// The entries' order: by issuer group, then serial bytewise (the prefix decides first; it orders
// serials as their bytes do, zero padding sorting before any octet).
bool EntryLess(const CrlEntry& a, int32_t group, uint64_t prefix, Der serial) {
  if (a.issuer_group != group) return a.issuer_group < group;
  if (a.prefix != prefix) return a.prefix < prefix;
  return a.serial < serial;
}

// A BIT STRING's named bits as a mask (bit n: byte n / 8, 0x80 >> n % 8), bits 0..15.
bool ReadReasonFlags(CBS bits, ReasonMask* out) {
  if (!CBS_is_valid_asn1_bitstring(&bits)) return false;
  const Der bytes = View(bits).substr(1);
  ReasonMask mask = 0;
  for (unsigned bit = 0; bit < 16 && bit / 8 < bytes.size(); ++bit) {
    if ((static_cast<uint8_t>(bytes[bit / 8]) & (0x80 >> (bit % 8))) != 0) {
      mask = static_cast<ReasonMask>(mask | (1u << bit));
    }
  }
  *out = static_cast<ReasonMask>(mask & kAllReasons);
  return true;
}

// An IMPLICIT BOOLEAN's contents. DER forbids encoding a DEFAULT FALSE, but an explicit FALSE is
// read as what it says.
bool ReadBoolean(CBS contents, bool* out) {
  if (contents.len != 1 || (contents.data[0] != 0x00 && contents.data[0] != 0xff)) return false;
  *out = contents.data[0] == 0xff;
  return true;
}

// One Extension: extnID, critical (DEFAULT FALSE, so never encoded FALSE), extnValue's contents.
bool ReadExtension(CBS* list, CBS* oid, bool* critical, CBS* value) {
  CBS ext;
  if (!der::Get(list, &ext, CBS_ASN1_SEQUENCE) || !der::Get(&ext, oid, CBS_ASN1_OBJECT))
    return false;
  *critical = false;
  if (der::Peek(ext, CBS_ASN1_BOOLEAN)) {
    int flag;
    if (!CBS_get_asn1_bool(&ext, &flag) || !flag) return false;
    *critical = true;
  }
  return der::Get(&ext, value, CBS_ASN1_OCTETSTRING) && ext.len == 0;
}

absl::Status ParseDistributionPointName(CBS* in, DistributionPointName* out) {
  // distributionPoint [0] is EXPLICIT (a CHOICE): one fullName [0] or nameRelativeToCRLIssuer [1].
  CBS choice;
  if (!der::Get(in, &choice, kContext | kConstructed | 0)) {
    return absl::InvalidArgumentError("malformed distributionPoint");
  }
  CBS value;
  if (der::Get(&choice, &value, kContext | kConstructed | 0)) {
    if (absl::Status s = ParseGeneralNameViews(View(value), &out->full_name); !s.ok()) return s;
    if (out->full_name.empty()) return absl::InvalidArgumentError("empty fullName");
  } else {
    if (!der::Get(&choice, &value, kContext | kConstructed | 1) || value.len == 0) {
      return absl::InvalidArgumentError("malformed DistributionPointName");
    }
    out->relative_name = View(value);  // the SET's contents (IMPLICIT [1])
  }
  if (choice.len != 0) return absl::InvalidArgumentError("trailing data in distributionPoint");
  return absl::OkStatus();
}

// reasonCode's extnValue: ENUMERATED 0..10 is one content octet; 7 is unassigned.
bool ReadReasonCode(CBS value, RevocationReason* out) {
  CBS e;
  if (!der::Get(&value, &e, CBS_ASN1_ENUMERATED) || value.len != 0 || e.len != 1 ||
      e.data[0] > 10 || e.data[0] == 7) {
    return false;
  }
  *out = static_cast<RevocationReason>(e.data[0]);
  return true;
}

// certificateIssuer's extnValue: GeneralNames, at least one. `normalized` gets its directoryNames'
// normalized forms, sorted, so that the same issuer named again compares equal.
bool ReadCertificateIssuer(CBS value, std::vector<std::string>* normalized) {
  CBS names;
  std::vector<GeneralNameView> views;
  if (!der::Get(&value, &names, CBS_ASN1_SEQUENCE) || value.len != 0 ||
      !ParseGeneralNameViews(View(names), &views).ok() || views.empty()) {
    return false;
  }
  for (const GeneralNameView& v : views) {
    if (v.type != GeneralNameType::kDirectoryName) continue;
    Name name;
    if (ParseName(v.value, &name).ok()) normalized->push_back(name.normalized);
  }
  std::sort(normalized->begin(), normalized->end());
  return true;
}

// invalidityDate's extnValue: a GeneralizedTime, checked and otherwise unused.
bool ValidInvalidityDate(CBS value) {
  CBS e;
  absl::Time ignored;
  return der::Get(&value, &e, CBS_ASN1_GENERALIZEDTIME) && value.len == 0 &&
         ParseX509Time(CBS_ASN1_GENERALIZEDTIME, View(e), &ignored).empty();
}

}  // namespace

absl::string_view RevocationReasonName(RevocationReason reason) {
  switch (reason) {
    case RevocationReason::kUnspecified:
      return "unspecified";
    case RevocationReason::kKeyCompromise:
      return "keyCompromise";
    case RevocationReason::kCaCompromise:
      return "cACompromise";
    case RevocationReason::kAffiliationChanged:
      return "affiliationChanged";
    case RevocationReason::kSuperseded:
      return "superseded";
    case RevocationReason::kCessationOfOperation:
      return "cessationOfOperation";
    case RevocationReason::kCertificateHold:
      return "certificateHold";
    case RevocationReason::kRemoveFromCrl:
      return "removeFromCRL";
    case RevocationReason::kPrivilegeWithdrawn:
      return "privilegeWithdrawn";
    case RevocationReason::kAaCompromise:
      return "aACompromise";
  }
  return "unknown";
}

absl::Status ParseGeneralNameViews(Der contents, std::vector<GeneralNameView>* out) {
  CBS in = ToCbs(contents);
  while (in.len > 0) {
    CBS element;
    unsigned tag;
    size_t header;
    if (!der::GetAnyElement(&in, &element, &tag, &header)) {
      return absl::InvalidArgumentError("malformed GeneralName");
    }
    const unsigned number = tag & CBS_ASN1_TAG_NUMBER_MASK;
    if ((tag & CBS_ASN1_CLASS_MASK) != kContext || number > 8) {
      return absl::InvalidArgumentError("not a GeneralName");
    }
    CBS_skip(&element, header);
    GeneralNameView name{static_cast<GeneralNameType>(number), View(element)};
    if (name.type == GeneralNameType::kDirectoryName) {
      CBS name_tlv;
      if (!der::GetElement(&element, &name_tlv, CBS_ASN1_SEQUENCE) || element.len != 0) {
        return absl::InvalidArgumentError("malformed directoryName");
      }
      name.value = View(name_tlv);
      Name scratch;
      if (absl::Status s = ParseName(name.value, &scratch); !s.ok()) return s;
    }
    out->push_back(name);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<DistributionPoint>> ParseCrlDistributionPoints(const Certificate& cert) {
  std::vector<DistributionPoint> points;
  const Extension* ext = cert.FindExtension(kOidCrlDistributionPoints);
  if (ext == nullptr) return points;
  const absl::Status bad = absl::InvalidArgumentError("malformed cRLDistributionPoints");
  CBS value = ToCbs(ext->value), list;
  if (!der::Get(&value, &list, CBS_ASN1_SEQUENCE) || value.len != 0 || list.len == 0) return bad;
  while (list.len > 0) {
    CBS seq, field;
    if (!der::Get(&list, &seq, CBS_ASN1_SEQUENCE)) return bad;
    DistributionPoint point;
    if (der::Peek(seq, kContext | kConstructed | 0)) {
      point.name.emplace();
      if (!ParseDistributionPointName(&seq, &*point.name).ok()) return bad;
    }
    if (der::Get(&seq, &field, kContext | 1)) {
      ReasonMask mask;
      if (!ReadReasonFlags(field, &mask)) return bad;
      point.reasons = mask;
    }
    if (der::Get(&seq, &field, kContext | kConstructed | 2)) {
      if (!ParseGeneralNameViews(View(field), &point.crl_issuer).ok() || point.crl_issuer.empty()) {
        return bad;
      }
    }
    if (seq.len != 0 || (!point.name && point.crl_issuer.empty())) return bad;
    points.push_back(std::move(point));
  }
  return points;
}

std::string AppendRdn(Der issuer, Der rdn) {
  CBS in = ToCbs(issuer), contents;
  if (!der::Get(&in, &contents, CBS_ASN1_SEQUENCE) || in.len != 0) return "";
  bssl::ScopedCBB cbb;
  CBB seq, set;
  uint8_t* data;
  size_t len;
  if (!CBB_init(cbb.get(), issuer.size() + rdn.size() + 8) ||
      !CBB_add_asn1(cbb.get(), &seq, CBS_ASN1_SEQUENCE) ||
      !CBB_add_bytes(&seq, contents.data, contents.len) ||
      !CBB_add_asn1(&seq, &set, CBS_ASN1_SET) ||
      !CBB_add_bytes(&set, reinterpret_cast<const uint8_t*>(rdn.data()), rdn.size()) ||
      !CBB_finish(cbb.get(), &data, &len)) {
    return "";
  }
  std::string out(reinterpret_cast<const char*>(data), len);
  OPENSSL_free(data);
  return out;
}

int CompareIntegers(Der a, Der b) {
  auto negative = [](Der v) { return !v.empty() && (static_cast<uint8_t>(v[0]) & 0x80) != 0; };
  if (negative(a) != negative(b)) return negative(a) ? -1 : 1;
  // Minimal encodings of the same sign: the longer is further from zero.
  auto strip = [](Der v) {
    while (v.size() > 1 && v[0] == 0) v.remove_prefix(1);
    return v;
  };
  a = strip(a), b = strip(b);
  if (a.size() != b.size()) {
    const bool longer = a.size() > b.size();
    return negative(a) ? (longer ? -1 : 1) : (longer ? 1 : -1);
  }
  return a.compare(b) < 0 ? -1 : (a == b ? 0 : 1);
}

// The parser keeps where it is for error messages ("tbsCertList.revokedCertificates[3] ...").
class CrlParser {
 public:
  CrlParser(Crl* crl, Crl::ChargeFn charge) : crl_(crl), charge_(charge) {}
  absl::Status Parse();

 private:
  absl::Status Error(const CBS& at, absl::string_view what) const {
    const size_t offset =
        static_cast<size_t>(at.data - reinterpret_cast<const uint8_t*>(crl_->der_.data()));
    return DerError(path_, offset, what);
  }
  absl::Status ParseTime(CBS* in, absl::Time* out);
  absl::Status ParseTbsCertList(CBS tbs_tlv, CBS outer_alg);
  absl::Status ParseVersion(CBS* tbs);
  absl::Status ParseSignature(CBS* tbs, CBS outer_alg);
  absl::Status ParseIssuer(CBS* tbs);
  absl::Status ParseUpdates(CBS* tbs);
  absl::Status ParseRevokedCertificates(CBS* tbs);
  absl::Status ParseCrlExtensionsField(CBS* tbs);
  absl::Status CheckWholeCrl(const CBS& tbs_tlv) const;
  void BuildIndex();
  absl::Status ParseEntries(CBS list);
  absl::Status ParseEntryExtensions(CBS exts, CrlEntry* entry, int32_t* group);
  int32_t GroupFor(std::vector<std::string> normalized);
  absl::Status ParseExtensions(CBS exts);
  absl::Status ParseIdp(CBS value);

  Crl* crl_;
  Crl::ChargeFn charge_;
  std::string path_ = "certificateList";
  std::map<std::vector<std::string>, int32_t> group_ids_;
};

absl::Status CrlParser::ParseTime(CBS* in, absl::Time* out) {
  const CBS at = *in;
  CBS element;
  unsigned tag;
  size_t header;
  if (!der::GetAnyElement(in, &element, &tag, &header)) return Error(at, "missing Time");
  CBS_skip(&element, header);
  const std::string error = ParseX509Time(tag, View(element), out);
  if (!error.empty()) return Error(at, error);
  return absl::OkStatus();
}

absl::Status CrlParser::Parse() {
  CBS in = ToCbs(crl_->der_), list, tbs_tlv, outer_alg, sig;
  if (!der::Get(&in, &list, CBS_ASN1_SEQUENCE) || in.len != 0) {
    return Error(ToCbs(crl_->der_), "not one DER SEQUENCE");
  }
  if (!der::GetElement(&list, &tbs_tlv, CBS_ASN1_SEQUENCE) ||
      !der::GetElement(&list, &outer_alg, CBS_ASN1_SEQUENCE) ||
      !der::Get(&list, &sig, CBS_ASN1_BITSTRING) || list.len != 0) {
    return Error(list, "expected tbsCertList, signatureAlgorithm, signatureValue");
  }
  if (sig.len < 1 || sig.data[0] != 0) return Error(sig, "signatureValue has unused bits");
  crl_->signature_ = View(sig).substr(1);
  crl_->tbs_ = View(tbs_tlv);
  if (absl::Status s = ParseTbsCertList(tbs_tlv, outer_alg); !s.ok()) return s;
  if (absl::Status s = CheckWholeCrl(tbs_tlv); !s.ok()) return s;
  BuildIndex();
  return absl::OkStatus();
}

// TBSCertList's fields in order. Each step sets path_ to the field it reads, for its errors.
absl::Status CrlParser::ParseTbsCertList(CBS tbs_tlv, CBS outer_alg) {
  path_ = "tbsCertList";
  CBS tbs;
  CBS tlv_copy = tbs_tlv;
  if (!der::Get(&tlv_copy, &tbs, CBS_ASN1_SEQUENCE)) return Error(tbs_tlv, "malformed");
  if (absl::Status s = ParseVersion(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseSignature(&tbs, outer_alg); !s.ok()) return s;
  if (absl::Status s = ParseIssuer(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseUpdates(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseRevokedCertificates(&tbs); !s.ok()) return s;
  if (absl::Status s = ParseCrlExtensionsField(&tbs); !s.ok()) return s;
  path_ = "tbsCertList";
  if (tbs.len != 0) return Error(tbs, "unexpected trailing field");
  return absl::OkStatus();
}

absl::Status CrlParser::ParseVersion(CBS* tbs) {
  if (!der::Peek(*tbs, CBS_ASN1_INTEGER)) return absl::OkStatus();
  CBS version;
  if (!der::Get(tbs, &version, CBS_ASN1_INTEGER) || version.len != 1 || version.data[0] != 1) {
    // Only v2 is ever encoded: v1 omits the field (RFC 5280 5.1.2.1).
    path_ = "tbsCertList.version";
    return Error(*tbs, "version must be v2 (1) when present");
  }
  crl_->version_ = 2;
  return absl::OkStatus();
}

absl::Status CrlParser::ParseSignature(CBS* tbs, CBS outer_alg) {
  path_ = "tbsCertList.signature";
  CBS alg;
  if (!der::GetElement(tbs, &alg, CBS_ASN1_SEQUENCE)) return Error(*tbs, "missing");
  if (View(alg) != View(outer_alg)) {
    return Error(alg, "differs from the outer signatureAlgorithm (RFC 5280 5.1.1.2)");
  }
  crl_->signature_algorithm_ = ParseSignatureAlgorithmIdentifier(View(alg));
  return absl::OkStatus();
}

absl::Status CrlParser::ParseIssuer(CBS* tbs) {
  path_ = "tbsCertList.issuer";
  CBS issuer;
  if (!der::GetElement(tbs, &issuer, CBS_ASN1_SEQUENCE)) return Error(*tbs, "missing");
  if (absl::Status s = ParseName(View(issuer), &crl_->issuer_, path_, crl_->der_); !s.ok()) {
    return s;
  }
  if (crl_->issuer_.empty()) return Error(issuer, "empty issuer (RFC 5280 5.1.2.3)");
  return absl::OkStatus();
}

// thisUpdate, then nextUpdate if a Time follows.
absl::Status CrlParser::ParseUpdates(CBS* tbs) {
  path_ = "tbsCertList.thisUpdate";
  if (absl::Status s = ParseTime(tbs, &crl_->this_update_); !s.ok()) return s;
  if (!der::Peek(*tbs, CBS_ASN1_UTCTIME) && !der::Peek(*tbs, CBS_ASN1_GENERALIZEDTIME)) {
    return absl::OkStatus();
  }
  path_ = "tbsCertList.nextUpdate";
  absl::Time next;
  if (absl::Status s = ParseTime(tbs, &next); !s.ok()) return s;
  crl_->next_update_ = next;
  return absl::OkStatus();
}

// revokedCertificates, OPTIONAL: the only SEQUENCE that can follow the update times.
absl::Status CrlParser::ParseRevokedCertificates(CBS* tbs) {
  if (!der::Peek(*tbs, CBS_ASN1_SEQUENCE)) return absl::OkStatus();
  path_ = "tbsCertList.revokedCertificates";
  CBS entries;
  if (!der::Get(tbs, &entries, CBS_ASN1_SEQUENCE)) return Error(*tbs, "malformed");
  return ParseEntries(entries);
}

// crlExtensions [0] EXPLICIT Extensions OPTIONAL, v2 only.
absl::Status CrlParser::ParseCrlExtensionsField(CBS* tbs) {
  if (!der::Peek(*tbs, kContext | kConstructed | 0)) return absl::OkStatus();
  path_ = "tbsCertList.crlExtensions";
  CBS wrapper, exts;
  if (!der::Get(tbs, &wrapper, kContext | kConstructed | 0) ||
      !der::Get(&wrapper, &exts, CBS_ASN1_SEQUENCE) || wrapper.len != 0 || exts.len == 0) {
    return Error(*tbs, "malformed crlExtensions");
  }
  if (crl_->version_ != 2) return Error(*tbs, "extensions in a v1 CRL");
  return ParseExtensions(exts);
}

// What holds across fields: a cRLNumber, and certificateIssuer entries only in an indirect CRL.
absl::Status CrlParser::CheckWholeCrl(const CBS& tbs_tlv) const {
  if (crl_->crl_number_.empty()) {
    return Error(tbs_tlv, "no cRLNumber extension (RFC 5280 5.2.3: conforming CRLs MUST have one)");
  }
  if (!crl_->groups_.empty() && !crl_->indirect()) {
    return Error(tbs_tlv, "certificateIssuer entry extension in a CRL that is not indirect");
  }
  return absl::OkStatus();
}

// The lookup structures Find reads: the issuer-name index of the groups, the entries sorted by
// group then serial, where each group begins, and the sampled and full serial prefixes.
void CrlParser::BuildIndex() {
  for (size_t g = 0; g < crl_->groups_.size(); ++g) {
    for (const std::string& name : crl_->groups_[g]) {
      crl_->group_index_.emplace_back(name, static_cast<int32_t>(g));
    }
  }
  std::sort(crl_->group_index_.begin(), crl_->group_index_.end());
  std::sort(crl_->entries_.begin(), crl_->entries_.end(), [](const CrlEntry& a, const CrlEntry& b) {
    return EntryLess(a, b.issuer_group, b.prefix, b.serial);
  });
  auto& entries = crl_->entries_;
  crl_->group_begin_.assign(crl_->groups_.size() + 2, entries.size());
  for (size_t i = entries.size(); i-- > 0;) crl_->group_begin_[entries[i].issuer_group + 1] = i;
  // Empty groups start where the next does.
  for (size_t g = crl_->group_begin_.size() - 1; g-- > 0;) {
    crl_->group_begin_[g] = std::min(crl_->group_begin_[g], crl_->group_begin_[g + 1]);
  }
  for (size_t i = 0; i < entries.size(); i += Crl::kSampleStride) {
    crl_->samples_.push_back(entries[i].prefix);
  }
  crl_->prefixes_.reserve(entries.size());
  for (const CrlEntry& e : entries) crl_->prefixes_.push_back(e.prefix);
}

absl::Status CrlParser::ParseEntries(CBS list) {
  int64_t charged = 0;
  int32_t group = -1;
  size_t index = 0;
  while (list.len > 0) {
    if (static_cast<int64_t>(index) == charged) {
      if (!charge_(kChargeBlock))
        return Error(list, "the validation's budget ran out while parsing entries");
      charged += kChargeBlock;
    }
    path_ = absl::StrCat("tbsCertList.revokedCertificates[", index, "]");
    CBS entry_seq, serial;
    if (!der::Get(&list, &entry_seq, CBS_ASN1_SEQUENCE)) return Error(list, "malformed entry");
    if (!der::Get(&entry_seq, &serial, CBS_ASN1_INTEGER) || !ValidInteger(serial)) {
      return Error(entry_seq, "malformed userCertificate serial");
    }
    CrlEntry entry;
    entry.serial = View(serial);
    entry.prefix = SerialPrefix(entry.serial);
    if (absl::Status s = ParseTime(&entry_seq, &entry.revocation_date); !s.ok()) return s;
    int32_t next_group = group;
    if (entry_seq.len > 0) {
      CBS exts;
      if (!der::Get(&entry_seq, &exts, CBS_ASN1_SEQUENCE) || entry_seq.len != 0 || exts.len == 0) {
        return Error(entry_seq, "malformed crlEntryExtensions");
      }
      if (crl_->version_ != 2) return Error(exts, "entry extensions in a v1 CRL");
      if (absl::Status s = ParseEntryExtensions(exts, &entry, &next_group); !s.ok()) return s;
    }
    group = next_group;
    entry.issuer_group = group;
    crl_->entries_.push_back(entry);
    ++index;
  }
  return absl::OkStatus();
}

absl::Status CrlParser::ParseEntryExtensions(CBS exts, CrlEntry* entry, int32_t* group) {
  bool seen_reason = false, seen_issuer = false, seen_date = false, seen_hold = false;
  while (exts.len > 0) {
    const CBS at = exts;
    CBS oid, value;
    bool critical = false;
    if (!ReadExtension(&exts, &oid, &critical, &value)) {
      return Error(at, "malformed entry extension");
    }
    const Der id = View(oid);
    auto once = [&](bool* seen) {
      return std::exchange(*seen, true) ? Error(at, "duplicate entry extension") : absl::OkStatus();
    };
    if (id == kOidReasonCode) {
      if (absl::Status s = once(&seen_reason); !s.ok()) return s;
      RevocationReason reason;
      if (!ReadReasonCode(value, &reason)) return Error(at, "malformed or unknown reasonCode");
      entry->reason = reason;
    } else if (id == kOidCertificateIssuer) {
      if (absl::Status s = once(&seen_issuer); !s.ok()) return s;
      std::vector<std::string> normalized;
      if (!ReadCertificateIssuer(value, &normalized)) {
        return Error(at, "malformed certificateIssuer");
      }
      *group = GroupFor(std::move(normalized));
    } else if (id == kOidInvalidityDate) {
      if (absl::Status s = once(&seen_date); !s.ok()) return s;
      if (!ValidInvalidityDate(value)) return Error(at, "malformed invalidityDate");
    } else if (id == kOidHoldInstructionCode) {
      if (absl::Status s = once(&seen_hold); !s.ok()) return s;
    } else if (critical) {
      return Error(at, "unknown critical CRL entry extension (RFC 5280 5.3)");
    }
  }
  return absl::OkStatus();
}

// The group of the issuer that sorted, normalized names identify. An issuer named again (entries
// of several issuers interleaved) keeps its first group, so that a lookup finds all its entries in
// one place.
int32_t CrlParser::GroupFor(std::vector<std::string> normalized) {
  auto known = group_ids_.find(normalized);
  if (known == group_ids_.end()) {
    known = group_ids_.emplace(normalized, static_cast<int32_t>(crl_->groups_.size())).first;
    crl_->groups_.push_back(std::move(normalized));
  }
  return known->second;
}

absl::Status CrlParser::ParseIdp(CBS value) {
  IssuingDistributionPoint idp;
  idp.der = View(value);
  const absl::Status bad = Error(value, "malformed issuingDistributionPoint");
  CBS seq, field;
  if (!der::Get(&value, &seq, CBS_ASN1_SEQUENCE) || value.len != 0) return bad;
  if (der::Peek(seq, kContext | kConstructed | 0)) {
    idp.name.emplace();
    if (!ParseDistributionPointName(&seq, &*idp.name).ok()) return bad;
  }
  if (der::Get(&seq, &field, kContext | 1) && !ReadBoolean(field, &idp.only_user_certs)) return bad;
  if (der::Get(&seq, &field, kContext | 2) && !ReadBoolean(field, &idp.only_ca_certs)) return bad;
  if (der::Get(&seq, &field, kContext | 3)) {
    ReasonMask mask;
    if (!ReadReasonFlags(field, &mask)) return bad;
    idp.only_some_reasons = mask;
  }
  if (der::Get(&seq, &field, kContext | 4) && !ReadBoolean(field, &idp.indirect)) return bad;
  if (der::Get(&seq, &field, kContext | 5) && !ReadBoolean(field, &idp.only_attribute_certs))
    return bad;
  if (seq.len != 0) return bad;
  if (static_cast<int>(idp.only_user_certs) + idp.only_ca_certs + idp.only_attribute_certs > 1) {
    return Error(value,
                 "issuingDistributionPoint asserts more than one only* field (RFC 5280 5.2.5)");
  }
  crl_->idp_ = std::move(idp);
  return absl::OkStatus();
}

absl::Status CrlParser::ParseExtensions(CBS exts) {
  // RFC 5280 defines seven CRL extensions; a few private ones on top is plenty. The cap also keeps
  // the duplicate check below from growing quadratically with a hostile list.
  constexpr size_t kMaxCrlExtensions = 32;
  std::vector<Der> seen;
  while (exts.len > 0) {
    const CBS at = exts;
    if (seen.size() == kMaxCrlExtensions) return Error(at, "more than 32 CRL extensions");
    CBS oid, value;
    bool critical = false;
    if (!ReadExtension(&exts, &oid, &critical, &value)) {
      return Error(at, "malformed extension");
    }
    const Der id = View(oid);
    if (std::find(seen.begin(), seen.end(), id) != seen.end())
      return Error(at, "duplicate extension");
    seen.push_back(id);
    if (id == kOidCrlNumber || id == kOidDeltaCrlIndicator) {
      CBS number;
      if (!der::Get(&value, &number, CBS_ASN1_INTEGER) || value.len != 0 || !ValidInteger(number) ||
          (number.data[0] & 0x80) != 0 || number.len > 20) {
        return Error(at, "malformed CRL number (a non-negative INTEGER of at most 20 octets)");
      }
      if (id == kOidCrlNumber) {
        if (critical)
          return Error(at, "cRLNumber is critical (RFC 5280 5.2.3: MUST be non-critical)");
        crl_->crl_number_ = View(number);
      } else {
        if (!critical) return Error(at, "deltaCRLIndicator is not critical (RFC 5280 5.2.4)");
        crl_->delta_base_ = View(number);
      }
    } else if (id == kOidIssuingDistributionPoint) {
      if (absl::Status s = ParseIdp(value); !s.ok()) return s;
    } else if (id == kOidAuthorityKeyIdentifier) {
      CBS seq, key_id;
      if (!der::Get(&value, &seq, CBS_ASN1_SEQUENCE) || value.len != 0)
        return Error(at, "malformed authorityKeyIdentifier");
      if (der::Get(&seq, &key_id, kContext | 0)) crl_->authority_key_id_ = View(key_id);
    } else if (id == kOidIssuerAltName || id == kOidFreshestCrl || id == kOidAuthorityInfoAccess) {
      // Known, and nothing in them changes what the CRL says.
    } else if (critical) {
      return Error(at, "unknown critical CRL extension (RFC 5280 5.2)");
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::shared_ptr<const Crl>> Crl::Parse(std::string der) {
  return Parse(std::move(der), [](int64_t) { return true; });
}

absl::StatusOr<std::shared_ptr<const Crl>> Crl::Parse(std::string der, ChargeFn charge) {
  auto crl = std::make_shared<Crl>(PassKey());
  crl->der_ = std::move(der);  // before parsing: the views point into this buffer
  if (absl::Status s = CrlParser(crl.get(), charge).Parse(); !s.ok()) return s;
  return std::shared_ptr<const Crl>(std::move(crl));
}

const CrlEntry* Crl::FindInGroup(int32_t group, Der serial) const {
  if (group + 1 < 0 || static_cast<size_t>(group) + 2 > group_begin_.size()) return nullptr;
  const size_t b = group_begin_[group + 1], e = group_begin_[group + 2];
  if (b >= e) return nullptr;
  const uint64_t prefix = SerialPrefix(serial);
  // First level: the samples inside [b, e) narrow the search to the blocks around the prefix.
  size_t start = b, end = e;
  const size_t jb = (b + kSampleStride - 1) / kSampleStride, je = (e - 1) / kSampleStride + 1;
  if (jb < je) {
    const auto first = samples_.begin() + jb, last = samples_.begin() + je;
    const size_t j1 = std::lower_bound(first, last, prefix) - samples_.begin();
    const size_t j2 = std::upper_bound(first, last, prefix) - samples_.begin();
    if (j1 > jb) start = (j1 - 1) * kSampleStride;
    if (j2 < je) end = j2 * kSampleStride;
  }
  // Second level: the block's prefixes; only entries with the same prefix are read in full, by a
  // binary search too (serials that share 8 octets are sorted by the rest).
  const auto [lo, hi] =
      std::equal_range(prefixes_.begin() + start, prefixes_.begin() + end, prefix);
  const auto first = entries_.begin() + (lo - prefixes_.begin());
  const auto last = entries_.begin() + (hi - prefixes_.begin());
  const auto it = std::lower_bound(first, last, serial,
                                   [](const CrlEntry& e, Der key) { return e.serial < key; });
  return it != last && it->serial == serial ? &*it : nullptr;
}

const CrlEntry* Crl::Find(Der serial, const Name& cert_issuer) const {
  if (cert_issuer.normalized == issuer_.normalized) {
    if (const CrlEntry* e = FindInGroup(-1, serial)) return e;
  }
  // Every group naming the issuer: a binary search in the name index.
  auto it =
      std::lower_bound(group_index_.begin(), group_index_.end(),
                       std::make_pair(cert_issuer.normalized, std::numeric_limits<int32_t>::min()));
  for (; it != group_index_.end() && it->first == cert_issuer.normalized; ++it) {
    if (const CrlEntry* e = FindInGroup(it->second, serial)) return e;
  }
  return nullptr;
}

}  // namespace certval
