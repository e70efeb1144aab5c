#include "certval/hooks/policy_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "certval/hooks/check_names.h"

namespace certval {

namespace {

constexpr size_t kMaxPolicyBytes = 1
                                   << 20;  // a policy is a few lines; refuse to slurp a disk image

void ApplySection(const AdminPolicy::Section& section, Policy& policy) {
  if (section.global) policy.set_global(*section.global);
  for (const auto& [check, mode] : section.checks) policy.Set(check, mode);
}

bool IsCheckName(absl::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
  }
  return true;
}

std::optional<std::string> ProcessEnv(const std::string& name) {
  // secure_getenv: a set-user-ID program must not take its policy from the user who started it.
  const char* value = secure_getenv(name.c_str());
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

// Closes a descriptor on every return path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The file's text, if nobody but root or this process's user could have written it. The checks use
// fstat on the descriptor that is then read, so the file cannot be swapped in between.
absl::StatusOr<std::string> ReadPolicyFile(const std::string& path) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  Fd fd(open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
  if (fd.get() < 0) {
    int err = errno;
    if (err == ENOENT) return absl::NotFoundError(absl::StrCat(path, ": no such file"));
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot read: ", std::strerror(err)));
  }
  struct stat st;
  if (fstat(fd.get(), &st) != 0) {
    return absl::PermissionDeniedError(absl::StrCat(path, ": cannot stat: ", std::strerror(errno)));
  }
  auto refuse = [&](absl::string_view why) {
    return absl::FailedPreconditionError(absl::StrCat(path, ": refusing this policy file: ", why));
  };
  if (S_ISDIR(st.st_mode)) return refuse("it is a directory, not a policy file");
  if (!S_ISREG(st.st_mode)) return refuse("it is not a regular file");
  if (st.st_uid != 0 && st.st_uid != geteuid()) {
    return refuse(absl::StrCat("it is owned by uid ", st.st_uid,
                               ", neither root nor this "
                               "process's user (uid ",
                               geteuid(), ")"));
  }
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    return refuse(
        absl::StrFormat("it is writable by %s (mode %04o); make it writable by its owner "
                        "only (chmod go-w)",
                        (st.st_mode & S_IWOTH) != 0 ? "others" : "its group", st.st_mode & 07777));
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxPolicyBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(path, ": ", st.st_size, " bytes is too large for a policy file"));
  }
  std::string text;
  char buf[4096];
  while (text.size() <= kMaxPolicyBytes) {
    ssize_t n = read(fd.get(), buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return absl::DataLossError(absl::StrCat(path, ": read error: ", std::strerror(errno)));
    }
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return text;  // a file that grew past the limit meanwhile is refused by the parser
}

}  // namespace

Policy AdminPolicy::ApplyTo(Policy base, absl::string_view host) const {
  ApplySection(global_, base);
  if (const Section* section = host.empty() ? nullptr : hosts_.Find(host)) {
    ApplySection(*section, base);
  }
  return base;
}

// A line-by-line parser; every error carries "<source>:<line>:".
class AdminPolicyParser {
 public:
  AdminPolicyParser(absl::string_view source, absl::Span<const std::string> custom_checks)
      : source_(source), custom_checks_(custom_checks) {
    policy_.origin_ = AdminPolicy::Origin::kExplicit;
    policy_.source_ = std::string(source);
  }

  absl::StatusOr<AdminPolicy> Parse(absl::string_view text);

  static AdminPolicy WithOrigin(AdminPolicy policy, AdminPolicy::Origin origin) {
    policy.origin_ = origin;
    return policy;
  }
  static AdminPolicy Absent(std::string looked_at) {
    AdminPolicy policy;
    policy.source_ = std::move(looked_at);
    return policy;
  }
  static AdminPolicy IgnoringEnvironment(AdminPolicy policy, std::string env_file) {
    policy.ignored_environment_file_ = std::move(env_file);
    return policy;
  }

 private:
  absl::Status Line(absl::string_view line);
  absl::Status OpenHost(absl::string_view pattern);
  absl::Status Setting(absl::string_view key, absl::string_view value);
  absl::Status Error(absl::string_view what) const {
    return absl::InvalidArgumentError(absl::StrCat(source_, ":", line_no_, ": ", what));
  }

  std::string source_;
  absl::Span<const std::string> custom_checks_;
  AdminPolicy policy_;
  int line_no_ = 0;
  AdminPolicy::Section* section_ = &policy_.global_;  // where statements go now
  int block_line_ = 0;                                // the open host block's line, 0 outside
  std::string scope_;                                 // "" or the open block's pattern
  // (scope, setting) -> the line that set it, to refuse a second, contradicting line.
  absl::flat_hash_map<std::string, int> seen_;
};

absl::StatusOr<AdminPolicy> AdminPolicyParser::Parse(absl::string_view text) {
  if (text.size() > kMaxPolicyBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(source_, ": ", text.size(), " bytes is too large for a policy file"));
  }
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_no_;
    if (absl::Status status = Line(line); !status.ok()) return status;
  }
  if (block_line_ != 0) {
    line_no_ = block_line_;
    return Error(absl::StrCat("'host ", scope_, " {' is never closed with '}'"));
  }
  return std::move(policy_);
}

absl::Status AdminPolicyParser::Line(absl::string_view line) {
  if (size_t hash = line.find('#'); hash != absl::string_view::npos) line = line.substr(0, hash);
  line = absl::StripAsciiWhitespace(line);
  if (line.empty()) return absl::OkStatus();
  if (line == "}") {
    if (block_line_ == 0) return Error("'}' without an open host block");
    section_ = &policy_.global_;
    block_line_ = 0;
    scope_.clear();
    return absl::OkStatus();
  }
  if (line.size() > 4 && absl::StartsWith(line, "host") && absl::ascii_isspace(line[4])) {
    absl::string_view rest = line.substr(4);
    if (!absl::ConsumeSuffix(&rest, "{")) return Error("expected 'host <pattern> {'");
    return OpenHost(absl::StripAsciiWhitespace(rest));
  }
  size_t eq = line.find('=');
  if (eq == absl::string_view::npos) {
    return Error(
        absl::StrCat("expected 'default = <mode>', 'check <name> = <mode>' or "
                     "'host <pattern> {', got '",
                     line, "'"));
  }
  return Setting(absl::StripAsciiWhitespace(line.substr(0, eq)),
                 absl::StripAsciiWhitespace(line.substr(eq + 1)));
}

absl::Status AdminPolicyParser::OpenHost(absl::string_view pattern) {
  if (block_line_ != 0) {
    return Error(absl::StrCat("host blocks do not nest (the block of line ", block_line_,
                              " is still open)"));
  }
  absl::StatusOr<std::string> canonical = CanonicalHostPattern(pattern);
  if (!canonical.ok()) return Error(canonical.status().message());
  auto [it, inserted] = seen_.emplace(absl::StrCat("host\n", *canonical), line_no_);
  if (!inserted) {
    return Error(
        absl::StrCat("host '", *canonical, "' already has a block (line ", it->second, ")"));
  }
  section_ = &policy_.hosts_[*canonical];
  block_line_ = line_no_;
  scope_ = *canonical;
  return absl::OkStatus();
}

absl::Status AdminPolicyParser::Setting(absl::string_view key, absl::string_view value) {
  std::vector<absl::string_view> words =
      absl::StrSplit(key, absl::ByAnyChar(" \t"), absl::SkipEmpty());
  std::string check;
  if (words.size() == 1 && words[0] == "default") {
    // An empty check name stands for the global mode below.
  } else if (words.size() == 2 && words[0] == "check") {
    if (!IsCheckName(words[1])) {
      return Error(
          absl::StrCat("'", words[1], "' is not a check name (letters, digits, '_', '-')"));
    }
    if (absl::Status known = CheckNameIsKnown(words[1], custom_checks_); !known.ok()) {
      return Error(known.message());
    }
    check = std::string(words[1]);
  } else {
    return Error(
        absl::StrCat("unknown setting '", key, "' (expected 'default' or 'check <name>')"));
  }
  absl::StatusOr<Mode> mode = ParseMode(value);
  if (!mode.ok()) return Error(mode.status().message());
  auto [it, inserted] = seen_.emplace(absl::StrCat(scope_, "\n", check), line_no_);
  if (!inserted) {
    return Error(absl::StrCat("'", key, "' is already set", scope_.empty() ? "" : " in this block",
                              " (line ", it->second, ")"));
  }
  if (check.empty()) {
    section_->global = *mode;
  } else {
    section_->checks.emplace_back(std::move(check), *mode);
  }
  return absl::OkStatus();
}

absl::StatusOr<AdminPolicy> ParseAdminPolicy(absl::string_view text, absl::string_view source,
                                             absl::Span<const std::string> custom_checks) {
  return AdminPolicyParser(source, custom_checks).Parse(text);
}

absl::StatusOr<AdminPolicy> LoadAdminPolicyFile(const std::string& path,
                                                absl::Span<const std::string> custom_checks) {
  absl::StatusOr<std::string> text = ReadPolicyFile(path);
  if (!text.ok()) return text.status();
  return ParseAdminPolicy(*text, path, custom_checks);
}

absl::StatusOr<AdminPolicy> LoadAdminPolicy(const AdminPolicyOptions& options) {
  std::optional<std::string> env =
      options.getenv ? options.getenv(kAdminPolicyEnvVar) : ProcessEnv(kAdminPolicyEnvVar);
  const bool env_set = env.has_value() && !env->empty();
  auto from_env = [&]() -> absl::StatusOr<AdminPolicy> {
    absl::StatusOr<AdminPolicy> policy = LoadAdminPolicyFile(*env, options.custom_checks);
    if (absl::IsNotFound(policy.status())) {
      return absl::NotFoundError(
          absl::StrCat(kAdminPolicyEnvVar, " names ", *env, ", which does not exist"));
    }
    if (!policy.ok()) return policy.status();
    return AdminPolicyParser::WithOrigin(*std::move(policy), AdminPolicy::Origin::kEnvironment);
  };
  if (env_set && options.environment_overrides_system_file) return from_env();

  // The administrator's file first: whoever sets the environment must not replace it.
  absl::StatusOr<AdminPolicy> system =
      LoadAdminPolicyFile(options.system_path, options.custom_checks);
  if (system.ok()) {
    AdminPolicy policy =
        AdminPolicyParser::WithOrigin(*std::move(system), AdminPolicy::Origin::kSystemPath);
    if (env_set) policy = AdminPolicyParser::IgnoringEnvironment(std::move(policy), *env);
    return policy;
  }
  if (!absl::IsNotFound(system.status())) return system.status();
  if (env_set) return from_env();
  return AdminPolicyParser::Absent(
      absl::StrCat("no ", options.system_path, "; ", kAdminPolicyEnvVar, " unset"));
}

}  // namespace certval
