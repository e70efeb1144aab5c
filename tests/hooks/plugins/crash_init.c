/* A plugin that crashes in init: only ProbePlugin (a forked child) may load it. */
#include <signal.h>

#include "certval/hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  raise(SIGSEGV);
  return 0;
}
