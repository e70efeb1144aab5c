// `certval verify/connect --fetch`: grants the validation a fetcher (missing issuers from
// caIssuers, OCSP and CRLs over http://), and reports what was fetched.
#ifndef CERTVAL_TOOLS_FETCH_REPORT_H_
#define CERTVAL_TOOLS_FETCH_REPORT_H_

#include <string>
#include <vector>

#include "certval/validator/result.h"
#include "certval/validator/validator.h"
#include "nlohmann/json.hpp"

namespace certval {

// With --fetch: a fetcher (HttpFetcher behind a FetchCache) and a policy that fetches issuers and
// revocation data. Without it, `options` is left alone: nothing is fetched.
void ApplyFetchFlag(ValidatorOptions* options);

// One line per fetch: "fetched: issuers http://... (1234 bytes)" or "... failed: why"; escaped.
std::vector<std::string> FetchLines(const ValidationResult& result);
nlohmann::json FetchJson(const ValidationResult& result);

}  // namespace certval

#endif  // CERTVAL_TOOLS_FETCH_REPORT_H_
