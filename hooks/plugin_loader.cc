#include "certval/hooks/plugin_loader.h"

#include <dlfcn.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "absl/types/span.h"
#include "certval/hooks/certval_plugin.h"
#include "certval/hooks/check_names.h"
#include "certval/validator/result.h"

namespace certval {
namespace {

// The dlopen handle and what init filled in. The last Hook or Check holding it unloads the library,
// after giving the plugin its destroy() call.
class PluginLibrary {
 public:
  PluginLibrary(void* handle, const certval_plugin_info& info) : handle_(handle), info_(info) {}
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;
  ~PluginLibrary() {
    if (info_.destroy != nullptr) info_.destroy(info_.state);
    dlclose(handle_);
  }
  const certval_plugin_info& info() const { return info_; }

 private:
  void* handle_;
  certval_plugin_info info_;
};

// Owns the pointer and length arrays a certval_cert_list refers to, for the length of one call.
class DerArrays {
 public:
  explicit DerArrays(absl::Span<const CertificatePtr> certs) {
    for (const CertificatePtr& cert : certs) {
      ders_.push_back(reinterpret_cast<const uint8_t*>(cert->der().data()));
      lens_.push_back(cert->der().size());
    }
  }
  certval_cert_list list() const { return {ders_.data(), lens_.data(), ders_.size()}; }

 private:
  std::vector<const uint8_t*> ders_;
  std::vector<size_t> lens_;
};

int PeerKindCode(const PeerName* peer) {
  if (peer == nullptr) return CERTVAL_PEER_NONE;
  switch (peer->kind) {
    case PeerName::Kind::kDns:
      return CERTVAL_PEER_DNS;
    case PeerName::Kind::kIp:
      return CERTVAL_PEER_IP;
    case PeerName::Kind::kEmail:
      return CERTVAL_PEER_EMAIL;
    case PeerName::Kind::kAny:
      return CERTVAL_PEER_ANY;
    case PeerName::Kind::kNone:
      break;
  }
  return CERTVAL_PEER_NONE;
}

int PurposeCode(Purpose purpose) {
  switch (purpose) {
    case Purpose::kServerAuth:
      return CERTVAL_PURPOSE_SERVER_AUTH;
    case Purpose::kClientAuth:
      return CERTVAL_PURPOSE_CLIENT_AUTH;
    case Purpose::kAny:
      break;
  }
  return CERTVAL_PURPOSE_ANY;
}

class PluginHook final : public Hook {
 public:
  explicit PluginHook(std::shared_ptr<const PluginLibrary> lib) : lib_(std::move(lib)) {}
  absl::string_view name() const override { return lib_->info().name; }
  absl::StatusOr<HookVerdict> Decide(const HookContext& ctx) const override;

 private:
  std::shared_ptr<const PluginLibrary> lib_;
};

absl::StatusOr<HookVerdict> PluginHook::Decide(const HookContext& ctx) const {
  const ValidationResult* builtin = ctx.builtin_result;
  DerArrays chain(ctx.chain);
  DerArrays path(ctx.validated_path);  // never a path the checks refused: it proves nothing
  certval_hook_input input{};
  input.peer_name = ctx.peer_name != nullptr ? ctx.peer_name->value.c_str() : "";
  input.peer_kind = PeerKindCode(ctx.peer_name);
  input.purpose = PurposeCode(ctx.purpose);
  input.time_unix = absl::ToUnixSeconds(ctx.time);
  input.chain = chain.list();
  input.is_post = builtin != nullptr ? 1 : 0;
  input.builtin_valid = builtin != nullptr && builtin->valid ? 1 : 0;
  input.path = path.list();

  char error[512] = {0};
  const certval_plugin_info& info = lib_->info();
  int verdict = info.decide(info.state, &input, error, sizeof(error));
  error[sizeof(error) - 1] = '\0';  // a plugin that fills the buffer may forget the terminator
  switch (verdict) {
    case CERTVAL_ACCEPT:
      return HookVerdict::kAccept;
    case CERTVAL_REJECT:
      return HookVerdict::kReject;
    case CERTVAL_DEFER:
      return HookVerdict::kDefer;
    case CERTVAL_ERROR:
      return absl::UnavailableError(error[0] != '\0' ? error : "the plugin gave no reason");
  }
  return absl::InternalError(
      absl::StrCat("the plugin returned ", verdict, ", which is not a verdict"));
}

struct ReportTarget {
  FindingReporter* out;
  int path_size;
};

// The certval_report_fn handed to plugins. Copies everything at once: the strings are the plugin's.
void ReportToFindings(void* report_ctx, int cert_index, const char* code, const char* message) {
  auto* target = static_cast<ReportTarget*>(report_ctx);
  // An index outside the path would mislead readers of the finding; it is about the path then.
  if (cert_index < -1 || cert_index >= target->path_size) cert_index = -1;
  target->out->Report(cert_index, code != nullptr && code[0] != '\0' ? code : "failed",
                      message != nullptr ? message : "");
}

class PluginCheck final : public Check {
 public:
  explicit PluginCheck(std::shared_ptr<const PluginLibrary> lib)
      : lib_(std::move(lib)), name_(lib_->info().check_name) {}
  absl::string_view name() const override { return name_; }
  void Run(const PathContext& ctx, FindingReporter& out) const override;

 private:
  std::shared_ptr<const PluginLibrary> lib_;
  std::string name_;
};

void PluginCheck::Run(const PathContext& ctx, FindingReporter& out) const {
  DerArrays path(ctx.path);
  std::vector<int64_t> not_before, not_after;
  for (const CertificatePtr& cert : ctx.path) {
    not_before.push_back(absl::ToUnixSeconds(cert->not_before()));
    not_after.push_back(absl::ToUnixSeconds(cert->not_after()));
  }
  const PeerName* peer = ctx.request != nullptr ? &ctx.request->peer_name : nullptr;
  certval_check_input input{};
  input.peer_name = peer != nullptr ? peer->value.c_str() : "";
  input.peer_kind = PeerKindCode(peer);
  input.purpose = PurposeCode(ctx.request != nullptr ? ctx.request->purpose : Purpose::kAny);
  input.time_unix = absl::ToUnixSeconds(ctx.time);
  input.path = path.list();
  input.anchor_trusted = ctx.anchor.kind == TrustKind::kAnchor ? 1 : 0;
  input.not_before = not_before.data();
  input.not_after = not_after.data();
  ReportTarget target{&out, static_cast<int>(ctx.path.size())};
  const certval_plugin_info& info = lib_->info();
  info.run(info.state, &input, &ReportToFindings, &target);
}

// What init filled in makes a usable plugin: a name, and a hook or a properly named check.
absl::Status ValidateInfo(const std::string& path, const certval_plugin_info& info) {
  auto bad = [&](absl::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("plugin '", path, "': ", why));
  };
  if (info.name == nullptr || info.name[0] == '\0') return bad("certval_plugin_init set no name");
  if (info.decide == nullptr && info.run == nullptr) {
    return bad("certval_plugin_init set neither decide nor run: the plugin does nothing");
  }
  if (info.run == nullptr) return absl::OkStatus();
  absl::string_view check = info.check_name != nullptr ? info.check_name : "";
  if (!IsPlainCheckName(check)) {
    return bad(absl::StrCat("check name '", check,
                            "' is not a plain name (lowercase letters, digits and '_', starting "
                            "with a letter, at most ",
                            kMaxCheckNameLength, " bytes)"));
  }
  // A borrowed name would make the plugin's findings pass for certval's own, its mode theirs.
  if (IsReservedCheckName(check)) {
    return bad(absl::StrCat("check name '", check, "' is reserved for certval's own checks"));
  }
  return absl::OkStatus();
}

// dlopen with the failure modes told apart: missing file vs. not a shared object.
absl::StatusOr<void*> OpenLibrary(const std::string& path) {
  // Without a '/', dlopen would search the library path and could load some other file.
  std::string file = path.find('/') == std::string::npos ? "./" + path : path;
  struct stat st;
  if (stat(file.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT || err == ENOTDIR) {
      return absl::NotFoundError(absl::StrCat("plugin '", path, "': no such file"));
    }
    return absl::InvalidArgumentError(absl::StrCat("plugin '", path, "': ", strerror(err)));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat("plugin '", path, "': not a regular file"));
  }
  dlerror();
  // RTLD_NOW: an unresolved symbol fails here, not at the first validation. RTLD_LOCAL: the
  // plugin's symbols stay its own.
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return absl::InvalidArgumentError(absl::StrCat(
        "plugin '", path,
        "' is not a loadable shared object: ", why != nullptr ? why : "dlopen failed"));
  }
  return handle;
}

// Runs init; on any error the library is closed again.
absl::StatusOr<std::shared_ptr<const PluginLibrary>> InitLibrary(const std::string& path,
                                                                 void* handle) {
  auto fail = [&](absl::Status status) {
    dlclose(handle);
    return status;
  };
  auto init = reinterpret_cast<certval_plugin_init_fn>(dlsym(handle, CERTVAL_PLUGIN_INIT_SYMBOL));
  if (init == nullptr) {
    return fail(absl::InvalidArgumentError(
        absl::StrCat("plugin '", path, "' does not export ", CERTVAL_PLUGIN_INIT_SYMBOL,
                     " (is it a certval plugin? a C++ plugin needs extern \"C\")")));
  }
  // The version before any plugin code runs: init of another version may expect a larger struct
  // and write past ours. A plugin without the symbol predates it (version 1).
  const auto* version = static_cast<const uint32_t*>(dlsym(handle, CERTVAL_PLUGIN_ABI_SYMBOL));
  if (version == nullptr || *version != CERTVAL_PLUGIN_ABI_VERSION) {
    return fail(absl::FailedPreconditionError(absl::StrCat(
        "plugin '", path, "' was built for plugin ABI version ",
        version == nullptr ? absl::StrCat("1 (it does not export ", CERTVAL_PLUGIN_ABI_SYMBOL, ")")
                           : absl::StrCat(*version),
        "; this certval speaks version ", CERTVAL_PLUGIN_ABI_VERSION,
        ": rebuild it against this certval's hooks/certval_plugin.h")));
  }
  certval_plugin_info info{};
  int rc = init(CERTVAL_PLUGIN_ABI_VERSION, &info, sizeof(info));
  if (rc != 0) {
    return fail(absl::AbortedError(absl::StrCat(
        "plugin '", path, "': ", CERTVAL_PLUGIN_INIT_SYMBOL, " failed (returned ", rc,
        "): ", info.error != nullptr && info.error[0] != '\0' ? info.error : "no reason given")));
  }
  return std::make_shared<const PluginLibrary>(handle, info);
}

}  // namespace

absl::StatusOr<LoadedPlugin> LoadPlugin(const std::string& path) {
  absl::StatusOr<void*> handle = OpenLibrary(path);
  if (!handle.ok()) return handle.status();
  absl::StatusOr<std::shared_ptr<const PluginLibrary>> lib = InitLibrary(path, *handle);
  if (!lib.ok()) return lib.status();
  const certval_plugin_info& info = (*lib)->info();
  // From here on the library owns the handle: an error unloads it, destroy() included.
  if (absl::Status status = ValidateInfo(path, info); !status.ok()) return status;
  LoadedPlugin plugin;
  plugin.name = info.name;
  plugin.path = path;
  if (info.decide != nullptr) plugin.hook = std::make_shared<PluginHook>(*lib);
  if (info.run != nullptr) plugin.check = std::make_shared<PluginCheck>(*lib);
  return plugin;
}

// --- ProbePlugin -------------------------------------------------------------------------------

namespace {

std::string SignalText(int sig) {
  const char* abbrev = nullptr;
  switch (sig) {
    case SIGSEGV:
      abbrev = "SIGSEGV";
      break;
    case SIGABRT:
      abbrev = "SIGABRT";
      break;
    case SIGBUS:
      abbrev = "SIGBUS";
      break;
    case SIGILL:
      abbrev = "SIGILL";
      break;
    case SIGFPE:
      abbrev = "SIGFPE";
      break;
    case SIGKILL:
      abbrev = "SIGKILL";
      break;
    case SIGTERM:
      abbrev = "SIGTERM";
      break;
    default:
      break;
  }
  return abbrev != nullptr ? absl::StrCat("signal ", sig, " (", abbrev, ")")
                           : absl::StrCat("signal ", sig, " (", strsignal(sig), ")");
}

// The child: load, write "<status code> <message>" to `fd`, and leave without running any of the
// parent's exit handlers.
[[noreturn]] void ProbeChild(const std::string& path, int fd) {
  absl::StatusOr<LoadedPlugin> plugin = LoadPlugin(path);
  absl::Status status = plugin.status();
  std::string report = absl::StrCat(static_cast<int>(status.code()), " ", status.message());
  size_t done = 0;
  while (done < report.size()) {
    ssize_t n = write(fd, report.data() + done, report.size() - done);
    if (n <= 0 && errno != EINTR) break;
    if (n > 0) done += static_cast<size_t>(n);
  }
  _exit(0);
}

// Reads until end of file or the deadline; false on timeout.
bool ReadAll(int fd, absl::Time deadline, std::string* out) {
  char buf[1024];
  while (true) {
    int64_t ms = absl::ToInt64Milliseconds(deadline - absl::Now());
    if (ms <= 0) return false;
    struct pollfd pfd = {fd, POLLIN, 0};
    int ready = poll(&pfd, 1, static_cast<int>(ms));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return false;
    if (ready < 0) return true;  // nothing more can be read; the exit status tells the rest
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return true;
    out->append(buf, static_cast<size_t>(n));
  }
}

absl::Status ParseReport(const std::string& path, const std::string& report, int exit_code) {
  size_t space = report.find(' ');
  int code = 0;
  if (space == std::string::npos || !absl::SimpleAtoi(report.substr(0, space), &code)) {
    // The child died without reporting although no signal killed it: init called exit().
    return absl::InternalError(absl::StrCat(
        "plugin '", path, "' ended the process while loading (exit status ", exit_code, ")"));
  }
  return absl::Status(static_cast<absl::StatusCode>(code), report.substr(space + 1));
}

}  // namespace

absl::Status ProbePlugin(const std::string& path, absl::Duration timeout) {
  int fds[2];
  if (pipe(fds) != 0) return absl::InternalError(absl::StrCat("pipe: ", strerror(errno)));
  pid_t pid = fork();
  if (pid < 0) {
    close(fds[0]);
    close(fds[1]);
    return absl::InternalError(absl::StrCat("fork: ", strerror(errno)));
  }
  if (pid == 0) {
    close(fds[0]);
    ProbeChild(path, fds[1]);
  }
  close(fds[1]);
  std::string report;
  bool finished = ReadAll(fds[0], absl::Now() + timeout, &report);
  close(fds[0]);
  if (!finished) kill(pid, SIGKILL);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR) {
  }
  if (!finished) {
    return absl::DeadlineExceededError(absl::StrCat(
        "plugin '", path, "' did not finish loading within ", absl::FormatDuration(timeout)));
  }
  if (WIFSIGNALED(wstatus)) {
    return absl::InternalError(
        absl::StrCat("plugin '", path, "' crashed while loading: ", SignalText(WTERMSIG(wstatus))));
  }
  return ParseReport(path, report, WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
}

}  // namespace certval
