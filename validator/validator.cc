#include "absl/strings/string_view.h"
#include "certval/validator/validator.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/clock.h"
#include "certval/validator/checks/builtin.h"
#include "certval/validator/fetch_session.h"
#include "certval/validator/path_builder.h"
#include "certval/validator/policy_graph.h"
#include "certval/validator/revocation_checker.h"

namespace certval {
namespace {

// The evaluation of one candidate path: its findings and whether any is an error.
struct Evaluation {
  std::vector<CertificatePtr> path;
  TrustInfo anchor;
  std::vector<Finding> findings;
  int errors = 0;
  std::vector<RevocationStatus> revocation;
};

Severity SeverityFor(Mode mode) { return mode == Mode::kEnforce ? Severity::kError : Severity::kWarning; }

int CountErrors(const std::vector<Finding>& findings) {
  int n = 0;
  for (const Finding& f : findings) n += f.severity == Severity::kError ? 1 : 0;
  return n;
}

// When no path reaches an anchor, the presented chain itself is what the checks (and the caller)
// get to see: the leaf, then each presented certificate that names the previous one's issuer.
std::vector<CertificatePtr> PresentedPath(const CertificatePtr& leaf,
                                          const std::vector<CertificatePtr>& intermediates) {
  std::vector<CertificatePtr> path = {leaf};
  std::vector<bool> used(intermediates.size(), false);
  while (!path.back()->self_issued()) {
    bool extended = false;
    for (size_t i = 0; i < intermediates.size(); ++i) {
      if (!used[i] && intermediates[i]->subject().normalized == path.back()->issuer().normalized) {
        used[i] = true;
        path.push_back(intermediates[i]);
        extended = true;
        break;
      }
    }
    if (!extended) break;
  }
  return path;
}

Finding MakeFinding(absl::string_view check, int index, absl::string_view code, std::string message,
                    Severity severity) {
  return Finding{std::string(check), index, absl::StrCat(check, ".", code), std::move(message),
                 severity};
}

}  // namespace

absl::Status CheckOptions(const ValidatorOptions& options,
                          const std::vector<std::shared_ptr<const Check>>& checks) {
  for (const auto& entry : options.policy.overrides()) {
    const std::string& name = entry.first;  // not a structured binding: lambdas capture it
    const auto& builtin = BuiltinPolicyNames();
    const bool known =
        std::find(builtin.begin(), builtin.end(), name) != builtin.end() ||
        std::any_of(checks.begin(), checks.end(), [&](const auto& c) { return c->name() == name; });
    if (!known) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the policy sets '", name, "', which is no check's name (known: ",
          absl::StrJoin(builtin, ", "), checks.size() > builtin.size() ? ", and custom checks" : "",
          ")"));
    }
  }
  for (size_t i = 0; i < options.custom_checks.size(); ++i) {
    const auto& check = options.custom_checks[i];
    if (check == nullptr) return absl::InvalidArgumentError("a custom check is null");
    if (IsReservedCheckName(check->name())) {
      return absl::InvalidArgumentError(
          absl::StrCat("custom check '", check->name(), "' takes a name certval uses itself"));
    }
    for (size_t j = 0; j < i; ++j) {
      if (options.custom_checks[j] != nullptr && options.custom_checks[j]->name() == check->name()) {
        return absl::InvalidArgumentError(
            absl::StrCat("two custom checks are named '", check->name(), "'"));
      }
    }
  }
  for (const auto* stage : {&options.pre_hooks, &options.post_hooks}) {
    for (const auto& hook : *stage) {
      if (hook == nullptr) return absl::InvalidArgumentError("a hook is null");
      if (stage == &options.pre_hooks && hook->NeedsValidatedPath()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "hook '", hook->name(),
            "' judges the validated path and cannot run as a pre-hook: install it as a post-hook"));
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Validator> Validator::Create(std::shared_ptr<const TrustSource> trust,
                                            ValidatorOptions options) {
  Validator validator(std::move(trust), std::move(options));
  if (!validator.configuration_.ok()) return validator.configuration_;
  return validator;
}

Validator::Validator(std::shared_ptr<const TrustSource> trust, ValidatorOptions options)
    : trust_(std::move(trust)), options_(std::move(options)) {
  if (options_.warning_sink == nullptr) options_.warning_sink = std::make_shared<StderrWarningSink>();
  if (options_.verifier == nullptr) options_.verifier = std::make_shared<SignatureVerifier>();
  checks_ = BuiltinChecks();
  for (const auto& check : options_.custom_checks) {
    if (check != nullptr) checks_.push_back(check);
  }
  for (const auto& check : checks_) check_modes_.push_back(options_.policy.ModeFor(check->name()));
  configuration_ = trust_ == nullptr ? absl::InvalidArgumentError("the Validator has no trust source")
                                     : CheckOptions(options_, checks_);
  std::vector<absl::string_view> disabled;
  for (absl::string_view name : BuiltinPolicyNames()) {
    if (options_.policy.ModeFor(name) == Mode::kDisable) disabled.push_back(name);
  }
  for (const auto& check : options_.custom_checks) {
    if (check != nullptr && options_.policy.ModeFor(check->name()) == Mode::kDisable) {
      disabled.push_back(check->name());
    }
  }
  disabled_ = absl::StrJoin(disabled, ", ");
}

namespace {

class Run {
 public:
  Run(const Validator& v, const std::vector<std::shared_ptr<const Check>>& checks,
      const std::vector<Mode>& check_modes, const ValidationRequest& request)
      : v_(v),
        checks_(checks),
        check_modes_(check_modes),
        request_(request),
        policy_(v.options().policy),
        budget_(v.options().limits, request.deadline) {}

  ValidationResult Execute();

 private:
  bool ParseInput(std::vector<Finding>* findings);
  bool ParseRevocationInput(std::vector<Finding>* findings);
  // Runs the hooks of one stage; returns true when one of them decided.
  bool RunHooks(const std::vector<std::shared_ptr<const Hook>>& hooks, ValidationResult& result);
  // Runs the checks on one path; returns the number of errors among the findings it appends.
  int Evaluate(absl::Span<const CertificatePtr> path, absl::Span<const int8_t> edges,
               const TrustInfo& anchor, std::vector<Finding>* findings);
  void BuildAndCheck(ValidationResult& result);
  Finding LimitFinding() const;
  void Report(ValidationResult& result) const;

  const Validator& v_;
  const std::vector<std::shared_ptr<const Check>>& checks_;
  const std::vector<Mode>& check_modes_;
  const ValidationRequest& request_;
  const Policy& policy_;
  Budget budget_;
  absl::Time time_;
  CertificatePtr leaf_;
  std::vector<CertificatePtr> intermediates_;
  std::vector<CertificatePtr> presented_;  // leaf, then intermediates, for hooks
  std::vector<CrlPtr> crls_;  // the request's, parsed once
  std::vector<OcspResponsePtr> ocsp_;  // the staple first, then the request's
  bool staple_unparsed_ = false;
  std::unique_ptr<FetchSession> fetch_;  // when the Validator may fetch; outlives revocation_
  std::unique_ptr<RevocationChecker> revocation_;  // while paths are built and checked
};

bool Run::ParseInput(std::vector<Finding>* findings) {
  const Limits& limits = v_.options().limits;
  if (request_.parsed_leaf != nullptr) {
    leaf_ = request_.parsed_leaf;
    intermediates_ = request_.parsed_intermediates;
  } else {
    size_t bytes = request_.leaf.size();
    for (const std::string& der : request_.intermediates) bytes += der.size();
    if (bytes > limits.max_input_bytes) {
      findings->push_back(MakeFinding(kCheckLimits, -1, "input_too_large",
                                      absl::StrCat("chain of ", bytes, " bytes exceeds the limit of ",
                                                   limits.max_input_bytes),
                                      Severity::kError));
      return false;
    }
    CertificateCache* cache = v_.options().certificate_cache.get();
    auto parse = [cache](const std::string& der) {
      return cache != nullptr ? cache->Parse(der) : Certificate::Parse(der);
    };
    auto leaf = parse(request_.leaf);
    if (!leaf.ok()) {
      findings->push_back(MakeFinding("parse", 0, "malformed_leaf",
                                      std::string(leaf.status().message()), Severity::kError));
      return false;
    }
    leaf_ = *std::move(leaf);
    for (size_t i = 0; i < request_.intermediates.size(); ++i) {
      auto cert = parse(request_.intermediates[i]);
      if (cert.ok()) {
        intermediates_.push_back(*std::move(cert));
      } else {
        // An unparseable intermediate can never be part of a path: note it and go on without it.
        findings->push_back(MakeFinding(
            "parse", -1, "malformed_intermediate",
            absl::StrCat("intermediate #", i + 1, " ignored: ", cert.status().message()),
            Severity::kInfo));
      }
    }
  }
  if (1 + intermediates_.size() > static_cast<size_t>(limits.max_input_certificates)) {
    findings->push_back(MakeFinding(kCheckLimits, -1, "too_many_certificates",
                                    absl::StrCat(1 + intermediates_.size(),
                                                 " certificates presented; the limit is ",
                                                 limits.max_input_certificates),
                                    Severity::kError));
    return false;
  }
  presented_.push_back(leaf_);
  presented_.insert(presented_.end(), intermediates_.begin(), intermediates_.end());
  return ParseRevocationInput(findings);
}

bool Run::ParseRevocationInput(std::vector<Finding>* findings) {
  const Limits& limits = v_.options().limits;
  const bool stapled = request_.stapled_ocsp.has_value() && !request_.stapled_ocsp->empty();
  const size_t inputs = request_.crls.size() + request_.ocsp_responses.size() + (stapled ? 1 : 0);
  if (inputs == 0) return true;
  if (inputs > static_cast<size_t>(limits.max_revocation_inputs)) {
    findings->push_back(MakeFinding(kCheckLimits, -1, "too_many_revocation_inputs",
                                    absl::StrCat(inputs,
                                                 " CRLs and OCSP responses given; the limit is ",
                                                 limits.max_revocation_inputs),
                                    Severity::kError));
    return false;
  }
  size_t bytes = stapled ? request_.stapled_ocsp->size() : 0;
  for (const std::string& der : request_.crls) bytes += der.size();
  for (const std::string& der : request_.ocsp_responses) bytes += der.size();
  if (bytes > limits.max_revocation_input_bytes) {
    findings->push_back(MakeFinding(kCheckLimits, -1, "revocation_input_too_large",
                                    absl::StrCat("revocation data of ", bytes,
                                                 " bytes exceeds the limit of ",
                                                 limits.max_revocation_input_bytes),
                                    Severity::kError));
    return false;
  }
  // Parsed only when the check will run; what does not parse is set aside (and said so), as an
  // unparseable intermediate is: the certificates it was meant for end up unknown.
  if (policy_.ModeFor(kCheckRevocation) == Mode::kDisable) return true;
  for (size_t i = 0; i < request_.crls.size(); ++i) {
    auto crl = Crl::Parse(request_.crls[i],
                          [this](int64_t n) { return budget_.ChargeRevocationSteps(n); });
    if (budget_.exhausted()) {
      findings->push_back(LimitFinding());
      return false;
    }
    if (crl.ok()) {
      crls_.push_back(*std::move(crl));
    } else {
      findings->push_back(MakeFinding("parse", -1, "malformed_crl",
                                      absl::StrCat("CRL #", i + 1, " ignored: ", crl.status().message()),
                                      Severity::kInfo));
    }
  }
  std::vector<const std::string*> responses;
  if (stapled) responses.push_back(&*request_.stapled_ocsp);
  for (const std::string& der : request_.ocsp_responses) responses.push_back(&der);
  for (size_t i = 0; i < responses.size(); ++i) {
    auto response = OcspResponse::Parse(*responses[i]);
    if (response.ok()) {
      ocsp_.push_back(*std::move(response));
    } else {
      const bool is_staple = stapled && i == 0;
      const std::string which = is_staple ? std::string("the stapled OCSP response")
                                          : absl::StrCat("OCSP response #", i + (stapled ? 0 : 1));
      findings->push_back(MakeFinding("parse", -1, "malformed_ocsp_response",
                                      absl::StrCat(which, " ignored: ", response.status().message()),
                                      Severity::kInfo));
      if (is_staple) staple_unparsed_ = true;
    }
  }
  return true;
}

int Run::Evaluate(absl::Span<const CertificatePtr> path, absl::Span<const int8_t> edges,
                  const TrustInfo& anchor, std::vector<Finding>* findings) {
  PathContext ctx;
  ctx.path = path;
  ctx.request = &request_;
  ctx.time = time_;
  ctx.profile = request_.profile;
  ctx.limits = v_.options().limits;
  ctx.anchor = anchor;
  ctx.verifier = v_.options().verifier.get();
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
  if (budget_.exhausted()) findings->push_back(LimitFinding());
  int errors = 0;
  for (size_t i = first; i < findings->size(); ++i) errors += (*findings)[i].severity == Severity::kError;
  return errors;
}

Finding Run::LimitFinding() const {
  return MakeFinding(kCheckLimits, -1, budget_.code(), budget_.reason(), Severity::kError);
}

void Run::BuildAndCheck(ValidationResult& result) {
  const int max_intermediates = request_.max_depth.value_or(v_.options().limits.max_intermediates);
  const Mode signature_mode = policy_.ModeFor(kCheckSignature);
  std::optional<Evaluation> best;
  // The path is copied only when it is the best so far: the builder's own stays where it is.
  auto consider = [&](absl::Span<const CertificatePtr> path, absl::Span<const int8_t> edges,
                      const TrustInfo& anchor) {
    ++result.paths_evaluated;
    std::vector<Finding> findings;
    const int errors = Evaluate(path, edges, anchor, &findings);
    if (!best || errors < best->errors) {
      best = Evaluation{std::vector<CertificatePtr>(path.begin(), path.end()), anchor, std::move(findings),
                        errors};
      if (revocation_ != nullptr) best->revocation = std::move(revocation_->statuses());
    }
    return errors == 0;
  };

  TrustInfo leaf_trust = v_.trust().GetTrust(*leaf_);
  if (leaf_trust.kind == TrustKind::kDistrusted) {
    result.findings.push_back(MakeFinding(kCheckTrustAnchor, 0, "distrusted",
                                          "the leaf certificate is explicitly distrusted",
                                          Severity::kError));
    result.path = {leaf_};
    return;
  }
  IntermediateSet set(intermediates_);
  if (v_.options().fetch != nullptr) {
    fetch_ = std::make_unique<FetchSession>(v_.options().fetch, v_.options().fetch_policy, budget_);
  }
  const bool fetch_revocation = fetch_ != nullptr && fetch_->policy().revocation;
  std::vector<std::shared_ptr<const RevocationSource>> sources = v_.options().revocation_sources;
  sources.insert(sources.end(), request_.revocation_sources.begin(), request_.revocation_sources.end());
  sources.erase(std::remove(sources.begin(), sources.end(), nullptr), sources.end());
  const bool stapling = request_.stapled_ocsp.has_value();
  if (!request_.crls.empty() || !request_.ocsp_responses.empty() || !sources.empty() ||
      stapling || fetch_revocation) {
    RevocationChecker::Environment env;
    env.trust = &v_.trust();
    env.intermediates = &set;
    env.verifier = v_.options().verifier.get();
    env.budget = &budget_;
    env.time = time_;
    env.max_intermediates = max_intermediates;
    env.fetch = fetch_revocation ? fetch_.get() : nullptr;
    RevocationChecker::Inputs inputs;
    inputs.crls = crls_;
    inputs.ocsp = ocsp_;
    inputs.first_ocsp_is_stapled =
        stapling && !request_.stapled_ocsp->empty() && !staple_unparsed_;
    inputs.sources = std::move(sources);
    inputs.configured = !request_.crls.empty() || !request_.ocsp_responses.empty() ||
                        !inputs.sources.empty() || (stapling && !request_.stapled_ocsp->empty()) ||
                        fetch_revocation;
    inputs.stapling = stapling;
    inputs.staple_only = request_.crls.empty() && request_.ocsp_responses.empty() &&
                         inputs.sources.empty() && !fetch_revocation;
    revocation_ = std::make_unique<RevocationChecker>(env, std::move(inputs), v_.options().revocation);
  }
  bool done = false;
  if (leaf_trust.kind == TrustKind::kLeaf) {
    done = consider(absl::MakeConstSpan(&leaf_, 1), {}, leaf_trust);
  }
  BuildOutcome outcome;
  if (!done) {
    auto evaluate = [&](const CandidatePath& candidate) {
      return consider(candidate.certs, candidate.edge_verified, candidate.anchor);
    };
    PathBuilder builder(v_.trust(), set, *v_.options().verifier, budget_, max_intermediates,
                        signature_mode == Mode::kEnforce);
    outcome = builder.Build(leaf_, evaluate);
    // No path reaches an anchor: fetch the missing issuer its child names (caIssuers), build again.
    for (int round = 0; fetch_ != nullptr && !best && !budget_.exhausted() &&
                        round < FetchSession::kMaxIssuerRounds;
         ++round) {
      const std::vector<CertificatePtr> presented = PresentedPath(leaf_, intermediates_);
      const std::vector<CertificatePtr> fetched =
          fetch_->FetchIssuers(*presented.back(), static_cast<int>(presented.size()) - 1);
      if (fetched.empty()) break;
      set.Add(fetched);
      intermediates_.insert(intermediates_.end(), fetched.begin(), fetched.end());
      PathBuilder again(v_.trust(), set, *v_.options().verifier, budget_, max_intermediates,
                        signature_mode == Mode::kEnforce);
      outcome = again.Build(leaf_, evaluate);
    }
    done = best && best->errors == 0;
  }
  if (!done && !best && !budget_.exhausted()) {
    // No path reaches a trust anchor: evaluate the presented chain so that every other problem is
    // reported too, and so that a non-enforced trust_anchor check can still let it through.
    Evaluation eval;
    eval.path = PresentedPath(leaf_, intermediates_);
    const std::vector<int8_t> unverified(eval.path.size() - 1, 0);
    Evaluate(eval.path, unverified, TrustInfo{}, &eval.findings);
    if (revocation_ != nullptr) eval.revocation = std::move(revocation_->statuses());
    const std::vector<CertificatePtr>& path = eval.path;
    Mode mode = policy_.ModeFor(kCheckTrustAnchor);
    if (mode != Mode::kDisable) {
      // The depth that really cut the search: the caller's limit, or certval's own cap.
      const int depth = std::min(max_intermediates, PathBuilder::kAbsoluteMaxIntermediates);
      std::string why =
          outcome.depth_limited || max_intermediates == 0
              ? absl::StrCat("no path to a trusted root within ", depth,
                             depth == 1 ? " intermediate" : " intermediates")
              : "no path to a trusted root";
      eval.findings.push_back(MakeFinding(kCheckTrustAnchor, static_cast<int>(path.size()) - 1,
                                          "no_trusted_root", why, SeverityFor(mode)));
      // Where the missing issuer could have come from, when fetching it was not allowed.
      if (fetch_ == nullptr || !fetch_->policy().issuers) {
        if (auto missing = IssuerNotFetchedFinding(*path.back(), static_cast<int>(path.size()) - 1,
                                                   SeverityFor(mode))) {
          eval.findings.push_back(*std::move(missing));
        }
      }
    }
    eval.errors = CountErrors(eval.findings);
    best = std::move(eval);
  }
  result.signature_checks = budget_.signatures();
  if (!best) best = Evaluation{{leaf_}, TrustInfo{}, {}, 0};  // the budget ran out while building
  if (outcome.hit_absolute_cap && !done) {
    best->findings.push_back(MakeFinding(
        kCheckLimits, -1, "path_too_deep",
        absl::StrCat("no path is built through more than ", PathBuilder::kAbsoluteMaxIntermediates,
                     " intermediates (certval's absolute cap)"),
        Severity::kError));
    ++best->errors;
  }
  // The limit that stopped the search, unless the path kept already carries it.
  if (budget_.exhausted() && !done &&
      std::none_of(best->findings.begin(), best->findings.end(),
                   [&](const Finding& f) { return f.check == kCheckLimits; })) {
    best->findings.push_back(LimitFinding());
    ++best->errors;
  }
  result.valid = best->errors == 0;
  result.path = std::move(best->path);
  result.revocation = std::move(best->revocation);
  result.anchor = best->anchor.kind;
  if (result.valid && result.anchor == TrustKind::kAnchor && result.path.size() > 1) {
    // RFC 5280 6.1.6's policy outputs. The check already ran this within the budget, so it is
    // bounded; recomputed here once, on the accepted path only.
    PolicyOutcome policies = ProcessPolicies(result.path, request_.policy, nullptr);
    result.authority_constrained_policies = std::move(policies.authority_constrained);
    result.user_constrained_policies = std::move(policies.user_constrained);
  }
  result.findings.insert(result.findings.end(), best->findings.begin(), best->findings.end());
  revocation_.reset();  // it points at this function's intermediate set
  if (fetch_ != nullptr) {
    result.fetches = std::move(fetch_->records());
    for (Finding& f : fetch_->TakeFindings()) result.findings.push_back(std::move(f));
  }
}

bool Run::RunHooks(const std::vector<std::shared_ptr<const Hook>>& hooks,
                   ValidationResult& result) {
  if (hooks.empty() || leaf_ == nullptr) return false;
  const bool post = &hooks == &v_.options().post_hooks;
  HookContext ctx;
  ctx.peer_name = &request_.peer_name;
  ctx.chain = absl::MakeConstSpan(presented_);
  ctx.time = time_;
  ctx.purpose = request_.purpose;
  ctx.builtin_result = post ? &result : nullptr;
  if (post && result.valid && result.decider == Decider::kChain) {
    ctx.validated_path = absl::MakeConstSpan(result.path);
  }
  const Mode mode = policy_.ModeFor("hooks");
  for (const auto& hook : hooks) {
    std::string stage = post ? "post-hook" : "pre-hook";
    absl::StatusOr<HookVerdict> verdict = hook->Decide(ctx);
    if (!verdict.ok()) {
      std::string message = absl::StrCat(stage, " '", hook->name(), "' failed: ",
                                         verdict.status().message());
      if (mode == Mode::kEnforce) {
        result.findings.push_back(MakeFinding("hooks", -1, "hook_failed", message, Severity::kError));
        result.valid = false;
        result.decider = Decider::kHook;
        result.decided_by_hook = std::string(hook->name());
        return true;
      }
      // WARN reports the failure; DISABLE only records it. Either way the next hook decides.
      result.findings.push_back(MakeFinding("hooks", -1, "hook_failed", message,
                                            mode == Mode::kWarn ? Severity::kWarning
                                                                : Severity::kInfo));
      continue;
    }
    if (*verdict == HookVerdict::kDefer) continue;
    const bool accept = *verdict == HookVerdict::kAccept;
    // A rejection is an error like any other; overriding a failed built-in result is worth a
    // warning, and the errors it overrode become warnings (still reported, no longer fatal).
    const bool overrides = post && accept && !result.valid;
    if (overrides) {
      for (Finding& f : result.findings) {
        if (f.severity == Severity::kError) f.severity = Severity::kWarning;
      }
    }
    result.findings.push_back(MakeFinding(
        "hooks", -1, accept ? "accepted" : "rejected",
        absl::StrCat(stage, " '", hook->name(), "' answered ", HookVerdictName(*verdict),
                     overrides ? " over the built-in rejection" : ""),
        accept ? (overrides ? Severity::kWarning : Severity::kInfo) : Severity::kError));
    result.valid = accept;
    result.decider = Decider::kHook;
    result.decided_by_hook = std::string(hook->name());
    return true;
  }
  return false;
}

void Run::Report(ValidationResult& result) const {
  WarningSink* sink = v_.options().warning_sink.get();
  for (const Finding& f : result.findings) {
    if (f.severity == Severity::kWarning) sink->OnWarning(request_.peer_name, f);
  }
}

ValidationResult Run::Execute() {
  ValidationResult result;
  // The caller asked for it, so the result may still be valid; but a validation with checks
  // switched off must never read like a full one.
  if (!v_.disabled_checks().empty()) {
    result.findings.push_back(MakeFinding(
        kCheckPolicy, -1, "checks_disabled",
        absl::StrCat("the policy disables: ", v_.disabled_checks(), "; this result does not vouch for them"),
        Severity::kWarning));
  }
  time_ = request_.time.value_or(absl::Now());
  if (!ParseInput(&result.findings)) {
    result.valid = false;
    Report(result);
    return result;
  }
  if (!RunHooks(v_.options().pre_hooks, result)) {
    BuildAndCheck(result);
    RunHooks(v_.options().post_hooks, result);
  }
  if (result.valid && result.decider == Decider::kHook && result.path.empty()) {
    result.path = presented_;
  }
  Report(result);
  return result;
}

}  // namespace

ValidationResult Validator::Validate(const ValidationRequest& request) const {
  if (!configuration_.ok()) {
    ValidationResult result;
    result.findings.push_back(MakeFinding("configuration", -1, "invalid",
                                          std::string(configuration_.message()), Severity::kError));
    return result;
  }
  return Run(*this, checks_, check_modes_, request).Execute();
}

}  // namespace certval
