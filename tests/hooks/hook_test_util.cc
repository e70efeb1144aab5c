#include "tests/hooks/hook_test_util.h"

#include <cstdlib>

#include "absl/strings/str_cat.h"

namespace certval::hooktest {

void RecordingSink::OnWarning(const PeerName& peer, const Finding& finding) {
  std::lock_guard<std::mutex> lock(mu_);
  records_.push_back({peer.value, finding});
}

std::vector<RecordingSink::Record> RecordingSink::records() const {
  std::lock_guard<std::mutex> lock(mu_);
  return records_;
}

int RecordingSink::Count(absl::string_view code) const {
  std::lock_guard<std::mutex> lock(mu_);
  int n = 0;
  for (const Record& r : records_) n += r.finding.code == code ? 1 : 0;
  return n;
}

absl::StatusOr<HookVerdict> FixedHook::Decide(const HookContext& ctx) const {
  ++calls;
  saw_builtin_result = ctx.builtin_result != nullptr;
  if (saw_builtin_result) {
    builtin_valid = ctx.builtin_result->valid;
    builtin_path_size = ctx.builtin_result->path.size();
  }
  chain_size = ctx.chain.size();
  peer = ctx.peer_name != nullptr ? ctx.peer_name->value : "";
  return verdict_;
}

TestPki::TestPki()
    : chain(testpki::MakeChain(testpki::KeyKind::kEcP256, "example.test", kNow)),
      store(std::make_shared<TrustStore>()) {
  // The test PKI stands for the public web: the Baseline Requirements bind its CAs.
  absl::Status added = store->AddRootDer(chain.root, AnchorOrigin::kRootProgram);
  if (!added.ok()) abort();
}

std::string TestPki::Leaf(const testpki::CertSpec& spec) const {
  return chain.intermediate_ca().Issue(spec, chain.leaf_key);
}

ValidationRequest TestPki::Request(absl::string_view peer, std::string leaf) const {
  ValidationRequest request;
  request.leaf = leaf.empty() ? chain.leaf : std::move(leaf);
  request.intermediates = {chain.intermediate};
  request.peer_name = PeerName::Dns(std::string(peer));
  request.time = kNow;
  return request;
}

bool HasFinding(const ValidationResult& r, absl::string_view code, Severity severity) {
  for (const Finding& f : r.findings) {
    if (f.code == code && f.severity == severity) return true;
  }
  return false;
}

bool HasCheckFinding(const ValidationResult& r, absl::string_view check) {
  for (const Finding& f : r.findings) {
    if (f.check == check) return true;
  }
  return false;
}

std::string Describe(const ValidationResult& r) {
  std::string out =
      absl::StrCat(r.valid ? "valid" : "invalid",
                   r.decider == Decider::kHook ? " (hook " + r.decided_by_hook + ")" : "", "\n");
  for (const Finding& f : r.findings) absl::StrAppend(&out, "  ", FormatFinding(f), "\n");
  return out;
}

}  // namespace certval::hooktest
