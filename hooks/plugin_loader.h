// Loading validation plugins: shared objects that speak the C ABI of hooks/certval_plugin.h.
//
//   absl::StatusOr<certval::LoadedPlugin> plugin = certval::LoadPlugin("/opt/app/libpins.so");
//   if (!plugin.ok()) { log(plugin.status()); ... }
//   if (plugin->hook) options.pre_hooks.push_back(plugin->hook);
//   if (plugin->check) options.custom_checks.push_back(plugin->check);
//
// The Hook and Check keep the library loaded: it is unloaded (after the plugin's destroy()) when
// the last of them, and every Validator holding them, is gone. Errors are distinct and name the
// file:
//   NotFound            the file does not exist
//   InvalidArgument     not a loadable shared object (dlopen's reason follows), or no
//                       certval_plugin_init symbol, or init filled in nothing usable
//   FailedPrecondition  built for another CERTVAL_PLUGIN_ABI_VERSION (found before init runs)
//   Aborted             certval_plugin_init returned non-zero (with the plugin's reason)
//
// A plugin runs inside the process. One that crashes in init (or anywhere) cannot be recovered
// from: the signal kills the process. ProbePlugin() loads it in a forked child first and reports
// how that went, signal included; tools offer it as `--probe`. Plugins are trusted code: load only
// files an administrator installed, never a path taken from the network.
#ifndef CERTVAL_HOOKS_PLUGIN_LOADER_H_
#define CERTVAL_HOOKS_PLUGIN_LOADER_H_

#include <memory>
#include <string>

#include "absl/base/attributes.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "certval/validator/check.h"
#include "certval/validator/hook.h"

namespace certval {

struct LoadedPlugin {
  std::string name;                    // as the plugin gave it
  std::string path;                    // the file loaded
  std::shared_ptr<const Hook> hook;    // null when the plugin has no decide()
  std::shared_ptr<const Check> check;  // null when the plugin has no run()
};

// dlopen()s `path` (a path without '/' is taken relative to the working directory, never looked up
// in the library search path) and runs its certval_plugin_init.
ABSL_MUST_USE_RESULT
absl::StatusOr<LoadedPlugin> LoadPlugin(const std::string& path);

// Loads `path` in a forked child and reports the outcome without risking this process: OK, the load
// error LoadPlugin would give, or Internal "... crashed in certval_plugin_init: signal 11
// (SIGSEGV)". The child is given `timeout` to finish, then killed (DeadlineExceeded). Fork in a
// multi-threaded process is delicate (the child only calls dlopen and exits), so call it early,
// before threads start, as a command-line `--probe` does.
ABSL_MUST_USE_RESULT
absl::Status ProbePlugin(const std::string& path, absl::Duration timeout = absl::Seconds(10));

}  // namespace certval

#endif  // CERTVAL_HOOKS_PLUGIN_LOADER_H_
