#include "certval/testing/pki/test_revocation.h"

#include <openssl/bytestring.h>
#include <openssl/digest.h>
#include <openssl/mem.h>

#include <cstdio>
#include <cstdlib>

#include "absl/time/civil_time.h"
#include "certval/validator/certificate.h"

namespace certval::testpki {
namespace {

[[noreturn]] void Fatal(const char* what) {
  std::fprintf(stderr, "testpki (revocation): %s\n", what);
  std::abort();
}

#define REVOCATION_CHECK(expr) \
  do {                         \
    if (!(expr)) Fatal(#expr); \
  } while (0)

const uint8_t* Bytes(const std::string& s) { return reinterpret_cast<const uint8_t*>(s.data()); }

std::string Finish(CBB* cbb) {
  uint8_t* data;
  size_t len;
  REVOCATION_CHECK(CBB_finish(cbb, &data, &len));
  std::string out(reinterpret_cast<char*>(data), len);
  OPENSSL_free(data);
  return out;
}

void AddTagged(CBB* out, unsigned tag, const std::string& contents) {
  CBB child;
  REVOCATION_CHECK(CBB_add_asn1(out, &child, tag));
  REVOCATION_CHECK(CBB_add_bytes(&child, Bytes(contents), contents.size()));
  REVOCATION_CHECK(CBB_flush(out));
}

void AddTime(CBB* out, absl::Time t) {
  const absl::CivilSecond c = absl::ToCivilSecond(t, absl::UTCTimeZone());
  char buf[32];
  if (c.year() >= 1950 && c.year() < 2050) {
    std::snprintf(buf, sizeof buf, "%02d%02d%02d%02d%02d%02dZ", static_cast<int>(c.year() % 100),
                  c.month(), c.day(), c.hour(), c.minute(), c.second());
    AddTagged(out, CBS_ASN1_UTCTIME, buf);
  } else {
    std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02dZ", static_cast<int>(c.year()),
                  c.month(), c.day(), c.hour(), c.minute(), c.second());
    AddTagged(out, CBS_ASN1_GENERALIZEDTIME, buf);
  }
}

void AddExtension(CBB* list, const std::string& dotted, bool critical, const std::string& value) {
  CBB ext, oid;
  REVOCATION_CHECK(CBB_add_asn1(list, &ext, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_asn1(&ext, &oid, CBS_ASN1_OBJECT));
  REVOCATION_CHECK(CBB_add_asn1_oid_from_text(&oid, dotted.data(), dotted.size()));
  if (critical) REVOCATION_CHECK(CBB_add_asn1_bool(&ext, 1));
  AddTagged(&ext, CBS_ASN1_OCTETSTRING, value);
  REVOCATION_CHECK(CBB_flush(list));
}

std::string Integer(const std::string& contents) {
  bssl::ScopedCBB cbb;
  REVOCATION_CHECK(CBB_init(cbb.get(), contents.size() + 4));
  AddTagged(cbb.get(), CBS_ASN1_INTEGER, contents);
  return Finish(cbb.get());
}

}  // namespace

CrlSpec CrlSpecFor(const TestCa& ca, absl::Time now) {
  CrlSpec spec;
  spec.issuer_name = ca.name_der();
  spec.this_update = now - absl::Hours(1);
  spec.next_update = now + absl::Hours(24 * 7);
  return spec;
}

std::string IssueCrl(const CrlSpec& spec, const Key& signer) {
  const std::string algorithm = SignatureAlgorithmDer(signer);
  bssl::ScopedCBB tbs_cbb;
  REVOCATION_CHECK(CBB_init(tbs_cbb.get(), 256 + spec.entries.size() * 48));
  CBB tbs;
  REVOCATION_CHECK(CBB_add_asn1(tbs_cbb.get(), &tbs, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_asn1_uint64(&tbs, 1));  // v2
  REVOCATION_CHECK(CBB_add_bytes(&tbs, Bytes(algorithm), algorithm.size()));
  REVOCATION_CHECK(CBB_add_bytes(&tbs, Bytes(spec.issuer_name), spec.issuer_name.size()));
  AddTime(&tbs, spec.this_update);
  if (spec.next_update) AddTime(&tbs, *spec.next_update);
  if (!spec.entries.empty()) {
    CBB list;
    REVOCATION_CHECK(CBB_add_asn1(&tbs, &list, CBS_ASN1_SEQUENCE));
    for (const CrlEntrySpec& e : spec.entries) {
      CBB entry;
      REVOCATION_CHECK(CBB_add_asn1(&list, &entry, CBS_ASN1_SEQUENCE));
      AddTagged(&entry, CBS_ASN1_INTEGER, e.serial);
      AddTime(&entry, e.revocation_date);
      if (e.reason || e.certificate_issuer || !e.extra.empty()) {
        CBB exts;
        REVOCATION_CHECK(CBB_add_asn1(&entry, &exts, CBS_ASN1_SEQUENCE));
        if (e.reason) {
          AddExtension(&exts, "2.5.29.21", false,
                       std::string("\x0a\x01", 2) + static_cast<char>(*e.reason));
        }
        if (e.certificate_issuer) {
          bssl::ScopedCBB names;
          REVOCATION_CHECK(CBB_init(names.get(), 64));
          CBB seq, dir;
          REVOCATION_CHECK(CBB_add_asn1(names.get(), &seq, CBS_ASN1_SEQUENCE));
          REVOCATION_CHECK(
              CBB_add_asn1(&seq, &dir, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 4));
          REVOCATION_CHECK(
              CBB_add_bytes(&dir, Bytes(*e.certificate_issuer), e.certificate_issuer->size()));
          AddExtension(&exts, "2.5.29.29", true, Finish(names.get()));
        }
        for (const RawExtension& x : e.extra) AddExtension(&exts, x.oid, x.critical, x.value);
      }
      REVOCATION_CHECK(CBB_flush(&list));
    }
  }
  const bool any_extension =
      spec.crl_number || spec.delta_base || spec.issuing_distribution_point || !spec.extra.empty();
  if (any_extension) {
    CBB wrapper, exts;
    REVOCATION_CHECK(
        CBB_add_asn1(&tbs, &wrapper, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
    REVOCATION_CHECK(CBB_add_asn1(&wrapper, &exts, CBS_ASN1_SEQUENCE));
    if (spec.crl_number)
      AddExtension(&exts, "2.5.29.20", spec.crl_number_critical, Integer(*spec.crl_number));
    if (spec.delta_base) AddExtension(&exts, "2.5.29.27", true, Integer(*spec.delta_base));
    if (spec.issuing_distribution_point) {
      AddExtension(&exts, "2.5.29.28", true, *spec.issuing_distribution_point);
    }
    for (const RawExtension& x : spec.extra) AddExtension(&exts, x.oid, x.critical, x.value);
  }
  const std::string tbs_der = Finish(tbs_cbb.get());
  std::string signature = SignData(signer, SigHash::kDefault, false, tbs_der);
  if (spec.corrupt_signature) signature[signature.size() / 2] ^= 0x01;
  bssl::ScopedCBB cbb;
  REVOCATION_CHECK(CBB_init(cbb.get(), tbs_der.size() + 256));
  CBB list, bits;
  REVOCATION_CHECK(CBB_add_asn1(cbb.get(), &list, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_bytes(&list, Bytes(tbs_der), tbs_der.size()));
  REVOCATION_CHECK(CBB_add_bytes(&list, Bytes(algorithm), algorithm.size()));
  REVOCATION_CHECK(CBB_add_asn1(&list, &bits, CBS_ASN1_BITSTRING));
  REVOCATION_CHECK(CBB_add_u8(&bits, 0));
  REVOCATION_CHECK(CBB_add_bytes(&bits, Bytes(signature), signature.size()));
  return Finish(cbb.get());
}

std::string SerialOf(const std::string& certificate_der) {
  CBS in, cert, tbs, serial;
  CBS_init(&in, Bytes(certificate_der), certificate_der.size());
  REVOCATION_CHECK(CBS_get_asn1(&in, &cert, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBS_get_asn1(&cert, &tbs, CBS_ASN1_SEQUENCE));
  if (CBS_peek_asn1_tag(&tbs, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0)) {
    CBS version;
    REVOCATION_CHECK(
        CBS_get_asn1(&tbs, &version, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
  }
  REVOCATION_CHECK(CBS_get_asn1(&tbs, &serial, CBS_ASN1_INTEGER));
  return std::string(reinterpret_cast<const char*>(CBS_data(&serial)), CBS_len(&serial));
}

std::string IdpValue(bool only_user_certs, bool only_ca_certs, bool indirect,
                     std::optional<uint16_t> only_some_reasons) {
  bssl::ScopedCBB cbb;
  REVOCATION_CHECK(CBB_init(cbb.get(), 32));
  CBB seq;
  REVOCATION_CHECK(CBB_add_asn1(cbb.get(), &seq, CBS_ASN1_SEQUENCE));
  if (only_user_certs) AddTagged(&seq, CBS_ASN1_CONTEXT_SPECIFIC | 1, "\xff");
  if (only_ca_certs) AddTagged(&seq, CBS_ASN1_CONTEXT_SPECIFIC | 2, "\xff");
  if (only_some_reasons) {
    // ReasonFlags: named bit n is 0x80 >> n of byte n / 8; two bytes carry bits 0..15.
    std::string bits(3, '\0');
    for (int n = 0; n < 16; ++n) {
      if ((*only_some_reasons >> n) & 1)
        bits[1 + n / 8] = static_cast<char>(bits[1 + n / 8] | (0x80 >> (n % 8)));
    }
    AddTagged(&seq, CBS_ASN1_CONTEXT_SPECIFIC | 3, bits);
  }
  if (indirect) AddTagged(&seq, CBS_ASN1_CONTEXT_SPECIFIC | 4, "\xff");
  return Finish(cbb.get());
}

OcspSpec OcspSpecFor(const std::string& cert, const TestCa& issuer, absl::Time now) {
  OcspSpec spec;
  spec.responder_name = issuer.name_der();
  spec.produced_at = now - absl::Hours(1);
  OcspSingleSpec single;
  single.cert = cert;
  single.issuer = issuer.cert_der();
  single.this_update = now - absl::Hours(1);
  single.next_update = now + absl::Hours(24 * 4);
  spec.responses.push_back(single);
  return spec;
}

namespace {

std::string Digest(const EVP_MD* md, absl::string_view data) {
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned len = 0;
  REVOCATION_CHECK(EVP_Digest(data.data(), data.size(), out, &len, md, nullptr));
  return std::string(reinterpret_cast<const char*>(out), len);
}

void AddGeneralizedTime(CBB* out, absl::Time t) {
  const absl::CivilSecond c = absl::ToCivilSecond(t, absl::UTCTimeZone());
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02dZ", static_cast<int>(c.year()), c.month(),
                c.day(), c.hour(), c.minute(), c.second());
  AddTagged(out, CBS_ASN1_GENERALIZEDTIME, buf);
}

void AddExtensions(CBB* out, unsigned tag, const std::vector<RawExtension>& exts) {
  if (exts.empty()) return;
  CBB wrapper, list;
  REVOCATION_CHECK(CBB_add_asn1(out, &wrapper, tag));
  REVOCATION_CHECK(CBB_add_asn1(&wrapper, &list, CBS_ASN1_SEQUENCE));
  for (const RawExtension& x : exts) AddExtension(&list, x.oid, x.critical, x.value);
  REVOCATION_CHECK(CBB_flush(out));
}

void AddSingle(CBB* out, const OcspSingleSpec& s) {
  auto cert = certval::Certificate::Parse(s.cert);
  auto issuer = certval::Certificate::Parse(s.issuer);
  if (!cert.ok() || !issuer.ok()) Fatal("OcspSingleSpec: cert or issuer does not parse");
  const EVP_MD* md = s.sha256 ? EVP_sha256() : EVP_sha1();
  CBB single, id, alg, status;
  REVOCATION_CHECK(CBB_add_asn1(out, &single, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_asn1(&single, &id, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_asn1(&id, &alg, CBS_ASN1_SEQUENCE));
  const std::string oid = s.sha256 ? "2.16.840.1.101.3.4.2.1" : "1.3.14.3.2.26";
  CBB oid_cbb;
  REVOCATION_CHECK(CBB_add_asn1(&alg, &oid_cbb, CBS_ASN1_OBJECT));
  REVOCATION_CHECK(CBB_add_asn1_oid_from_text(&oid_cbb, oid.data(), oid.size()));
  AddTagged(&alg, CBS_ASN1_NULL, "");
  REVOCATION_CHECK(CBB_flush(&id));
  AddTagged(&id, CBS_ASN1_OCTETSTRING, Digest(md, (*cert)->issuer().der));
  AddTagged(&id, CBS_ASN1_OCTETSTRING, Digest(md, (*issuer)->public_key().key));
  AddTagged(&id, CBS_ASN1_INTEGER, std::string((*cert)->serial()));
  REVOCATION_CHECK(CBB_flush(&single));
  if (s.status == 0) {
    AddTagged(&single, CBS_ASN1_CONTEXT_SPECIFIC | 0, "");
  } else if (s.status == 1) {
    REVOCATION_CHECK(
        CBB_add_asn1(&single, &status, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 1));
    AddGeneralizedTime(&status, s.revocation_time);
    if (s.reason) {
      CBB reason;
      REVOCATION_CHECK(
          CBB_add_asn1(&status, &reason, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
      AddTagged(&reason, CBS_ASN1_ENUMERATED, std::string(1, static_cast<char>(*s.reason)));
      REVOCATION_CHECK(CBB_flush(&status));
    }
    REVOCATION_CHECK(CBB_flush(&single));
  } else {
    AddTagged(&single, CBS_ASN1_CONTEXT_SPECIFIC | 2, "");
  }
  AddGeneralizedTime(&single, s.this_update);
  if (s.next_update) {
    CBB next;
    REVOCATION_CHECK(
        CBB_add_asn1(&single, &next, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
    AddGeneralizedTime(&next, *s.next_update);
    REVOCATION_CHECK(CBB_flush(&single));
  }
  AddExtensions(&single, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 1, s.extensions);
  REVOCATION_CHECK(CBB_flush(out));
}

std::string PublicKeyBits(const std::string& spki) {
  CBS in, seq, alg, bits;
  CBS_init(&in, Bytes(spki), spki.size());
  REVOCATION_CHECK(CBS_get_asn1(&in, &seq, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBS_get_asn1(&seq, &alg, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBS_get_asn1(&seq, &bits, CBS_ASN1_BITSTRING));
  return std::string(reinterpret_cast<const char*>(CBS_data(&bits)) + 1, CBS_len(&bits) - 1);
}

}  // namespace

std::string IssueOcspResponse(const OcspSpec& spec, const Key& signer) {
  bssl::ScopedCBB cbb;
  REVOCATION_CHECK(CBB_init(cbb.get(), 1024));
  CBB response;
  REVOCATION_CHECK(CBB_add_asn1(cbb.get(), &response, CBS_ASN1_SEQUENCE));
  AddTagged(&response, CBS_ASN1_ENUMERATED,
            std::string(1, static_cast<char>(spec.response_status)));
  if (spec.response_status != 0) return Finish(cbb.get());
  // ResponseData
  bssl::ScopedCBB tbs_cbb;
  REVOCATION_CHECK(CBB_init(tbs_cbb.get(), 512));
  CBB tbs, responder, list;
  REVOCATION_CHECK(CBB_add_asn1(tbs_cbb.get(), &tbs, CBS_ASN1_SEQUENCE));
  if (!spec.responder_name.empty()) {
    REVOCATION_CHECK(
        CBB_add_asn1(&tbs, &responder, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 1));
    REVOCATION_CHECK(
        CBB_add_bytes(&responder, Bytes(spec.responder_name), spec.responder_name.size()));
  } else {
    REVOCATION_CHECK(
        CBB_add_asn1(&tbs, &responder, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 2));
    AddTagged(&responder, CBS_ASN1_OCTETSTRING,
              Digest(EVP_sha1(), PublicKeyBits(spec.responder_spki)));
  }
  REVOCATION_CHECK(CBB_flush(&tbs));
  AddGeneralizedTime(&tbs, spec.produced_at);
  REVOCATION_CHECK(CBB_add_asn1(&tbs, &list, CBS_ASN1_SEQUENCE));
  for (const OcspSingleSpec& s : spec.responses) AddSingle(&list, s);
  REVOCATION_CHECK(CBB_flush(&tbs));
  AddExtensions(&tbs, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 1, spec.extensions);
  const std::string tbs_der = Finish(tbs_cbb.get());
  const std::string algorithm = SignatureAlgorithmDer(signer);
  std::string signature = SignData(signer, SigHash::kDefault, false, tbs_der);
  if (spec.corrupt_signature) signature[signature.size() / 2] ^= 0x01;
  // BasicOCSPResponse
  bssl::ScopedCBB basic_cbb;
  REVOCATION_CHECK(CBB_init(basic_cbb.get(), tbs_der.size() + 512));
  CBB basic, bits;
  REVOCATION_CHECK(CBB_add_asn1(basic_cbb.get(), &basic, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_bytes(&basic, Bytes(tbs_der), tbs_der.size()));
  REVOCATION_CHECK(CBB_add_bytes(&basic, Bytes(algorithm), algorithm.size()));
  REVOCATION_CHECK(CBB_add_asn1(&basic, &bits, CBS_ASN1_BITSTRING));
  REVOCATION_CHECK(CBB_add_u8(&bits, 0));
  REVOCATION_CHECK(CBB_add_bytes(&bits, Bytes(signature), signature.size()));
  REVOCATION_CHECK(CBB_flush(&basic));
  if (!spec.certs.empty()) {
    CBB wrapper, certs;
    REVOCATION_CHECK(
        CBB_add_asn1(&basic, &wrapper, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
    REVOCATION_CHECK(CBB_add_asn1(&wrapper, &certs, CBS_ASN1_SEQUENCE));
    for (const std::string& c : spec.certs)
      REVOCATION_CHECK(CBB_add_bytes(&certs, Bytes(c), c.size()));
    REVOCATION_CHECK(CBB_flush(&basic));
  }
  const std::string basic_der = Finish(basic_cbb.get());
  CBB wrapper, bytes, type_oid;
  REVOCATION_CHECK(
      CBB_add_asn1(&response, &wrapper, CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0));
  REVOCATION_CHECK(CBB_add_asn1(&wrapper, &bytes, CBS_ASN1_SEQUENCE));
  REVOCATION_CHECK(CBB_add_asn1(&bytes, &type_oid, CBS_ASN1_OBJECT));
  const std::string basic_oid = "1.3.6.1.5.5.7.48.1.1";
  REVOCATION_CHECK(CBB_add_asn1_oid_from_text(&type_oid, basic_oid.data(), basic_oid.size()));
  REVOCATION_CHECK(CBB_flush(&bytes));
  AddTagged(&bytes, CBS_ASN1_OCTETSTRING, basic_der);
  return Finish(cbb.get());
}

}  // namespace certval::testpki
