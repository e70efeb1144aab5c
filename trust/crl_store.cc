#include "certval/trust/crl_store.h"

#include <utility>

namespace certval {
namespace {

// Same issuer (the caller's bucket), same kind and same scope: the newer supersedes the older.
bool SameScope(const Crl& a, const Crl& b) {
  if (a.is_delta() != b.is_delta()) return false;
  const auto& x = a.issuing_distribution_point();
  const auto& y = b.issuing_distribution_point();
  return x.has_value() == y.has_value() && (!x || x->der == y->der);
}

}  // namespace

absl::Status CrlStore::AddCrlDer(std::string der) {
  auto crl = Crl::Parse(std::move(der));
  if (!crl.ok()) return crl.status();
  AddCrl(*std::move(crl));
  return absl::OkStatus();
}

void CrlStore::AddCrl(CrlPtr crl) {
  if (crl == nullptr) return;
  std::lock_guard<std::mutex> lock(mu_);
  std::vector<CrlPtr>& bucket = by_issuer_[crl->issuer().normalized];
  for (CrlPtr& held : bucket) {
    if (!SameScope(*held, *crl)) continue;
    // Keep the higher number; an equal one is the same CRL (or a reissue): keep what is held.
    if (CompareIntegers(crl->crl_number(), held->crl_number()) > 0) held = std::move(crl);
    return;
  }
  bucket.push_back(std::move(crl));
  ++size_;
}

size_t CrlStore::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return size_;
}

void CrlStore::FindCrls(const Name& issuer, std::vector<CrlPtr>* out) const {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = by_issuer_.find(issuer.normalized);
  if (it != by_issuer_.end()) out->insert(out->end(), it->second.begin(), it->second.end());
}

}  // namespace certval
