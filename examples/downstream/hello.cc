// A program in another workspace that uses certval: mints a small PKI, trusts its root and
// validates the leaf for its host name, then for a wrong one.
#include <iostream>
#include <memory>

#include "absl/time/clock.h"
#include "tests/pki/test_pki.h"
#include "trust/trust_store.h"
#include "validator/validator.h"

int main() {
  using namespace certval;
  const absl::Time now = absl::Now();
  testpki::Chain chain = testpki::MakeChain(testpki::KeyKind::kEcP256, "downstream.test", now);

  auto roots = std::make_shared<TrustStore>();
  if (!roots->AddRootDer(chain.root).ok()) return 2;
  Validator validator(roots);

  ValidationRequest request;
  request.leaf = chain.leaf;
  request.intermediates = {chain.intermediate};
  request.time = now;
  request.peer_name = PeerName::Dns("downstream.test");
  ValidationResult good = validator.Validate(request);
  std::cout << "downstream.test: " << (good.valid ? "valid" : "REJECTED") << "\n" << good.ErrorSummary();

  request.peer_name = PeerName::Dns("elsewhere.test");
  ValidationResult bad = validator.Validate(request);
  std::cout << "elsewhere.test: " << (bad.valid ? "valid" : "rejected") << "\n" << bad.ErrorSummary();
  return good.valid ? 0 : 1;
}
