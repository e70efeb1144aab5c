// The request's bytes, parsed once and within the limits: what a validation works on.
#ifndef CERTVAL_VALIDATOR_REQUEST_INPUT_H_
#define CERTVAL_VALIDATOR_REQUEST_INPUT_H_

#include <vector>

#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/certificate_cache.h"
#include "certval/validator/crl.h"
#include "certval/validator/finding.h"
#include "certval/validator/ocsp.h"
#include "certval/validator/request.h"

namespace certval {

struct RequestInput {
  CertificatePtr leaf;
  std::vector<CertificatePtr> intermediates;  // those that parsed, in the order presented
  std::vector<CertificatePtr> presented;      // leaf, then intermediates: what hooks see
  std::vector<CrlPtr> crls;                   // the request's, when the revocation check runs
  std::vector<OcspResponsePtr> ocsp;          // the staple first, then the request's
  bool staple_unparsed = false;
};

// Parses the chain and, when `parse_revocation`, the request's CRLs and OCSP responses. What cannot
// be part of a path (an unparseable intermediate, CRL or response) is set aside with an info
// finding. Returns false, with an error finding, when the request is refused outright: too many
// or too large inputs, an unparseable leaf, or the budget spent on parsing CRLs.
bool ParseRequestInput(const ValidationRequest& request, const Limits& limits,
                       CertificateCache* cache, bool parse_revocation, Budget& budget,
                       RequestInput* input, std::vector<Finding>* findings);

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_REQUEST_INPUT_H_
