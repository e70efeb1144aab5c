#include "tools/fetch_report.h"

#include <memory>

#include "absl/flags/flag.h"
#include "absl/strings/str_cat.h"
#include "certval/fetch/fetch_cache.h"
#include "certval/fetch/http_fetcher.h"
#include "certval/validator/text_escape.h"

ABSL_FLAG(
    bool, fetch, false,
    "verify/connect: fetch what is missing over http:// (a missing intermediate from its child's "
    "caIssuers URL; OCSP and CRLs when no --crl/--ocsp/--revocation-set answers) and print what "
    "was fetched; bounded per validation (4 fetches, 8 MiB, 5 s)");

namespace certval {

void ApplyFetchFlag(ValidatorOptions* options) {
  if (!absl::GetFlag(FLAGS_fetch)) return;
  options->fetch = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
  options->fetch_policy.issuers = true;
  options->fetch_policy.revocation = true;
}

std::vector<std::string> FetchLines(const ValidationResult& result) {
  std::vector<std::string> lines;
  for (const FetchRecord& r : result.fetches) {
    std::string line = absl::StrCat("fetched: ", FetchKindName(r.kind), " ", EscapeText(r.url));
    if (r.ok) {
      absl::StrAppend(&line, " (", r.bytes, " bytes", r.from_cache ? ", from the cache" : "", ")");
    } else {
      absl::StrAppend(&line, " failed: ", EscapeText(r.error));
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

nlohmann::json FetchJson(const ValidationResult& result) {
  nlohmann::json out = nlohmann::json::array();
  for (const FetchRecord& r : result.fetches) {
    nlohmann::json j = {{"url", EscapeText(r.url)},
                        {"kind", std::string(FetchKindName(r.kind))},
                        {"ok", r.ok},
                        {"bytes", r.bytes},
                        {"from_cache", r.from_cache}};
    if (!r.ok) j["error"] = EscapeText(r.error);
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace certval
