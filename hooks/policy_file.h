// The administrator's policy file: check modes set outside the application, read only when the
// application asks (LoadAdminPolicy), and never applied to anything by itself.
//
// Where: the file named by $CERTVAL_POLICY_FILE, else /etc/certval/policy.conf. No file there means
// "no admin policy": LoadAdminPolicy succeeds with present() == false, which callers can tell apart
// from an empty policy. A CERTVAL_POLICY_FILE that names a missing file is an error (NotFound), not
// "absent": the administrator asked for a policy and would not get it.
//
// Format, one statement per line; '#' starts a comment; blank lines are ignored:
//
//   default = enforce                  # the global mode: enforce, warn or disable
//   check validity = warn              # one check's mode (built-in, custom, "hooks", "pinning")
//   host *.legacy.example {            # for peers matching the pattern (see host_pattern.h)
//     check signature = warn
//     default = enforce
//   }
//
// Host blocks do not nest; the most specific matching block applies, on top of the global
// statements. Setting the same thing twice in one scope, or opening a host pattern twice, is an
// error. Check names are not checked against a list (plugins bring their own), only for their form.
// Errors read "<file>:<line>: <what>".
//
// Applying it: ApplyTo(base, host) starts from the application's Policy; a `default` replaces its
// global mode and each `check` line replaces that check's mode; checks the file does not mention keep
// the application's setting. A Policy belongs to a Validator, so an application with host blocks
// builds one Validator per distinct policy (PolicyFor() tells which). AdminPolicy is an immutable
// value after loading; its const methods are thread-safe.
#ifndef CERTVAL_HOOKS_POLICY_FILE_H_
#define CERTVAL_HOOKS_POLICY_FILE_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "hooks/host_pattern.h"
#include "validator/policy.h"

namespace certval {

inline constexpr char kAdminPolicyEnvVar[] = "CERTVAL_POLICY_FILE";
inline constexpr char kAdminPolicySystemPath[] = "/etc/certval/policy.conf";

class AdminPolicy {
 public:
  enum class Origin {
    kAbsent,       // no policy file was found: nothing to apply
    kEnvironment,  // the file named by CERTVAL_POLICY_FILE
    kSystemPath,   // /etc/certval/policy.conf (or the path given in the options)
    kExplicit,     // ParseAdminPolicy / LoadAdminPolicyFile
  };

  // One scope: the whole file, or one host block.
  struct Section {
    std::optional<Mode> global;
    std::vector<std::pair<std::string, Mode>> checks;  // in file order
  };

  AdminPolicy() = default;  // absent

  bool present() const { return origin_ != Origin::kAbsent; }
  Origin origin() const { return origin_; }
  // The file read, or for an absent policy the places looked at.
  const std::string& source() const { return source_; }

  // `base` with this policy applied for peer `host` (global statements, then the matching block).
  Policy ApplyTo(Policy base, absl::string_view host = "") const;
  // ApplyTo(Policy(), host): the admin policy alone, over certval's default (enforce everything).
  Policy PolicyFor(absl::string_view host = "") const { return ApplyTo(Policy(), host); }

  const Section& global() const { return global_; }
  const HostPatternMap<Section>& hosts() const { return hosts_; }

 private:
  friend class AdminPolicyParser;  // the only writer

  Origin origin_ = Origin::kAbsent;
  std::string source_;
  Section global_;
  HostPatternMap<Section> hosts_;
};

// Parses policy text. `source` names it in errors ("<source>:<line>: ...").
absl::StatusOr<AdminPolicy> ParseAdminPolicy(absl::string_view text,
                                             absl::string_view source = "<policy>");

// Reads one file; a missing file is a NotFound error here (the caller named it).
absl::StatusOr<AdminPolicy> LoadAdminPolicyFile(const std::string& path);

struct AdminPolicyOptions {
  // Returns an environment variable, or nullopt when unset. Default: the process environment
  // (read only; nothing is ever set). Tests pass their own.
  std::function<std::optional<std::string>(const std::string&)> getenv;
  std::string system_path = kAdminPolicySystemPath;
};

// CERTVAL_POLICY_FILE, else the system path; see the top of this file.
absl::StatusOr<AdminPolicy> LoadAdminPolicy(const AdminPolicyOptions& options = {});

}  // namespace certval

#endif  // CERTVAL_HOOKS_POLICY_FILE_H_
