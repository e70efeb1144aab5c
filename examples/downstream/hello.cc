// A program in another workspace that uses certval the way an application would: it checks a PEM
// chain (leaf first, then intermediates) for a host name against the system's trust store
// (SSL_CERT_FILE, SSL_CERT_DIR, then the distribution's bundle).
//
//   hello CHAIN.pem HOST    exit 0 valid, 1 rejected, 2 not validated (unreadable input, no store)
#include <fstream>
#include <iostream>
#include <sstream>

#include "certval/quick/verify.h"
#include "certval/validator/version.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: hello CHAIN.pem HOST\n";
    return 2;
  }
  std::ifstream file(argv[1], std::ios::binary);
  if (!file) {
    std::cerr << "hello: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::stringstream pem;
  pem << file.rdbuf();
  absl::StatusOr<certval::ValidationResult> result = certval::VerifyPemChain(pem.str(), argv[2]);
  if (!result.ok()) {
    std::cerr << "hello: " << result.status() << "\n";
    return 2;
  }
  std::cout << "certval " << certval::kVersion << ": " << argv[2] << ": "
            << (result->valid ? "valid" : "rejected") << "\n"
            << result->ErrorSummary();
  return result->valid ? 0 : 1;
}
