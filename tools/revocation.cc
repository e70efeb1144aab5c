#include "tools/revocation.h"

#include <fstream>
#include <sstream>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "certval/validator/crl.h"
#include "certval/validator/pem.h"
#include "certval/validator/signature_verifier.h"

namespace certval {
namespace {

// A CRL of a large CA is tens of megabytes; nothing an operator feeds this tool is larger.
constexpr size_t kMaxRevocationFileBytes = size_t{64} << 20;

absl::StatusOr<std::string> ReadLimited(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::string data;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > kMaxRevocationFileBytes) {
      return absl::FailedPreconditionError(absl::StrCat(path, ": more than 64 MiB"));
    }
  }
  if (in.bad()) return absl::DataLossError(absl::StrCat(path, ": cannot read"));
  if (data.empty()) return absl::InvalidArgumentError(absl::StrCat(path, ": empty"));
  return data;
}

}  // namespace

absl::StatusOr<std::vector<std::string>> ReadCrlFile(const std::string& path) {
  auto data = ReadLimited(path);
  if (!data.ok()) return data.status();
  if (!absl::StrContains(*data, "-----BEGIN ")) return std::vector<std::string>{*std::move(data)};
  auto ders = DecodePemBlocks(*data, "X509 CRL");
  if (!ders.ok())
    return absl::InvalidArgumentError(absl::StrCat(path, ": ", ders.status().message()));
  return ders;
}

absl::StatusOr<std::string> ReadOcspFile(const std::string& path) { return ReadLimited(path); }

absl::StatusOr<RevocationSet::Contents> RevocationSetFromCrls(
    const std::vector<std::string>& crls, const std::vector<CertificatePtr>& issuers,
    const std::vector<CertificatePtr>& blocked, std::vector<std::string>* notes) {
  RevocationSet::Contents contents;
  for (size_t i = 0; i < crls.size(); ++i) {
    auto crl = Crl::Parse(crls[i]);
    if (!crl.ok())
      return absl::InvalidArgumentError(absl::StrCat("CRL #", i + 1, ": ", crl.status().message()));
    const Crl& k = **crl;
    if (k.is_delta()) {
      return absl::InvalidArgumentError(
          absl::StrCat("CRL #", i + 1, " is a delta CRL: build from complete CRLs"));
    }
    CertificatePtr signer;
    for (const CertificatePtr& c : issuers) {
      if (c->subject().normalized != k.issuer().normalized) continue;
      if (SignatureVerifier::VerifySignedBy(k.signature_algorithm(), *c, k.tbs(), k.signature())
              .ok()) {
        signer = c;
        break;
      }
    }
    if (signer == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "CRL #", i + 1,
          ": no --issuers certificate has its issuer's name and verifies its signature"));
    }
    RevocationSet::Contents::Issuer issuer;
    issuer.spki_sha256 = signer->spki_sha256();
    size_t other = 0;
    for (const CrlEntry& e : k.entries()) {
      if (e.issuer_group != -1) {
        ++other;
        continue;
      }
      // removeFromCRL entries (delta CRLs only, in principle) do not revoke.
      if (e.reason == RevocationReason::kRemoveFromCrl) continue;
      issuer.serials.emplace_back(e.serial);
    }
    if (other > 0) {
      notes->push_back(absl::StrCat("CRL #", i + 1, ": ", other,
                                    " entries for other issuers (an indirect CRL) left out"));
    }
    contents.issuers.push_back(std::move(issuer));
  }
  for (const CertificatePtr& c : blocked) contents.blocked_spki_sha256.push_back(c->spki_sha256());
  return contents;
}

}  // namespace certval
