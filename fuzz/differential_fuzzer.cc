// Differential fuzzer (issue 20): runs certval and Chromium's verifier (//tests/oracle) on the same
// mutated chain and aborts when certval accepts what Chromium rejects, unless a rule of the table
// of known differences (tests/oracle/known_differences.h, docs/differential.md) explains it.
// Input layout:
//   byte 0: mode bits. bit 1: an RFC 5280 profile instead of kWebPki, bit 3 choosing which
//           (0: kRfc5280, 1: kRfc5280Strict); bit 2: purpose kAny instead of kServerAuth;
//           bit 4: the peer name is an IP address, not a DNS name.
//   byte 1: how many of the trailing pieces are trust anchors (1 + (byte & 1)).
//   bytes 2-5: validation time, big-endian unsigned POSIX seconds.
//   then up to 8 pieces (fuzz/split.h): the peer name ("" = any name), the leaf DER, intermediates,
//   and the anchors last.
// make_seeds writes seeds from its minted chains and from every x509-limbo case.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "certval/trust/trust_store.h"
#include "certval/validator/validator.h"
#include "fuzz/split.h"
#include "tests/oracle/chromium_verifier.h"
#include "tests/oracle/known_differences.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace certval;
  if (size < 6) return 0;
  const uint8_t mode = data[0];
  const size_t anchor_count = 1 + (data[1] & 1);
  const int64_t seconds = (int64_t{data[2]} << 24) | (int64_t{data[3]} << 16) |
                          (int64_t{data[4]} << 8) | int64_t{data[5]};
  std::vector<std::string> pieces = fuzz::SplitPieces(data + 6, size - 6, 8);
  if (pieces.size() < 2 + anchor_count) return 0;

  ValidationRequest request;
  const std::string& name = pieces[0];
  request.peer_name = name.empty()  ? PeerName::Any()
                      : (mode & 16) ? PeerName::Ip(name)
                                    : PeerName::Dns(name);
  request.leaf = pieces[1];
  const size_t first_anchor = pieces.size() - anchor_count;
  for (size_t i = 2; i < first_anchor; ++i) request.intermediates.push_back(pieces[i]);
  const std::vector<std::string> anchors(pieces.begin() + first_anchor, pieces.end());
  request.time = absl::FromUnixSeconds(seconds);
  request.profile = !(mode & 2)  ? Profile::kWebPki
                    : (mode & 8) ? Profile::kRfc5280Strict
                                 : Profile::kRfc5280;
  request.purpose = (mode & 4) ? Purpose::kAny : Purpose::kServerAuth;

  // As tools/limbo.cc sets up a case: the roots stand for a root program's.
  auto store = std::make_shared<TrustStore>();
  for (const std::string& der : anchors) (void)store->AddRootDer(der, AnchorOrigin::kRootProgram);
  ValidatorOptions options;
  options.warning_sink = std::make_shared<NullWarningSink>();
  Validator validator(store, options);
  const ValidationResult result = validator.Validate(request);

  const oracle::ChromiumInput input = oracle::InputFromRequest(request, anchors, absl::UnixEpoch());
  const oracle::ChromiumVerdict verdict = oracle::RunChromium(input);
  const oracle::Comparison c{"", &request, &input, &result, &verdict};
  if (c.Disagree() && c.direction() == oracle::Direction::kCertvalAccepts) {
    const oracle::Explanation e = oracle::Explain(c);
    if (!e.explained) {
      std::fprintf(stderr,
                   "differential_fuzzer: certval accepts what Chromium's verifier rejects: %s\n",
                   oracle::DescribeDisagreement(c, e).c_str());
      std::abort();
    }
  }
  return 0;
}
