// Fuzzes certval::RevocationSet::Load on the raw input. The checksum would stop almost every
// mutation at the door, so the fuzzer appends the right one (the input stands for the body) and
// exercises the structural checks; then every lookup of a loaded set must stay in bounds.

#include <openssl/sha.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "certval/trust/revocation_set.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  uint8_t digest[SHA256_DIGEST_LENGTH];
  SHA256(data, size, digest);
  bytes.append(reinterpret_cast<const char*>(digest), sizeof digest);
  auto set = certval::RevocationSet::Load(std::move(bytes));
  if (!set.ok()) return 0;
  certval::Sha256Digest key{};
  for (size_t i = 0; i < key.size() && i < size; ++i) key[i] = data[i];
  volatile bool b = (*set)->IsBlocked(key);
  const std::string serial(reinterpret_cast<const char*>(data), size < 20 ? size : 20);
  (void)(*set)->IsRevoked(key, serial);
  (void)b;
  return 0;
}
