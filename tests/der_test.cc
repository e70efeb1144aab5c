// validator/der.h must accept and reject exactly what BoringSSL's CBS readers do, and split the
// input the same way: compared here on every short input, on every length form, and on random
// bytes.
#include "certval/validator/der.h"

#include <openssl/bytestring.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace certval {
namespace {

constexpr unsigned kTags[] = {
    CBS_ASN1_SEQUENCE,
    CBS_ASN1_SET,
    CBS_ASN1_INTEGER,
    CBS_ASN1_BOOLEAN,
    CBS_ASN1_BITSTRING,
    CBS_ASN1_OCTETSTRING,
    CBS_ASN1_OBJECT,
    CBS_ASN1_UTF8STRING,
    CBS_ASN1_CONTEXT_SPECIFIC | 0,
    CBS_ASN1_CONTEXT_SPECIFIC | 2,
    CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 0,
    CBS_ASN1_CONTEXT_SPECIFIC | CBS_ASN1_CONSTRUCTED | 3,
};

CBS Cbs(const std::string& bytes) {
  CBS cbs;
  CBS_init(&cbs, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  return cbs;
}

bool Same(const CBS& a, const CBS& b) { return a.data == b.data && a.len == b.len; }

// Every reader, on `bytes`, agrees with its BoringSSL counterpart: result, output and remainder.
void ExpectAgreement(const std::string& bytes) {
  for (unsigned tag : kTags) {
    CBS mine = Cbs(bytes), theirs = Cbs(bytes), mine_out{}, theirs_out{};
    const bool got = der::Get(&mine, &mine_out, tag);
    ASSERT_EQ(got, CBS_get_asn1(&theirs, &theirs_out, tag) == 1) << "Get, tag " << tag;
    if (got) {
      ASSERT_TRUE(Same(mine, theirs) && Same(mine_out, theirs_out)) << "Get, tag " << tag;
    }

    mine = theirs = Cbs(bytes);
    const bool got_element = der::GetElement(&mine, &mine_out, tag);
    ASSERT_EQ(got_element, CBS_get_asn1_element(&theirs, &theirs_out, tag) == 1)
        << "GetElement, tag " << tag;
    if (got_element) {
      ASSERT_TRUE(Same(mine, theirs) && Same(mine_out, theirs_out)) << "GetElement, tag " << tag;
    }

    const CBS input = Cbs(bytes);
    ASSERT_EQ(der::Peek(input, tag), CBS_peek_asn1_tag(&input, tag) == 1) << "Peek, tag " << tag;
  }
  CBS mine = Cbs(bytes), theirs = Cbs(bytes), mine_out{}, theirs_out{};
  unsigned mine_tag = 0, theirs_tag = 0;
  size_t mine_header = 0, theirs_header = 0;
  const bool got = der::GetAnyElement(&mine, &mine_out, &mine_tag, &mine_header);
  ASSERT_EQ(got, CBS_get_any_asn1_element(&theirs, &theirs_out, &theirs_tag, &theirs_header) == 1)
      << "GetAnyElement";
  if (got) {
    ASSERT_TRUE(Same(mine, theirs) && Same(mine_out, theirs_out)) << "GetAnyElement";
    ASSERT_EQ(mine_tag, theirs_tag);
    ASSERT_EQ(mine_header, theirs_header);
  }
}

TEST(DerTest, AgreesWithBoringSslOnEveryInputOfUpToTwoBytes) {
  ExpectAgreement("");
  for (int a = 0; a < 256; ++a) {
    ExpectAgreement(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      ExpectAgreement(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
  }
}

// Short and long length forms, minimal and not, with the contents exactly there, short by one, or
// followed by more data.
TEST(DerTest, AgreesWithBoringSslOnEveryLengthForm) {
  const std::vector<uint32_t> lengths = {0, 1, 127, 128, 255, 256, 300, 65535, 65536, 70000};
  for (unsigned tag : kTags) {
    const char identifier = static_cast<char>(der::IdentifierOctet(tag));
    for (uint32_t length : lengths) {
      for (int octets = 0; octets <= 5; ++octets) {
        std::string header(1, identifier);
        if (octets == 0) {
          if (length > 127) continue;
          header.push_back(static_cast<char>(length));
        } else {
          header.push_back(static_cast<char>(0x80 | octets));
          for (int i = octets - 1; i >= 0; --i) {
            header.push_back(static_cast<char>(i >= 4 ? 0 : (length >> (8 * i)) & 0xff));
          }
        }
        for (int64_t delta : {-1, 0, 1}) {
          if (static_cast<int64_t>(length) + delta < 0) continue;
          SCOPED_TRACE(testing::Message()
                       << "length " << length << ", " << octets << " octets, " << delta);
          ExpectAgreement(header + std::string(length + delta, 'x'));
        }
      }
      // The indefinite form (BER).
      ExpectAgreement(std::string{identifier, '\x80', 'x', '\0', '\0'});
    }
  }
}

TEST(DerTest, AgreesWithBoringSslOnRandomBytes) {
  std::mt19937 random(20261123);
  std::uniform_int_distribution<int> byte(0, 255), size(0, 12);
  for (int i = 0; i < 200000; ++i) {
    std::string bytes(size(random), '\0');
    for (char& c : bytes) c = static_cast<char>(byte(random));
    // Half the time, start with a tag the readers are asked for.
    if (!bytes.empty() && i % 2 == 0)
      bytes[0] = static_cast<char>(der::IdentifierOctet(kTags[i % 12]));
    ExpectAgreement(bytes);
  }
}

}  // namespace
}  // namespace certval
