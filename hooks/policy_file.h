// The administrator's policy file: check modes set outside the application, read only when the
// application asks (LoadAdminPolicy), and never applied to anything by itself.
//
// Where: /etc/certval/policy.conf. The file named by $CERTVAL_POLICY_FILE (read with secure_getenv,
// so never for a set-user-ID or set-group-ID program) is read only when there is no system file,
// unless the application opts in (AdminPolicyOptions::environment_overrides_system_file): whoever
// sets a process's environment must not replace the administrator's policy. No file at all means
// "no admin policy": LoadAdminPolicy succeeds with present() == false, which callers can tell apart
// from an empty policy. A CERTVAL_POLICY_FILE that names a missing file is an error (NotFound), not
// "absent": someone asked for a policy and would not get it.
//
// Which files: a policy file decides what gets checked, so it is read only if nobody but root or
// the process's user could have written it. A file that is not a regular file, is writable by group
// or others, or is owned by another user is refused (FailedPrecondition), checked with fstat on the
// opened descriptor (no window between the check and the read).
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
// error. A check name must be one of BuiltinPolicyNames() or of the custom check names the
// application passes (its own checks', its plugins'): a typo is an error, not a line that silently
// changes nothing. Errors read "<file>:<line>: <what>".
//
// Applying it: ApplyTo(base, host) starts from the application's Policy; a `default` replaces its
// global mode and each `check` line replaces that check's mode; checks the file does not mention
// keep the application's setting. A Policy belongs to a Validator, so an application with host
// blocks builds one Validator per distinct policy (PolicyFor() tells which). AdminPolicy is an
// immutable value after loading; its const methods are thread-safe.
#ifndef CERTVAL_HOOKS_POLICY_FILE_H_
#define CERTVAL_HOOKS_POLICY_FILE_H_

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/attributes.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "certval/hooks/host_pattern.h"
#include "certval/validator/policy.h"

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
  // The file CERTVAL_POLICY_FILE named when the system file was read instead ("" otherwise), so an
  // application can say that the variable had no effect.
  const std::string& ignored_environment_file() const { return ignored_environment_file_; }

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
  std::string ignored_environment_file_;
  Section global_;
  HostPatternMap<Section> hosts_;
};

// Parses policy text. `source` names it in errors ("<source>:<line>: ..."). `custom_checks`: the
// check names the application adds to BuiltinPolicyNames() (its custom checks', its plugins').
ABSL_MUST_USE_RESULT
absl::StatusOr<AdminPolicy> ParseAdminPolicy(absl::string_view text,
                                             absl::string_view source = "<policy>",
                                             absl::Span<const std::string> custom_checks = {});

// Reads one file, with the rules above; a missing file is a NotFound error here (the caller named
// it).
ABSL_MUST_USE_RESULT
absl::StatusOr<AdminPolicy> LoadAdminPolicyFile(const std::string& path,
                                                absl::Span<const std::string> custom_checks = {});

struct AdminPolicyOptions {
  // Returns an environment variable, or nullopt when unset. Default: secure_getenv on the process
  // environment (read only; nothing is ever set). Tests pass their own.
  std::function<std::optional<std::string>(const std::string&)> getenv;
  std::string system_path = kAdminPolicySystemPath;
  // Opt-in: CERTVAL_POLICY_FILE wins over the system file. Only for an application whose
  // environment is set by whoever may choose its policy (an administrator's command-line tool, a
  // test), never for a service or a library default.
  bool environment_overrides_system_file = false;
  // Check names the file may set besides BuiltinPolicyNames().
  std::vector<std::string> custom_checks;
};

// The system file, else CERTVAL_POLICY_FILE (or the other way round when opted in); see the top of
// this file.
ABSL_MUST_USE_RESULT
absl::StatusOr<AdminPolicy> LoadAdminPolicy(const AdminPolicyOptions& options = {});

}  // namespace certval

#endif  // CERTVAL_HOOKS_POLICY_FILE_H_
