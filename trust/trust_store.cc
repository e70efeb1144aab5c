#include "certval/trust/trust_store.h"

#include <openssl/bytestring.h>
#include <openssl/evp.h>
#include <openssl/mem.h>
#include <openssl/sha.h>

#include <mutex>
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
  if (cert->subject_key_id()) by_key_id_[std::string(*cert->subject_key_id())].push_back(cert);
  by_subject_[cert->subject().normalized].push_back(
      Anchor{std::move(cert), std::move(constraints), origin});
  ++root_count_;
  return true;
}

namespace {

// A Mozilla root is one whichever file it came from: no caller can make it private. Hashing is
// done before taking the lock.
AnchorOrigin OriginOf(const Certificate& cert, AnchorOrigin requested) {
  return IsMozillaRoot(cert) ? AnchorOrigin::kRootProgram : requested;
}

}  // namespace

void TrustStore::AddRoot(CertificatePtr cert, std::shared_ptr<const AnchorConstraints> constraints,
                         AnchorOrigin origin) {
  origin = OriginOf(*cert, origin);
  std::unique_lock<std::shared_mutex> lock(mu_);
  InsertRootLocked(std::move(cert), std::move(constraints), origin);
}

size_t TrustStore::AddRoots(const std::vector<CertificatePtr>& certs, AnchorOrigin origin) {
  std::vector<AnchorOrigin> origins;
  origins.reserve(certs.size());
  for (const CertificatePtr& cert : certs) {
    origins.push_back(cert != nullptr ? OriginOf(*cert, origin) : origin);
  }
  std::unique_lock<std::shared_mutex> lock(mu_);
  // Sizing once avoids the repeated rehashes a long run of single inserts would cause.
  const size_t expected = root_count_ + certs.size();
  root_der_.reserve(expected);
  by_subject_.reserve(expected);
  by_key_id_.reserve(expected);
  size_t added = 0;
  for (size_t i = 0; i < certs.size(); ++i) {
    if (certs[i] != nullptr && InsertRootLocked(certs[i], nullptr, origins[i])) ++added;
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

std::vector<CertificatePtr> TrustStore::FindBySubjectKeyId(Der key_id) const {
  std::shared_lock<std::shared_mutex> lock(mu_);
  auto it = by_key_id_.find(key_id);  // heterogeneous: no temporary std::string
  return it == by_key_id_.end() ? std::vector<CertificatePtr>{} : it->second;
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
  if (DistrustedLocked(cert)) return {TrustKind::kDistrusted, nullptr};
  if (!exact_.empty() && exact_.contains(Der(cert.der()))) return {TrustKind::kLeaf, nullptr};
  // Only the stored certificate itself is an anchor. A presented one with the same subject and key
  // but other contents (no nameConstraints, another validity, a forged self-signature) is just an
  // untrusted certificate: an anchor's properties come from the store (RFC 5280 6.1.1(d)).
  auto it = by_subject_.find(cert.subject().normalized);
  if (it != by_subject_.end()) {
    for (const Anchor& a : it->second) {
      if (a.cert->der() == cert.der()) return {TrustKind::kAnchor, a.constraints, a.origin};
    }
  }
  return {};
}

}  // namespace certval
