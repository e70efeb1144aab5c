#include "tests/checks/check_test_util.h"

#include <openssl/bytestring.h>
#include <openssl/mem.h>

#include <cstdio>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "certval/validator/finding.h"

namespace certval::checktest {
namespace {

std::string Hex(const char* hex) { return absl::HexStringToBytes(hex); }

// SEQUENCE { algorithm, BIT STRING { 0 unused bits, key } }, all DER.
std::string Spki(const std::string& algorithm_der, const std::string& key) {
  CBB cbb, spki, bits;
  CBB_init(&cbb, 64);
  CBB_add_asn1(&cbb, &spki, CBS_ASN1_SEQUENCE);
  CBB_add_bytes(&spki, reinterpret_cast<const uint8_t*>(algorithm_der.data()),
                algorithm_der.size());
  CBB_add_asn1(&spki, &bits, CBS_ASN1_BITSTRING);
  CBB_add_u8(&bits, 0);
  CBB_add_bytes(&bits, reinterpret_cast<const uint8_t*>(key.data()), key.size());
  uint8_t* out;
  size_t len;
  CBB_finish(&cbb, &out, &len);
  std::string der(reinterpret_cast<char*>(out), len);
  OPENSSL_free(out);
  return der;
}

// A positive INTEGER TLV with the given magnitude bytes.
std::string Integer(const std::string& magnitude) {
  std::string contents =
      (static_cast<uint8_t>(magnitude[0]) & 0x80) ? std::string(1, '\0') + magnitude : magnitude;
  std::string tlv = "\x02";
  if (contents.size() >= 256) {
    tlv += "\x82";
    tlv += static_cast<char>(contents.size() >> 8);
    tlv += static_cast<char>(contents.size() & 0xff);
  } else if (contents.size() >= 128) {
    tlv += "\x81";
    tlv += static_cast<char>(contents.size());
  } else {
    tlv += static_cast<char>(contents.size());
  }
  return tlv + contents;
}

std::string Sequence(const std::string& contents) {
  CBB cbb, seq;
  CBB_init(&cbb, contents.size() + 4);
  CBB_add_asn1(&cbb, &seq, CBS_ASN1_SEQUENCE);
  CBB_add_bytes(&seq, reinterpret_cast<const uint8_t*>(contents.data()), contents.size());
  uint8_t* out;
  size_t len;
  CBB_finish(&cbb, &out, &len);
  std::string der(reinterpret_cast<char*>(out), len);
  OPENSSL_free(out);
  return der;
}

}  // namespace

absl::Time Now() {
  return absl::FromCivil(absl::CivilSecond(2025, 6, 1, 12, 0, 0), absl::UTCTimeZone());
}

CertificatePtr ParseOrDie(const std::string& der) {
  auto parsed = Certificate::Parse(der);
  if (!parsed.ok()) {
    std::fprintf(stderr, "test fixture does not parse: %s\n", parsed.status().ToString().c_str());
    std::abort();
  }
  return *parsed;
}

ChainSpec::ChainSpec()
    : root(testpki::RootSpec("Checks Test Root", Now())),
      intermediate(testpki::IntermediateSpec("Checks Test Intermediate", Now(), std::nullopt)),
      leaf(testpki::LeafSpec("www.example.test", Now())),
      root_key(testpki::Key::Cached(testpki::KeyKind::kEcP256, 0)),
      intermediate_key(testpki::Key::Cached(testpki::KeyKind::kEcP256, 1)),
      leaf_key(testpki::Key::Cached(testpki::KeyKind::kEcP256, 2)) {}

std::vector<CertificatePtr> ChainSpec::Build() const {
  testpki::TestCa root_ca = testpki::TestCa::Root(root, root_key);
  if (!with_intermediate) {
    return {ParseOrDie(root_ca.Issue(leaf, leaf_key)), ParseOrDie(root_ca.cert_der())};
  }
  testpki::TestCa ica = root_ca.IssueCa(intermediate, intermediate_key);
  return {ParseOrDie(ica.Issue(leaf, leaf_key)), ParseOrDie(ica.cert_der()),
          ParseOrDie(root_ca.cert_der())};
}

std::vector<std::string> RunCheck(const Check& check, const std::vector<CertificatePtr>& path,
                                  const RunOptions& options) {
  PathContext ctx;
  ctx.path = path;
  ctx.request = options.no_request ? nullptr : &options.request;
  ctx.time = options.time;
  ctx.profile = options.profile;
  ctx.anchor = options.anchor;
  ctx.edge_verified = options.edge_verified;
  Budget budget(Limits{});
  ctx.budget = &budget;
  std::vector<Finding> findings;
  FindingReporter reporter(check.name(), Severity::kError, &findings);
  check.Run(ctx, reporter);
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    out.push_back(absl::StrCat(f.code, "@", f.cert_index,
                               f.severity == Severity::kWarning ? " (advisory)" : ""));
  }
  return out;
}

std::string RsaSpki(int modulus_bits) {
  // n: `modulus_bits` long (top bit set) and odd; e = 65537.
  std::string n((modulus_bits + 7) / 8, '\x5a');
  n[0] = static_cast<char>(1 << ((modulus_bits - 1) % 8));
  n.back() = '\x5b';
  std::string rsa_public_key = Sequence(Integer(n) + Integer(std::string("\x01\x00\x01", 3)));
  // AlgorithmIdentifier { rsaEncryption, NULL }
  return Spki(Hex("300d06092a864886f70d0101010500"), rsa_public_key);
}

std::string P192Spki() {
  return Hex(
      "3049301306072a8648ce3d020106082a8648ce3d030101033200040c67faacba5bfedd4938ae40dbd3e8202f57"
      "82d24bc974b90766bb72fcc0e4a553e82fa0de4b705e209598e7922b9a0a");
}

std::string ExplicitP256Spki() {
  // A P-256 key with the curve spelled out as ECParameters (openssl ec -param_enc explicit).
  return Hex(
      "3082014b3082010306072a8648ce3d02013081f7020101302c06072a8648ce3d0101022100ffffffff0000000100"
      "0000000000000000000000ffffffffffffffffffffffff305b0420ffffffff000000010000000000000000000000"
      "00"
      "fffffffffffffffffffffffc04205ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"
      "031500c49d360886e704936a6678e1139d26b7819f7e900441046b17d1f2e12c4247f8bce6e563a440f277037d81"
      "2deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f50221"
      "00ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63255102010103420004a835883efff0"
      "02d17bcd9dbcffad1761e249703624876787a8a64ebcac7cc381fe9fb04c2b3f8337e9c29e6b7ffbc4d84a062ea4"
      "b34b284a2790ba1056adab1b");
}

std::string DsaSpki() {
  // AlgorithmIdentifier { id-dsa, Dss-Parms { p (1024 bits), q (160 bits), g } }, y.
  std::string p(128, '\x5a'), q(20, '\x5a'), g(128, '\x33'), y(128, '\x44');
  p[0] = q[0] = '\xc5';
  std::string algorithm =
      Sequence(Hex("06072a8648ce380401") + Sequence(Integer(p) + Integer(q) + Integer(g)));
  return Spki(algorithm, Integer(y));
}

std::string UnknownAlgorithmSpki() {
  // AlgorithmIdentifier { 1.2.3.4 } and a few key bytes.
  return Spki(Hex("300506032a0304"), Hex("01020304"));
}

}  // namespace certval::checktest
