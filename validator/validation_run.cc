#include "certval/validator/validation_run.h"

#include <algorithm>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "certval/validator/codes.h"
#include "certval/validator/policy_graph.h"

namespace certval {
namespace {

Severity SeverityFor(Mode mode) {
  return mode == Mode::kEnforce ? Severity::kError : Severity::kWarning;
}

int CountErrors(const std::vector<Finding>& findings) {
  return static_cast<int>(std::count_if(findings.begin(), findings.end(), [](const Finding& f) {
    return f.severity == Severity::kError;
  }));
}

// When no path reaches an anchor, the presented chain itself is what the checks (and the caller)
// get to see: the leaf, then each presented certificate that names the previous one's issuer.
std::vector<CertificatePtr> PresentedPath(const CertificatePtr& leaf,
                                          const std::vector<CertificatePtr>& intermediates) {
  std::vector<CertificatePtr> path = {leaf};
  std::vector<bool> used(intermediates.size(), false);
  while (!path.back()->self_issued()) {
    bool extended = false;
    for (size_t i = 0; i < intermediates.size() && !extended; ++i) {
      if (!used[i] && intermediates[i]->subject().normalized == path.back()->issuer().normalized) {
        used[i] = true;
        path.push_back(intermediates[i]);
        extended = true;
      }
    }
    if (!extended) break;
  }
  return path;
}

// Records a hook's answer. A rejection is an error like any other; overriding a failed built-in
// result is worth a warning, and the errors it overrode become warnings (still reported, no longer
// fatal).
void RecordVerdict(HookStage stage, const Hook& hook, HookVerdict verdict,
                   ValidationResult& result) {
  const bool accept = verdict == HookVerdict::kAccept;
  const bool overrides = stage == HookStage::kPost && accept && HasError(result.findings);
  if (overrides) {
    for (Finding& f : result.findings) {
      if (f.severity == Severity::kError) f.severity = Severity::kWarning;
    }
  }
  const Severity severity =
      accept ? (overrides ? Severity::kWarning : Severity::kInfo) : Severity::kError;
  result.findings.push_back(
      MakeFinding(accept ? code::kHooksAccepted : code::kHooksRejected, -1,
                  absl::StrCat(stage == HookStage::kPost ? "post-hook" : "pre-hook", " '",
                               hook.name(), "' answered ", HookVerdictName(verdict),
                               overrides ? " over the built-in rejection" : ""),
                  severity));
}

}  // namespace

ValidationRun::ValidationRun(const TrustSource& trust, const ValidatorOptions& options,
                             absl::string_view disabled_checks,
                             const std::vector<std::shared_ptr<const Check>>& checks,
                             const std::vector<Mode>& check_modes, const ValidationRequest& request)
    : trust_(trust),
      options_(options),
      disabled_checks_(disabled_checks),
      checks_(checks),
      check_modes_(check_modes),
      request_(request),
      max_intermediates_(request.max_depth.value_or(options.limits.max_intermediates)),
      budget_(options.limits, request.deadline),
      time_(request.time.value_or(absl::Now())) {}

ValidationResult ValidationRun::Execute() {
  ValidationResult result;
  // The caller asked for it, so the result may still be valid; but a validation with checks
  // switched off must never read like a full one.
  if (!disabled_checks_.empty()) {
    result.findings.push_back(MakeFinding(code::kPolicyChecksDisabled, -1,
                                          absl::StrCat("the policy disables: ", disabled_checks_,
                                                       "; this result does not vouch for them"),
                                          Severity::kWarning));
  }
  const bool parse_revocation = options_.policy.ModeFor(kCheckRevocation) != Mode::kDisable;
  if (ParseRequestInput(request_, options_.limits, options_.certificate_cache.get(),
                        parse_revocation, budget_, &input_, &result.findings) &&
      !RunHooks(HookStage::kPre, result)) {
    BuildAndCheck(result);
    result.valid = !HasError(result.findings);  // the built-in verdict, as post-hooks see it
    RunHooks(HookStage::kPost, result);
  }
  result.valid = !HasError(result.findings);
  if (result.valid && result.decider == Decider::kHook && result.path.empty()) {
    result.path = input_.presented;
  }
  Report(result);
  return result;
}

bool ValidationRun::RunHooks(HookStage stage, ValidationResult& result) {
  const bool post = stage == HookStage::kPost;
  const auto& hooks = post ? options_.post_hooks : options_.pre_hooks;
  HookContext ctx;
  ctx.peer_name = &request_.peer_name;
  ctx.chain = absl::MakeConstSpan(input_.presented);
  ctx.time = time_;
  ctx.purpose = request_.purpose;
  ctx.builtin_result = post ? &result : nullptr;
  if (post && result.valid && result.decider == Decider::kChain) {
    ctx.validated_path = absl::MakeConstSpan(result.path);
  }
  const Mode mode = options_.policy.ModeFor(kCheckHooks);
  for (const auto& hook : hooks) {
    absl::StatusOr<HookVerdict> verdict = hook->Decide(ctx);
    if (verdict.ok() && *verdict == HookVerdict::kDefer) continue;
    if (verdict.ok()) {
      RecordVerdict(stage, *hook, *verdict, result);
    } else {
      // ENFORCE makes a failed hook a rejection; WARN reports it and DISABLE only records it,
      // and then the next hook decides.
      const Severity severity = mode == Mode::kEnforce ? Severity::kError
                                : mode == Mode::kWarn  ? Severity::kWarning
                                                       : Severity::kInfo;
      result.findings.push_back(
          MakeFinding(code::kHooksHookFailed, -1,
                      absl::StrCat(post ? "post-hook" : "pre-hook", " '", hook->name(),
                                   "' failed: ", verdict.status().message()),
                      severity));
      if (mode != Mode::kEnforce) continue;
    }
    result.decider = Decider::kHook;
    result.decided_by_hook = std::string(hook->name());
    return true;
  }
  return false;
}

void ValidationRun::BuildAndCheck(ValidationResult& result) {
  const TrustInfo leaf_trust = trust_.GetTrust(*input_.leaf);
  if (leaf_trust.kind == TrustKind::kDistrusted) {
    result.findings.push_back(MakeFinding(code::kTrustAnchorDistrusted, 0,
                                          "the leaf certificate is explicitly distrusted"));
    result.path = {input_.leaf};
    return;
  }
  IntermediateSet intermediates(input_.intermediates);
  if (options_.fetch != nullptr) {
    fetch_ = std::make_unique<FetchSession>(options_.fetch, options_.fetch_policy, budget_);
  }
  revocation_ = StartRevocation(intermediates);
  // A leaf the user trusts exactly (AddCert) is a path of its own; any other needs building.
  bool done = leaf_trust.kind == TrustKind::kLeaf &&
              Consider(absl::MakeConstSpan(&input_.leaf, 1), {}, leaf_trust);
  BuildOutcome outcome;
  if (!done) {
    outcome = BuildPaths(intermediates);
    if (!best_) FetchMissingIssuers(intermediates, outcome);
    done = best_ && best_->errors == 0;
  }
  // No path reaches a trust anchor: evaluate the presented chain so that every other problem is
  // reported too, and so that a non-enforced trust_anchor check can still let it through.
  if (!done && !best_ && !budget_.exhausted()) best_ = EvaluatePresentedChain(outcome);
  if (!best_) best_ = Evaluation{{input_.leaf}, TrustInfo{}, {}, 0};  // out of budget, building
  if (!done) NoteUnfinishedSearch(outcome);
  result.signature_checks = budget_.signatures();
  TakeBest(result);
  revocation_.reset();  // it points at this function's intermediate set
  if (fetch_ != nullptr) {
    result.fetches = std::move(fetch_->records());
    for (Finding& f : fetch_->TakeFindings()) result.findings.push_back(std::move(f));
  }
}

std::unique_ptr<RevocationChecker> ValidationRun::StartRevocation(
    const IntermediateSet& intermediates) {
  std::vector<std::shared_ptr<const RevocationSource>> sources = options_.revocation_sources;
  sources.insert(sources.end(), request_.revocation_sources.begin(),
                 request_.revocation_sources.end());
  sources.erase(std::remove(sources.begin(), sources.end(), nullptr), sources.end());
  const bool stapling = request_.stapled_ocsp.has_value();
  const bool staple = stapling && !request_.stapled_ocsp->empty();
  const bool supplied = !request_.crls.empty() || !request_.ocsp_responses.empty();
  const bool fetching = fetch_ != nullptr && fetch_->policy().revocation;
  if (!supplied && sources.empty() && !stapling && !fetching) return nullptr;
  RevocationChecker::Environment env;
  env.trust = &trust_;
  env.intermediates = &intermediates;
  env.verifier = options_.verifier.get();
  env.budget = &budget_;
  env.time = time_;
  env.max_intermediates = max_intermediates_;
  env.fetch = fetching ? fetch_.get() : nullptr;
  RevocationChecker::Inputs inputs;
  inputs.crls = input_.crls;
  inputs.ocsp = input_.ocsp;
  inputs.first_ocsp_is_stapled = staple && !input_.staple_unparsed;
  inputs.configured = supplied || !sources.empty() || staple || fetching;
  inputs.stapling = stapling;
  inputs.staple_only = !supplied && sources.empty() && !fetching;
  inputs.sources = std::move(sources);
  return std::make_unique<RevocationChecker>(env, std::move(inputs), options_.revocation);
}

BuildOutcome ValidationRun::BuildPaths(const IntermediateSet& intermediates) {
  const bool prune_by_signature = options_.policy.ModeFor(kCheckSignature) == Mode::kEnforce;
  PathBuilder builder(trust_, intermediates, *options_.verifier, budget_, max_intermediates_,
                      prune_by_signature);
  return builder.Build(input_.leaf, [&](const CandidatePath& candidate) {
    return Consider(candidate.certs, candidate.edge_verified, candidate.anchor);
  });
}

void ValidationRun::FetchMissingIssuers(IntermediateSet& intermediates, BuildOutcome& outcome) {
  for (int round = 0; fetch_ != nullptr && !best_ && !budget_.exhausted() &&
                      round < FetchSession::kMaxIssuerRounds;
       ++round) {
    const std::vector<CertificatePtr> presented = PresentedPath(input_.leaf, input_.intermediates);
    const std::vector<CertificatePtr> fetched =
        fetch_->FetchIssuers(*presented.back(), static_cast<int>(presented.size()) - 1);
    if (fetched.empty()) return;
    intermediates.Add(fetched);
    input_.intermediates.insert(input_.intermediates.end(), fetched.begin(), fetched.end());
    outcome = BuildPaths(intermediates);
  }
}

bool ValidationRun::Consider(absl::Span<const CertificatePtr> path,
                             absl::Span<const EdgeSignature> edges, const TrustInfo& anchor) {
  ++paths_evaluated_;
  std::vector<Finding> findings;
  const int errors = Evaluate(path, edges, anchor, &findings);
  // The path is copied only when it is the best so far: the builder's own stays where it is.
  if (!best_ || errors < best_->errors) {
    best_ = Evaluation{std::vector<CertificatePtr>(path.begin(), path.end()), anchor,
                       std::move(findings), errors};
    if (revocation_ != nullptr) best_->revocation = std::move(revocation_->statuses());
  }
  return errors == 0;
}

int ValidationRun::Evaluate(absl::Span<const CertificatePtr> path,
                            absl::Span<const EdgeSignature> edges, const TrustInfo& anchor,
                            std::vector<Finding>* findings) {
  PathContext ctx;
  ctx.path = path;
  ctx.request = &request_;
  ctx.time = time_;
  ctx.profile = request_.profile;
  ctx.limits = options_.limits;
  ctx.anchor = anchor;
  ctx.verifier = options_.verifier.get();
  ctx.edge_verified = edges;
  ctx.budget = &budget_;
  ctx.revocation = revocation_.get();
  if (revocation_ != nullptr) revocation_->statuses().clear();
  const size_t first = findings->size();
  for (size_t i = 0; i < checks_.size(); ++i) {
    if (check_modes_[i] == Mode::kDisable) continue;
    FindingReporter reporter(checks_[i]->name(), SeverityFor(check_modes_[i]), findings);
    checks_[i]->Run(ctx, reporter);
  }
  // A check cut short by the budget has not cleared the path: it is refused, whatever was found.
  if (budget_.exhausted()) findings->push_back(budget_.ExhaustedFinding());
  return static_cast<int>(
      std::count_if(findings->begin() + first, findings->end(),
                    [](const Finding& f) { return f.severity == Severity::kError; }));
}

ValidationRun::Evaluation ValidationRun::EvaluatePresentedChain(const BuildOutcome& outcome) {
  Evaluation eval;
  eval.path = PresentedPath(input_.leaf, input_.intermediates);
  const std::vector<EdgeSignature> not_tried(eval.path.size() - 1, EdgeSignature::kNotTried);
  Evaluate(eval.path, not_tried, TrustInfo{}, &eval.findings);
  if (revocation_ != nullptr) eval.revocation = std::move(revocation_->statuses());
  const Mode mode = options_.policy.ModeFor(kCheckTrustAnchor);
  if (mode != Mode::kDisable) {
    // The depth that really cut the search: the caller's limit, or certval's own cap.
    const int depth = std::min(max_intermediates_, PathBuilder::kAbsoluteMaxIntermediates);
    const std::string why = outcome.depth_limited || max_intermediates_ == 0
                                ? absl::StrCat("no path to a trusted root within ", depth,
                                               depth == 1 ? " intermediate" : " intermediates")
                                : "no path to a trusted root";
    const int last = static_cast<int>(eval.path.size()) - 1;
    eval.findings.push_back(
        MakeFinding(code::kTrustAnchorNoTrustedRoot, last, why, SeverityFor(mode)));
    // Where the missing issuer could have come from, when fetching it was not allowed.
    if (fetch_ == nullptr || !fetch_->policy().issuers) {
      if (auto missing = IssuerNotFetchedFinding(*eval.path.back(), last, SeverityFor(mode))) {
        eval.findings.push_back(*std::move(missing));
      }
    }
  }
  eval.errors = CountErrors(eval.findings);
  return eval;
}

// What cut the search short, when no path was accepted: certval's absolute depth cap, or the
// budget (unless the path kept already carries that limit).
void ValidationRun::NoteUnfinishedSearch(const BuildOutcome& outcome) {
  if (outcome.hit_absolute_cap) {
    best_->findings.push_back(MakeFinding(
        code::kLimitsPathTooDeep, -1,
        absl::StrCat("no path is built through more than ", PathBuilder::kAbsoluteMaxIntermediates,
                     " intermediates (certval's absolute cap)")));
    ++best_->errors;
  }
  if (budget_.exhausted() &&
      std::none_of(best_->findings.begin(), best_->findings.end(),
                   [](const Finding& f) { return f.check == kCheckLimits; })) {
    best_->findings.push_back(budget_.ExhaustedFinding());
    ++best_->errors;
  }
}

void ValidationRun::TakeBest(ValidationResult& result) {
  result.paths_evaluated = paths_evaluated_;
  result.path = std::move(best_->path);
  result.revocation = std::move(best_->revocation);
  result.anchor = best_->anchor.kind;
  result.anchor_source = best_->anchor.source;
  if (best_->errors == 0 && result.anchor == TrustKind::kAnchor && result.path.size() > 1) {
    // RFC 5280 6.1.6's policy outputs. The check already ran this within the budget, so it is
    // bounded; recomputed here once, on the accepted path only.
    PolicyOutcome policies = ProcessPolicies(result.path, request_.policy, nullptr);
    result.authority_constrained_policies = std::move(policies.authority_constrained);
    result.user_constrained_policies = std::move(policies.user_constrained);
  }
  result.findings.insert(result.findings.end(), best_->findings.begin(), best_->findings.end());
}

void ValidationRun::Report(const ValidationResult& result) const {
  WarningSink* sink = options_.warning_sink.get();
  for (const Finding& f : result.findings) {
    if (f.severity == Severity::kWarning) sink->OnWarning(request_.peer_name, f);
  }
}

}  // namespace certval
