#include "certval/validator/policy_graph.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "certval/validator/oids.h"

namespace certval {
namespace {

bool IsAnyPolicy(Der oid) { return oid == Der(kOidAnyPolicy); }

// A node of the valid policy graph other than anyPolicy: its valid_policy, expected_policy_set and
// parents at the depth above. The anyPolicy node of a depth is a flag of the level instead.
struct Node {
  Der policy;
  std::vector<Der> expected;
  std::vector<int> parents;  // indices into the level above
  bool any_parent = false;   // a child of the level above's anyPolicy node
};

struct Level {
  std::vector<Node> nodes;
  absl::flat_hash_map<Der, int> by_policy;
  bool any = false;  // holds an anyPolicy node (a child of the level above's)

  int Add(Der policy) {
    auto [it, inserted] = by_policy.try_emplace(policy, static_cast<int>(nodes.size()));
    if (inserted) nodes.push_back(Node{policy, {policy}, {}, false});
    return it->second;
  }
  bool empty() const { return nodes.empty() && !any; }
};

class PolicyProcessor {
 public:
  PolicyProcessor(absl::Span<const CertificatePtr> path, const PolicyInputs& inputs, Budget* budget)
      : path_(path), inputs_(inputs), budget_(budget) {}

  PolicyOutcome Run();

 private:
  bool Charge(int64_t units) { return budget_ == nullptr || budget_->ChargePolicyNodes(units); }
  PolicyOutcome Fail(PolicyFailure failure, int cert_index) {
    PolicyOutcome outcome;
    outcome.failure = failure;
    outcome.cert_index = cert_index;
    return outcome;
  }
  // 6.1.3(d): the level below `levels_.back()` for a certificate with certificatePolicies.
  bool AddLevel(const std::vector<PolicyInformation>& policies, bool any_allowed);
  // 6.1.4(b): the certificate's mappings applied to the newest level.
  bool ApplyMappings(const std::vector<PolicyMapping>& mappings);
  // 6.1.4(i), (j): constraints that only ever tighten the counters.
  void Constrain(const Certificate& cert);
  std::optional<PolicyOutcome> StartAtAnchor(int n);
  std::optional<PolicyOutcome> ProcessCertificate(int i, int n, bool& null_graph);
  // 6.1.4(a), and (b) when `apply`: refuses mappings to or from anyPolicy.
  std::optional<PolicyOutcome> MapPolicies(const Certificate& cert, int index, bool apply);
  absl::flat_hash_set<Der> AuthorityPolicies() const;
  PolicyOutcome WrapUp(bool null_graph);

  absl::Span<const CertificatePtr> path_;
  const PolicyInputs& inputs_;
  Budget* budget_;
  std::vector<Level> levels_;
  int explicit_policy_ = 0, policy_mapping_ = 0, inhibit_any_policy_ = 0;
};

bool PolicyProcessor::AddLevel(const std::vector<PolicyInformation>& policies, bool any_allowed) {
  const Level& above = levels_.back();
  // Which nodes above expect each policy (the index that keeps step (d)(1) linear).
  absl::flat_hash_map<Der, std::vector<int>> expecting;
  int64_t work = 0;
  for (size_t j = 0; j < above.nodes.size(); ++j) {
    for (Der e : above.nodes[j].expected) expecting[e].push_back(static_cast<int>(j)), ++work;
  }
  if (!Charge(work + static_cast<int64_t>(policies.size()))) return false;
  Level level;
  bool cert_has_any = false;
  for (const PolicyInformation& info : policies) {
    if (IsAnyPolicy(info.oid)) {
      cert_has_any = true;
      continue;
    }
    auto it = expecting.find(info.oid);
    if (it != expecting.end()) {  // (d)(1)(i)
      Node& node = level.nodes[level.Add(info.oid)];
      node.parents = it->second;
      if (!Charge(static_cast<int64_t>(node.parents.size()))) return false;
    } else if (above.any) {  // (d)(1)(ii)
      level.nodes[level.Add(info.oid)].any_parent = true;
    }
  }
  if (cert_has_any && any_allowed) {  // (d)(2)
    level.any = above.any;
    for (const auto& [policy, parents] : expecting) {
      if (level.by_policy.contains(policy)) continue;  // a child was made in (d)(1)
      Node& node = level.nodes[level.Add(policy)];
      node.parents = parents;
      if (!Charge(static_cast<int64_t>(parents.size()) + 1)) return false;
    }
  }
  levels_.push_back(std::move(level));
  return true;
}

bool PolicyProcessor::ApplyMappings(const std::vector<PolicyMapping>& mappings) {
  Level& level = levels_.back();
  // issuerDomainPolicy -> its subjectDomainPolicies, in order, without repeats.
  std::vector<std::pair<Der, std::vector<Der>>> mapped;
  for (const PolicyMapping& m : mappings) {
    auto it = std::find_if(mapped.begin(), mapped.end(),
                           [&](const auto& e) { return e.first == m.issuer_domain; });
    if (it == mapped.end()) {
      mapped.push_back({m.issuer_domain, {}});
      it = mapped.end() - 1;
    }
    if (std::find(it->second.begin(), it->second.end(), m.subject_domain) == it->second.end()) {
      it->second.push_back(m.subject_domain);
    }
  }
  if (!Charge(static_cast<int64_t>(mappings.size()))) return false;
  if (policy_mapping_ > 0) {  // (b)(1)
    for (auto& [issuer_policy, subjects] : mapped) {
      auto it = level.by_policy.find(issuer_policy);
      if (it != level.by_policy.end()) {
        level.nodes[it->second].expected = subjects;
      } else if (level.any) {
        // A child of the anyPolicy node above, standing for issuer_policy, mapped.
        Node& node = level.nodes[level.Add(issuer_policy)];
        node.any_parent = true;
        node.expected = subjects;
      }
    }
    return true;
  }
  // (b)(2): mapping inhibited, so the mapped policies are no longer valid here.
  Level kept;
  kept.any = level.any;
  for (Node& node : level.nodes) {
    const bool is_mapped = std::any_of(mapped.begin(), mapped.end(),
                                       [&](const auto& e) { return e.first == node.policy; });
    if (!is_mapped) kept.nodes[kept.Add(node.policy)] = std::move(node);
  }
  level = std::move(kept);
  return true;
}

void PolicyProcessor::Constrain(const Certificate& cert) {
  if (const auto& pc = cert.policy_constraints()) {
    if (pc->require_explicit_policy)
      explicit_policy_ = std::min(explicit_policy_, *pc->require_explicit_policy);
    if (pc->inhibit_policy_mapping)
      policy_mapping_ = std::min(policy_mapping_, *pc->inhibit_policy_mapping);
  }
  if (cert.inhibit_any_policy())
    inhibit_any_policy_ = std::min(inhibit_any_policy_, *cert.inhibit_any_policy());
}

PolicyOutcome PolicyProcessor::Run() {
  // The trust anchor is path.back(); the certificates below it are processed top-down.
  const int n = static_cast<int>(path_.size()) - 1;
  explicit_policy_ = inputs_.initial_explicit_policy ? 0 : n + 1;
  policy_mapping_ = inputs_.initial_policy_mapping_inhibit ? 0 : n + 1;
  inhibit_any_policy_ = inputs_.initial_any_policy_inhibit ? 0 : n + 1;
  if (auto failure = StartAtAnchor(n)) return *std::move(failure);
  bool null_graph = levels_.back().empty();
  for (int i = 1; i <= n; ++i) {
    if (auto failure = ProcessCertificate(i, n, null_graph)) return *std::move(failure);
  }
  // 6.1.5 (a), (b)
  const Certificate& leaf = *path_[0];
  if (explicit_policy_ > 0 && n > 0) --explicit_policy_;
  if (const auto& pc = leaf.policy_constraints(); pc && pc->require_explicit_policy == 0) {
    explicit_policy_ = 0;
  }
  return WrapUp(null_graph || n == 0);
}

// Depth 0: anyPolicy, unless the anchor itself names policies; its other policy extensions
// constrain the path from the start (RFC 5937).
std::optional<PolicyOutcome> PolicyProcessor::StartAtAnchor(int n) {
  const Certificate& anchor = *path_.back();
  Level root;
  root.any = true;
  if (const auto& policies = anchor.certificate_policies()) {
    root.any = std::any_of(policies->begin(), policies->end(),
                           [](const PolicyInformation& p) { return IsAnyPolicy(p.oid); });
    for (const PolicyInformation& p : *policies) {
      if (!IsAnyPolicy(p.oid)) root.nodes[root.Add(p.oid)].any_parent = true;
    }
  }
  levels_.push_back(std::move(root));
  Constrain(anchor);
  return MapPolicies(anchor, n, /*apply=*/true);
}

// 6.1.3 and 6.1.4 for the certificate `i` steps below the anchor (of `n`).
std::optional<PolicyOutcome> PolicyProcessor::ProcessCertificate(int i, int n, bool& null_graph) {
  const int index = n - i;  // the certificate's index in the path
  const Certificate& cert = *path_[index];
  const auto& policies = cert.certificate_policies();
  if (policies && cert.FindExtension(kOidCertificatePolicies)->critical &&
      std::any_of(policies->begin(), policies->end(),
                  [](const PolicyInformation& p) { return p.has_unknown_qualifier; })) {
    return Fail(PolicyFailure::kUnknownCriticalQualifier, index);
  }
  // (d), (e)
  if (!policies) {
    null_graph = true;
  } else if (!null_graph) {
    const bool any_allowed = inhibit_any_policy_ > 0 || (i < n && cert.self_issued());
    if (!AddLevel(*policies, any_allowed)) return Fail(PolicyFailure::kOutOfBudget, index);
    null_graph = levels_.back().empty();
  }
  // (f)
  if (explicit_policy_ <= 0 && null_graph) {
    return Fail(PolicyFailure::kExplicitPolicyRequired, index);
  }
  if (i == n) return std::nullopt;
  // 6.1.4 (a), (b)
  if (auto failure = MapPolicies(cert, index, /*apply=*/!null_graph)) return failure;
  if (cert.policy_mappings() && !null_graph) null_graph = levels_.back().empty();
  // (h), (i), (j)
  if (!cert.self_issued()) {
    if (explicit_policy_ > 0) --explicit_policy_;
    if (policy_mapping_ > 0) --policy_mapping_;
    if (inhibit_any_policy_ > 0) --inhibit_any_policy_;
  }
  Constrain(cert);
  return std::nullopt;
}

std::optional<PolicyOutcome> PolicyProcessor::MapPolicies(const Certificate& cert, int index,
                                                          bool apply) {
  const auto& mappings = cert.policy_mappings();
  if (!mappings) return std::nullopt;
  for (const PolicyMapping& m : *mappings) {
    if (IsAnyPolicy(m.issuer_domain) || IsAnyPolicy(m.subject_domain)) {
      return Fail(PolicyFailure::kAnyPolicyMapped, index);
    }
  }
  if (apply && !ApplyMappings(*mappings)) return Fail(PolicyFailure::kOutOfBudget, index);
  return std::nullopt;
}

// The valid_policy_node_set's policies: nodes that something at the deepest level descends from
// and whose parent is anyPolicy, named as the authorities did.
absl::flat_hash_set<Der> PolicyProcessor::AuthorityPolicies() const {
  const int n = static_cast<int>(levels_.size()) - 1;
  std::vector<std::vector<bool>> alive(levels_.size());
  alive[n].assign(levels_[n].nodes.size(), true);
  for (int k = n; k > 0; --k) {
    alive[k - 1].assign(levels_[k - 1].nodes.size(), false);
    for (size_t j = 0; j < levels_[k].nodes.size(); ++j) {
      if (!alive[k][j]) continue;
      for (int p : levels_[k].nodes[j].parents) alive[k - 1][p] = true;
    }
  }
  absl::flat_hash_set<Der> authority;
  for (int k = 0; k <= n; ++k) {
    for (size_t j = 0; j < levels_[k].nodes.size(); ++j) {
      if (alive[k][j] && levels_[k].nodes[j].any_parent)
        authority.insert(levels_[k].nodes[j].policy);
    }
  }
  return authority;
}

// 6.1.5 (g): the graph's policies, and their intersection with the user-initial-policy-set.
PolicyOutcome PolicyProcessor::WrapUp(bool null_graph) {
  PolicyOutcome outcome;
  const auto& user_set = inputs_.user_initial_policy_set;
  const bool user_any =
      user_set.empty() || std::any_of(user_set.begin(), user_set.end(),
                                      [](const std::string& p) { return IsAnyPolicy(p); });
  if (!null_graph) {
    const bool leaf_any = levels_.back().any;
    const absl::flat_hash_set<Der> authority = AuthorityPolicies();
    for (Der p : authority) outcome.authority_constrained.emplace_back(p);
    if (leaf_any) outcome.authority_constrained.emplace_back(kOidAnyPolicy);
    if (user_any) {
      outcome.user_constrained = outcome.authority_constrained;
    } else {
      const absl::flat_hash_set<Der> wanted(user_set.begin(), user_set.end());
      for (Der p : authority) {
        if (wanted.contains(p)) outcome.user_constrained.emplace_back(p);
      }
      // An anyPolicy path to the leaf stands for every wanted policy no authority named.
      if (leaf_any) {
        for (const std::string& p : user_set) {
          if (!authority.contains(p)) outcome.user_constrained.push_back(p);
        }
      }
    }
    std::sort(outcome.authority_constrained.begin(), outcome.authority_constrained.end());
    std::sort(outcome.user_constrained.begin(), outcome.user_constrained.end());
  }
  if (explicit_policy_ <= 0 && outcome.user_constrained.empty()) {
    outcome.failure = PolicyFailure::kNoAcceptablePolicy;
    outcome.cert_index = -1;
  }
  return outcome;
}

}  // namespace

PolicyOutcome ProcessPolicies(absl::Span<const CertificatePtr> path, const PolicyInputs& inputs,
                              Budget* budget) {
  if (path.empty()) return {};
  return PolicyProcessor(path, inputs, budget).Run();
}

}  // namespace certval
