// Hand-made DER for tests that need bytes the test-PKI builder does not produce: a TLV of any tag
// and length, and SubjectPublicKeyInfos for keys it cannot mint. Nothing here is checked: tests use
// it to build deliberately unusual or malformed fields.
#ifndef CERTVAL_TESTING_PKI_DER_BUILDER_H_
#define CERTVAL_TESTING_PKI_DER_BUILDER_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace certval::testpki {

// tag, definite length in its shortest form, contents.
std::string Tlv(uint8_t tag, std::string_view contents);

// A positive INTEGER whose value has these big-endian magnitude bytes (a leading zero is added
// when the top bit is set).
std::string PositiveInteger(std::string magnitude);

// An RSA SubjectPublicKeyInfo (rsaEncryption, NULL parameters) whose modulus is exactly
// `modulus_bits` long (any count, not only multiples of 8), odd, with e = 65537. The key material
// is made up: it is for checks that read a key's type and size, never for verifying signatures.
std::string RsaSpki(int modulus_bits);

}  // namespace certval::testpki

#endif  // CERTVAL_TESTING_PKI_DER_BUILDER_H_
