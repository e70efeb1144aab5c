/* A plugin whose init refuses to start, saying why. */
#include "certval/hooks/certval_plugin.h"

CERTVAL_PLUGIN_EXPORT const uint32_t certval_plugin_abi_version = CERTVAL_PLUGIN_ABI_VERSION;

CERTVAL_PLUGIN_EXPORT int certval_plugin_init(uint32_t host_abi_version,
                                              struct certval_plugin_info* info, size_t info_size) {
  if (!CERTVAL_PLUGIN_HOST_MATCHES(host_abi_version, info_size)) return 1;
  info->error = "configuration /nonexistent/pins.conf missing";
  return 7;
}
