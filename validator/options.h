// ValidatorOptions: everything a Validator is configured with besides its trust source.
#ifndef CERTVAL_VALIDATOR_OPTIONS_H_
#define CERTVAL_VALIDATOR_OPTIONS_H_

#include <memory>
#include <vector>

#include "certval/validator/certificate_cache.h"
#include "certval/validator/check.h"
#include "certval/validator/fetcher.h"
#include "certval/validator/hook.h"
#include "certval/validator/policy.h"
#include "certval/validator/request.h"
#include "certval/validator/revocation.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/warning_sink.h"

namespace certval {

struct ValidatorOptions {
  Policy policy;  // default: ENFORCE everywhere
  Limits limits;
  std::vector<std::shared_ptr<const Hook>> pre_hooks;       // before path building
  std::vector<std::shared_ptr<const Hook>> post_hooks;      // after, seeing the built-in result
  std::vector<std::shared_ptr<const Check>> custom_checks;  // run after the built-in ones
  std::shared_ptr<WarningSink> warning_sink;                // default: StderrWarningSink
  // Caches, for a Validator that sees the same chains again (a TLS client, a server checking
  // client certificates). Neither can change a verdict; both are bounded and thread-safe.
  //   verifier = std::make_shared<CachingSignatureVerifier>();  // validator/signature_cache.h
  //   certificate_cache = std::make_shared<CertificateCache>();
  std::shared_ptr<const SignatureVerifier> verifier;    // default: plain, uncached
  std::shared_ptr<CertificateCache> certificate_cache;  // default: none, parse every time
  // Revocation (the "revocation" check): sources consulted for every validation, beside the
  // request's own CRLs and sources, and what to do with each certificate (validator/revocation.h).
  std::vector<std::shared_ptr<const RevocationSource>> revocation_sources;
  RevocationPolicy revocation;
  // Fetching (README "Fetching"): off unless the application grants a Fetcher, e.g.
  //   fetch = std::make_shared<fetch::FetchCache>(std::make_shared<fetch::HttpFetcher>());
  // What may be fetched is `fetch_policy`'s business (missing issuers by default); how much, the
  // Limits' (max_fetches, max_fetch_bytes, max_fetch_time).
  std::shared_ptr<const Fetcher> fetch;
  FetchPolicy fetch_policy;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_OPTIONS_H_
