// CrlStore: CRLs held for many validations, as a RevocationSource (ValidatorOptions::
// revocation_sources). The revocation check authenticates every CRL it takes from here (signer,
// scope, time), so the store needs no trust of its own; it only parses and indexes by issuer.
//
// A CRL replaces the one it supersedes: same issuer, same scope (issuing distribution point), same
// kind (complete or delta), lower CRL number. So an application that adds each new CRL as it
// arrives keeps one per scope. Thread-safe: additions and lookups from any threads.
#ifndef CERTVAL_TRUST_CRL_STORE_H_
#define CERTVAL_TRUST_CRL_STORE_H_

#include <mutex>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "certval/validator/crl.h"
#include "certval/validator/revocation.h"

namespace certval {

class CrlStore : public RevocationSource {
 public:
  // Parses and adds; a malformed CRL (or one RFC 5280 says not to use) is an error and not added.
  absl::Status AddCrlDer(std::string der);
  void AddCrl(CrlPtr crl);
  size_t size() const;

  absl::string_view name() const override { return "crl_store"; }
  void FindCrls(const Name& issuer, std::vector<CrlPtr>* out) const override;

 private:
  mutable std::mutex mu_;
  absl::flat_hash_map<std::string, std::vector<CrlPtr>> by_issuer_;  // normalized issuer name
  size_t size_ = 0;
};

}  // namespace certval

#endif  // CERTVAL_TRUST_CRL_STORE_H_
