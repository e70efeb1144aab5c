// Fuzzes the administrator's policy file parser (hooks/policy_file.h): the input is the file's
// text. A parsed policy is applied for a few host names and checked against the file format's
// promises (every check it sets is a known name); a rejected one must say where
// ("<source>:<line>: ...").

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "certval/hooks/check_names.h"
#include "certval/hooks/policy_file.h"

namespace {

constexpr absl::string_view kSource = "fuzz.conf";

// The application's own check names, as a plugin would bring them (a seed sets the first).
const std::vector<std::string>& CustomChecks() {
  static const auto* const names = new std::vector<std::string>{"my-plugin_check", "leaf_lifetime"};
  return *names;
}

// Only known names get into a parsed policy: a typo is an error, never a silent no-op.
void CheckNamesKnown(const certval::AdminPolicy::Section& section) {
  for (const auto& [name, mode] : section.checks) {
    if (!certval::CheckNameIsKnown(name, CustomChecks()).ok()) __builtin_trap();
  }
}

// True if `section` sets `check`; `mode` receives its mode.
bool Sets(const certval::AdminPolicy::Section& section, absl::string_view check,
          certval::Mode* mode) {
  bool found = false;
  for (const auto& [name, m] : section.checks) {
    if (name == check) {
      *mode = m;
      found = true;
    }
  }
  return found;
}

void CheckApplied(const certval::AdminPolicy& policy, absl::string_view host) {
  // The application's own policy: WARN globally, "validity" disabled, "signature" enforced.
  certval::Policy base(certval::Mode::kWarn);
  base.Set("validity", certval::Mode::kDisable);
  base.Set("signature", certval::Mode::kEnforce);
  const certval::Policy applied = policy.ApplyTo(base, host);
  const certval::AdminPolicy::Section* block = host.empty() ? nullptr : policy.hosts().Find(host);
  for (absl::string_view check : {"validity", "signature", "peer_name", "hooks"}) {
    certval::Mode in_file = certval::Mode::kEnforce;
    bool block_sets = block != nullptr && Sets(*block, check, &in_file);
    bool global_sets = !block_sets && Sets(policy.global(), check, &in_file);
    if (block_sets || global_sets) {
      // The most specific statement in the file wins.
      if (applied.ModeFor(check) != in_file) __builtin_trap();
    } else if (base.overrides().contains(check)) {
      // A check the file does not mention keeps the application's setting.
      if (applied.ModeFor(check) != base.ModeFor(check)) __builtin_trap();
    }
  }
  // Likewise the global mode: the block's `default`, else the file's, else the application's.
  const std::optional<certval::Mode> file_global =
      block != nullptr && block->global ? block->global : policy.global().global;
  if (applied.global() != file_global.value_or(base.global())) __builtin_trap();
  // PolicyFor is ApplyTo over certval's default.
  const certval::Policy alone = policy.PolicyFor(host);
  const certval::Policy again = policy.ApplyTo(certval::Policy(), host);
  if (alone.global() != again.global() || alone.overrides() != again.overrides()) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Copy into an exactly-sized heap buffer so ASan sees reads past the end.
  const std::string text(reinterpret_cast<const char*>(data), size);
  absl::StatusOr<certval::AdminPolicy> policy =
      certval::ParseAdminPolicy(text, kSource, CustomChecks());
  if (!policy.ok()) {
    if (!absl::StartsWith(policy.status().message(), absl::StrCat(kSource, ":"))) __builtin_trap();
    return 0;
  }
  if (!policy->present()) __builtin_trap();  // parsed text is a policy, even an empty one
  CheckNamesKnown(policy->global());
  for (const auto& [pattern, section] : policy->hosts().entries()) CheckNamesKnown(section);
  std::vector<std::string> hosts = {"", "example.test", "www.legacy.example", "192.0.2.1"};
  // Also a name inside each host block (a wildcard's "*" becomes a label).
  for (const auto& [pattern, section] : policy->hosts().entries()) {
    hosts.push_back(absl::StartsWith(pattern, "*.") ? "a" + pattern.substr(1) : pattern);
  }
  for (const std::string& host : hosts) CheckApplied(*policy, host);
  return 0;
}
