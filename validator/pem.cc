// DecodePemCertificates: the RFC 7468 textual encoding, as found in certificate bundles. Text
// outside BEGIN/END blocks is ignored; blocks of other types are skipped unread.
#include "certval/validator/pem.h"

#include <openssl/base64.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace certval {
namespace {

constexpr absl::string_view kBegin = "-----BEGIN ";
constexpr absl::string_view kEnd = "-----END ";
constexpr absl::string_view kDashes = "-----";
constexpr absl::string_view kCertificate = "CERTIFICATE";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

absl::string_view Trim(absl::string_view line) {
  while (!line.empty() && IsBlank(line.front())) line.remove_prefix(1);
  while (!line.empty() && IsBlank(line.back())) line.remove_suffix(1);
  return line;
}

// The label of a "<prefix><label>-----" line, if `line` is one.
std::optional<absl::string_view> Label(absl::string_view line, absl::string_view prefix) {
  if (line.size() < prefix.size() + kDashes.size() || line.substr(0, prefix.size()) != prefix ||
      line.substr(line.size() - kDashes.size()) != kDashes) {
    return std::nullopt;
  }
  return line.substr(prefix.size(), line.size() - prefix.size() - kDashes.size());
}

absl::Status LineError(int line, absl::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("line ", line, ": ", what));
}

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' ||
         c == '/' || c == '=';
}

struct Block {
  absl::string_view label;
  int begin_line;
  std::string base64;  // CERTIFICATE blocks only, white space removed
};

absl::StatusOr<std::string> DecodeBlock(const Block& block) {
  size_t max_len, len;
  if (block.base64.empty()) return LineError(block.begin_line, "empty CERTIFICATE block");
  if (!EVP_DecodedLength(&max_len, block.base64.size())) {
    return LineError(block.begin_line, "invalid base64 (length is not a multiple of 4)");
  }
  std::string der(max_len, '\0');
  if (!EVP_DecodeBase64(reinterpret_cast<uint8_t*>(der.data()), &len, max_len,
                        reinterpret_cast<const uint8_t*>(block.base64.data()),
                        block.base64.size())) {
    return LineError(block.begin_line, "invalid base64 (bad padding)");
  }
  der.resize(len);
  return der;
}

// Appends the base64 characters of one content line; fails on anything else.
absl::Status AppendBase64(absl::string_view line, int line_number, std::string* out) {
  for (char c : line) {
    if (c == ' ' || c == '\t') continue;
    if (!IsBase64Char(c)) return LineError(line_number, "invalid base64 character");
    out->push_back(c);
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> DecodePemCertificates(absl::string_view pem,
                                                               int* skipped) {
  return DecodePemBlocks(pem, kCertificate, skipped);
}

absl::StatusOr<std::vector<std::string>> DecodePemBlocks(absl::string_view pem,
                                                         absl::string_view type, int* skipped) {
  std::vector<std::string> certificates;
  int other_blocks = 0;
  std::optional<Block> block;
  int line_number = 0;
  while (!pem.empty()) {
    const size_t newline = pem.find('\n');
    const absl::string_view line = Trim(pem.substr(0, newline));
    pem.remove_prefix(newline == absl::string_view::npos ? pem.size() : newline + 1);
    ++line_number;

    if (!block.has_value()) {
      if (std::optional<absl::string_view> label = Label(line, kBegin))
        block = Block{*label, line_number, {}};
      continue;
    }
    if (std::optional<absl::string_view> label = Label(line, kEnd)) {
      if (*label != block->label) {
        return LineError(line_number, absl::StrCat("END ", *label, " does not match BEGIN ",
                                                   block->label, " on line ", block->begin_line));
      }
      if (block->label != type) {
        ++other_blocks;
      } else {
        absl::StatusOr<std::string> der = DecodeBlock(*block);
        if (!der.ok()) return der.status();
        certificates.push_back(*std::move(der));
      }
      block.reset();
      continue;
    }
    if (Label(line, kBegin).has_value()) {
      return LineError(block->begin_line,
                       absl::StrCat("END line missing for ", block->label, " block"));
    }
    if (block->label != type) continue;
    if (absl::Status status = AppendBase64(line, line_number, &block->base64); !status.ok())
      return status;
  }
  if (block.has_value()) {
    return LineError(block->begin_line,
                     absl::StrCat("END line missing for ", block->label, " block"));
  }
  if (skipped != nullptr) *skipped = other_blocks;
  if (certificates.empty()) return absl::InvalidArgumentError(absl::StrCat("no ", type, " block"));
  return certificates;
}

std::vector<int> PemCertificateLines(absl::string_view text) {
  std::vector<int> lines;
  int number = 0;
  while (!text.empty()) {
    const size_t newline = text.find('\n');
    absl::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == absl::string_view::npos ? text.size() : newline + 1);
    ++number;
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (line == "-----BEGIN CERTIFICATE-----") lines.push_back(number);
  }
  return lines;
}

}  // namespace certval
