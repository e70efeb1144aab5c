// Input splitting shared by the fuzz targets.
#ifndef CERTVAL_FUZZ_SPLIT_H_
#define CERTVAL_FUZZ_SPLIT_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace certval::fuzz {

// Splits `data` into up to `max_pieces` pieces, each a 2-byte big-endian length then that many
// bytes. A length running past the end takes what is left. Inverse: JoinPieces.
inline std::vector<std::string> SplitPieces(const uint8_t* data, size_t size, size_t max_pieces) {
  std::vector<std::string> pieces;
  size_t pos = 0;
  while (pieces.size() < max_pieces && pos + 2 <= size) {
    size_t len = (size_t{data[pos]} << 8) | data[pos + 1];
    pos += 2;
    if (len > size - pos) len = size - pos;
    pieces.emplace_back(reinterpret_cast<const char*>(data + pos), len);
    pos += len;
  }
  return pieces;
}

inline std::string JoinPieces(const std::vector<std::string>& pieces) {
  std::string out;
  for (const std::string& p : pieces) {
    size_t len = p.size() > 0xffff ? 0xffff : p.size();
    out.push_back(static_cast<char>(len >> 8));
    out.push_back(static_cast<char>(len & 0xff));
    out.append(p, 0, len);
  }
  return out;
}

// Splits text on a separator byte into at most `max_pieces` pieces (the last keeps the rest).
inline std::vector<std::string> SplitOn(const uint8_t* data, size_t size, char sep,
                                        size_t max_pieces) {
  std::vector<std::string> pieces;
  std::string cur;
  for (size_t i = 0; i < size; ++i) {
    char c = static_cast<char>(data[i]);
    if (c == sep && pieces.size() + 1 < max_pieces) {
      pieces.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  pieces.push_back(std::move(cur));
  return pieces;
}

}  // namespace certval::fuzz

#endif  // CERTVAL_FUZZ_SPLIT_H_
