/* A plugin that crashes in init: only ProbePlugin (a forked child) may load it. */
#include <signal.h>

#include "hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(struct certval_plugin_info* info) {
  info->abi_version = CERTVAL_PLUGIN_ABI_VERSION;
  raise(SIGSEGV);
  return 0;
}
