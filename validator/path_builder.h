// Path building: proposes candidate paths from a leaf to a trust anchor.
//
// Depth-first with backtracking over every plausible issuer (subject/issuer name match; AKI/SKI
// only orders the candidates), from the trust source and the untrusted intermediates. Paths are
// proposed shortest first (iterative deepening on the number of intermediates), are loop-free (no
// two certificates with the same subject and key), and stop at the Limits budget. Verifying a path
// is the caller's business (`evaluate`), which keeps building and checking apart; the builder only
// verifies signatures on the way when asked to, to prune impossible edges early.
#ifndef CERTVAL_VALIDATOR_PATH_BUILDER_H_
#define CERTVAL_VALIDATOR_PATH_BUILDER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/functional/function_ref.h"
#include "certval/validator/budget.h"
#include "certval/validator/certificate.h"
#include "certval/validator/check.h"
#include "certval/validator/request.h"
#include "certval/validator/signature_verifier.h"
#include "certval/validator/trust_source.h"

namespace certval {

struct CandidatePath {
  std::vector<CertificatePtr> certs;         // leaf first, anchor last
  std::vector<EdgeSignature> edge_verified;  // per edge i: certs[i] signed by certs[i+1]
  TrustInfo anchor;
};

// The untrusted intermediates of one request, as an issuer source (a linear scan: requests are
// small).
class IntermediateSet : public IssuerSource {
 public:
  explicit IntermediateSet(std::vector<CertificatePtr> certs) : certs_(std::move(certs)) {}
  void FindIssuers(const Certificate& child, std::vector<CertificatePtr>* out) const override;
  const std::vector<CertificatePtr>& certs() const { return certs_; }
  // Issuers fetched during the validation (validator/fetch_session.h) join the presented ones.
  void Add(const std::vector<CertificatePtr>& certs) {
    certs_.insert(certs_.end(), certs.begin(), certs.end());
  }

 private:
  std::vector<CertificatePtr> certs_;
};

struct BuildOutcome {
  bool depth_limited = false;     // some path was cut by the maximum depth (or the absolute cap)
  bool hit_absolute_cap = false;  // ... and the cut was kAbsoluteMaxIntermediates, not max_depth
};

class PathBuilder {
 public:
  // Hard cap on intermediates in any path, self-issued ones included, whatever max_depth says.
  static constexpr int kAbsoluteMaxIntermediates = 32;
  // Self-issued certificates (key rollover) do not count against max_intermediates (RFC 5280
  // 6.1.4(l)), so the search goes this many levels deeper than it: more rollovers in one path than
  // any real PKI has. The absolute cap bounds the search whatever the caller asks.
  static constexpr int kSelfIssuedAllowance = 4;

  // Every candidate considered, signature verified and path proposed is charged to `budget`.
  PathBuilder(const TrustSource& trust, const IntermediateSet& intermediates,
              const SignatureVerifier& verifier, Budget& budget, int max_intermediates,
              bool prune_by_signature);

  // Calls `evaluate` on each candidate path, shortest first, until it returns true (accepted),
  // the candidates run out, or the budget does (budget.exhausted() tells).
  BuildOutcome Build(const CertificatePtr& leaf,
                     absl::FunctionRef<bool(const CandidatePath&)> evaluate);

 private:
  enum class Step { kContinue, kStop };
  Step Extend(CandidatePath& path, int intermediates_left_exact,
              absl::FunctionRef<bool(const CandidatePath&)> evaluate);
  // A candidate issuer, with its trust looked up once.
  struct Candidate {
    CertificatePtr cert;
    TrustInfo trust;
  };
  // The candidate issuers of `child` (path.certs.back()) at depth `depth`: found once and reused
  // while the same certificate sits at that depth, as it does in every round of iterative
  // deepening.
  const std::vector<Candidate>& CandidatesAt(int depth, const CertificatePtr& child);
  void Candidates(const Certificate& child, std::vector<CertificatePtr>* out) const;
  EdgeSignature VerifyEdge(const Certificate& child, const Certificate& issuer);

  const TrustSource& trust_;
  const IntermediateSet& intermediates_;
  const SignatureVerifier& verifier_;
  Budget& budget_;
  int max_intermediates_;
  bool prune_by_signature_;
  BuildOutcome outcome_;
  bool cut_at_exact_ =
      false;  // this round of iterative deepening left deeper candidates unexplored
  struct CandidateList {
    CertificatePtr child;  // held, so that its address cannot be reused by another certificate
    std::vector<Candidate> candidates;
  };
  std::vector<CandidateList> candidates_;  // by depth; sized once per Build, never reallocated
  std::vector<CertificatePtr> scratch_;
  // Signature results by (child, issuer), so iterative deepening never repeats public-key work.
  absl::flat_hash_map<std::pair<const Certificate*, const Certificate*>, EdgeSignature> memo_;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_PATH_BUILDER_H_
