#include "certval/testing/pki/der_builder.h"

namespace certval::testpki {
std::string Tlv(uint8_t tag, std::string_view contents) {
  std::string out(1, static_cast<char>(tag));
  size_t n = contents.size();
  if (n < 0x80) {
    out.push_back(static_cast<char>(n));
  } else {
    std::string length;
    for (; n != 0; n >>= 8) length.insert(length.begin(), static_cast<char>(n & 0xff));
    out.push_back(static_cast<char>(0x80 | length.size()));
    out += length;
  }
  out.append(contents);
  return out;
}

std::string PositiveInteger(std::string magnitude) {
  if (static_cast<uint8_t>(magnitude[0]) & 0x80) magnitude.insert(0, 1, '\0');
  return Tlv(0x02, magnitude);
}

std::string RsaSpki(int modulus_bits) {
  std::string n((modulus_bits + 7) / 8, '\x5a');
  n[0] = static_cast<char>(1 << ((modulus_bits - 1) % 8));  // exactly modulus_bits long
  n.back() = '\x5b';                                        // odd, like a real modulus
  const std::string rsa_public_key =
      Tlv(0x30, PositiveInteger(n) + PositiveInteger(std::string("\x01\x00\x01", 3)));
  const std::string rsa_encryption_with_null =
      Tlv(0x30, Tlv(0x06, "\x2a\x86\x48\x86\xf7\x0d\x01\x01\x01") + std::string("\x05\x00", 2));
  return Tlv(0x30, rsa_encryption_with_null + Tlv(0x03, std::string(1, '\0') + rsa_public_key));
}

}  // namespace certval::testpki
