// The tristate policy: a global mode plus per-check overrides.
//
// ENFORCE (the default) makes a failing check reject the path; WARN records the failure as a
// warning and lets the path through; DISABLE does not run the check at all. A Policy is a plain
// value: copy it, change it, hand it to a Validator. Nothing here is process-wide.
#ifndef CERTVAL_VALIDATOR_POLICY_H_
#define CERTVAL_VALIDATOR_POLICY_H_

#include <string>

#include "absl/base/attributes.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace certval {

enum class Mode { kEnforce, kWarn, kDisable };

absl::string_view ModeName(Mode mode);  // "enforce", "warn", "disable"
ABSL_MUST_USE_RESULT
absl::StatusOr<Mode> ParseMode(absl::string_view name);

class Policy {
 public:
  Policy() = default;
  explicit Policy(Mode global) : global_(global) {}

  Mode global() const { return global_; }
  void set_global(Mode mode) { global_ = mode; }

  // Overrides the mode of one check, by its stable name (e.g. "validity", "peer_name").
  void Set(absl::string_view check, Mode mode) { overrides_[check] = mode; }
  void Clear(absl::string_view check) { overrides_.erase(check); }

  // The mode in force for `check`: its override, else the global mode.
  Mode ModeFor(absl::string_view check) const {
    auto it = overrides_.find(check);
    return it == overrides_.end() ? global_ : it->second;
  }

  const absl::flat_hash_map<std::string, Mode>& overrides() const { return overrides_; }

 private:
  Mode global_ = Mode::kEnforce;
  absl::flat_hash_map<std::string, Mode> overrides_;
};

}  // namespace certval

#endif  // CERTVAL_VALIDATOR_POLICY_H_
