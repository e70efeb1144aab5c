#include "bench/bench_chains.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "bench/bench_params.h"
#include "certval/testing/pki/test_pki.h"
#include "certval/validator/certificate.h"
#include "certval/validator/pem.h"

namespace certval::bench {
namespace {

using testpki::Key;
using testpki::KeyKind;

std::string ChainPath(absl::string_view dir, absl::string_view name) {
  return absl::StrCat(dir, "/", name, ".pem");
}

}  // namespace

absl::StatusOr<BenchChain> MintChain(absl::string_view name) {
  std::vector<absl::string_view> parts = absl::StrSplit(name, '_');
  int length = 0;
  if (parts.size() != 2 || !absl::SimpleAtoi(parts[1], &length) || length < 2 || length > 10) {
    return absl::InvalidArgumentError(absl::StrCat("bad chain name '", name, "'"));
  }
  KeyKind ca_kind, leaf_kind;
  if (parts[0] == "rsa2048") {
    ca_kind = leaf_kind = KeyKind::kRsa2048;
  } else if (parts[0] == "p256") {
    ca_kind = leaf_kind = KeyKind::kEcP256;
  } else if (parts[0] == "mixed") {
    ca_kind = KeyKind::kRsa2048;
    leaf_kind = KeyKind::kEcP256;
  } else {
    return absl::InvalidArgumentError(absl::StrCat("bad chain kind in '", name, "'"));
  }
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  testpki::TestCa ca =
      testpki::TestCa::Root(testpki::RootSpec("Bench Root CA", t), Key::Cached(ca_kind, 0));
  BenchChain chain{std::string(name), {}};
  chain.der.push_back(ca.cert_der());
  // Intermediates without pathLen, so any length is a valid path.
  for (int i = 1; i <= length - 2; ++i) {
    ca = ca.IssueCa(
        testpki::IntermediateSpec(absl::StrCat("Bench Intermediate CA ", i), t, std::nullopt),
        Key::Cached(ca_kind, i));
    chain.der.push_back(ca.cert_der());
  }
  chain.der.push_back(ca.Issue(testpki::LeafSpec(kHost, t), Key::Cached(leaf_kind, 100)));
  std::reverse(chain.der.begin(), chain.der.end());
  return chain;
}

absl::StatusOr<BenchChain> LoadOrMintChain(absl::string_view dir, absl::string_view name) {
  if (dir.empty()) return MintChain(name);
  std::ifstream in(ChainPath(dir, name));
  if (!in) return absl::NotFoundError(absl::StrCat("cannot read ", ChainPath(dir, name)));
  std::stringstream text;
  text << in.rdbuf();
  auto der = DecodePemCertificates(text.str());
  if (!der.ok()) return der.status();
  if (der->size() < 2)
    return absl::InvalidArgumentError(ChainPath(dir, name) + " has < 2 certificates");
  return BenchChain{std::string(name), *std::move(der)};
}

absl::Status WriteChain(absl::string_view dir, const BenchChain& chain) {
  std::ofstream out(ChainPath(dir, chain.name));
  for (const std::string& der : chain.der) out << testpki::DerToPem(der);
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", ChainPath(dir, chain.name)));
  return absl::OkStatus();
}

std::vector<std::string> UnrelatedRoots(size_t n) {
  const absl::Time t = absl::FromUnixSeconds(kVerifyUnixSeconds);
  const Key key = Key::Cached(KeyKind::kEcP256, 7);
  std::vector<std::string> roots;
  roots.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    roots.push_back(
        testpki::SelfSigned(testpki::RootSpec(absl::StrCat("Unrelated Root ", i), t), key));
  }
  return roots;
}

}  // namespace certval::bench
