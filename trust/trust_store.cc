#include "certval/trust/trust_store.h"

#include <openssl/bytestring.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/sha.h>

#include <algorithm>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <utility>

#include "certval/trust/root_programs.h"

namespace certval {

std::string SpkiSha256(const Certificate& cert) {
  Der spki = cert.public_key().spki;
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const uint8_t*>(spki.data()), spki.size(), digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

bool TrustStore::DistrustedLocked(const Certificate& cert) const {
  if (!distrusted_cert_sha256_.empty()) {
    const Sha256Digest& fp = cert.der_sha256();
    if (distrusted_cert_sha256_.contains(
            absl::string_view(reinterpret_cast<const char*>(fp.data()), fp.size()))) {
      return true;
    }
  }
  if (distrusted_spki_.empty()) return false;
  // The key itself (its canonical encoding) and the bytes as presented, for digests given directly.
  return distrusted_spki_.contains(KeySha256(cert)) || distrusted_spki_.contains(SpkiSha256(cert));
}

namespace {

std::string Sha256Of(const uint8_t* data, size_t len) {
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(data, len, digest);
  return std::string(reinterpret_cast<const char*>(digest), sizeof(digest));
}

}  // namespace

std::string KeySha256(const Certificate& cert) {
  EVP_PKEY* key = cert.verification_key();
  CBB cbb;
  uint8_t* der = nullptr;
  size_t len = 0;
  if (key == nullptr || !CBB_init(&cbb, 128) || !EVP_marshal_public_key(&cbb, key) ||
      !CBB_finish(&cbb, &der, &len)) {
    if (key != nullptr) CBB_cleanup(&cbb);
    return SpkiSha256(cert);  // a key BoringSSL cannot read: its bytes are all there is to compare
  }
  std::string digest = Sha256Of(der, len);
  OPENSSL_free(der);
  return digest;
}

bool TrustStore::InsertRootLocked(CertificatePtr cert,
                                  std::shared_ptr<const AnchorConstraints> constraints,
                                  AnchorOrigin origin) {
  // The view points into the certificate's own buffer, kept alive by by_subject_ below.
  if (!root_der_.insert(absl::string_view(cert->der())).second) return false;
  by_subject_[cert->subject().normalized].push_back(
      Anchor{std::move(cert), std::move(constraints), origin});
  ++root_count_;
  return true;
}

namespace {

std::optional<absl::Time> Earlier(std::optional<absl::Time> a, std::optional<absl::Time> b) {
  if (!a) return b;
  if (!b) return a;
  return std::min(*a, *b);
}

// What a root is, once root-program metadata is applied. Computed before taking the lock.
struct Prepared {
  std::shared_ptr<const AnchorConstraints> constraints;
  AnchorOrigin origin;
  bool distrusted = false;  // Mozilla distrusts it for every purpose
};

// A Mozilla root is one whichever file it came from: no caller can make it private, and no caller
// can lift Mozilla's limits on it, only add their own.
Prepared Prepare(const Certificate& cert, std::shared_ptr<const AnchorConstraints> constraints,
                 AnchorOrigin requested) {
  std::optional<MozillaRootInfo> mozilla = FindMozillaRoot(cert.der_sha256());
  if (!mozilla) return {std::move(constraints), requested};
  auto merged = constraints ? std::make_shared<AnchorConstraints>(*constraints)
                            : std::make_shared<AnchorConstraints>();
  merged->trusted_for_server &= mozilla->server == MozillaTrust::kTrusted;
  merged->trusted_for_email &= mozilla->email == MozillaTrust::kTrusted;
  merged->server_distrust_after =
      Earlier(merged->server_distrust_after, mozilla->server_distrust_after);
  merged->email_distrust_after =
      Earlier(merged->email_distrust_after, mozilla->email_distrust_after);
  const bool distrusted =
      mozilla->server == MozillaTrust::kDistrusted && mozilla->email == MozillaTrust::kDistrusted;
  return {std::move(merged), AnchorOrigin::kRootProgram, distrusted};
}

std::string DigestKey(const Sha256Digest& d) {
  return std::string(reinterpret_cast<const char*>(d.data()), d.size());
}

}  // namespace

void TrustStore::AddRoot(CertificatePtr cert, std::shared_ptr<const AnchorConstraints> constraints,
                         AnchorOrigin origin) {
  Prepared p = Prepare(*cert, std::move(constraints), origin);
  std::unique_lock<std::shared_mutex> lock(mu_);
  if (p.distrusted) distrusted_cert_sha256_.insert(DigestKey(cert->der_sha256()));
  InsertRootLocked(std::move(cert), std::move(p.constraints), p.origin);
}

size_t TrustStore::AddRoots(const std::vector<CertificatePtr>& certs, AnchorOrigin origin) {
  std::vector<Prepared> prepared;
  prepared.reserve(certs.size());
  for (const CertificatePtr& cert : certs) {
    prepared.push_back(cert != nullptr ? Prepare(*cert, nullptr, origin)
                                       : Prepared{nullptr, origin});
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  // Sizing once avoids the repeated rehashes a long run of single inserts would cause.
  const size_t expected = root_count_ + certs.size();
  root_der_.reserve(expected);
  by_subject_.reserve(expected);
  size_t added = 0;
  for (size_t i = 0; i < certs.size(); ++i) {
    if (certs[i] == nullptr) continue;
    if (prepared[i].distrusted) distrusted_cert_sha256_.insert(DigestKey(certs[i]->der_sha256()));
    if (InsertRootLocked(certs[i], std::move(prepared[i].constraints), prepared[i].origin)) ++added;
  }
  return added;
}

void TrustStore::AddCert(CertificatePtr cert) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  Der key = cert->der();  // the view stays valid: the map keeps the certificate alive
  exact_.emplace(key, std::move(cert));
}

void TrustStore::Distrust(const Certificate& cert) { DistrustSpkiSha256(KeySha256(cert)); }

void TrustStore::DistrustSpkiSha256(std::string digest) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  distrusted_spki_.insert(std::move(digest));
}

void TrustStore::DistrustCertificateSha256(const Sha256Digest& fingerprint) {
  std::unique_lock<std::shared_mutex> lock(mu_);
  distrusted_cert_sha256_.insert(DigestKey(fingerprint));
}

absl::Status TrustStore::AddRootDer(std::string der, AnchorOrigin origin) {
  auto cert = Certificate::Parse(std::move(der));
  if (!cert.ok()) return cert.status();
  AddRoot(*std::move(cert), nullptr, origin);
  return absl::OkStatus();
}

absl::Status TrustStore::AddCertDer(std::string der) {
  auto cert = Certificate::Parse(std::move(der));
  if (!cert.ok()) return cert.status();
  AddCert(*std::move(cert));
  return absl::OkStatus();
}

size_t TrustStore::root_count() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return root_count_;
}

std::vector<CertificatePtr> TrustStore::Roots() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  std::vector<CertificatePtr> out;
  out.reserve(root_count_);
  for (const auto& [subject, anchors] : by_subject_) {
    for (const Anchor& a : anchors) out.push_back(a.cert);
  }
  return out;
}

std::vector<std::pair<CertificatePtr, TrustInfo>> TrustStore::Anchors() const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  std::vector<std::pair<CertificatePtr, TrustInfo>> out;
  out.reserve(root_count_);
  for (const auto& [subject, anchors] : by_subject_) {
    for (const Anchor& a : anchors) {
      TrustInfo info{DistrustedLocked(*a.cert) ? TrustKind::kDistrusted : TrustKind::kAnchor,
                     a.constraints, a.origin, name_};
      out.emplace_back(a.cert, std::move(info));
    }
  }
  return out;
}

bool TrustStore::IsDistrusted(const Certificate& cert) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  return DistrustedLocked(cert);
}

void TrustStore::FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = by_subject_.find(child.issuer().normalized);
  if (it == by_subject_.end()) return;
  for (const Anchor& a : it->second) out->push_back(a.cert);
}

TrustInfo TrustStore::GetTrust(const Certificate& cert) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  // Distrust first: it must win over any AddRoot or AddCert of the same key.
  if (DistrustedLocked(cert)) {
    return {TrustKind::kDistrusted, nullptr, AnchorOrigin::kRootProgram, name_};
  }
  if (!exact_.empty() && exact_.contains(Der(cert.der()))) {
    return {TrustKind::kLeaf, nullptr, AnchorOrigin::kRootProgram, name_};
  }
  // Only the stored certificate itself is an anchor. A presented one with the same subject and key
  // but other contents (no nameConstraints, another validity, a forged self-signature) is just an
  // untrusted certificate: an anchor's properties come from the store (RFC 5280 6.1.1(d)).
  auto it = by_subject_.find(cert.subject().normalized);
  if (it != by_subject_.end()) {
    for (const Anchor& a : it->second) {
      if (a.cert->der() == cert.der()) return {TrustKind::kAnchor, a.constraints, a.origin, name_};
    }
  }
  return {};
}

}  // namespace certval
