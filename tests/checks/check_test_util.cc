#include "tests/checks/check_test_util.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "certval/testing/pki/der_builder.h"
#include "certval/validator/finding.h"

namespace certval::checktest {
namespace {

using testpki::PositiveInteger;
using testpki::Tlv;

std::string Hex(const char* hex) { return absl::HexStringToBytes(hex); }

// SEQUENCE { algorithm, BIT STRING { 0 unused bits, key } }.
std::string Spki(const std::string& algorithm_der, const std::string& key) {
  return Tlv(0x30, algorithm_der + Tlv(0x03, std::string(1, '\0') + key));
}

std::string Sequence(const std::string& contents) { return Tlv(0x30, contents); }

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
      Sequence(Hex("06072a8648ce380401") +
               Sequence(PositiveInteger(p) + PositiveInteger(q) + PositiveInteger(g)));
  return Spki(algorithm, PositiveInteger(y));
}

std::string UnknownAlgorithmSpki() {
  // AlgorithmIdentifier { 1.2.3.4 } and a few key bytes.
  return Spki(Hex("300506032a0304"), Hex("01020304"));
}

}  // namespace certval::checktest
