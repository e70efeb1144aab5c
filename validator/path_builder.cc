#include "certval/validator/path_builder.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace certval {
namespace {

// Two certificates stand for the same CA in a path when subject and key agree (RFC 4158 loop rule).
bool SameSubjectAndKey(const Certificate& a, const Certificate& b) {
  return a.subject().normalized == b.subject().normalized &&
         a.public_key().spki == b.public_key().spki;
}

bool InPath(const CandidatePath& path, const Certificate& cert) {
  for (const CertificatePtr& c : path.certs) {
    if (SameSubjectAndKey(*c, cert)) return true;
  }
  return false;
}

// A candidate whose subjectKeyIdentifier matches the child's authorityKeyIdentifier is the likelier
// issuer: try it first. Never required, since key identifiers are only hints.
bool KeyIdMatches(const Certificate& child, const Certificate& issuer) {
  const auto& aki = child.authority_key_id();
  const auto& ski = issuer.subject_key_id();
  return aki && aki->key_id && ski && *aki->key_id == *ski;
}

int NonSelfIssuedIntermediates(const CandidatePath& path) {
  int n = 0;
  for (size_t i = 1; i < path.certs.size(); ++i) n += path.certs[i]->self_issued() ? 0 : 1;
  return n;
}

}  // namespace

void IntermediateSet::FindIssuers(const Certificate& child,
                                  std::vector<CertificatePtr>* out) const {
  for (const CertificatePtr& c : certs_) {
    if (c->subject().normalized == child.issuer().normalized) out->push_back(c);
  }
}

PathBuilder::PathBuilder(const TrustSource& trust, const IntermediateSet& intermediates,
                         const SignatureVerifier& verifier, Budget& budget, int max_intermediates,
                         bool prune_by_signature)
    : trust_(trust),
      intermediates_(intermediates),
      verifier_(verifier),
      budget_(budget),
      max_intermediates_(max_intermediates),
      prune_by_signature_(prune_by_signature) {}

BuildOutcome PathBuilder::Build(const CertificatePtr& leaf,
                                absl::FunctionRef<bool(const CandidatePath&)> evaluate) {
  outcome_ = BuildOutcome{};
  const int cap = std::min(max_intermediates_ + kSelfIssuedAllowance, kAbsoluteMaxIntermediates);
  CandidatePath path;
  path.certs.reserve(8);
  path.edge_verified.reserve(8);
  path.certs.push_back(leaf);
  candidates_.clear();
  candidates_.resize(std::max(cap, 0) + 2);  // never again: Extend holds references into it
  for (int exact = 0; exact <= cap; ++exact) {
    cut_at_exact_ = false;
    if (Extend(path, exact, evaluate) == Step::kStop) return outcome_;
    // Nothing was cut at this depth: a deeper search cannot find anything new.
    if (!cut_at_exact_) return outcome_;
  }
  // No path was accepted and candidates remain beyond the deepest search made.
  outcome_.depth_limited = true;
  // Not the caller's max_depth but certval's own cap: the Validator reports it as a limit.
  outcome_.hit_absolute_cap = cap == kAbsoluteMaxIntermediates;
  return outcome_;
}

const std::vector<PathBuilder::Candidate>& PathBuilder::CandidatesAt(int depth,
                                                                     const CertificatePtr& child) {
  CandidateList& slot = candidates_[depth];
  if (slot.child == child) return slot.candidates;
  slot.child = child;
  slot.candidates.clear();
  scratch_.clear();
  Candidates(*child, &scratch_);
  for (CertificatePtr& issuer : scratch_) {
    TrustInfo trust = trust_.GetTrust(*issuer);
    slot.candidates.push_back({std::move(issuer), std::move(trust)});
  }
  return slot.candidates;
}

void PathBuilder::Candidates(const Certificate& child, std::vector<CertificatePtr>* out) const {
  trust_.FindIssuers(child, out);
  size_t trusted = out->size();
  intermediates_.FindIssuers(child, out);
  // The same certificate may come from both sources; keep its first (trusted) occurrence.
  for (size_t i = trusted; i < out->size();) {
    bool dup = std::any_of(out->begin(), out->begin() + i,
                           [&](const CertificatePtr& c) { return c->der() == (*out)[i]->der(); });
    if (dup) {
      out->erase(out->begin() + i);
    } else {
      ++i;
    }
  }
  // Within each source, key-identifier matches first; stable, so input order breaks ties. A source
  // usually offers one candidate: then there is nothing to order (and no buffer to allocate).
  auto by_key_id = [&](const CertificatePtr& a, const CertificatePtr& b) {
    return KeyIdMatches(child, *a) && !KeyIdMatches(child, *b);
  };
  const auto trusted_end = out->begin() + std::min(trusted, out->size());
  if (trusted_end - out->begin() > 1) std::stable_sort(out->begin(), trusted_end, by_key_id);
  if (out->end() - trusted_end > 1) std::stable_sort(trusted_end, out->end(), by_key_id);
}

EdgeSignature PathBuilder::VerifyEdge(const Certificate& child, const Certificate& issuer) {
  auto key = std::make_pair(&child, &issuer);
  auto it = memo_.find(key);
  if (it != memo_.end()) return it->second;
  if (!budget_.ChargeSignature()) return EdgeSignature::kNotTried;
  const EdgeSignature result =
      verifier_.Verify(child, issuer).ok() ? EdgeSignature::kVerified : EdgeSignature::kFailed;
  memo_.emplace(key, result);
  return result;
}

PathBuilder::Step PathBuilder::Extend(CandidatePath& path, int exact,
                                      absl::FunctionRef<bool(const CandidatePath&)> evaluate) {
  const Certificate& child = *path.certs.back();
  const int intermediates = static_cast<int>(path.certs.size()) - 1;
  for (const Candidate& candidate : CandidatesAt(intermediates, path.certs.back())) {
    const CertificatePtr& issuer = candidate.cert;
    const TrustInfo& trust = candidate.trust;
    if (!budget_.ChargeBuildStep()) return Step::kStop;
    if (InPath(path, *issuer)) continue;
    if (trust.kind == TrustKind::kDistrusted) continue;
    const bool anchor = trust.kind == TrustKind::kAnchor;
    // Only anchors end a path; a path of `exact` intermediates ends at depth `exact`.
    if (anchor ? intermediates != exact : intermediates >= exact) {
      if (!anchor) cut_at_exact_ = true;
      continue;
    }
    EdgeSignature edge = EdgeSignature::kNotTried;
    if (prune_by_signature_) {
      edge = VerifyEdge(child, *issuer);
      if (budget_.exhausted()) return Step::kStop;
      if (edge == EdgeSignature::kFailed) continue;
    }
    path.certs.push_back(issuer);
    path.edge_verified.push_back(edge);
    Step step = Step::kContinue;
    if (!anchor && NonSelfIssuedIntermediates(path) > max_intermediates_) {
      // Over the depth limit. The limit is never met by going deeper, so prune.
      outcome_.depth_limited = true;
    } else if (!anchor) {
      step = Extend(path, exact, evaluate);
    } else if (!budget_.ChargePath()) {
      step = Step::kStop;
    } else {
      path.anchor = trust;
      // The evaluation draws from the same budget: once it runs out, no path is worth proposing.
      if (evaluate(path) || budget_.exhausted()) step = Step::kStop;
      path.anchor = TrustInfo{};
    }
    path.certs.pop_back();
    path.edge_verified.pop_back();
    if (step == Step::kStop) return step;
  }
  return Step::kContinue;
}

}  // namespace certval
