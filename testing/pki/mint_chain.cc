// Writes a freshly minted root -> intermediate -> leaf for one host name into a directory, for
// programs that take files (the downstream example in CI):
//
//   mint_chain DIR HOST    writes DIR/root.pem and DIR/chain.pem (leaf, then intermediate)
//
// P-256 keys, the web PKI shapes of test_pki.h, valid from a day ago for 90 days.
#include <cstdio>
#include <fstream>
#include <string>

#include "absl/time/clock.h"
#include "certval/testing/pki/test_pki.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: mint_chain DIR HOST\n");
    return 2;
  }
  const std::string dir = argv[1];
  const certval::testpki::Chain chain =
      certval::testpki::MakeChain(certval::testpki::KeyKind::kEcP256, argv[2], absl::Now());
  std::ofstream root(dir + "/root.pem");
  root << certval::testpki::DerToPem(chain.root);
  std::ofstream pem(dir + "/chain.pem");
  pem << chain.ServerChainPem();
  root.close();
  pem.close();
  if (!root || !pem) {
    std::fprintf(stderr, "mint_chain: cannot write into %s\n", dir.c_str());
    return 1;
  }
  std::printf("%s/root.pem\n%s/chain.pem\n", dir.c_str(), dir.c_str());
  return 0;
}
