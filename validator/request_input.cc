#include "certval/validator/request_input.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/substitute.h"

namespace certval {
namespace {

size_t TotalSize(const std::vector<std::string>& ders) {
  size_t bytes = 0;
  for (const std::string& der : ders) bytes += der.size();
  return bytes;
}

// Too many or too large: an error finding under "limits"; `message` has $0 (count), $1 (limit).
bool WithinLimit(size_t count, size_t limit, FindingCode code, const char* message,
                 std::vector<Finding>* findings) {
  if (count <= limit) return true;
  findings->push_back(MakeFinding(code, -1, absl::Substitute(message, count, limit)));
  return false;
}

bool ParseChain(const ValidationRequest& request, const Limits& limits, CertificateCache* cache,
                RequestInput* input, std::vector<Finding>* findings) {
  if (request.parsed_leaf != nullptr) {
    input->leaf = request.parsed_leaf;
    input->intermediates = request.parsed_intermediates;
    return true;
  }
  if (!WithinLimit(request.leaf.size() + TotalSize(request.intermediates), limits.max_input_bytes,
                   code::kLimitsInputTooLarge, "chain of $0 bytes exceeds the limit of $1",
                   findings)) {
    return false;
  }
  auto parse = [cache](const std::string& der) {
    return cache != nullptr ? cache->Parse(der) : Certificate::Parse(der);
  };
  auto leaf = parse(request.leaf);
  if (!leaf.ok()) {
    findings->push_back(
        MakeFinding(code::kParseMalformedLeaf, 0, std::string(leaf.status().message())));
    return false;
  }
  input->leaf = *std::move(leaf);
  for (size_t i = 0; i < request.intermediates.size(); ++i) {
    auto cert = parse(request.intermediates[i]);
    if (cert.ok()) {
      input->intermediates.push_back(*std::move(cert));
    } else {
      // An unparseable intermediate can never be part of a path: note it and go on without it.
      findings->push_back(
          MakeFinding(code::kParseMalformedIntermediate, -1,
                      absl::StrCat("intermediate #", i + 1, " ignored: ", cert.status().message()),
                      Severity::kInfo));
    }
  }
  return true;
}

bool ParseCrls(const ValidationRequest& request, Budget& budget, RequestInput* input,
               std::vector<Finding>* findings) {
  for (size_t i = 0; i < request.crls.size(); ++i) {
    auto crl = Crl::Parse(request.crls[i],
                          [&budget](int64_t n) { return budget.ChargeRevocationSteps(n); });
    if (budget.exhausted()) {
      findings->push_back(budget.ExhaustedFinding());
      return false;
    }
    if (crl.ok()) {
      input->crls.push_back(*std::move(crl));
    } else {
      findings->push_back(MakeFinding(
          code::kParseMalformedCrl, -1,
          absl::StrCat("CRL #", i + 1, " ignored: ", crl.status().message()), Severity::kInfo));
    }
  }
  return true;
}

void ParseOcspResponses(const ValidationRequest& request, bool stapled, RequestInput* input,
                        std::vector<Finding>* findings) {
  std::vector<const std::string*> responses;
  if (stapled) responses.push_back(&*request.stapled_ocsp);
  for (const std::string& der : request.ocsp_responses) responses.push_back(&der);
  for (size_t i = 0; i < responses.size(); ++i) {
    auto response = OcspResponse::Parse(*responses[i]);
    if (response.ok()) {
      input->ocsp.push_back(*std::move(response));
      continue;
    }
    const bool is_staple = stapled && i == 0;
    const std::string which = is_staple ? std::string("the stapled OCSP response")
                                        : absl::StrCat("OCSP response #", i + (stapled ? 0 : 1));
    findings->push_back(MakeFinding(code::kParseMalformedOcspResponse, -1,
                                    absl::StrCat(which, " ignored: ", response.status().message()),
                                    Severity::kInfo));
    if (is_staple) input->staple_unparsed = true;
  }
}

bool ParseRevocationInput(const ValidationRequest& request, const Limits& limits,
                          bool parse_revocation, Budget& budget, RequestInput* input,
                          std::vector<Finding>* findings) {
  const bool stapled = request.stapled_ocsp.has_value() && !request.stapled_ocsp->empty();
  const size_t count = request.crls.size() + request.ocsp_responses.size() + (stapled ? 1 : 0);
  if (count == 0) return true;
  const size_t bytes = (stapled ? request.stapled_ocsp->size() : 0) + TotalSize(request.crls) +
                       TotalSize(request.ocsp_responses);
  if (!WithinLimit(count, limits.max_revocation_inputs, code::kLimitsTooManyRevocationInputs,
                   "$0 CRLs and OCSP responses given; the limit is $1", findings) ||
      !WithinLimit(bytes, limits.max_revocation_input_bytes, code::kLimitsRevocationInputTooLarge,
                   "revocation data of $0 bytes exceeds the limit of $1", findings)) {
    return false;
  }
  // Parsed only when the check will run; what does not parse is set aside (and said so), as an
  // unparseable intermediate is: the certificates it was meant for end up unknown.
  if (!parse_revocation) return true;
  if (!ParseCrls(request, budget, input, findings)) return false;
  ParseOcspResponses(request, stapled, input, findings);
  return true;
}

}  // namespace

bool ParseRequestInput(const ValidationRequest& request, const Limits& limits,
                       CertificateCache* cache, bool parse_revocation, Budget& budget,
                       RequestInput* input, std::vector<Finding>* findings) {
  if (!ParseChain(request, limits, cache, input, findings) ||
      !WithinLimit(1 + input->intermediates.size(),
                   static_cast<size_t>(limits.max_input_certificates),
                   code::kLimitsTooManyCertificates, "$0 certificates presented; the limit is $1",
                   findings)) {
    return false;
  }
  input->presented.push_back(input->leaf);
  input->presented.insert(input->presented.end(), input->intermediates.begin(),
                          input->intermediates.end());
  return ParseRevocationInput(request, limits, parse_revocation, budget, input, findings);
}

}  // namespace certval
